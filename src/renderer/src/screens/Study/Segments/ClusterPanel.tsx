/**
 * Clustering (issue #9): choose the variables, k or a range of k, the seed and whether to
 * standardise; run k-means as a job (its progress and Cancel are in the status bar, Cancel here
 * too), then read the diagnostics per k and the chosen k's centres, name the clusters and save
 * them as a segment variable.
 */
import { useMemo, useState, type FormEvent } from 'react';
import type { Input } from '../../../../../shared/api/index';
import type { KMeansReport } from '../../../../../shared/domain/segments';
import type { VariableSummary } from '../../../../../shared/domain/study';
import { useClient } from '../../../api/ClientContext';
import { Checkbox } from '../../../components/Checkbox';
import { ClusterResult } from './ClusterResult';
import { clusterRequest, type KMeansRangeRequest } from './clusterForm';
import { useJobOutcome } from './useJobOutcome';
import type { VariableCatalog } from './variableCatalog';
import { AddVariable, VariableChips } from './VariablePicker';

type KMeansRequest = Input<'segments.kmeans'>;

interface ClusterPanelProps {
  variables: VariableSummary[];
  savedNames: string[];
  onSaved: (name: string) => void;
}

interface Ran {
  request: KMeansRangeRequest;
  report: KMeansReport;
}

export function ClusterPanel({ variables, savedNames, onSaved }: ClusterPanelProps) {
  const client = useClient();
  const outcome = useJobOutcome();
  const [chosen, setChosen] = useState<string[]>([]);
  const [kFrom, setKFrom] = useState('2');
  const [kTo, setKTo] = useState('6');
  const [seed, setSeed] = useState('1');
  const [restarts, setRestarts] = useState('10');
  const [standardize, setStandardize] = useState(true);
  const [running, setRunning] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [ran, setRan] = useState<Ran | null>(null);

  const catalog = useMemo(
    (): VariableCatalog => ({
      variables,
      byName: new Map(variables.map((v) => [v.name, v])),
      scaleLabels: new Map(),
      bind: () => undefined,
    }),
    [variables],
  );

  const { request, problem } = clusterRequest({
    variables: chosen,
    kFrom,
    kTo,
    seed,
    restarts,
    standardize,
  });

  /** Runs one k-means job to its end; the report, or null when it did not finish well. */
  const runJob = async (input: KMeansRequest): Promise<KMeansReport | null> => {
    const { jobId } = await client.invoke('segments.kmeans', input);
    setRunning(jobId);
    try {
      const job = await outcome(jobId);
      if (job.status === 'done') return job.result as KMeansReport;
      setMessage(
        job.status === 'cancelled'
          ? { tone: 'info', text: 'The clustering was cancelled.' }
          : { tone: 'error', text: `The clustering failed: ${job.error ?? 'unknown error'}` },
      );
      return null;
    } finally {
      setRunning(null);
    }
  };

  const run = async (event: FormEvent) => {
    event.preventDefault();
    if (!request) return;
    setMessage(null);
    try {
      const report = await runJob(request);
      if (report) setRan({ request, report });
    } catch (error) {
      setMessage({ tone: 'error', text: (error as Error).message });
    }
  };

  const save = async (k: number, name: string, labels: string[]): Promise<void> => {
    if (!ran) return;
    setMessage(null);
    try {
      const report = await runJob({ ...ran.request, k, name, labels });
      if (report?.saved) {
        setMessage({
          tone: 'info',
          text: `Saved ${report.saved}: ${k} clusters as a segment variable; respondents of new sources go to the nearest stored centre.`,
        });
        onSaved(report.saved);
      }
    } catch (error) {
      setMessage({ tone: 'error', text: (error as Error).message });
    }
  };

  return (
    <div className="cluster-panel stack">
      <form className="panel stack cluster-panel__form" onSubmit={run} aria-label="k-means">
        <div className="field">
          <span>Variables to cluster on (numbers or scales)</span>
          <div className="cluster-panel__variables">
            <VariableChips
              name="Clustering"
              selected={chosen}
              catalog={catalog}
              onChange={setChosen}
            />
            <AddVariable
              name="Clustering"
              selected={chosen}
              catalog={catalog}
              onChange={setChosen}
            />
          </div>
        </div>
        <div className="inline-form">
          <label className="field">
            <span>k from</span>
            <input
              className="cluster-panel__number"
              inputMode="numeric"
              value={kFrom}
              onChange={(e) => setKFrom(e.target.value)}
            />
          </label>
          <label className="field">
            <span>to</span>
            <input
              className="cluster-panel__number"
              inputMode="numeric"
              value={kTo}
              onChange={(e) => setKTo(e.target.value)}
              aria-label="k to"
            />
          </label>
          <label className="field">
            <span>Seed</span>
            <input
              className="cluster-panel__number"
              inputMode="numeric"
              value={seed}
              onChange={(e) => setSeed(e.target.value)}
            />
          </label>
          <label className="field">
            <span>Restarts</span>
            <input
              className="cluster-panel__number"
              inputMode="numeric"
              value={restarts}
              onChange={(e) => setRestarts(e.target.value)}
            />
          </label>
          <Checkbox checked={standardize} onChange={setStandardize}>
            Standardise (z-scores)
          </Checkbox>
          <button type="submit" className="primary" disabled={!!problem || running !== null}>
            Run k-means
          </button>
          {running && (
            <>
              <span className="muted" role="status">
                Clustering… (progress in the status bar)
              </span>
              <button
                type="button"
                onClick={() => void client.invoke('jobs.cancel', { jobId: running })}
              >
                Cancel
              </button>
            </>
          )}
        </div>
        {problem && chosen.length > 0 && <p className="muted">{problem}</p>}
        <p className="muted cluster-panel__method">
          k-means++ seeding from the seed, the best of the restarts by within-cluster SS; the same
          seed gives the same clusters. Respondents with a missing value on any input are left out
          and counted.
        </p>
      </form>
      {message && (
        <p
          className={`notice notice--${message.tone}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      {ran && (
        <ClusterResult
          key={JSON.stringify(ran.request)}
          report={ran.report}
          savedNames={savedNames}
          saving={running !== null}
          onSave={(k, name, labels) => void save(k, name, labels)}
        />
      )}
    </div>
  );
}
