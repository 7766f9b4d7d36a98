/**
 * The one entry every transport calls (Electron IPC, HTTP, in-process): looks the method up,
 * validates the input with its zod schema, runs the handler, and turns any failure into an
 * `ApiErrorShape` that crosses the boundary with its kind and message intact.
 */
import { ApiError, type ApiErrorShape } from '../../shared/api/apiTypes';
import type { Handlers, MethodName } from '../../shared/api/index';
import { parseInput, requireMethodName } from '../../shared/api/validate';

export type DispatchOutcome = { ok: true; result: unknown } | { ok: false; error: ApiErrorShape };

export type Dispatch = (method: string, rawInput: unknown) => Promise<DispatchOutcome>;

export function toApiError(error: unknown): ApiErrorShape {
  if (error instanceof ApiError) return { kind: error.kind, message: error.message };
  if (error instanceof Error) return { kind: 'failed', message: error.message };
  return { kind: 'failed', message: String(error) };
}

export function createDispatch(handlers: Handlers): Dispatch {
  return async (method, rawInput) => {
    try {
      const name: MethodName = requireMethodName(method);
      const input = parseInput(name, rawInput);
      const handler = handlers[name] as (input: unknown) => unknown;
      return { ok: true, result: await handler(input) };
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  };
}
