/**
 * The Electron shell's security rules, checked in plain Node: every window's webPreferences, the
 * CSP, which URLs a page may navigate to or load, which links may leave for the OS, which paths
 * the app scheme serves, and that IPC reaches every API method and nothing else. The real
 * 'electron' package is mocked: outside Electron, importing it tries to download the binary.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';
import ts from 'typescript';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiMethods } from '../../../../src/shared/api/index';
import { IPC_EVENT_CHANNEL, IPC_PREFIX } from '../../../../src/shared/api/ipcChannels';
import type { AppHost } from '../../../../src/main/appHost';
import { APP_ENTRY_URL, resolveAppAssetPath } from '../../../../src/main/electron/appProtocol';
import { ensureStudyExtension, studyPathsFromArgv } from '../../../../src/main/electron/dialogs';
import {
  apiChannels,
  checkSender,
  forwardHostEvents,
  registerIpcHandlers,
  type SenderPolicy,
} from '../../../../src/main/electron/ipc';
import { buildMenuTemplate } from '../../../../src/main/electron/menu';
import {
  decideExternalUrl,
  safeOpenExternal,
} from '../../../../src/main/electron/safeOpenExternal';
import {
  CONTENT_SECURITY_POLICY,
  hardenWebContents,
  installSessionSecurity,
  isNavigationAllowed,
  isRendererRequestAllowed,
  withContentSecurityPolicy,
  type TrustedOrigins,
} from '../../../../src/main/electron/security';
import {
  rendererEntryUrl,
  studyWindowWebPreferences,
  trustedDevServerUrl,
} from '../../../../src/main/electron/window';

const electronMock = vi.hoisted(() => ({ openExternal: vi.fn(async (_url: string) => {}) }));

vi.mock('electron', () => ({
  BrowserWindow: class {},
  Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() },
  dialog: {},
  protocol: { registerSchemesAsPrivileged: vi.fn() },
  shell: { openExternal: electronMock.openExternal },
}));

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..', '..');
const PRODUCTION: TrustedOrigins = { devServerOrigin: null };
const DEVELOPMENT: TrustedOrigins = { devServerOrigin: 'http://localhost:5173' };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry) ? [full] : [];
  });
}

interface WindowConstruction {
  file: string;
  line: number;
  /** The text of the webPreferences value, or null when the options are not an object literal. */
  webPreferences: string | null;
}

