/**
 * The renderer's one typed client over either transport, chosen at run time so the same bundle
 * serves both modes: Electron's preload bridge (`window.workbench`) or, in a browser, HTTP POST
 * /api/<method> with the launch token from the page's URL and one EventSource for events.
 */
import type { ApiErrorShape } from '../../../shared/api/apiTypes';
import type { BridgeOutcome, WorkbenchBridge } from '../../../shared/api/bridge';
import type { EventMap, EventName, Input, MethodName, Result } from '../../../shared/api/index';

declare global {
  interface Window {
    workbench?: WorkbenchBridge;
  }
}

export class WorkbenchError extends Error implements ApiErrorShape {
  override readonly name = 'WorkbenchError';
  constructor(
    readonly kind: ApiErrorShape['kind'],
    message: string,
  ) {
    super(message);
  }
}

type AnyListener = (event: string, payload: unknown) => void;

interface Transport {
  invoke(method: string, input: unknown): Promise<BridgeOutcome>;
  subscribe(listener: AnyListener): () => void;
}

function bridgeTransport(bridge: WorkbenchBridge): Transport {
  return {
    invoke: (method, input) => bridge.invoke(method, input),
    subscribe: (l) => bridge.on(l),
  };
}

const EVENT_NAMES: readonly EventName[] = [
  'job.progress',
  'job.finished',
  'study.changed',
  'worker.restarted',
];

function httpTransport(token: string): Transport {
  const listeners = new Set<AnyListener>();
  let source: EventSource | null = null;
  const connect = () => {
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (message) => {
        const payload = JSON.parse((message as MessageEvent<string>).data) as unknown;
        for (const listener of listeners) listener(name, payload);
      });
    }
  };
  return {
    async invoke(method, input) {
      let response: Response;
      try {
        response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch (error) {
        return {
          ok: false,
          error: {
            kind: 'unavailable',
            message: `the workbench server is not reachable (${(error as Error).message})`,
          },
        };
      }
      const body = (await response.json().catch(() => ({}))) as {
        result?: unknown;
        error?: ApiErrorShape;
      };
      if (response.ok) return { ok: true, result: body.result };
      return {
        ok: false,
        error: body.error ?? { kind: 'failed', message: `HTTP ${response.status}` },
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!source) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}

function chooseTransport(): Transport {
  if (window.workbench) return bridgeTransport(window.workbench);
  const token = new URLSearchParams(window.location.search).get('token');
  if (!token) {
    throw new WorkbenchError(
      'unavailable',
      'This page needs the address printed by `npm run web`, including its ?token=… part.',
    );
  }
  return httpTransport(token);
}

export interface WorkbenchClient {
  invoke<K extends MethodName>(method: K, input: Input<K>): Promise<Result<K>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

export function createClient(transport: Transport = chooseTransport()): WorkbenchClient {
  return {
    async invoke(method, input) {
      const outcome = await transport.invoke(method, input);
      if (!outcome.ok) throw new WorkbenchError(outcome.error.kind, outcome.error.message);
      return outcome.result as never;
    },
    on(event, listener) {
      return transport.subscribe((name, payload) => {
        if (name === event) listener(payload as EventMap[typeof event]);
      });
    },
  };
}
