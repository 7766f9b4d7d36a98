/** jobs.* methods: what runs, cancelling it, and the study check job. */
import type { Handlers } from '../../shared/api/index';
import type { HandlerContext } from './handlerContext';

export function jobHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'jobs.list' | 'jobs.cancel' | 'jobs.verifyStudy'> {
  const { session } = ctx;
  return {
    'jobs.list': () => session.jobs.list(),
    'jobs.cancel': async ({ jobId }) => ({ cancelled: await session.cancelJob(jobId) }),
    'jobs.verifyStudy': () => {
      const study = session.requireOpen();
      const jobId = session.startJob(`Checking ${study.name}`, (id) =>
        session.workerClient.call('study.verify', {}, id),
      );
      return { jobId };
    },
  };
}
