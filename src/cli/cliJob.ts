/**
 * Runs a worker job from the CLI: progress on stderr (when it is a terminal), Ctrl+C cancels the
 * job — which leaves the study as it was — and the job's result or error is returned.
 */
import type { StudySession } from '../main/session/studySession';
import type { WorkerInput, WorkerMethodName, WorkerResults } from '../main/worker/workerProtocol';

export async function runCliJob<K extends WorkerMethodName>(
  session: StudySession,
  label: string,
  method: K,
  input: WorkerInput<K>,
): Promise<WorkerResults[K]> {
  let call: Promise<WorkerResults[K]> | null = null;
  const jobId = session.startJob(label, (id) => {
    call = session.workerClient.call(method, input, id);
    return call;
  });
  const onSigint = () => {
    process.stderr.write(`\n${label}: cancelling…\n`);
    void session.cancelJob(jobId);
  };
  process.once('SIGINT', onSigint);
  let shown = -1;
  const timer = process.stderr.isTTY
    ? setInterval(() => {
        const job = session.jobs.list().find((j) => j.jobId === jobId);
        if (!job || job.total === 0) return;
        const percent = Math.floor((job.done / job.total) * 100);
        if (percent === shown) return;
        shown = percent;
        process.stderr.write(`\r${label}: ${percent}%`);
      }, 200)
    : null;
  try {
    return await call!;
  } finally {
    if (timer) clearInterval(timer);
    if (shown >= 0) process.stderr.write('\n');
    process.removeListener('SIGINT', onSigint);
  }
}
