/**
 * The whole API between processes: every method's input schema and result type, and every event.
 * Transports (Electron IPC, HTTP, in-process) and the handler table are derived from this map.
 */
import type { z } from 'zod';
import { appMethods } from './app';
import { chartMethods } from './charts';
import { reportMethods } from './reports';
import { dataMethods } from './data';
import { jobMethods } from './jobs';
import { qualityMethods } from './quality';
import { segmentMethods } from './segments';
import { studyMethods } from './study';
import { tableMethods } from './tables';
import { variableMethods } from './variables';
import { templateMethods } from './templates';
import { gridMethods } from './grid';
import { sourceMethods } from './sources';

export const apiMethods = {
  ...appMethods,
  ...studyMethods,
  ...jobMethods,
  ...dataMethods,
  ...tableMethods,
  ...qualityMethods,
  ...segmentMethods,
  ...chartMethods,
  ...reportMethods,
  ...variableMethods,
  ...templateMethods,
  ...gridMethods,
  ...sourceMethods,
} as const;

export type ApiMethods = typeof apiMethods;
export type MethodName = keyof ApiMethods;
/** What a caller passes (defaults may be left out). */
export type Input<K extends MethodName> = z.input<ApiMethods[K]['input']>;
/** What a handler receives: the input after validation, defaults filled in. */
export type ParsedInput<K extends MethodName> = z.output<ApiMethods[K]['input']>;
export type Result<K extends MethodName> = ApiMethods[K]['result'];

export type Handlers = {
  [K in MethodName]: (input: ParsedInput<K>) => Result<K> | Promise<Result<K>>;
};

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(apiMethods, name);
}

export { IPC_EVENT_CHANNEL, IPC_PREFIX } from './ipcChannels';

export { ApiError } from './apiTypes';
export type { ApiErrorShape } from './apiTypes';
export type { EventMap, EventName } from './events';
export { eventNames } from './events';
