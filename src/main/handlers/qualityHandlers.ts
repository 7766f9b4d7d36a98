/** The data-quality check across countries and waves: read-only, run in the worker. */
import type { Handlers } from '../../shared/api/index';
import type { HandlerContext } from './handlerContext';

export function qualityHandlers(ctx: HandlerContext): Pick<Handlers, 'study.dataQuality'> {
  const { session } = ctx;
  return {
    'study.dataQuality': (options) => {
      session.requireOpen();
      return session.workerClient.call('quality.check', options);
    },
  };
}
