/** Tables and what they stand on: cross-tables, derived variables and filters, in the worker. */
import path from 'node:path';
import type { Handlers } from '../../shared/api/index';
import type { HandlerContext } from './handlerContext';

export function tableHandlers(
  ctx: HandlerContext,
): Pick<
  Handlers,
  | 'tables.run'
  | 'variables.derive'
  | 'filters.save'
  | 'weights.rim'
  | 'variables.defineSet'
  | 'weights.list'
  | 'tables.save'
  | 'tables.saved'
  | 'tables.runSaved'
  | 'tables.exportTabBook'
> {
  const { session } = ctx;
  return {
    'tables.run': ({ spec }) => {
      session.requireOpen();
      return session.workerClient.call('tables.run', { spec });
    },
    'variables.derive': async (definition) => {
      session.requireOpen();
      const summary = await session.workerClient.call('variables.derive', definition);
      session.notifyChanged('derived variable');
      return summary;
    },
    'weights.rim': async (definition) => {
      session.requireOpen();
      const report = await session.workerClient.call('weights.rim', definition);
      session.notifyChanged('weight');
      return report;
    },
    'variables.defineSet': async (definition) => {
      session.requireOpen();
      const summary = await session.workerClient.call('variables.defineSet', definition);
      session.notifyChanged('multiple-response set');
      return summary;
    },
    'tables.save': (plan) => {
      session.requireOpen();
      return session.workerClient.call('tables.save', plan);
    },
    'tables.saved': () => {
      session.requireOpen();
      return session.workerClient.call('tables.saved', {});
    },
    'tables.runSaved': ({ name }) => {
      session.requireOpen();
      return session.workerClient.call('tables.runSaved', { name });
    },
    'tables.exportTabBook': (input) => {
      session.requireOpen();
      const file = path.resolve(input.path);
      const jobId = session.startJob(`Exporting ${path.basename(file)}`, (id) =>
        session.workerClient.call('tables.exportTabBook', { ...input, path: file }, id),
      );
      return { jobId };
    },
    'weights.list': () => {
      session.requireOpen();
      return session.workerClient.call('weights.list', {});
    },
    'filters.save': (filter) => {
      session.requireOpen();
      return session.workerClient.call('filters.save', filter);
    },
  };
}
