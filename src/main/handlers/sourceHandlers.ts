/** sources.*: removing a source (and undoing it) and re-importing a corrected file, in the worker. */
import path from 'node:path';
import type { Handlers } from '../../shared/api/index';
import type { HandlerContext } from './handlerContext';

type SourceMethod =
  'sources.remove' | 'sources.undoRemove' | 'sources.undoState' | 'sources.reimport';

export function sourceHandlers(ctx: HandlerContext): Pick<Handlers, SourceMethod> {
  const { session } = ctx;
  return {
    'sources.remove': async ({ sourceId }) => {
      session.requireOpen();
      const removed = await session.workerClient.call('sources.remove', { sourceId });
      session.notifyChanged(`removed ${removed.fileName}`);
      return removed;
    },
    'sources.undoRemove': async () => {
      session.requireOpen();
      const restored = await session.workerClient.call('sources.undoRemove', {});
      session.notifyChanged(`restored ${restored.fileName}`);
      return restored;
    },
    'sources.undoState': () => {
      session.requireOpen();
      return session.workerClient.call('sources.undoState', {});
    },
    'sources.reimport': (input) => {
      session.requireOpen();
      const file = path.resolve(input.path);
      const jobId = session.startJob(
        `Re-importing ${path.basename(file)}`,
        (id) => session.workerClient.call('sources.reimport', { ...input, path: file }, id),
        { changesStudy: true },
      );
      return { jobId };
    },
  };
}
