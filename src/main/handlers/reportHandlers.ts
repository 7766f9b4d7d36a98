/** Reports: saved in the study, rendered on its data and exported, by the worker. */
import path from 'node:path';
import type { Handlers } from '../../shared/api/index';
import type { HandlerContext } from './handlerContext';

export function reportHandlers(
  ctx: HandlerContext,
): Pick<
  Handlers,
  'reports.save' | 'reports.saved' | 'reports.delete' | 'reports.render' | 'reports.export'
> {
  const { session } = ctx;
  return {
    'reports.save': ({ report }) => {
      session.requireOpen();
      return session.workerClient.call('reports.save', { report });
    },
    'reports.saved': () => {
      session.requireOpen();
      return session.workerClient.call('reports.saved', {});
    },
    'reports.delete': ({ name }) => {
      session.requireOpen();
      return session.workerClient.call('reports.delete', { name });
    },
    'reports.render': (input) => {
      session.requireOpen();
      return session.workerClient.call('reports.render', input);
    },
    'reports.export': (input) => {
      session.requireOpen();
      const target = path.resolve(input.path);
      const jobId = session.startJob(`Exporting ${input.name} (${input.format})`, (id) =>
        session.workerClient.call('reports.export', { ...input, path: target }, id),
      );
      return { jobId };
    },
  };
}
