/**
 * Jobs' job.finished events as a session emits them, kept by job id, so a test can wait for the
 * one it started whether the event came before or after its start call returned.
 */
import type { EventMap } from '../../src/shared/api/events';

type Finished = EventMap['job.finished'];

export class FinishedJobs {
  private readonly byId = new Map<string, Finished>();

  /** Pass to the session's `emit` for 'job.finished' events. */
  record(job: Finished): void {
    this.byId.set(job.jobId, job);
  }

  /** The job's finished event, once it arrives (or an error after `timeoutMs`). */
  wait(jobId: string, timeoutMs = 120_000): Promise<Finished> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const tick = () => {
        const done = this.byId.get(jobId);
        if (done) return resolve(done);
        if (Date.now() - started > timeoutMs) return reject(new Error('the job did not finish'));
        setTimeout(tick, 10);
      };
      tick();
    });
  }
}