/** Every `new <className>(…)` in a file, found with the TypeScript parser (comments and strings ignored). */
function constructions(file: string, className: string): WindowConstruction[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: WindowConstruction[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === className
    ) {
      const options = node.arguments?.[0];
      let webPreferences: string | null = null;
      if (options && ts.isObjectLiteralExpression(options)) {
        const property = options.properties.find(
          (p) =>
            p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === 'webPreferences',
        );
        webPreferences =
          property && ts.isPropertyAssignment(property) ? property.initializer.getText(source) : '';
      }
      found.push({
        file: path.relative(repoRoot, file),
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        webPreferences,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('study window webPreferences', () => {
  it('sandboxes and context-isolates every window and gives it no Node anywhere', () => {
    expect(studyWindowWebPreferences('/app/out/preload/index.js')).toStrictEqual({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
    });
  });

  it('is what every `new BrowserWindow(` in the shell is built with', () => {
    const shellSources = [
      ...sourceFiles(path.join(repoRoot, 'src', 'main', 'electron')),
      ...sourceFiles(path.join(repoRoot, 'src', 'preload')),
    ];
    const windows = shellSources.flatMap((file) => constructions(file, 'BrowserWindow'));
    expect(windows.length).toBeGreaterThan(0);
    for (const window of windows) {
      expect(window.webPreferences, `${window.file}:${window.line}`).toMatch(
        /^studyWindowWebPreferences\([^)]*\)$/,
      );
    }
    for (const other of ['BrowserView', 'WebContentsView', 'BaseWindow']) {
      expect(shellSources.flatMap((file) => constructions(file, other))).toEqual([]);
    }
  });

  it('leaves no other way to give a page its own webPreferences', () => {
    for (const file of sourceFiles(path.join(repoRoot, 'src', 'main', 'electron'))) {
      const text = readFileSync(file, 'utf8');
      const name = path.relative(repoRoot, file);
      expect(text, name).not.toMatch(/webPreferences\s*:\s*\{/);
      expect(text, name).not.toMatch(/sandbox\s*:\s*false|contextIsolation\s*:\s*false/);
      expect(text, name).not.toMatch(/nodeIntegration\w*\s*:\s*true/);
    }
  });
});

describe('what a window loads', () => {
  it('loads the built renderer over the app scheme unless a trusted dev server is given', () => {
    expect(rendererEntryUrl(null)).toBe('cew-app://app/index.html');
    expect(APP_ENTRY_URL).toBe('cew-app://app/index.html');
    expect(rendererEntryUrl('http://localhost:5173/')).toBe('http://localhost:5173/');
  });

  it('trusts a dev server only on plain http on this machine', () => {
    expect(trustedDevServerUrl('http://localhost:5173')).toBe('http://localhost:5173/');
    expect(trustedDevServerUrl('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173/');
    expect(trustedDevServerUrl(undefined)).toBeNull();
    expect(trustedDevServerUrl('')).toBeNull();
    expect(trustedDevServerUrl('https://localhost:5173')).toBeNull();
    expect(trustedDevServerUrl('http://example.com:5173')).toBeNull();
    expect(trustedDevServerUrl('http://localhost.example.com:5173')).toBeNull();
    expect(trustedDevServerUrl('http://user:secret@localhost:5173')).toBeNull();
    expect(trustedDevServerUrl('file:///tmp/index.html')).toBeNull();
    expect(trustedDevServerUrl('not a url')).toBeNull();
  });
});

describe('the content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

  it('sets every agreed directive', () => {
    expect(Object.fromEntries(directives)).toStrictEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'frame-ancestors': ["'none'"],
      'form-action': ["'none'"],
    });
  });

  it('allows no eval, no inline script and no remote host', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes/);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    for (const sources of directives.values()) {
      for (const source of sources) {
        expect(["'self'", "'none'", "'unsafe-inline'", 'data:']).toContain(source);
      }
    }
  });

  it('replaces any CSP a response carried, whatever the header spelling', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
      'Content-Type': ['text/html'],
    });
    expect(headers).toStrictEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});

describe('navigation and request rules', () => {
  it('lets a page navigate only within the app', () => {
    expect(isNavigationAllowed('cew-app://app/index.html', PRODUCTION)).toBe(true);
    expect(isNavigationAllowed('cew-app://app/#/tables', PRODUCTION)).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'cew-app://other/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'about:blank',
      'not a url',
    ]) {
      expect(isNavigationAllowed(url, PRODUCTION), url).toBe(false);
    }
  });

  it('accepts the dev server only in development, and only its exact origin', () => {
    expect(isNavigationAllowed('http://localhost:5173/index.html', DEVELOPMENT)).toBe(true);
    expect(isNavigationAllowed('http://localhost:5174/', DEVELOPMENT)).toBe(false);
    expect(isNavigationAllowed('https://localhost:5173/', DEVELOPMENT)).toBe(false);
    expect(isNavigationAllowed('http://127.0.0.1:5173/', DEVELOPMENT)).toBe(false);
  });

  it('lets no request from a renderer reach the network', () => {
    for (const url of [
      'https://example.com/app.js',
      'http://example.com/',
      'http://localhost:5173/@vite/client',
      'ws://example.com/socket',
      'wss://example.com/socket',
      'ftp://example.com/file',
      'file:///etc/passwd',
      'cew-app://elsewhere/index.html',
    ]) {
      expect(isRendererRequestAllowed(url, PRODUCTION), url).toBe(false);
    }
    for (const url of [
      'cew-app://app/assets/index.js',
      'data:image/png;base64,AAAA',
      'blob:cew-app://app/1234',
    ]) {
      expect(isRendererRequestAllowed(url, PRODUCTION), url).toBe(true);
    }
  });

  it('lets the dev server and its hot-reload socket through in development only', () => {
    expect(isRendererRequestAllowed('http://localhost:5173/@vite/client', DEVELOPMENT)).toBe(true);
    expect(isRendererRequestAllowed('ws://localhost:5173/', DEVELOPMENT)).toBe(true);
    expect(isRendererRequestAllowed('http://localhost:8080/', DEVELOPMENT)).toBe(false);
    expect(isRendererRequestAllowed('https://example.com/', DEVELOPMENT)).toBe(false);
  });
});

