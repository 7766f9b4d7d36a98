/**
 * Opening the demo study, and following its build beyond the welcome screen. The study window
 * replaces this screen as soon as the empty demo study exists; when the build fails, the backend
 * closes and deletes the study, which brings back a new welcome screen that must still say why.
 * So the outcome is kept here, outside any component, until a welcome screen shows it.
 */
import type { EventMap } from '../../../../shared/api/events';
import type { StudySummary } from '../../../../shared/domain/study';
import type { WorkbenchClient } from '../../api/client';
import { i18n } from '../../i18n';

export interface DemoBuildNotice {
  tone: 'error' | 'info';
  text: string;
}

type FinishedJob = EventMap['job.finished'];

/** How long a job.finished event may trail the jobs list that no longer shows the job. */
const LATE_EVENT_MS = 5_000;

let notice: DemoBuildNotice | null = null;
const listeners = new Set<() => void>();

function setNotice(next: DemoBuildNotice | null): void {
  notice = next;
  for (const listener of listeners) listener();
}

export function subscribeDemoBuildNotice(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function demoBuildNotice(): DemoBuildNotice | null {
  return notice;
}

export function clearDemoBuildNotice(): void {
  if (notice) setNotice(null);
}

/** What the user is told about a build that did not finish; null when it finished well. */
function noticeFor(job: FinishedJob): DemoBuildNotice | null {
  if (job.status === 'failed')
    return {
      tone: 'error',
      text: i18n.t('welcome:demo.failed', {
        error: job.error ?? i18n.t('welcome:demo.unknownError'),
      }),
    };
  if (job.status === 'cancelled') return { tone: 'info', text: i18n.t('welcome:demo.cancelled') };
  return null;
}

/**
 * Opens the demo study, starting its build when it does not exist yet. Resolves to the study to
 * show, or to null when the build has already failed (the study is gone; the notice says why).
 */
export async function openDemoStudy(client: WorkbenchClient): Promise<StudySummary | null> {
  // Listen before asking: a quick build can finish before study.openDemo answers (events come
  // over another connection), so finished jobs are kept until the build's id is known.
  const early = new Map<string, FinishedJob>();
  let awaited: { jobId: string; resolve: (job: FinishedJob | null) => void } | null = null;
  const stop = client.on('job.finished', (job) => {
    if (awaited?.jobId === job.jobId) awaited.resolve(job);
    else early.set(job.jobId, job);
  });
  let jobId: string | null;
  let study: StudySummary;
  try {
    ({ study, jobId } = await client.invoke('study.openDemo', {}));
  } catch (error) {
    stop();
    throw error;
  }
  if (jobId === null) {
    stop();
    return study;
  }
  const finishedAlready = early.get(jobId);
  if (finishedAlready) {
    stop();
    const failed = noticeFor(finishedAlready);
    if (failed) setNotice(failed);
    return failed ? null : study;
  }
  const buildId = jobId;
  const outcome = new Promise<FinishedJob | null>((resolve) => {
    awaited = { jobId: buildId, resolve };
  });
  // An event can be lost while the event stream reconnects: the jobs list tells whether the
  // build is still running, and if not, its event has a moment to arrive before we stop waiting.
  client.invoke('jobs.list', {}).then(
    (jobs) => {
      if (!jobs.some((job) => job.jobId === buildId))
        setTimeout(() => awaited?.resolve(null), LATE_EVENT_MS);
    },
    () => undefined,
  );
  void outcome.then(async (job) => {
    stop();
    if (job) {
      const failed = noticeFor(job);
      if (failed) setNotice(failed);
      return;
    }
    // The event never came: a build that failed leaves no open study behind.
    const current = await client.invoke('study.current', {}).catch(() => null);
    if (current?.path !== study.path)
      setNotice({ tone: 'error', text: i18n.t('welcome:demo.failedUnknown') });
  });
  return study;
}
