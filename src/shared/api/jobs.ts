/** Long-running work in the study worker: listing, cancelling, and the study check job. */
import { z } from 'zod';
import type { JobInfo } from '../domain/study';
import { method, result } from './apiTypes';

export const jobMethods = {
  'jobs.list': method(z.object({}), result<JobInfo[]>()),
  'jobs.cancel': method(z.object({ jobId: z.string().min(1) }), result<{ cancelled: boolean }>()),
  /** Checks the study file (SQLite integrity, every column chunk's length): a job with progress. */
  'jobs.verifyStudy': method(z.object({}), result<{ jobId: string }>()),
} as const;
