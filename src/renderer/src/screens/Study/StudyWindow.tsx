/**
 * The study window: a navigator, the main area, and a status bar with the study's path and the
 * running jobs. Study-wide actions (label and UI language, theme, save a copy, check the file,
 * close, help) sit in the toolbar.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/api/app';
import type { JobInfo, StudySummary } from '../../../../shared/domain/study';
import { useClient, useEvent } from '../../api/ClientContext';
import { HelpPanel, useHelpPanel } from '../../components/HelpPanel';
import { LabelLanguageSelect } from '../../components/LabelLanguageSelect';
import { Navigator, type NavigatorView } from '../../components/Navigator';
import { StatusBar } from '../../components/StatusBar';
import { ThemeToggle } from '../../components/ThemeToggle';
import { UiLanguageSelect } from '../../components/UiLanguageSelect';
import { i18n } from '../../i18n';
import { ChartsView } from './Charts/ChartsView';
import { DataGridView } from './DataGrid/DataGridView';
import { ReportsView } from './Reports/ReportsView';
import { SaveCopyForm } from './SaveCopyForm';
import { SegmentsView } from './Segments/SegmentsView';
import { SideBySideView } from './SideBySide/SideBySideView';
import { SourcesView } from './SourcesView';
import { TablesView } from './TablesView';
import { VariablesView } from './Variables/VariablesView';
import { ViewShortcuts } from './ViewShortcuts';
import { WeightsView } from './WeightsView';

// Navigator names come from common:views.<id> in the UI language; `label` is the fallback.
const VIEWS: readonly NavigatorView[] = [
  { id: 'sources', label: 'Sources' },
  { id: 'variables', label: 'Variables' },
  { id: 'data', label: 'Data' },
  { id: 'weights', label: 'Weights' },
  { id: 'segments', label: 'Segments' },
  { id: 'tables', label: 'Tables' },
  { id: 'charts', label: 'Charts' },
  { id: 'compare', label: 'Side by side' },
  { id: 'reports', label: 'Reports' },
];

/** Says in words (the UI language) what a finished job did, from the shape of its result. */
function describeFinishedJob(label: string, result: unknown): Notice {
  const t = i18n.getFixedT(null, 'study');
  const value = (result ?? {}) as {
    ok?: boolean;
    problems?: string[];
    sourceId?: number;
    rows?: number;
    variablesAdded?: number;
    warnings?: string[];
    format?: string;
    files?: string[];
    path?: string;
    variables?: number;
  };
  if (value.ok === false)
    return {
      tone: 'error',
      text: t('notice.checkProblems', {
        label,
        problems: value.problems?.join('; ') ?? t('notice.problemsFound'),
      }),
    };
  if (value.ok === true) return { tone: 'info', text: t('notice.checkClean', { label }) };
  const warnings = value.warnings?.length
    ? t('notice.warnings', {
        count: value.warnings.length,
        list: value.warnings.slice(0, 3).join('; '),
      })
    : '';
  const respondents = (count: number) => t('notice.respondents', { count });
  if (value.sourceId !== undefined) {
    const added = value.variablesAdded ?? 0;
    return {
      tone: 'info',
      text: t('notice.imported', {
        label,
        respondents: respondents(value.rows ?? 0),
        variables: t('notice.newVariables', { count: added }),
        warnings,
      }),
    };
  }
  // A report export (reports.export) names the files it wrote.
  if (value.files !== undefined)
    return {
      tone: 'info',
      text: i18n.t('reports:export.finished', { label, files: value.files.join(', ') }),
    };
  if (value.format !== undefined) {
    return {
      tone: 'info',
      text: t('notice.exported', {
        label,
        respondents: respondents(value.rows ?? 0),
        variables: t('notice.variables', { count: value.variables ?? 0 }),
        path: value.path ?? '',
        warnings,
      }),
    };
  }
  return { tone: 'info', text: t('notice.done', { label }) };
}

interface StudyWindowProps {
  info: AppInfo;
  study: StudySummary;
  onStudyChange: (study: StudySummary | null) => void;
}

interface Notice {
  tone: 'info' | 'error';
  text: string;
}

function copyPathFor(path: string): string {
  return path.replace(/\.cew$/i, ' copy.cew');
}

