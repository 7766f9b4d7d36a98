/**
 * The handler table for every API method, assembled from one map per feature. Its type is
 * `Handlers`, derived from the API declaration, so a missing or extra handler fails to compile.
 */
import type { Handlers } from '../../shared/api/index';
import { appHandlers } from './appHandlers';
import { chartHandlers } from './chartHandlers';
import { reportHandlers } from './reportHandlers';
import { dataHandlers } from './dataHandlers';
import type { HandlerContext } from './handlerContext';
import { jobHandlers } from './jobHandlers';
import { qualityHandlers } from './qualityHandlers';
import { segmentHandlers } from './segmentHandlers';
import { studyHandlers } from './studyHandlers';
import { tableHandlers } from './tableHandlers';
import { variableHandlers } from './variableHandlers';
import { templateHandlers } from './templateHandlers';
import { gridHandlers } from './gridHandlers';
import { sourceHandlers } from './sourceHandlers';

export function createHandlers(ctx: HandlerContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...studyHandlers(ctx),
    ...jobHandlers(ctx),
    ...dataHandlers(ctx),
    ...tableHandlers(ctx),
    ...qualityHandlers(ctx),
    ...segmentHandlers(ctx),
    ...chartHandlers(ctx),
    ...reportHandlers(ctx),
    ...variableHandlers(ctx),
    ...templateHandlers(ctx),
    ...gridHandlers(ctx),
    ...sourceHandlers(ctx),
  };
}
