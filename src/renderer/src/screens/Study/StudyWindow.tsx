/**
 * The study window: a navigator, the main area, and a status bar with the study's path and the
 * running jobs. Study-wide actions (save a copy, check the file, close) sit in the toolbar.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../../../shared/api/app';
import type { JobInfo, StudySummary } from '../../../../shared/domain/study';
import { useClient, useEvent } from '../../api/ClientContext';
import { LabelLanguageSelect } from '../../components/LabelLanguageSelect';
import { Navigator, type NavigatorView } from '../../components/Navigator';
import { StatusBar } from '../../components/StatusBar';
import { OverviewView } from './OverviewView';
import { SaveCopyForm } from './SaveCopyForm';
import { SegmentsView } from './Segments/SegmentsView';
import { SourcesView } from './SourcesView';
import { TablesView } from './TablesView';
import { WeightsView } from './WeightsView';

const VIEWS: readonly NavigatorView[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'sources', label: 'Sources' },
  { id: 'weights', label: 'Weights' },
  { id: 'segments', label: 'Segments' },
  { id: 'tables', label: 'Tables' },
];

/** Says in words what a finished job did, from the shape of its result. */
function describeFinishedJob(label: string, result: unknown): Notice {
  const value = (result ?? {}) as {
    ok?: boolean;
    problems?: string[];
    sourceId?: number;
    rows?: number;
    variablesAdded?: number;
    warnings?: string[];
    format?: string;
    path?: string;
    variables?: number;
  };
  if (value.ok === false)
    return { tone: 'error', text: `${label}: ${value.problems?.join('; ') ?? 'problems found'}` };
  if (value.ok === true) return { tone: 'info', text: `${label}: done, no problems found` };
  const warnings = value.warnings?.length
    ? ` (${value.warnings.length} warnings: ${value.warnings.slice(0, 3).join('; ')})`
    : '';
  if (value.sourceId !== undefined) {
    return {
      tone: 'info',
      text: `${label}: ${value.rows ?? 0} respondents, ${value.variablesAdded ?? 0} new variables${warnings}`,
    };
  }
  if (value.format !== undefined) {
    return {
      tone: 'info',
      text: `${label}: wrote ${value.rows ?? 0} respondents × ${value.variables ?? 0} variables to ${value.path ?? ''}${warnings}`,
    };
  }
  return { tone: 'info', text: `${label}: done` };
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
  const [view, setView] = useState('overview');
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
        setNotice({ tone: 'error', text: `${job.label} failed: ${job.error ?? ''}` });
      else if (job.status === 'cancelled')
        setNotice({ tone: 'info', text: `${job.label}: cancelled` });
      else if (job.status === 'done') setNotice(describeFinishedJob(job.label, job.result));
    }, []),
  );
  useEvent(
    'worker.restarted',
    useCallback((event) => {
      setNotice({
        tone: 'error',
        text: event.reopened
          ? `The study engine stopped unexpectedly (${event.reason}). It was restarted and the study reopened; nothing saved was lost.`
          : `The study engine stopped unexpectedly: ${event.reason}`,
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
      setNotice({ tone: 'info', text: `Saved a copy as ${saved.path}` });
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
          <button type="button" onClick={() => void startSaveCopy()}>
            Save a copy as…
          </button>
          <button
            type="button"
            onClick={() => void act(async () => void (await client.invoke('jobs.verifyStudy', {})))}
          >
            Check study file
          </button>
          <button type="button" onClick={() => void close()}>
            Close study
          </button>
        </div>
      </header>
      <Navigator views={VIEWS} active={view} onSelect={setView} />
      <main className="study-main">
        {study.readOnly && (
          <p className="notice notice--warn" role="status">
            This study is open read-only: {study.readOnlyReason}
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
              aria-label="Dismiss"
            >
              Dismiss
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
        {view === 'overview' && <OverviewView study={study} />}
        {view === 'sources' && <SourcesView info={info} study={study} onNotice={showNotice} />}
        {view === 'weights' && <WeightsView onNotice={showNotice} />}
        {view === 'segments' && <SegmentsView onNotice={showNotice} />}
        {view === 'tables' && <TablesView onNotice={showNotice} />}
      </main>
      <StatusBar
        study={study}
        jobs={jobs}
        onCancel={(jobId) => void client.invoke('jobs.cancel', { jobId })}
      />
    </div>
  );
}
