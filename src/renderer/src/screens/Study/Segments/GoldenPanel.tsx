/**
 * Golden questions and hold-out accuracy (issue #9), both jobs in the study worker with progress;
 * either stops on Cancel in the status bar (the hold-out also here), between two model fits. The
 * golden questions are judged by a stated criterion — balanced accuracy unless the user picks
 * another — with overall accuracy and each segment's recall beside it at every step.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  GoldenCriterion,
  GoldenQuestionsReport,
  HoldOutReport,
  SavedSegmentation,
} from '../../../../../shared/domain/segments';
import { formatNumber, tableDecimals } from '../../../../../shared/domain/tableFormat';
import { useClient } from '../../../api/ClientContext';
import { SegmentationSelect, chosenSegmentation } from './SegmentationSelect';
import { unfinishedJobMessage, useJobOutcome, type JobMessage } from './useJobOutcome';
import { useJobProgress } from './useJobProgress';
import { NumberField } from './NumberField';

interface GoldenPanelProps {
  saved: SavedSegmentation[];
  /** Called when a golden typing tool was saved with a segmentation (its definition changed). */
  onSaved?: () => void;
}

const DECIMALS = { ...tableDecimals(), percent: 1 };

/** An accuracy (0–1) as a percentage with one decimal, through the table formatter. */
export function accuracyText(share: number | null): string {
  return formatNumber(share === null ? null : share * 100, 'percent', DECIMALS);
}

const CRITERIA: readonly GoldenCriterion[] = ['balanced', 'every-segment', 'overall'];

/** Below this recall a segment is said to be poorly recognised: most of it is typed as another. */
const POORLY_RECOGNISED = 0.5;