describe('the app scheme', () => {
  const root = path.resolve('/srv/out/renderer');

  it('serves files inside the renderer folder', () => {
    expect(resolveAppAssetPath(root, 'cew-app://app/index.html')).toBe(
      path.join(root, 'index.html'),
    );
    expect(resolveAppAssetPath(root, 'cew-app://app/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppAssetPath(root, 'cew-app://app/assets/index-1.js?v=2#x')).toBe(
      path.join(root, 'assets', 'index-1.js'),
    );
    expect(resolveAppAssetPath(root, 'cew-app://app/fonts/Inter%20Var.woff2')).toBe(
      path.join(root, 'fonts', 'Inter Var.woff2'),
    );
  });

  it('refuses every path that would leave the folder once decoded, and foreign URLs', () => {
    for (const url of [
      'cew-app://app/assets/..%2f..%2fsecret.txt',
      'cew-app://app/..%2f..%2f..%2fetc%2fpasswd',
      'cew-app://app/..%5c..%5csecret.txt',
      'cew-app://app/index.html%00.png',
      'cew-app://app/%E0%A4%A',
      'cew-app://other/index.html',
      'cew-app://user:pw@app/index.html',
      'https://app/index.html',
      'file:///srv/out/renderer/index.html',
      'not a url',
    ]) {
      expect(resolveAppAssetPath(root, url), url).toBeNull();
    }
  });

  it('keeps plain dot segments, which the URL parser resolves, inside the folder', () => {
    expect(resolveAppAssetPath(root, 'cew-app://app/../../secret.txt')).toBe(
      path.join(root, 'secret.txt'),
    );
    expect(resolveAppAssetPath(root, 'cew-app://app/%2e%2e/secret.txt')).toBe(
      path.join(root, 'secret.txt'),
    );
  });
});

describe('safeOpenExternal', () => {
  beforeEach(() => electronMock.openExternal.mockClear());

  it('allows https links and mailto addresses, normalised by URL', () => {
    expect(decideExternalUrl('https://example.com/help?q=1')).toEqual({
      allowed: true,
      url: 'https://example.com/help?q=1',
    });
    expect(decideExternalUrl('HTTPS://Example.COM')).toEqual({
      allowed: true,
      url: 'https://example.com/',
    });
    expect(decideExternalUrl('mailto:support@example.com')).toEqual({
      allowed: true,
      url: 'mailto:support@example.com',
    });
  });

  it('refuses everything else', () => {
    for (const url of [
      'http://example.com/',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'data:text/html,hi',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'cew-app://app/index.html',
      'https://user:secret@example.com/',
      'https://:secret@example.com/',
      'mailto:',
      'not a url',
      `https://example.com/${'a'.repeat(2100)}`,
      42,
      null,
    ]) {
      expect(decideExternalUrl(url).allowed, String(url).slice(0, 60)).toBe(false);
    }
  });

  it('hands only allowed URLs to shell.openExternal', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await safeOpenExternal('file:///etc/passwd')).toBe(false);
    expect(await safeOpenExternal('http://example.com')).toBe(false);
    expect(electronMock.openExternal).not.toHaveBeenCalled();
    expect(await safeOpenExternal('https://example.com')).toBe(true);
    expect(electronMock.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/');
    warn.mockRestore();
  });
});

