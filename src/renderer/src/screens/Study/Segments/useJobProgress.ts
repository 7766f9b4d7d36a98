/** How far a running job has got, from its job.progress events (null before the first). */
import { useCallback, useState } from 'react';
import type { JobInfo } from '../../../../../shared/domain/study';
import { useEvent } from '../../../api/ClientContext';

export function useJobProgress(jobId: string | null): { done: number; total: number } | null {
  const [progress, setProgress] = useState<{ jobId: string; done: number; total: number } | null>(
    null,
  );
  useEvent(
    'job.progress',
    useCallback(
      (job: JobInfo) => {
        if (job.jobId === jobId)
          setProgress({ jobId: job.jobId, done: job.done, total: job.total });
      },
      [jobId],
    ),
  );
  return progress && progress.jobId === jobId ? progress : null;
}
