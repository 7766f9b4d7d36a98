/**
 * Waiting for a job's end, result included. A quick job can finish before the call that started it
 * has answered (events come over another connection), so ends nobody waits for yet are kept for a
 * while; and an end lost while the event stream reconnects is noticed through the jobs list
 * instead of being waited for forever (as the import wizard and the demo build do).
 */
import { useCallback, useEffect, useRef } from 'react';
import type { EventMap } from '../../../../../shared/api/events';
import { useClient, useEvent } from '../../../api/ClientContext';
import { i18n } from '../../../i18n';

/** Problems in the UI language at the time they are found. */
const tr = i18n.getFixedT(null, 'segments');

export type FinishedJob = EventMap['job.finished'];

export type JobMessage = { tone: 'info' | 'error'; text: string };

/**
 * What to say of a job that ended without its result, from the `cancelled`, `failed` and
 * `unknownError` strings under `group` (`clusters`, `golden`) of the segments namespace.
 */
export function unfinishedJobMessage(job: FinishedJob, group: 'clusters' | 'golden'): JobMessage {
  if (job.status === 'cancelled') return { tone: 'info', text: tr(`${group}.cancelled`) };
  const error = job.error ?? tr(`${group}.unknownError`);
  return { tone: 'error', text: tr(`${group}.failed`, { error }) };
}

/** Ends kept for a job nobody waits for yet; older ones are someone else's. */
const KEPT_ENDS = 20;
/** How long an end may trail the jobs list that no longer shows the job. */
const LATE_EVENT_MS = 5_000;

export function useJobOutcome(): (jobId: string) => Promise<FinishedJob> {
  const client = useClient();
  const waiting = useRef(new Map<string, (job: FinishedJob) => void>());
  const early = useRef(new Map<string, FinishedJob>());
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);

  useEvent(
    'job.finished',
    useCallback((job: FinishedJob) => {
      const resolve = waiting.current.get(job.jobId);
      if (resolve) {
        waiting.current.delete(job.jobId);
        resolve(job);
        return;
      }
      early.current.set(job.jobId, job);
      if (early.current.size > KEPT_ENDS)
        early.current.delete(early.current.keys().next().value as string);
    }, []),
  );

  return useCallback(
    (jobId: string) =>
      new Promise<FinishedJob>((resolve) => {
        const ended = early.current.get(jobId);
        if (ended) {
          early.current.delete(jobId);
          resolve(ended);
          return;
        }
        waiting.current.set(jobId, resolve);
        client.invoke('jobs.list', {}).then(
          (jobs) => {
            if (jobs.some((job) => job.jobId === jobId)) return;
            const timer = setTimeout(() => {
              timers.current.delete(timer);
              if (!waiting.current.delete(jobId)) return;
              resolve({
                jobId,
                label: tr('problems.theJob'),
                done: 0,
                total: 0,
                status: 'failed',
                error: tr('problems.lost'),
              });
            }, LATE_EVENT_MS);
            timers.current.add(timer);
          },
          () => undefined,
        );
      }),
    [client],
  );
}
