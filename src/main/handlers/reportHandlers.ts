/** Reports: saved in the study, rendered on its data and exported, by the worker. */
import path from 'node:path';
import type { Handlers } from '../../shared/api/index';
import { printDocuments } from '../report/exportReport';
import { desktopPagePrinter } from '../report/pagePrinter';
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
      const printer = desktopPagePrinter();
      const label = `Exporting ${input.name} (${input.format})`;
      // In the desktop app a PDF is drawn by the worker and printed here by Electron (unless a
      // browser was named); everywhere else the worker prints it with a browser it finds.
      if (input.format === 'pdf' && printer && !input.browser) {
        const jobId = session.startJob(label, async (id) => {
          const printable = { ...input, path: target };
          const documents = await session.workerClient.call('reports.printable', printable, id);
          return printDocuments(documents, printer, {
            ...printable,
            signal: new AbortController().signal,
            progress: () => undefined,
          });
        });
        return { jobId };
      }
      const jobId = session.startJob(label, (id) =>
        session.workerClient.call('reports.export', { ...input, path: target }, id),
      );
      return { jobId };
    },
  };
}
