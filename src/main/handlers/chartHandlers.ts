/** Saved charts, kept in the study by the worker. */
import type { Handlers } from '../../shared/api/index';
import type { HandlerContext } from './handlerContext';

export function chartHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'charts.save' | 'charts.saved' | 'charts.delete'> {
  const { session } = ctx;
  return {
    'charts.save': (chart) => {
      session.requireOpen();
      return session.workerClient.call('charts.save', chart);
    },
    'charts.saved': () => {
      session.requireOpen();
      return session.workerClient.call('charts.saved', {});
    },
    'charts.delete': ({ name }) => {
      session.requireOpen();
      return session.workerClient.call('charts.delete', { name });
    },
  };
}
