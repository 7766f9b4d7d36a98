/**
 * The only bridge between a sandboxed renderer and the main process: `window.workbench` with
 * `invoke` and `on`, nothing else. No Electron object crosses it — not ipcRenderer, not the
 * IpcRendererEvent (its `sender` would hand the page ipcRenderer itself) — and only method names
 * of the form feature.verb reach IPC, on the `cew:` channels main allowlists. Bundled alone as
 * CommonJS for the sandbox, so it imports nothing but electron and the import-free channel names.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_PREFIX } from '../shared/api/ipcChannels';
import type { ApiErrorShape } from '../shared/api/apiTypes';

/** What `invoke` resolves to; it never rejects. */
export type WorkbenchOutcome = { ok: true; result: unknown } | { ok: false; error: ApiErrorShape };

/** The type of `window.workbench`; src/shared declares the same for the renderer. */
export interface WorkbenchBridge {
  invoke(method: string, input?: unknown): Promise<WorkbenchOutcome>;
  on(listener: (event: string, payload: unknown) => void): () => void;
}

const METHOD_NAME = /^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/;

function refused(message: string): WorkbenchOutcome {
  return { ok: false, error: { kind: 'invalid-input', message } };
}

function isOutcome(value: unknown): value is WorkbenchOutcome {
  return (
    typeof value === 'object' && value !== null && typeof Reflect.get(value, 'ok') === 'boolean'
  );
}

const bridge: WorkbenchBridge = {
  async invoke(method, input) {
    if (typeof method !== 'string' || method.length > 64 || !METHOD_NAME.test(method)) {
      return refused(`not an API method name: ${String(method).slice(0, 64)}`);
    }
    try {
      const outcome: unknown = await ipcRenderer.invoke(`${IPC_PREFIX}${method}`, input ?? {});
      if (isOutcome(outcome)) return outcome;
      return { ok: false, error: { kind: 'failed', message: 'malformed answer from main' } };
    } catch (error) {
      // Only "no handler registered" or a closed channel get here; main never throws across IPC.
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { kind: 'unavailable', message } };
    }
  },
  on(listener) {
    if (typeof listener !== 'function') throw new TypeError('workbench.on needs a function');
    const relay = (_event: IpcRendererEvent, message: unknown) => {
      if (typeof message !== 'object' || message === null) return;
      const name: unknown = Reflect.get(message, 'event');
      if (typeof name !== 'string') return;
      listener(name, Reflect.get(message, 'payload'));
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('workbench', bridge);
