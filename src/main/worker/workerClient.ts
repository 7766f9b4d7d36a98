/**
 * The main-thread side of the study worker: sends calls with a sequence number, resolves them by
 * the worker's answers, forwards job progress, and — when the worker dies — rejects everything
 * pending and reports the death so the session can restart it and reopen the study.
 */
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../shared/api/apiTypes';
import type {
  WorkerInput,
  WorkerMethodName,
  WorkerRequest,
  WorkerResponse,
  WorkerResults,
  WorkerStartData,
} from './workerProtocol';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export interface WorkerClientOptions {
  workerPath: string;
  startData?: WorkerStartData;
  onProgress?: (jobId: string, done: number, total: number) => void;
  /** Called once if the worker exits without being asked to. */
  onUnexpectedExit?: (reason: string) => void;
}

export class WorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextSeq = 1;
  private closing = false;
  private exited = false;

  constructor(private readonly options: WorkerClientOptions) {
    this.worker = new Worker(options.workerPath, { workerData: options.startData ?? {} });
    this.worker.on('message', (message: WorkerResponse) => this.receive(message));
    this.worker.on('error', (error) => this.fail(`the study worker failed: ${error.message}`));
    this.worker.on('exit', (code) => this.fail(`the study worker stopped (exit code ${code})`));
  }

  call<K extends WorkerMethodName>(
    method: K,
    input: WorkerInput<K>,
    jobId?: string,
  ): Promise<WorkerResults[K]> {
    return this.send({ type: 'call', method, input, jobId }) as Promise<WorkerResults[K]>;
  }

  cancel(jobId: string): Promise<{ cancelled: boolean }> {
    return this.send({ type: 'cancel', jobId }) as Promise<{ cancelled: boolean }>;
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Asks the worker to close its study (via port close) and stop. */
  async close(): Promise<void> {
    if (this.exited) return;
    this.closing = true;
    try {
      await this.call('study.close', {});
    } catch {
      // Closing anyway.
    }
    await this.worker.terminate();
  }

  /** Simulates a crash: used by tests of the restart path. */
  async kill(): Promise<void> {
    await this.worker.terminate();
  }

  private send(request: WorkerRequest['request']): Promise<unknown> {
    if (this.exited) {
      return Promise.reject(new ApiError('unavailable', 'the study worker is not running'));
    }
    const seq = this.nextSeq++;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.worker.postMessage({ seq, request } satisfies WorkerRequest);
    });
  }

  private receive(message: WorkerResponse): void {
    switch (message.type) {
      case 'response': {
        this.settle(message.seq)?.resolve(message.result);
        return;
      }
      case 'error': {
        const error = new ApiError(message.kind, message.error.message);
        this.settle(message.seq)?.reject(error);
        return;
      }
      case 'progress':
        this.options.onProgress?.(message.jobId, message.done, message.total);
        return;
      case 'log':
        console[message.level](...message.args);
        return;
    }
  }

  private settle(seq: number): Pending | undefined {
    const entry = this.pending.get(seq);
    this.pending.delete(seq);
    return entry;
  }

  private fail(reason: string): void {
    if (this.exited) return;
    this.exited = true;
    for (const entry of this.pending.values()) entry.reject(new ApiError('failed', reason));
    this.pending.clear();
    if (!this.closing) this.options.onUnexpectedExit?.(reason);
  }
}