describe('per-page and session rules', () => {
  type Listener = (event: { url: string; preventDefault: () => void }) => void;

  function fakeContents() {
    const listeners = new Map<string, Listener>();
    let windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    const contents = {
      on(name: string, listener: Listener) {
        listeners.set(name, listener);
        return contents;
      },
      setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
        windowOpenHandler = handler;
      },
    };
    const fire = (name: string, url: string) => {
      const preventDefault = vi.fn();
      listeners.get(name)?.({ url, preventDefault });
      return preventDefault.mock.calls.length > 0;
    };
    return {
      contents: contents as unknown as WebContents,
      listeners,
      fire,
      openWindow: (url: string) => windowOpenHandler?.({ url }),
    };
  }

  it('blocks navigation, frame navigation and redirects away from the app, and every webview', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fake = fakeContents();
    hardenWebContents(fake.contents, PRODUCTION, async () => true);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(fake.fire(name, 'https://example.com/'), name).toBe(true);
      expect(fake.fire(name, 'cew-app://app/index.html'), name).toBe(false);
    }
    expect(fake.fire('will-attach-webview', 'cew-app://app/index.html')).toBe(true);
    vi.mocked(console.warn).mockRestore();
  });

  it('denies every new window and passes its URL to the external-link gate', () => {
    const fake = fakeContents();
    const opened: string[] = [];
    hardenWebContents(fake.contents, PRODUCTION, async (url) => {
      opened.push(url);
      return true;
    });
    expect(fake.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(fake.openWindow('cew-app://app/index.html')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/', 'cew-app://app/index.html']);
  });

  it('grants no permission and cancels network requests', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: (...args: never[]) => unknown) => (handlers.request = h),
      setPermissionCheckHandler: (h: (...args: never[]) => unknown) => (handlers.check = h),
      setDevicePermissionHandler: (h: (...args: never[]) => unknown) => (handlers.device = h),
      webRequest: {
        onBeforeRequest: (h: (...args: never[]) => unknown) => (handlers.beforeRequest = h),
        onHeadersReceived: (h: (...args: never[]) => unknown) => (handlers.headers = h),
      },
    };
    installSessionSecurity(session as unknown as Session, PRODUCTION);
    vi.spyOn(console, 'warn').mockImplementation(() => {});

    const granted = vi.fn();
    const request = handlers.request as (wc: unknown, p: string, cb: (ok: boolean) => void) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      request({}, permission, granted);
    }
    expect(granted.mock.calls).toEqual([[false], [false], [false], [false]]);
    expect(
      (handlers.check as (...args: unknown[]) => boolean)(null, 'media', 'cew-app://app'),
    ).toBe(false);
    expect((handlers.device as (...args: unknown[]) => boolean)({})).toBe(false);

    const decide = (url: string) => {
      const callback = vi.fn();
      (handlers.beforeRequest as (d: { url: string }, cb: typeof callback) => void)(
        { url },
        callback,
      );
      return callback.mock.calls[0]?.[0] as { cancel: boolean };
    };
    expect(decide('https://example.com/track.gif')).toEqual({ cancel: true });
    expect(decide('cew-app://app/assets/index.js')).toEqual({ cancel: false });

    const headersFor = (url: string) => {
      const callback = vi.fn();
      (handlers.headers as (d: object, cb: typeof callback) => void)(
        { url, responseHeaders: { 'Content-Type': ['text/html'] } },
        callback,
      );
      return callback.mock.calls[0]?.[0] as { responseHeaders?: Record<string, string[]> };
    };
    expect(
      headersFor('cew-app://app/index.html').responseHeaders?.['Content-Security-Policy'],
    ).toEqual([CONTENT_SECURITY_POLICY]);
    vi.mocked(console.warn).mockRestore();
  });
});

