/** The Data grid's methods: pages of respondents, cut by the study worker from its columns. */
import type { Handlers } from '../../shared/api/index';
import type { HandlerContext } from './handlerContext';

type GridMethod = 'grid.columns' | 'grid.page';

export function gridHandlers(ctx: HandlerContext): Pick<Handlers, GridMethod> {
  const { session } = ctx;
  return {
    'grid.columns': (input) => {
      session.requireOpen();
      return session.workerClient.call('grid.columns', input);
    },
    'grid.page': (input) => {
      session.requireOpen();
      return session.workerClient.call('grid.page', input);
    },
  };
}
