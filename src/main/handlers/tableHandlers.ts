/** tables.* methods: cross-tables computed in the study worker. */
import type { Handlers } from '../../shared/api/index';
import type { HandlerContext } from './handlerContext';

export function tableHandlers(ctx: HandlerContext): Pick<Handlers, 'tables.run'> {
  const { session } = ctx;
  return {
    'tables.run': ({ spec }) => {
      session.requireOpen();
      return session.workerClient.call('tables.run', { spec });
    },
  };
}