export function StudyWindow({ info, study, onStudyChange }: StudyWindowProps) {
  const client = useClient();
  const { t } = useTranslation(['study', 'common']);
  const [view, setView] = useState('sources');
  const helpPanel = useHelpPanel();
  const [jobs, setJobs] = useState<JobInfo[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [savingCopy, setSavingCopy] = useState(false);

  useEffect(() => {
    client.invoke('jobs.list', {}).then(setJobs, () => undefined);
  }, [client]);

  useEvent(
    'job.progress',
    useCallback((job) => {
      setJobs((current) => [...current.filter((j) => j.jobId !== job.jobId), job]);
    }, []),
  );
  useEvent(
    'job.finished',
    useCallback((job) => {
      setJobs((current) => current.filter((j) => j.jobId !== job.jobId));
      if (job.status === 'failed')
        setNotice({
          tone: 'error',
          text: i18n.t('study:notice.failed', { label: job.label, error: job.error ?? '' }),
        });
      else if (job.status === 'cancelled')
        setNotice({ tone: 'info', text: i18n.t('study:notice.cancelled', { label: job.label }) });
      else if (job.status === 'done') setNotice(describeFinishedJob(job.label, job.result));
    }, []),
  );
  useEvent(
    'worker.restarted',
    useCallback((event) => {
      setNotice({
        tone: 'error',
        text: i18n.t(
          event.reopened ? 'study:notice.engineRestarted' : 'study:notice.engineStopped',
          {
            reason: event.reason,
          },
        ),
      });
    }, []),
  );

  const showNotice = useCallback(
    (tone: Notice['tone'], text: string) => setNotice({ tone, text }),
    [],
  );

  const act = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      setNotice({ tone: 'error', text: (error as Error).message });
    }
  };

  const saveCopy = (path: string) =>
    act(async () => {
      const saved = await client.invoke('study.saveCopyAs', { path });
      setSavingCopy(false);
      setNotice({ tone: 'info', text: t('notice.savedCopy', { path: saved.path }) });
    });

  const startSaveCopy = () =>
    act(async () => {
      if (!info.nativeDialogs) {
        setSavingCopy(true);
        return;
      }
      const chosen = await client.invoke('study.chooseNewPath', {});
      if (chosen) await saveCopy(chosen.path);
    });

  const close = () =>
    act(async () => {
      await client.invoke('study.close', {});
      onStudyChange(null);
    });

  return (
    <div className="study-window">
      <header className="toolbar">
        <h1 className="toolbar__title">{study.name}</h1>
        <div className="toolbar__actions">
          <LabelLanguageSelect
            study={study}
            onChanged={onStudyChange}
            onError={(text) => setNotice({ tone: 'error', text })}
          />
          <UiLanguageSelect onError={(text) => setNotice({ tone: 'error', text })} />
          <ThemeToggle onError={(text) => setNotice({ tone: 'error', text })} />
          <button type="button" onClick={() => void startSaveCopy()}>
            {t('toolbar.saveCopy')}
          </button>
          <button
            type="button"
            onClick={() => void act(async () => void (await client.invoke('jobs.verifyStudy', {})))}
          >
            {t('toolbar.checkFile')}
          </button>
          <button type="button" onClick={() => void close()}>
            {t('toolbar.close')}
          </button>
          <button type="button" onClick={helpPanel.show} aria-keyshortcuts="F1">
            {t('toolbar.help')}
          </button>
        </div>
      </header>
      <Navigator views={VIEWS} active={view} onSelect={setView} />
      <main className="study-main">
        {study.readOnly && (
          <p className="notice notice--warn" role="status">
            {t('readOnly', { reason: study.readOnlyReason ?? '' })}
          </p>
        )}
        {notice && (
          <p
            className={`notice notice--${notice.tone}`}
            role={notice.tone === 'error' ? 'alert' : 'status'}
          >
            {notice.text}{' '}
            <button
              type="button"
              className="link"
              onClick={() => setNotice(null)}
              aria-keyshortcuts="Escape"
            >
              {t('common:dismiss')}
            </button>
          </p>
        )}
        {savingCopy && (
          <SaveCopyForm
            suggestedPath={copyPathFor(study.path)}
            onSave={(path) => void saveCopy(path)}
            onCancel={() => setSavingCopy(false)}
          />
        )}
        {view === 'sources' && <SourcesView info={info} study={study} onNotice={showNotice} />}
        {view === 'variables' && <VariablesView study={study} onNotice={showNotice} />}
        {view === 'data' && <DataGridView study={study} onNotice={showNotice} />}
        {view === 'weights' && <WeightsView onNotice={showNotice} />}
        {view === 'segments' && <SegmentsView onNotice={showNotice} />}
        {view === 'tables' && <TablesView onNotice={showNotice} />}
        {view === 'charts' && <ChartsView onNotice={showNotice} />}
        {view === 'compare' && <SideBySideView onNotice={showNotice} />}
        {view === 'reports' && <ReportsView study={study} onNotice={showNotice} />}
      </main>
      <StatusBar
        study={study}
        jobs={jobs}
        onCancel={(jobId) => void client.invoke('jobs.cancel', { jobId })}
      />
      <ViewShortcuts
        views={VIEWS}
        onSelect={setView}
        onCloseStudy={() => void close()}
        onDismissNotice={notice ? () => setNotice(null) : null}
      />
      {helpPanel.open && (
        <HelpPanel
          onClose={helpPanel.hide}
          current={VIEWS.find((entry) => entry.id === view) ?? null}
          views={VIEWS}
        />
      )}
    </div>
  );
}
