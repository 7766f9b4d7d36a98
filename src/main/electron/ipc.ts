/**
 * The IPC side of the API: one `ipcMain.handle('cew:<method>')` per method of the shared map, so
 * a method added to src/shared/api is reachable with no change here, and nothing else is. Each
 * call is accepted only from the main frame of one of our windows showing our own page, then goes
 * to that window's AppHost (which validates the input with zod). The answer is always an outcome
 * object — a thrown error would cross IPC as a stripped, untyped message.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { apiMethods, type MethodName } from '../../shared/api/index';
import { IPC_EVENT_CHANNEL, IPC_PREFIX } from '../../shared/api/ipcChannels';
import type { AppHost } from '../appHost';
import { toApiError, type DispatchOutcome } from '../handlers/dispatch';

export interface ApiChannel {
  method: MethodName;
  channel: string;
}

/** Every method of the shared API with its IPC channel. */
export function apiChannels(): ApiChannel[] {
  return (Object.keys(apiMethods) as MethodName[]).map((method) => ({
    method,
    channel: `${IPC_PREFIX}${method}`,
  }));
}

export type SenderCheck = { ok: true; host: AppHost } | { ok: false; reason: string };

export interface SenderPolicy {
  /** The AppHost of the window whose webContents has this id, if we created it. */
  hostFor(webContentsId: number): AppHost | undefined;
  isTrustedUrl(url: string): boolean;
}

type InvokeEventLike = Pick<IpcMainInvokeEvent, 'senderFrame'> & {
  sender: Pick<WebContents, 'id' | 'mainFrame'>;
};

/** Pure: whether an invoke comes from the top frame of one of our windows, on our page. */
export function checkSender(event: InvokeEventLike, policy: SenderPolicy): SenderCheck {
  const frame = event.senderFrame;
  if (!frame || frame.detached) return { ok: false, reason: 'the sending frame is gone' };
  // Identity of WebFrameMain wrappers is not documented; the tree node id is.
  if (frame.parent !== null || frame.frameTreeNodeId !== event.sender.mainFrame.frameTreeNodeId) {
    return { ok: false, reason: 'only the main frame may call the API' };
  }
  const host = policy.hostFor(event.sender.id);
  if (!host) return { ok: false, reason: 'the sender is not a workbench window' };
  if (!policy.isTrustedUrl(frame.url)) return { ok: false, reason: 'the sender is not our page' };
  return { ok: true, host };
}

type IpcRegistrar = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** Registers every channel; returns a function that removes them again. */
export function registerIpcHandlers(ipc: IpcRegistrar, policy: SenderPolicy): () => void {
  const channels = apiChannels();
  for (const { method, channel } of channels) {
    ipc.handle(channel, async (event, input: unknown): Promise<DispatchOutcome> => {
      const sender = checkSender(event, policy);
      if (!sender.ok) {
        console.warn(`[ipc] refused ${method}: ${sender.reason}`);
        return { ok: false, error: { kind: 'unavailable', message: `refused: ${sender.reason}` } };
      }
      try {
        return await sender.host.dispatch(method, input);
      } catch (error) {
        // dispatch already turns handler failures into outcomes; this is the last guard.
        return { ok: false, error: toApiError(error) };
      }
    });
  }
  return () => {
    for (const { channel } of channels) ipc.removeHandler(channel);
  };
}

/** The message shape on IPC_EVENT_CHANNEL; preload unwraps it into (event, payload). */
export interface EventMessage {
  event: string;
  payload: unknown;
}

/** Pushes one host's events to its own window only; returns the unsubscribe function. */
export function forwardHostEvents(
  host: Pick<AppHost, 'subscribe'>,
  contents: Pick<WebContents, 'isDestroyed' | 'send'>,
): () => void {
  return host.subscribe((event, payload) => {
    if (contents.isDestroyed()) return;
    const message: EventMessage = { event, payload };
    contents.send(IPC_EVENT_CHANNEL, message);
  });
}
