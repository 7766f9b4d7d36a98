/** Events pushed from the main process to every window: declared once, like the methods. */
import type { JobInfo, StudySummary } from '../domain/study';

export interface EventMap {
  'job.progress': JobInfo;
  'job.finished': JobInfo & { result?: unknown };
  'study.changed': { study: StudySummary | null; reason: string };
  /** The worker died; the study was reopened (or could not be) — the user is told either way. */
  'worker.restarted': { reason: string; reopened: boolean };
}

export type EventName = keyof EventMap;

export const eventNames: readonly EventName[] = [
  'job.progress',
  'job.finished',
  'study.changed',
  'worker.restarted',
];
