/**
 * Creates the study windows. Every BrowserWindow in the app is built here with the one
 * webPreferences builder below — sandboxed, context-isolated, no Node — and a unit test scans
 * src/main/electron for `new BrowserWindow(` so a window built any other way fails CI.
 */
import { BrowserWindow, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './appProtocol';

/**
 * The only webPreferences a window of ours may have. Pure, so the test asserts it directly.
 * `preloadPath` null is the PDF printer's hidden window: no bridge to the API and no JavaScript,
 * because it only lays out a document (inline SVG, styles) for printToPDF.
 */
export function studyWindowWebPreferences(preloadPath: string | null): WebPreferences {
  return {
    ...(preloadPath === null ? { javascript: false } : { preload: preloadPath }),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // The spellchecker downloads its dictionaries from a Google CDN; we load nothing remote.
    spellcheck: false,
  };
}

/**
 * The electron-vite dev server URL, when it is safe to load: plain http on this machine only
 * (localhost, 127.0.0.1, [::1]), without credentials. Anything else yields null and the window
 * loads the built renderer instead.
 */
export function trustedDevServerUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:') return null;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return null;
  if (url.username || url.password) return null;
  return url.href;
}

/** What a new window loads: the dev server in development, else our scheme. */
export function rendererEntryUrl(devServerUrl: string | null): string {
  return devServerUrl ?? APP_ENTRY_URL;
}

export interface StudyWindowOptions {
  preloadPath: string;
  /** From trustedDevServerUrl, and only when the app is not packaged. */
  devServerUrl: string | null;
}

export function createStudyWindow(options: StudyWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Customer Energy Workbench',
    backgroundColor: '#ffffff',
    webPreferences: studyWindowWebPreferences(options.preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  void window.webContents
    .loadURL(rendererEntryUrl(options.devServerUrl))
    .catch((error: unknown) => {
      console.error(`[window] the renderer failed to load: ${String(error)}`);
    });
  return window;
}

/**
 * The hidden window the desktop PDF printer lays a report out in (desktopPagePrinter.ts). It is
 * never shown and is destroyed after each document; the session's rules (security.ts) apply to
 * it as to every webContents: no permissions, no network, no navigation away.
 */
export function createPrintWindow(): BrowserWindow {
  const window = new BrowserWindow({
    show: false,
    width: 1280,
    height: 720,
    webPreferences: studyWindowWebPreferences(null),
  });
  return window;
}
