/**
 * The building blocks of the contract between processes: a method is a zod input schema plus a
 * result type, declared once per feature and unioned in ./index.ts. Everything else — the
 * renderer's client, the Electron IPC handlers, the HTTP routes, the handler table — is derived
 * from these maps, so a missing or extra handler is a compile error.
 */
import type { z } from 'zod';

export interface MethodDefinition<Input extends z.ZodType, Result> {
  input: Input;
  /** Phantom: carries the result type; never read at run time. */
  result: Result;
}

/** Declares a method: `method(z.object({...}), result<StudySummary>())`. */
export function method<Input extends z.ZodType, Result>(
  input: Input,
  _result: ResultMarker<Result>,
): MethodDefinition<Input, Result> {
  return { input, result: undefined as Result };
}

export interface ResultMarker<Result> {
  readonly __result?: Result;
}

export function result<Result>(): ResultMarker<Result> {
  return {};
}

/** An error a user can act on; crosses every boundary with its kind intact. */
export interface ApiErrorShape {
  kind: 'invalid-input' | 'not-found' | 'conflict' | 'unavailable' | 'cancelled' | 'failed';
  message: string;
}

export class ApiError extends Error implements ApiErrorShape {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: ApiErrorShape['kind'],
    message: string,
  ) {
    super(message);
  }
}
