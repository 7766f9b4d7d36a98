/** import.* and export.* methods: a file's dictionary, import and export jobs. */
import path from 'node:path';
import { ApiError } from '../../shared/api/apiTypes';
import type { Handlers } from '../../shared/api/index';
import type { HandlerContext } from './handlerContext';

type DataMethod =
  | 'import.info'
  | 'import.preview'
  | 'import.start'
  | 'import.proposeMapping'
  | 'export.start'
  | 'files.chooseDataFile'
  | 'files.chooseExportPath'
  | 'files.chooseFolder';

export function dataHandlers(ctx: HandlerContext): Pick<Handlers, DataMethod> {
  const { session, settings } = ctx;
  const requireDialogs = () => {
    if (!ctx.dialogs)
      throw new ApiError('unavailable', 'native dialogs exist only in the desktop app');
    return ctx.dialogs;
  };
  // Exports are offered beside the open study, as its other files are.
  const exportFolder = () =>
    session.current ? path.dirname(session.current.path) : settings.studiesFolder;
  return {
    'files.chooseDataFile': async () => {
      const chosen = await requireDialogs().chooseDataFile(settings.studiesFolder);
      return chosen ? { path: chosen } : null;
    },
    'files.chooseExportPath': async ({ suggestedName, format }) => {
      const chosen = await requireDialogs().chooseExportPath(
        path.join(exportFolder(), suggestedName),
        format,
      );
      return chosen ? { path: chosen } : null;
    },
    'files.chooseFolder': async () => {
      const chosen = await requireDialogs().chooseFolder(exportFolder());
      return chosen ? { path: chosen } : null;
    },
    'import.info': ({ path: file, encoding }) =>
      session.workerClient.call('import.info', { path: path.resolve(file), encoding }),
    'import.preview': ({ path: file, ...options }) =>
      session.workerClient.call('import.preview', { path: path.resolve(file), ...options }),
    'import.proposeMapping': ({ path: file, ...options }) => {
      session.requireOpen();
      return session.workerClient.call('import.proposeMapping', {
        path: path.resolve(file),
        ...options,
      });
    },
    'import.start': (input) => {
      session.requireOpen();
      const file = path.resolve(input.path);
      const jobId = session.startJob(
        `Importing ${path.basename(file)}`,
        (id) => session.workerClient.call('import.file', { ...input, path: file }, id),
        { changesStudy: true },
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
