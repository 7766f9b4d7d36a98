/** app.* methods: facts about this run and its settings. */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/apiTypes';
import type { AppInfo } from '../../shared/api/app';
import type { Handlers } from '../../shared/api/index';
import type { HandlerContext } from './handlerContext';

type AppHandlers = Pick<Handlers, 'app.info' | 'app.setStudiesFolder' | 'app.setPreferences'>;

export function appHandlers(ctx: HandlerContext): AppHandlers {
  const info = (): AppInfo => ({
    mode: ctx.mode,
    version: ctx.version,
    nativeDialogs: ctx.dialogs !== null,
    studiesFolder: ctx.settings.studiesFolder,
    preferences: ctx.settings.preferences,
  });
  return {
    'app.info': info,
    'app.setStudiesFolder': ({ folder }) => {
      const absolute = path.resolve(folder);
      try {
        mkdirSync(absolute, { recursive: true });
        if (!statSync(absolute).isDirectory()) throw new Error('not a folder');
      } catch (error) {
        throw new ApiError(
          'invalid-input',
          `folder: ${absolute} cannot be used (${(error as Error).message})`,
        );
      }
      ctx.settings.setStudiesFolder(absolute);
      return info();
    },
    'app.setPreferences': (changes) => {
      ctx.settings.setPreferences(changes);
      return info();
    },
  };
}
