/**
 * The one object the preload script exposes to the renderer as `window.workbench`. Outcomes are
 * plain data (never thrown errors) so they cross the context bridge intact.
 */
import type { ApiErrorShape } from './apiTypes';

export type BridgeOutcome = { ok: true; result: unknown } | { ok: false; error: ApiErrorShape };

export interface WorkbenchBridge {
  invoke(method: string, input: unknown): Promise<BridgeOutcome>;
  /** Subscribes to every event; returns the unsubscribe function. */
  on(listener: (event: string, payload: unknown) => void): () => void;
}
