/**
 * The Variables view's methods, run in the worker. Every change (labels, a definition, an undo)
 * tells every window through study.changed, so tables, pickers and the list follow at once.
 */
import type { Handlers } from '../../shared/api/index';
import type { HandlerContext } from './handlerContext';

type VariableMethod =
  | 'variables.list'
  | 'variables.detail'
  | 'variables.setLabels'
  | 'variables.define'
  | 'variables.undo'
  | 'variables.undoState'
  | 'variables.previewExpression';

export function variableHandlers(ctx: HandlerContext): Pick<Handlers, VariableMethod> {
  const { session } = ctx;
  return {
    'variables.list': (input) => {
      session.requireOpen();
      return session.workerClient.call('variables.list', input);
    },
    'variables.detail': (input) => {
      session.requireOpen();
      return session.workerClient.call('variables.detail', input);
    },
    'variables.setLabels': async (input) => {
      session.requireOpen();
      const edited = await session.workerClient.call('variables.setLabels', input);
      session.notifyChanged('labels');
      return edited;
    },
    'variables.define': async (input) => {
      session.requireOpen();
      const defined = await session.workerClient.call('variables.define', input);
      session.notifyChanged(
        input.kind === 'derived'
          ? 'derived variable'
          : input.kind === 'set'
            ? 'multiple-response set'
            : 'filter',
      );
      return defined;
    },
    'variables.undo': async () => {
      session.requireOpen();
      try {
        return await session.workerClient.call('variables.undo', {});
      } finally {
        // A refused undo still drops its step: the view's Undo state changed either way.
        session.notifyChanged('undo');
      }
    },
    'variables.undoState': () => {
      session.requireOpen();
      return session.workerClient.call('variables.undoState', {});
    },
    'variables.previewExpression': (input) => {
      session.requireOpen();
      return session.workerClient.call('variables.previewExpression', input);
    },
  };
}
