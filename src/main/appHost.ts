/**
 * Composes one running workbench: settings, a study session with its worker, the handler table
 * and the dispatcher, plus an event bus the transports forward to their windows. Electron, browser
 * mode, the CLI and the tests all start the app through here, so they run the same code.
 */
import path from 'node:path';
import type { EventMap, EventName } from '../shared/api/events';
import { createDispatch, type Dispatch } from './handlers/dispatch';
import type { StudyDialogs } from './handlers/handlerContext';
import { createHandlers } from './handlers/index';
import { StudySession } from './session/studySession';
import { AppSettings } from './settings/appSettings';
import { APP_VERSION } from './appVersion';

export type EventListener = <E extends EventName>(event: E, payload: EventMap[E]) => void;

export interface AppHostOptions {
  mode: 'desktop' | 'browser';
  /** The built worker bundle; defaults to studyWorker.js beside the running bundle. */
  workerPath?: string;
  settingsFolder?: string;
  dialogs?: StudyDialogs | null;
  nativeBinding?: string;
}

export interface AppHost {
  dispatch: Dispatch;
  session: StudySession;
  settings: AppSettings;
  subscribe(listener: EventListener): () => void;
  dispose(): Promise<void>;
}

export function defaultWorkerPath(): string {
  return path.join(__dirname, 'studyWorker.js');
}

export function createAppHost(options: AppHostOptions): AppHost {
  const listeners = new Set<EventListener>();
  const emit: EventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  const settings = new AppSettings(options.settingsFolder);
  const session = new StudySession({
    workerPath: options.workerPath ?? defaultWorkerPath(),
    appVersion: APP_VERSION,
    startData: options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
    emit,
  });
  const handlers = createHandlers({
    mode: options.mode,
    version: APP_VERSION,
    session,
    settings,
    dialogs: options.dialogs ?? null,
  });
  return {
    dispatch: createDispatch(handlers),
    session,
    settings,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => session.dispose(),
  };
}
