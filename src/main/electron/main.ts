/**
 * The desktop app's entry. It owns only the shell: one running app per machine (a second launch
 * hands its .cew file to this one), one window per study, each with its own AppHost — its own
 * session and study worker — so the study layer's lock file makes a second window on the same
 * study read-only. Everything that touches a study runs in the worker; this process routes IPC,
 * shows dialogs and menus, and enforces the security rules of security.ts on every webContents.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import type { Result } from '../../shared/api/index';
import { createAppHost, type AppHost } from '../appHost';
import { useDesktopPagePrinter } from '../report/pagePrinter';
import { registerAppSchemePrivileges, serveAppProtocol } from './appProtocol';
import { createDesktopPagePrinter } from './desktopPagePrinter';
import { createStudyDialogs, studyPathsFromArgv } from './dialogs';
import { forwardHostEvents, registerIpcHandlers } from './ipc';
import { installApplicationMenu } from './menu';
import { safeOpenExternal } from './safeOpenExternal';
import {
  CONTENT_SECURITY_POLICY,
  hardenWebContents,
  installSessionSecurity,
  isTrustedAppUrl,
  type TrustedOrigins,
} from './security';
import { createStudyWindow, trustedDevServerUrl } from './window';

interface StudyWindow {
  window: BrowserWindow;
  host: AppHost;
}

/** Keyed by webContents id: the key IPC senders are looked up by. */
const windows = new Map<number, StudyWindow>();
/** Study checkpoints still running after their window closed; quitting waits for them. */
const pendingDisposals = new Set<Promise<void>>();
/** .cew files handed over before the app was ready (argv, macOS open-file). */
const pendingStudyPaths: string[] = [];
let nativeBinding: string | null = null;
const QUIT_WAIT_MS = 15_000;

// The dev server is honoured only in an unpacked checkout: a packaged app must never let an
// environment variable point its windows — and their preload bridge — at another page.
const rawDevServerUrl = process.env['ELECTRON_RENDERER_URL'];
const devServerUrl = app.isPackaged ? null : trustedDevServerUrl(rawDevServerUrl);
if (!app.isPackaged && rawDevServerUrl && !devServerUrl) {
  console.warn(`[main] ignoring ELECTRON_RENDERER_URL=${rawDevServerUrl}: not http on localhost`);
}
const origins: TrustedOrigins = {
  devServerOrigin: devServerUrl ? new URL(devServerUrl).origin : null,
};

/** The better-sqlite3 addon built for Electron's ABI (the one in node_modules is Node's). */
function electronNativeBindingPath(): string {
  return app.isPackaged
    ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(
        app.getAppPath(),
        '.electron-native',
        'better-sqlite3',
        'build',
        'Release',
        'better_sqlite3.node',
      );
}

function missingNativeBindingMessage(file: string): string {
  return [
    'The workbench cannot open studies: the SQLite addon built for Electron was not found at',
    file,
    '',
    app.isPackaged
      ? 'This installation is incomplete. Please reinstall Customer Energy Workbench.'
      : 'Build it once with `npm run build:electron-native` (it downloads the Electron headers ' +
        'from electronjs.org), then start the app again.',
  ].join('\n');
}

function trackDisposal(host: AppHost): void {
  const disposal: Promise<void> = host
    .dispose()
    .catch((error: unknown) => console.error(`[main] closing a study failed: ${String(error)}`))
    .finally(() => pendingDisposals.delete(disposal));
  pendingDisposals.add(disposal);
}

function showError(parent: BrowserWindow | null, message: string, detail: string): void {
  const options = { type: 'error' as const, title: 'Customer Energy Workbench', message, detail };
  void (parent && !parent.isDestroyed()
    ? dialog.showMessageBox(parent, options)
    : dialog.showMessageBox(options));
}

function openStudyWindow(studyPath: string | null): StudyWindow {
  if (!nativeBinding) throw new Error('openStudyWindow before the app was ready');
  let window: BrowserWindow | null = null;
  const host = createAppHost({
    mode: 'desktop',
    settingsFolder: app.getPath('userData'),
    dialogs: createStudyDialogs(() => window),
    nativeBinding,
  });
  window = createStudyWindow({
    preloadPath: path.join(__dirname, '..', 'preload', 'index.js'),
    devServerUrl,
  });
  const entry: StudyWindow = { window, host };
  const id = window.webContents.id;
  windows.set(id, entry);
  const stopForwarding = forwardHostEvents(host, window.webContents);
  window.on('closed', () => {
    windows.delete(id);
    stopForwarding();
    // dispose() closes the worker, which checkpoints the study's WAL into the .cew file.
    trackDisposal(host);
  });
  if (studyPath) void runStudyCommand(entry, 'study.open', studyPath);
  return entry;
}

