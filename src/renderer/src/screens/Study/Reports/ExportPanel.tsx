/**
 * Exports the report as PowerPoint, Excel or PDF: a job in the study worker (progress here and
 * in the status bar, cancellable), labels in the chosen language (the toolbar's unless another is
 * picked), written where the user says. The desktop app asks with the native save dialog (or a
 * folder dialog for one file per value); browser mode has none, so there the place is typed, as
 * the data export asks for it: one folder-and-name, the format's extension added.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportExportSummary, ReportFormat } from '../../../../../shared/api/reports';
import { languageName } from '../../../../../shared/domain/languages';
import type { JobInfo, StudySummary } from '../../../../../shared/domain/study';
import { useClient, useEvent } from '../../../api/ClientContext';
import { useJobOutcome } from '../Segments/useJobOutcome';
import { RepeatSelect, type RepeatOption } from './RepeatSelect';

interface ExportPanelProps {
  study: StudySummary;
  reportName: string;
  /** The label language chosen for the preview and the export; '' follows the toolbar. */
  language: string;
  onLanguageChange: (language: string) => void;
  /** Saves the draft, so the export reads what is on screen. */
  saveNow: () => Promise<void>;
  /** What "one file for each" can split the export by. */
  repeatOptions: RepeatOption[];
}

const FORMATS: ReadonlyArray<{ format: ReportFormat; key: 'pptx' | 'xlsx' | 'pdf' }> = [
  { format: 'pptx', key: 'pptx' },
  { format: 'xlsx', key: 'xlsx' },
  { format: 'pdf', key: 'pdf' },
];

function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? '' : path.slice(0, cut + 1);
}

/** A report name as a file name: characters file systems refuse become "-". */
function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'report';
}

/** The path without the extension the user may have typed. */
function withoutExtension(path: string): string {
  return path.replace(/\.(pptx|xlsx|pdf)$/i, '');
}

interface Running {
  jobId: string;
  format: ReportFormat;
  done: number;
  total: number;
}

type Outcome = { tone: 'info' | 'error'; text: string };

export function ExportPanel({
  study,
  reportName,
  language,
  onLanguageChange,
  saveNow,
  repeatOptions,
}: ExportPanelProps) {
  const { t } = useTranslation(['reports', 'common']);
  const client = useClient();
  const waitFor = useJobOutcome();
  const [target, setTarget] = useState(() => `${folderOf(study.path)}${safeFileName(reportName)}`);
  const [running, setRunning] = useState<Running | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // One file per value: the place is then a folder, each file named <report>-<value>.<ext>.
  const [each, setEach] = useState('');
  // Native dialogs exist only in the desktop app (app.info says so); until it answers, type.
  const [nativeDialogs, setNativeDialogs] = useState(false);

  useEffect(() => {
    let live = true;
    client.invoke('app.info', {}).then(
      (info) => live && setNativeDialogs(info.nativeDialogs),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  useEvent(
    'job.progress',
    useCallback((job: JobInfo) => {
      setRunning((current) =>
        current && current.jobId === job.jobId
          ? { ...current, done: job.done, total: job.total }
          : current,
      );
    }, []),
  );

  /** Where to write: asked with the native dialog when there is one (null: the user cancelled). */
  const chooseTarget = async (format: ReportFormat): Promise<string | null> => {
    if (!nativeDialogs)
      return each ? target.trim() : `${withoutExtension(target.trim())}.${format}`;
    const chosen = each
      ? await client.invoke('files.chooseFolder', {})
      : await client.invoke('files.chooseExportPath', {
          suggestedName: `${safeFileName(reportName)}.${format}`,
          format,
        });
    return chosen?.path ?? null;
  };

  const start = async (format: ReportFormat) => {
    setOutcome(null);
    try {
      const path = await chooseTarget(format);
      if (path === null) return;
      await saveNow();
      const { jobId } = await client.invoke('reports.export', {
        name: reportName,
        format,
        path,
        ...(language ? { language } : {}),
        ...(each ? { each } : {}),
      });
      setRunning({ jobId, format, done: 0, total: 0 });
      const job = await waitFor(jobId);
      setRunning(null);
      if (job.status === 'done') {
        const summary = job.result as ReportExportSummary | undefined;
        const files = summary?.files ?? [path];
        const pages = summary?.pages ?? 0;
        setOutcome({
          tone: 'info',
          text:
            files.length === 1
              ? t('export.wrote', { files: files[0], count: pages })
              : t('export.wroteEach', { files: files.join(', '), count: pages, n: files.length }),
        });
      } else if (job.status === 'cancelled') {
        setOutcome({ tone: 'info', text: t('export.cancelled') });
      } else {
        setOutcome({ tone: 'error', text: t('export.failed', { error: job.error ?? '' }) });
      }
    } catch (failure) {
      setRunning(null);
      setOutcome({ tone: 'error', text: (failure as Error).message });
    }
  };

  const cancel = () => {
    if (running) void client.invoke('jobs.cancel', { jobId: running.jobId });
  };

  return (
    <fieldset className="report-export">
      <legend>{t('export.heading')}</legend>
      <label className="field">
        <span>{t('export.language')}</span>
        <select value={language} onChange={(e) => onLanguageChange(e.target.value)}>
          <option value="">
            {t('export.toolbarLanguage', { language: languageName(study.labelLanguage) })}
          </option>
          {study.languages.map((code) => (
            <option key={code} value={code} lang={code}>
              {languageName(code)}
            </option>
          ))}
        </select>
      </label>
      <RepeatSelect
        label={t('export.each')}
        noneLabel={t('export.oneFile')}
        value={each}
        options={repeatOptions}
        onChange={setEach}
      />
      {!nativeDialogs && (
        <label className="field">
          <span>{each ? t('export.saveInFolder') : t('export.saveAs')}</span>
          <input value={target} onChange={(e) => setTarget(e.target.value)} spellCheck={false} />
        </label>
      )}
      <p className="muted report-export__hint">
        {nativeDialogs
          ? each
            ? t('export.folderDialogHint', { report: reportName })
            : t('export.dialogHint')
          : each
            ? t('export.folderHint', { report: reportName })
            : t('export.saveAsHint')}
      </p>
      <div className="report-export__buttons">
        {FORMATS.map(({ format, key }) => (
          <button
            key={format}
            type="button"
            className="primary"
            disabled={running !== null || (!nativeDialogs && target.trim() === '')}
            onClick={() => void start(format)}
          >
            {t(`export.formats.${key}`)}
          </button>
        ))}
      </div>
      {running && (
        <div className="report-export__running" role="status">
          <span>{t('export.running', { format: t(`export.formats.${running.format}`) })}</span>
          <progress
            max={running.total || 1}
            value={running.total ? running.done : undefined}
            aria-label={t('export.progress')}
          />
          <button type="button" onClick={cancel}>
            {t('common:cancel')}
          </button>
        </div>
      )}
      {outcome && (
        <p
          className={`notice notice--${outcome.tone} report-export__outcome`}
          role={outcome.tone === 'error' ? 'alert' : 'status'}
        >
          {outcome.text}
        </p>
      )}
    </fieldset>
  );
}
