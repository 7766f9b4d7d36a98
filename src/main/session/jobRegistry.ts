/** The jobs running in a session's worker, as the status bar shows them. */
import { randomUUID } from 'node:crypto';
import type { JobInfo } from '../../shared/domain/study';

export class JobRegistry {
  private readonly jobs = new Map<string, JobInfo>();

  start(label: string): JobInfo {
    const job: JobInfo = { jobId: randomUUID(), label, done: 0, total: 0, status: 'running' };
    this.jobs.set(job.jobId, job);
    return job;
  }

  progress(jobId: string, done: number, total: number): JobInfo | null {
    const job = this.jobs.get(jobId);
    if (!job) return null;
    job.done = done;
    job.total = total;
    return { ...job };
  }

  finish(
    jobId: string,
    status: Exclude<JobInfo['status'], 'running'>,
    error?: string,
  ): JobInfo | null {
    const job = this.jobs.get(jobId);
    if (!job) return null;
    this.jobs.delete(jobId);
    return { ...job, status, ...(error ? { error } : {}) };
  }

  has(jobId: string): boolean {
    return this.jobs.has(jobId);
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((job) => ({ ...job }));
  }

  /** Every running job fails at once (the worker died under them). */
  failAll(reason: string): JobInfo[] {
    const failed = this.list().map((job) => ({ ...job, status: 'failed' as const, error: reason }));
    this.jobs.clear();
    return failed;
  }
}
