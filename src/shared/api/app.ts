/** Application-wide settings and facts the renderer needs to choose its UI. */
import { z } from 'zod';
import { method, result } from './apiTypes';

export interface AppInfo {
  mode: 'desktop' | 'browser';
  version: string;
  /** Desktop: native open/save dialogs. Browser: a studies folder and a server-side file browser. */
  nativeDialogs: boolean;
  studiesFolder: string;
  /** This user's interface choices, remembered in the app settings (both modes). */
  preferences: Preferences;
}

/** The interface's language; a study's label language is chosen separately, per study. */
export const uiLanguageSchema = z.enum(['en', 'ko']);
/** 'system' follows the operating system's light or dark setting. */
export const themeSchema = z.enum(['light', 'dark', 'system']);

export interface Preferences {
  uiLanguage: z.infer<typeof uiLanguageSchema>;
  theme: z.infer<typeof themeSchema>;
}

export const appMethods = {
  'app.info': method(z.object({}), result<AppInfo>()),
  'app.setStudiesFolder': method(
    z.object({ folder: z.string().min(1, 'a folder is required') }),
    result<AppInfo>(),
  ),
  'app.setPreferences': method(
    z.object({ uiLanguage: uiLanguageSchema.optional(), theme: themeSchema.optional() }),
    result<AppInfo>(),
  ),
} as const;