describe('IPC', () => {
  const mainFrame = { frameTreeNodeId: 1, parent: null, detached: false, url: APP_ENTRY_URL };

  function fakeHost(dispatch: AppHost['dispatch']): AppHost {
    return { dispatch } as unknown as AppHost;
  }

  function invokeEvent(overrides: {
    senderId?: number;
    frame?: Partial<typeof mainFrame> | null;
  }): IpcMainInvokeEvent {
    const frame = overrides.frame === null ? null : { ...mainFrame, ...overrides.frame };
    return {
      senderFrame: frame,
      sender: { id: overrides.senderId ?? 7, mainFrame },
    } as unknown as IpcMainInvokeEvent;
  }

  it('has one channel per API method, named cew:<method>', () => {
    const expected = Object.keys(apiMethods).map((method) => `${IPC_PREFIX}${method}`);
    expect(apiChannels().map((c) => c.channel)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('registers a handler for every method of the shared API and removes them all again', () => {
    const handled: string[] = [];
    const removed: string[] = [];
    const unregister = registerIpcHandlers(
      {
        handle: (channel: string) => void handled.push(channel),
        removeHandler: (channel: string) => void removed.push(channel),
      },
      { hostFor: () => undefined, isTrustedUrl: () => false },
    );
    const expected = Object.keys(apiMethods).map((method) => `${IPC_PREFIX}${method}`);
    expect([...handled].sort()).toEqual([...expected].sort());
    unregister();
    expect([...removed].sort()).toEqual([...expected].sort());
  });

  it('accepts calls only from the main frame of our own window showing our page', () => {
    const host = fakeHost(async () => ({ ok: true, result: null }));
    const policy: SenderPolicy = {
      hostFor: (id) => (id === 7 ? host : undefined),
      isTrustedUrl: (url) => url.startsWith('cew-app://app/'),
    };
    expect(checkSender(invokeEvent({}), policy)).toEqual({ ok: true, host });
    const refusals = [
      invokeEvent({ frame: null }),
      invokeEvent({ frame: { detached: true } }),
      invokeEvent({ frame: { frameTreeNodeId: 2, parent: mainFrame as never } }),
      invokeEvent({ senderId: 8 }),
      invokeEvent({ frame: { url: 'https://example.com/' } }),
    ];
    for (const event of refusals) expect(checkSender(event, policy).ok).toBe(false);
  });

  it('answers with outcome objects and never throws across IPC', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const handlers = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => unknown>();
    const dispatch = vi.fn<AppHost['dispatch']>(async () => ({
      ok: true,
      result: { mode: 'desktop' },
    }));
    registerIpcHandlers(
      {
        handle: (channel, listener) => void handlers.set(channel, listener),
        removeHandler: () => {},
      },
      {
        hostFor: (id) => (id === 7 ? fakeHost(dispatch) : undefined),
        isTrustedUrl: (url) => url.startsWith('cew-app://app/'),
      },
    );
    const appInfo = handlers.get(`${IPC_PREFIX}app.info`);
    expect(appInfo).toBeDefined();

    expect(await appInfo?.(invokeEvent({}), {})).toEqual({ ok: true, result: { mode: 'desktop' } });
    expect(dispatch).toHaveBeenCalledWith('app.info', {});

    const refused = (await appInfo?.(invokeEvent({ senderId: 99 }), {})) as { ok: boolean };
    expect(refused).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    expect(dispatch).toHaveBeenCalledTimes(1);

    dispatch.mockRejectedValueOnce(new Error('worker gone'));
    expect(await appInfo?.(invokeEvent({}), {})).toEqual({
      ok: false,
      error: { kind: 'failed', message: 'worker gone' },
    });
    vi.mocked(console.warn).mockRestore();
  });

  it("forwards a host's events to its own window as { event, payload }", () => {
    let listener: ((event: string, payload: unknown) => void) | null = null;
    const host = {
      subscribe: (l: typeof listener) => {
        listener = l;
        return () => (listener = null);
      },
    } as unknown as AppHost;
    const sent: unknown[][] = [];
    let destroyed = false;
    const stop = forwardHostEvents(host, {
      isDestroyed: () => destroyed,
      send: (...args: unknown[]) => void sent.push(args),
    } as unknown as WebContents);
    listener!('study.changed', { study: null, reason: 'closed' });
    destroyed = true;
    listener!('study.changed', { study: null, reason: 'late' });
    expect(sent).toEqual([
      [IPC_EVENT_CHANNEL, { event: 'study.changed', payload: { study: null, reason: 'closed' } }],
    ]);
    stop();
    expect(listener).toBeNull();
  });
});

describe('application menu', () => {
  const roles = (isDev: boolean) =>
    JSON.stringify(
      buildMenuTemplate({
        appName: 'Customer Energy Workbench',
        platform: 'linux',
        isDev,
        onNewStudy: () => {},
        onOpenStudy: () => {},
      }),
    );

  it('offers reload and DevTools in development only', () => {
    expect(roles(false)).not.toMatch(/reload|toggleDevTools/i);
    expect(roles(true)).toMatch(/"toggleDevTools"/);
    expect(roles(true)).toMatch(/"reload"/);
  });
});

describe('study paths from the operating system', () => {
  it('adds the .cew extension a save dialog may leave out', () => {
    expect(ensureStudyExtension('/s/Wave 3')).toBe('/s/Wave 3.cew');
    expect(ensureStudyExtension('/s/Wave 3.CEW')).toBe('/s/Wave 3.CEW');
  });

  it('takes .cew files from a command line, resolved against its working directory', () => {
    expect(
      studyPathsFromArgv(
        [
          '/opt/cew/cew',
          '--allow-file-access-from-files',
          'a.cew',
          'notes.txt',
          '-x.cew',
          '/b/B.CEW',
        ],
        '/home/u',
      ),
    ).toEqual([path.resolve('/home/u', 'a.cew'), path.resolve('/b/B.CEW')]);
    expect(studyPathsFromArgv(['study.cew'], '/home/u')).toEqual([]);
  });
});