export function GoldenPanel({ saved, onSaved }: GoldenPanelProps) {
  const client = useClient();
  const { t } = useTranslation(['segments', 'common']);
  const outcome = useJobOutcome();
  const [chosen, setChosen] = useState('');
  const [target, setTarget] = useState('90');
  const [criterion, setCriterion] = useState<GoldenCriterion>('balanced');
  const [seed, setSeed] = useState('1');
  const [goldenJob, setGoldenJob] = useState<string | null>(null);
  const [holdOutJob, setHoldOutJob] = useState<string | null>(null);
  const [message, setMessage] = useState<JobMessage | null>(null);
  const [golden, setGolden] = useState<GoldenQuestionsReport | null>(null);
  const [holdOut, setHoldOut] = useState<HoldOutReport | null>(null);
  const goldenProgress = useJobProgress(goldenJob);
  const holdOutProgress = useJobProgress(holdOutJob);
  const segmentation = chosenSegmentation(saved, chosen);

  const accuracy = Number(target) / 100;
  const seedNumber = Number(seed);
  const problem =
    !Number.isFinite(accuracy) || accuracy <= 0 || accuracy > 1 || target.trim() === ''
      ? t('golden.badTarget')
      : !Number.isInteger(seedNumber) || seedNumber < 0 || seed.trim() === ''
        ? t('golden.badSeed')
        : null;

  /** Waits for a job's end: its result, or null with the reason shown. */
  const finish = async <T,>(jobId: string): Promise<T | null> => {
    const job = await outcome(jobId);
    if (job.status === 'done') return job.result as T;
    setMessage(unfinishedJobMessage(job, 'golden'));
    return null;
  };

  const runGolden = async (event: FormEvent) => {
    event.preventDefault();
    if (problem || !segmentation) return;
    setMessage(null);
    try {
      const { jobId } = await client.invoke('segments.golden', {
        segmentation,
        accuracy,
        criterion,
        seed: seedNumber,
      });
      setGoldenJob(jobId);
      try {
        const report = await finish<GoldenQuestionsReport>(jobId);
        if (report) setGolden(report);
      } finally {
        setGoldenJob(null);
      }
    } catch (failure) {
      setMessage({ tone: 'error', text: (failure as Error).message });
    }
  };

  /**
   * Saves the typing tool of a result's questions: the same seeded search again, with `save`, so
   * the model kept is exactly the one the search gives (the result shown is replaced by it).
   */
  const saveTool = async (report: GoldenQuestionsReport) => {
    setMessage(null);
    try {
      const { jobId } = await client.invoke('segments.golden', {
        segmentation: report.segmentation,
        candidates: report.candidates,
        accuracy: report.target,
        criterion: report.criterion,
        seed: report.sample.seed,
        save: true,
      });
      setGoldenJob(jobId);
      try {
        const again = await finish<GoldenQuestionsReport>(jobId);
        if (again) {
          setGolden(again);
          onSaved?.();
        }
      } finally {
        setGoldenJob(null);
      }
    } catch (failure) {
      setMessage({ tone: 'error', text: (failure as Error).message });
    }
  };

  const runHoldOut = async () => {
    if (problem || !segmentation) return;
    setMessage(null);
    try {
      const { jobId } = await client.invoke('segments.holdOut', {
        segmentation,
        seed: seedNumber,
      });
      setHoldOutJob(jobId);
      try {
        const report = await finish<HoldOutReport>(jobId);
        if (report) setHoldOut(report);
      } finally {
        setHoldOutJob(null);
      }
    } catch (failure) {
      setMessage({ tone: 'error', text: (failure as Error).message });
    }
  };

  const busy = goldenJob !== null || holdOutJob !== null;
  return (
    <div className="stack">
      <form className="panel stack" onSubmit={runGolden} aria-label={t('golden.heading')}>
        <h3>{t('golden.heading')}</h3>
        <p className="muted">{t('golden.intro')}</p>
        <div className="inline-form">
          <SegmentationSelect
            label={t('golden.segmentation')}
            saved={saved}
            value={segmentation}
            onChange={setChosen}
          />
          <NumberField
            label={t('golden.target')}
            value={target}
            onChange={setTarget}
            inputMode="decimal"
          />
          <label className="field">
            <span>{t('golden.criterion')}</span>
            <select
              value={criterion}
              onChange={(e) => setCriterion(e.target.value as GoldenCriterion)}
            >
              {CRITERIA.map((id) => (
                <option key={id} value={id}>
                  {t(`golden.criteria.${id}.name`)}
                </option>
              ))}
            </select>
          </label>
          <NumberField label={t('golden.seed')} value={seed} onChange={setSeed} />
        </div>
        <p className="muted">{t(`golden.criteria.${criterion}.definition`)}</p>
        <div className="inline-form">
          <button type="submit" className="primary" disabled={busy || !!problem || !segmentation}>
            {t('golden.run')}
          </button>
          <button
            type="button"
            disabled={busy || !!problem || !segmentation}
            onClick={() => void runHoldOut()}
          >
            {t('holdOut.run')}
          </button>
        </div>
        {problem && <p className="muted">{problem}</p>}
        {goldenJob && (
          <p role="status">
            {t('golden.running', {
              done: goldenProgress?.done ?? 0,
              total: goldenProgress?.total ?? 0,
            })}
          </p>
        )}
        {holdOutJob && (
          <div className="inline-form">
            <span className="muted" role="status">
              {t('holdOut.running', {
                done: holdOutProgress?.done ?? 0,
                total: holdOutProgress?.total ?? 0,
              })}
            </span>
            <button
              type="button"
              onClick={() => void client.invoke('jobs.cancel', { jobId: holdOutJob })}
            >
              {t('common:cancel')}
            </button>
          </div>
        )}
      </form>
      {message && (
        <p
          className={`notice notice--${message.tone}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      {golden && <GoldenResult report={golden} busy={busy} onSave={() => void saveTool(golden)} />}
      {holdOut && <HoldOutResult report={holdOut} />}
    </div>
  );
}

interface GoldenResultProps {
  report: GoldenQuestionsReport;
  busy: boolean;
  onSave: () => void;
}

function GoldenResult({ report, busy, onSave }: GoldenResultProps) {
  const { t } = useTranslation('segments');
  const last = report.steps[report.steps.length - 1];
  const criterionName = t(`golden.criteria.${report.criterion}.inline`);
  const targetText = accuracyText(report.target);
  // Overall accuracy stays in view beside a per-segment criterion; with `overall` it is the criterion.
  const showOverall = report.criterion !== 'overall';
  const best = report.steps.reduce(
    (top, step, i) => (step.holdOutScore > report.steps[top]!.holdOutScore ? i : top),
    0,
  );
  const label = t('golden.stepsLabel', { name: report.segmentation });
  return (
    <section className="panel stack" aria-label={label}>
      <h3>{label}</h3>
      <p>
        {report.reached
          ? t('golden.reached', {
              count: report.chosen.length,
              name: report.segmentation,
              criterion: criterionName,
              score: accuracyText(last?.holdOutScore ?? null),
              target: targetText,
            })
          : t('golden.notReached', {
              criterion: criterionName,
              score: accuracyText(last?.holdOutScore ?? null),
              target: targetText,
            })}
        {!report.reached &&
          best < report.steps.length - 1 &&
          ` ${t('golden.best', {
            count: best + 1,
            score: accuracyText(report.steps[best]!.holdOutScore),
            list: report.chosen.slice(0, best + 1).join(', '),
          })}`}
        {showOverall &&
          last &&
          ` ${t('golden.overallBeside', { accuracy: accuracyText(last.holdOutAccuracy) })}`}
      </p>
      <p className="muted">
        {t('golden.criterionUsed', {
          criterion: criterionName,
          definition: t(`golden.criteria.${report.criterion}.definition`),
        })}
      </p>
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('golden.step')}
            </th>
            <th scope="col">{t('golden.question')}</th>
            <th scope="col" className="num">
              {t('golden.trainScore', { criterion: criterionName })}
            </th>
            <th scope="col" className="num">
              {t('golden.holdOutScore', { criterion: criterionName })}
            </th>
            {showOverall && (
              <th scope="col" className="num">
                {t('golden.holdOutAccuracy')}
              </th>
            )}
            {report.confusion.segments.map((segment) => (
              <th scope="col" className="num" key={segment.code}>
                {t('golden.recallOf', { segment: segment.label })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.steps.map((step, index) => (
            <tr key={step.variable}>
              <td className="num">{index + 1}</td>
              <th scope="row">{step.variable}</th>
              <td className="num">{accuracyText(step.trainScore)}</td>
              <td className="num">{accuracyText(step.holdOutScore)}</td>
              {showOverall && <td className="num">{accuracyText(step.holdOutAccuracy)}</td>}
              {step.holdOutRecall.map((recall, k) => (
                <td className="num" key={report.confusion.segments[k]?.code ?? k}>
                  {accuracyText(recall)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {report.confusion.segments.map((segment, k) =>
        // Whatever the criterion, a segment mostly typed as another is named (as the CLI does).
        report.confusion.bySegment[k]!.n > 0 &&
        report.confusion.bySegment[k]!.recall < POORLY_RECOGNISED ? (
          <p className="notice notice--warn" role="status" key={segment.code}>
            {t('golden.poorlyRecognised', {
              recall: accuracyText(report.confusion.bySegment[k]!.recall),
              segment: segment.label,
            })}
          </p>
        ) : null,
      )}
      <p className="muted">{t('golden.classifier', { classifier: report.classifier })}</p>
      <p className="muted">
        {t('golden.sample', {
          seed: report.sample.seed,
          train: formatNumber(report.sample.train, 'count'),
          test: formatNumber(report.sample.test, 'count'),
          excluded: formatNumber(report.sample.excluded, 'count'),
        })}
      </p>
      {report.skipped.length > 0 && (
        <p className="muted">
          {t('golden.skipped', {
            list: report.skipped.map((s) => `${s.variable} (${s.reason})`).join('; '),
          })}
        </p>
      )}
      {report.model && <GoldenTool report={report} busy={busy} onSave={onSave} />}
    </section>
  );
}

/** The typing tool of the chosen questions: whom it was fitted on, how well, and saving it. */
function GoldenTool({ report, busy, onSave }: GoldenResultProps) {
  const { t } = useTranslation('segments');
  const model = report.model!;
  return (
    <div className="stack" aria-label={t('golden.tool.heading')} role="group">
      <h4>{t('golden.tool.heading')}</h4>
      <p>
        {t('golden.tool.fitted', {
          count: model.questions.length,
          respondents: formatNumber(model.fittedOn.respondents, 'count'),
          accuracy: accuracyText(model.inSample.accuracy),
          balanced: accuracyText(model.inSample.balancedAccuracy),
        })}
      </p>
      <p className="muted">{t('golden.tool.how')}</p>
      {report.saved ? (
        <p className="notice notice--info" role="status">
          {t('golden.tool.saved', { name: report.saved })}
        </p>
      ) : (
        <div className="inline-form">
          <button type="button" disabled={busy} onClick={onSave}>
            {t('golden.tool.save')}
          </button>
        </div>
      )}
    </div>
  );
}

function HoldOutResult({ report }: { report: HoldOutReport }) {
  const { t } = useTranslation('segments');
  const labels = new Map(report.confusion.segments.map((s) => [s.code, s.label]));
  return (
    <section className="panel stack" aria-label={t('holdOut.heading')}>
      <h3>{t('holdOut.heading')}</h3>
      <p>
        {t('holdOut.accuracy', {
          name: report.segmentation,
          accuracy: accuracyText(report.accuracy),
        })}{' '}
        {t('holdOut.balanced', { accuracy: accuracyText(report.confusion.balancedAccuracy) })}
      </p>
      <table
        className="data-table"
        aria-label={t('holdOut.tableLabel', { name: report.segmentation })}
      >
        <thead>
          <tr>
            <th scope="col">{t('holdOut.segment')}</th>
            <th scope="col" className="num">
              {t('holdOut.respondents')}
            </th>
            <th scope="col" className="num">
              {t('holdOut.recall')}
            </th>
            <th scope="col" className="num">
              {t('holdOut.precision')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.confusion.bySegment.map((segment) => (
            <tr key={segment.code}>
              <th scope="row">{labels.get(segment.code) ?? segment.code}</th>
              <td className="num">{formatNumber(segment.n, 'count', DECIMALS)}</td>
              <td className="num">{accuracyText(segment.recall)}</td>
              <td className="num">{accuracyText(segment.precision)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{report.procedure}</p>
    </section>
  );
}
