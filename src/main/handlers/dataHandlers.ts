/** import.* and export.* methods: a file's dictionary, import and export jobs. */
import path from 'node:path';
import type { Handlers } from '../../shared/api/index';
import type { HandlerContext } from './handlerContext';

export function dataHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'import.info' | 'import.start' | 'export.start'> {
  const { session } = ctx;
  return {
    'import.info': ({ path: file, encoding }) =>
      session.workerClient.call('import.info', { path: path.resolve(file), encoding }),
    'import.start': (input) => {
      session.requireOpen();
      const file = path.resolve(input.path);
      const jobId = session.startJob(`Importing ${path.basename(file)}`, (id) =>
        session.workerClient.call('import.file', { ...input, path: file }, id),
      );
      return { jobId };
    },
    'export.start': (input) => {
      session.requireOpen();
      const file = path.resolve(input.path);
      const jobId = session.startJob(`Exporting ${path.basename(file)}`, (id) =>
        session.workerClient.call('export.data', { ...input, path: file }, id),
      );
      return { jobId };
    },
  };
}
