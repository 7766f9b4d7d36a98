/** Application-wide settings and facts the renderer needs to choose its UI. */
import { z } from 'zod';
import { method, result } from './apiTypes';

export interface AppInfo {
  mode: 'desktop' | 'browser';
  version: string;
  /** Desktop: native open/save dialogs. Browser: a studies folder and a server-side file browser. */
  nativeDialogs: boolean;
  studiesFolder: string;
}

export const appMethods = {
  'app.info': method(z.object({}), result<AppInfo>()),
  'app.setStudiesFolder': method(
    z.object({ folder: z.string().min(1, 'a folder is required') }),
    result<AppInfo>(),
  ),
} as const;