/** Opens or creates a study in a window from main (file association, menu); errors go to a dialog. */
async function runStudyCommand(
  target: StudyWindow,
  method: 'study.open' | 'study.create',
  studyPath: string,
): Promise<void> {
  const outcome = await target.host.dispatch(method, { path: studyPath });
  if (!outcome.ok) {
    const verb = method === 'study.open' ? 'opened' : 'created';
    showError(
      target.window,
      `The study could not be ${verb}.`,
      `${studyPath}\n\n${outcome.error.message}`,
    );
  }
}

/** The focused window, else any of ours (on macOS a menu works while no window has focus). */
function focusedStudyWindow(): StudyWindow | null {
  const focused = BrowserWindow.getFocusedWindow();
  const entry = focused ? windows.get(focused.webContents.id) : undefined;
  return entry ?? windows.values().next().value ?? null;
}

/** A window with no study takes the next one; otherwise a study gets a window of its own. */
function windowForNextStudy(from: StudyWindow | null): StudyWindow {
  return from && !from.host.session.current ? from : openStudyWindow(null);
}

async function chooseAndRun(method: 'study.open' | 'study.create'): Promise<void> {
  const from = focusedStudyWindow() ?? openStudyWindow(null);
  const chooser = method === 'study.open' ? 'study.chooseExisting' : 'study.chooseNewPath';
  const chosen = await from.host.dispatch(chooser, {});
  if (!chosen.ok) {
    showError(from.window, 'The file dialog failed.', chosen.error.message);
    return;
  }
  const result = chosen.result as Result<'study.chooseExisting'>;
  if (!result) return;
  await runStudyCommand(windowForNextStudy(from), method, result.path);
}

function focusSomeWindow(): void {
  const entry = focusedStudyWindow();
  if (!entry || entry.window.isDestroyed()) return;
  if (entry.window.isMinimized()) entry.window.restore();
  entry.window.focus();
}

function openHandedOverStudy(studyPath: string): void {
  if (nativeBinding) openStudyWindow(studyPath);
  else pendingStudyPaths.push(studyPath);
}

async function start(): Promise<void> {
  const binding = electronNativeBindingPath();
  if (!existsSync(binding)) {
    dialog.showErrorBox('SQLite addon for Electron missing', missingNativeBindingMessage(binding));
    app.exit(1);
    return;
  }
  nativeBinding = binding;

  installSessionSecurity(session.defaultSession, origins);
  // PDF exports print with Electron's Chromium (a hidden window per document), not a browser.
  useDesktopPagePrinter(createDesktopPagePrinter());
  serveAppProtocol(session.defaultSession, {
    rendererRoot: path.join(__dirname, '..', 'renderer'),
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  });
  registerIpcHandlers(ipcMain, {
    hostFor: (webContentsId) => windows.get(webContentsId)?.host,
    isTrustedUrl: (url) => isTrustedAppUrl(url, origins),
  });
  installApplicationMenu({
    appName: app.name,
    platform: process.platform,
    isDev: !app.isPackaged,
    onNewStudy: () => void chooseAndRun('study.create'),
    onOpenStudy: () => void chooseAndRun('study.open'),
  });

  const initial = pendingStudyPaths.splice(0);
  if (initial.length === 0) openStudyWindow(null);
  for (const studyPath of initial) openStudyWindow(studyPath);
}

function main(): void {
  registerAppSchemePrivileges();
  // Belt and braces with sandbox: true in every window: no renderer of ours runs unsandboxed.
  app.enableSandbox();

  if (!app.requestSingleInstanceLock()) {
    // The running instance got our argv through 'second-instance'.
    app.quit();
    return;
  }

  pendingStudyPaths.push(...studyPathsFromArgv(process.argv, process.cwd()));

  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusSomeWindow();
    for (const studyPath of studyPathsFromArgv(argv, workingDirectory)) {
      openHandedOverStudy(studyPath);
    }
  });

  // macOS hands over double-clicked files this way, possibly before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openHandedOverStudy(file);
  });

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, origins, safeOpenExternal);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (nativeBinding && windows.size === 0) openStudyWindow(null);
  });

  app.on('will-quit', (event) => {
    if (pendingDisposals.size === 0) return;
    event.preventDefault();
    // A stuck worker must not keep the app alive: committed work is already in the WAL, which
    // SQLite replays on the next open, so giving up on the checkpoint loses nothing.
    const giveUp = new Promise<void>((resolve) => setTimeout(resolve, QUIT_WAIT_MS));
    void Promise.race([Promise.allSettled([...pendingDisposals]), giveUp]).then(() => {
      if (pendingDisposals.size > 0) console.warn('[main] quitting before every study closed');
      pendingDisposals.clear();
      app.quit();
    });
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Customer Energy Workbench could not start', String(error));
      app.exit(1);
    });
}

main();
