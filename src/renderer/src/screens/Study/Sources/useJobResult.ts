/**
 * Waits for a job's job.finished event. A fast job can finish before the call that started it has
 * answered (the event comes over another connection), so finished jobs nobody waits for yet are
 * kept until someone asks.
 */
import { useCallback, useRef } from 'react';
import type { EventMap } from '../../../../../shared/api/events';
import { useEvent } from '../../../api/ClientContext';

type FinishedJob = EventMap['job.finished'];

export function useJobResult(): (jobId: string) => Promise<FinishedJob> {
  const waiting = useRef(new Map<string, (job: FinishedJob) => void>());
  const finishedEarly = useRef(new Map<string, FinishedJob>());
  useEvent(
    'job.finished',
    useCallback((job: FinishedJob) => {
      const resolve = waiting.current.get(job.jobId);
      if (resolve) {
        waiting.current.delete(job.jobId);
        resolve(job);
      } else {
        finishedEarly.current.set(job.jobId, job);
      }
    }, []),
  );
  return useCallback(
    (jobId: string) =>
      new Promise<FinishedJob>((resolve) => {
        const early = finishedEarly.current.get(jobId);
        if (early) {
          finishedEarly.current.delete(jobId);
          resolve(early);
        } else {
          waiting.current.set(jobId, resolve);
        }
      }),
    [],
  );
}
