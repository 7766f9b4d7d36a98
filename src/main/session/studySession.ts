/**
 * One window's hold on a study: the worker that owns the connection, the lock that decides
 * whether this window may write, and the jobs running for it. When the worker dies the session
 * tells the user, starts a new worker and reopens the same study, so the window stays usable.
 */
import path from 'node:path';
import { ApiError } from '../../shared/api/apiTypes';
import type { EventMap, EventName } from '../../shared/api/events';
import type { StudySummary } from '../../shared/domain/study';
import { tryLockStudy, type StudyLock } from '../study/studyLock';
import { WorkerClient } from '../worker/workerClient';
import type { WorkerStartData } from '../worker/workerProtocol';
import { JobRegistry } from './jobRegistry';

export type EmitEvent = <E extends EventName>(event: E, payload: EventMap[E]) => void;

export interface StudySessionOptions {
  workerPath: string;
  appVersion: string;
  startData?: WorkerStartData;
  emit: EmitEvent;
}

interface OpenState {
  path: string;
  lock: StudyLock | null;
  summary: StudySummary;
}

export class StudySession {
  private worker: WorkerClient;
  private open: OpenState | null = null;
  readonly jobs = new JobRegistry();
  private disposed = false;

  constructor(private readonly options: StudySessionOptions) {
    this.worker = this.startWorker();
  }

  get current(): StudySummary | null {
    return this.open?.summary ?? null;
  }

  get workerClient(): WorkerClient {
    return this.worker;
  }

  async create(file: string, name?: string): Promise<StudySummary> {
    await this.close();
    const absolute = path.resolve(file);
    const attempt = tryLockStudy(absolute);
    if (!attempt.acquired) throw new ApiError('conflict', `${absolute}: ${attempt.reason}`);
    try {
      const summary = await this.worker.call('study.create', {
        path: absolute,
        name: name ?? path.basename(absolute, path.extname(absolute)),
        appVersion: this.options.appVersion,
      });
      this.open = { path: absolute, lock: attempt.lock, summary };
      this.changed('created');
      return summary;
    } catch (error) {
      attempt.lock.release();
      throw error;
    }
  }

  async openStudy(file: string): Promise<StudySummary> {
    await this.close();
    const absolute = path.resolve(file);
    const attempt = tryLockStudy(absolute);
    const lock = attempt.acquired ? attempt.lock : null;
    try {
      const summary = await this.worker.call('study.open', {
        path: absolute,
        readOnly: !attempt.acquired,
        readOnlyReason: attempt.acquired ? null : `read-only: ${attempt.reason}`,
      });
      this.open = { path: absolute, lock, summary };
      this.changed('opened');
      return summary;
    } catch (error) {
      lock?.release();
      throw error;
    }
  }

  async close(): Promise<boolean> {
    if (!this.open) return false;
    const state = this.open;
    this.open = null;
    try {
      await this.worker.call('study.close', {});
    } finally {
      state.lock?.release();
      this.changed('closed');
    }
    return true;
  }

  requireOpen(): StudySummary {
    if (!this.open) throw new ApiError('unavailable', 'no study is open');
    return this.open.summary;
  }

  async rename(name: string): Promise<StudySummary> {
    this.requireOpen();
    const summary = await this.worker.call('study.rename', { name });
    if (this.open) this.open.summary = summary;
    this.changed('renamed');
    return summary;
  }

  /** Shows and exports labels in `language` from now on; every view refreshes on study.changed. */
  async setLabelLanguage(language: string): Promise<StudySummary> {
    this.requireOpen();
    const summary = await this.worker.call('study.setLabelLanguage', { language });
    if (this.open) this.open.summary = summary;
    this.changed('label language');
    return summary;
  }

  /** Starts a job in the worker and returns its id at once; progress and the end arrive as events. */
  startJob<R>(
    label: string,
    run: (jobId: string) => Promise<R>,
    options: { changesStudy?: boolean } = {},
  ): string {
    const job = this.jobs.start(label);
    this.options.emit('job.progress', { ...job });
    run(job.jobId).then(
      (result) => {
        const finished = this.jobs.finish(job.jobId, 'done');
        if (finished) this.options.emit('job.finished', { ...finished, result });
        // An import can bring labels in a new language: windows get the summary as it is now.
        if (options.changesStudy) void this.refreshSummary().then(() => this.changed(label));
      },
      (error: unknown) => {
        const cancelled = error instanceof ApiError && error.kind === 'cancelled';
        const finished = this.jobs.finish(
          job.jobId,
          cancelled ? 'cancelled' : 'failed',
          cancelled ? undefined : (error as Error).message,
        );
        if (finished) this.options.emit('job.finished', finished);
      },
    );
    return job.jobId;
  }

  async cancelJob(jobId: string): Promise<boolean> {
    if (!this.jobs.has(jobId)) return false;
    return (await this.worker.cancel(jobId)).cancelled;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.close().catch(() => undefined);
    await this.worker.close();
  }

  /** Tells every window the study's content changed (a derived variable, a weight …). */
  notifyChanged(reason: string): void {
    this.changed(reason);
  }

  /** Re-reads the open study's summary after work that changes what it reports. */
  private async refreshSummary(): Promise<void> {
    const state = this.open;
    if (!state) return;
    try {
      const summary = await this.worker.call('study.summary', {});
      if (summary && this.open === state) state.summary = summary;
    } catch {
      // The last summary stays; the event still goes out.
    }
  }

  private changed(reason: string): void {
    this.options.emit('study.changed', { study: this.current, reason });
  }

  private startWorker(): WorkerClient {
    return new WorkerClient({
      workerPath: this.options.workerPath,
      startData: this.options.startData,
      onProgress: (jobId, done, total) => {
        const job = this.jobs.progress(jobId, done, total);
        if (job) this.options.emit('job.progress', job);
      },
      onUnexpectedExit: (reason) => void this.recover(reason),
    });
  }

  /** The worker died: fail its jobs, start a new one, reopen the study it had. */
  private async recover(reason: string): Promise<void> {
    if (this.disposed) return;
    for (const job of this.jobs.failAll(reason)) this.options.emit('job.finished', job);
    this.worker = this.startWorker();
    const state = this.open;
    if (!state) {
      this.options.emit('worker.restarted', { reason, reopened: false });
      return;
    }
    try {
      state.summary = await this.worker.call('study.open', {
        path: state.path,
        readOnly: state.lock === null,
        readOnlyReason: state.summary.readOnlyReason,
      });
      this.options.emit('worker.restarted', { reason, reopened: true });
      this.changed('reopened');
    } catch (error) {
      this.open = null;
      state.lock?.release();
      this.options.emit('worker.restarted', {
        reason: `${reason}; reopening ${state.path} failed: ${(error as Error).message}`,
        reopened: false,
      });
      this.changed('closed');
    }
  }
}
