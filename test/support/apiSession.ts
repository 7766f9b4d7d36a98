/**
 * The real API in an integration test: a StudySession on the built study worker and the dispatch
 * the handlers use in browser mode (dispatch → handlers → study worker → SQLite), with the app's
 * settings in `settingsFolder`.
 */
import { createDispatch, type Dispatch } from '../../src/main/handlers/dispatch';
import { createHandlers } from '../../src/main/handlers/index';
import { StudySession, type StudySessionOptions } from '../../src/main/session/studySession';
import { AppSettings } from '../../src/main/settings/appSettings';
import type { Input, MethodName, Result } from '../../src/shared/api/index';
import { builtWorkerPath } from './studyDb';

export function apiSession(
  settingsFolder: string,
  emit: StudySessionOptions['emit'] = () => undefined,
): { session: StudySession; dispatch: Dispatch } {
  const session = new StudySession({ workerPath: builtWorkerPath, appVersion: 'test', emit });
  const dispatch = createDispatch(
    createHandlers({
      mode: 'browser',
      version: 'test',
      session,
      settings: new AppSettings(settingsFolder),
      dialogs: null,
    }),
  );
  return { session, dispatch };
}

/** A method's result through `dispatch`, or its error kind and message thrown. */
export async function callThrough<K extends MethodName>(
  dispatch: Dispatch,
  method: K,
  input: Input<K>,
): Promise<Result<K>> {
  const outcome = await dispatch(method, input);
  if (!outcome.ok) throw new Error(`${outcome.error.kind}: ${outcome.error.message}`);
  return outcome.result as Result<K>;
}
