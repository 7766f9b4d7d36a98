/**
 * Clustering (issue #9): choose the variables, k or a range of k, the seed and whether to
 * standardise; run k-means as a job (its progress and Cancel are in the status bar, Cancel here
 * too), then read the diagnostics per k and the chosen k's centres, name the clusters and save
 * them as a segment variable.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../../shared/api/index';
import type { KMeansReport } from '../../../../../shared/domain/segments';
import type { VariableSummary } from '../../../../../shared/domain/study';
import { useClient } from '../../../api/ClientContext';
import { Checkbox } from '../../../components/Checkbox';
import { ClusterResult } from './ClusterResult';
import { clusterRequest, type KMeansRangeRequest } from './clusterForm';
import { unfinishedJobMessage, useJobOutcome, type JobMessage } from './useJobOutcome';
import type { VariableCatalog } from './variableCatalog';
import { AddVariable, VariableChips } from './VariablePicker';
import { NumberField } from './NumberField';

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
  const { t } = useTranslation(['segments', 'common']);
  const outcome = useJobOutcome();
  const [chosen, setChosen] = useState<string[]>([]);
  const [kFrom, setKFrom] = useState('2');
  const [kTo, setKTo] = useState('6');
  const [seed, setSeed] = useState('1');
  const [restarts, setRestarts] = useState('10');
  const [standardize, setStandardize] = useState(true);
  const [running, setRunning] = useState<string | null>(null);
  const [message, setMessage] = useState<JobMessage | null>(null);
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
      setMessage(unfinishedJobMessage(job, 'clusters'));
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
          text: t('clusters.saved', { name: report.saved, k }),
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
          <span>{t('clusters.variables')}</span>
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
          <NumberField label={t('clusters.kFrom')} value={kFrom} onChange={setKFrom} />
          <label className="field">
            <span>{t('clusters.kTo')}</span>
            <input
              className="cluster-panel__number"
              inputMode="numeric"
              value={kTo}
              onChange={(e) => setKTo(e.target.value)}
              aria-label={t('clusters.kToLabel')}
            />
          </label>
          <NumberField label={t('clusters.seed')} value={seed} onChange={setSeed} />
          <NumberField label={t('clusters.restarts')} value={restarts} onChange={setRestarts} />
          <Checkbox checked={standardize} onChange={setStandardize}>
            {t('clusters.standardise')}
          </Checkbox>
          <button type="submit" className="primary" disabled={!!problem || running !== null}>
            {t('clusters.run')}
          </button>
          {running && (
            <>
              <span className="muted" role="status">
                {t('clusters.running')}
              </span>
              <button
                type="button"
                onClick={() => void client.invoke('jobs.cancel', { jobId: running })}
              >
                {t('common:cancel')}
              </button>
            </>
          )}
        </div>
        {problem && chosen.length > 0 && <p className="muted">{problem}</p>}
        <p className="muted cluster-panel__method">{t('clusters.method')}</p>
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
