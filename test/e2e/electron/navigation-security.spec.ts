/**
 * The shell's security rules in the real app, where the Electron binary exists: the page sees only
 * `window.workbench.invoke` and `.on`, cannot open windows, navigate away or fetch from the network,
 * and links meant for the browser reach the OS only through safeOpenExternal. The unit tests cover
 * the same rules as pure functions; this checks they are actually wired. Where the binary or the
 * Electron-ABI SQLite addon is missing, the suite skips itself and says why.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

/** Where `npx install-electron` puts the binary; never require('electron'), which downloads it. */
function electronBinary(): string | null {
  const electronDir = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const addon = path.join(
  repoRoot,
  '.electron-native',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
);
const builtMain = path.join(repoRoot, 'out', 'main', 'index.js');

const skipReason = !binary
  ? 'the Electron binary is not installed (node_modules/electron/path.txt or dist/ missing; `npx install-electron` fetches it)'
  : !existsSync(addon)
    ? 'the Electron-ABI SQLite addon is missing (`npm run build:electron-native` builds it); without it the app stops at an error dialog'
    : !existsSync(builtMain)
      ? 'out/main/index.js is missing (`npm run build`)'
      : null;

interface Workbench {
  invoke(method: string, input?: unknown): Promise<{ ok: boolean; error?: { kind: string } }>;
  on(listener: (event: string, payload: unknown) => void): () => void;
}

/**
 * The page's globals as these tests use them. The callbacks passed to page.evaluate run in the
 * page, so each casts globalThis itself (this project type-checks tests without the DOM lib).
 */
interface PageGlobals {
  workbench: Workbench;
  open(url: string, target?: string): unknown;
  location: { href: string };
}

describe.skipIf(skipReason !== null)(
  `Electron shell navigation security${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    let app: ElectronApplication;
    let page: Page;
    let userData: string;

    beforeAll(async () => {
      userData = mkdtempSync(path.join(tmpdir(), 'cew-electron-e2e-'));
      const env: Record<string, string> = {};
      for (const [key, value] of Object.entries(process.env)) {
        if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') env[key] = value;
      }
      app = await _electron.launch({
        executablePath: binary ?? undefined,
        args: [repoRoot, `--user-data-dir=${userData}`],
        cwd: repoRoot,
        env,
      });
      page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      // Record instead of opening a real browser; safeOpenExternal calls shell.openExternal.
      await app.evaluate(({ shell }) => {
        const opened: string[] = [];
        Reflect.set(globalThis, '__cewOpenedExternally', opened);
        shell.openExternal = async (url: string) => {
          opened.push(url);
        };
      });
    });

    afterAll(async () => {
      await app?.close();
      if (userData) rmSync(userData, { recursive: true, force: true });
    });

    const openedExternally = () =>
      app.evaluate(() => Reflect.get(globalThis, '__cewOpenedExternally') as string[]);

    it('serves the renderer from the app scheme', () => {
      expect(page.url()).toMatch(/^cew-app:\/\/app\//);
    });

    it('exposes window.workbench with invoke and on, and no Node', async () => {
      const surface = await page.evaluate(() => {
        const bridge = Reflect.get(globalThis, 'workbench') as Record<string, unknown>;
        return {
          keys: Object.keys(bridge).sort(),
          types: Object.values(bridge).map((value) => typeof value),
          require: typeof Reflect.get(globalThis, 'require'),
          process: typeof Reflect.get(globalThis, 'process'),
          module: typeof Reflect.get(globalThis, 'module'),
        };
      });
      expect(surface).toEqual({
        keys: ['invoke', 'on'],
        types: ['function', 'function'],
        require: 'undefined',
        process: 'undefined',
        module: 'undefined',
      });
    });

    it('answers API calls with outcomes and refuses names that are not feature.verb', async () => {
      const [info, bogus] = await page.evaluate(async () => {
        const bridge = (globalThis as unknown as PageGlobals).workbench;
        return [await bridge.invoke('app.info', {}), await bridge.invoke('../../etc', {})];
      });
      expect(info).toMatchObject({ ok: true, result: { mode: 'desktop', nativeDialogs: true } });
      expect(bogus).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    });

    it('opens no window for window.open and hands an https link to the OS browser', async () => {
      const windowsBefore = app.windows().length;
      const returned = await page.evaluate(() =>
        (globalThis as unknown as PageGlobals).open('https://example.com/', '_blank'),
      );
      expect(returned).toBeNull();
      await page.waitForTimeout(500);
      expect(app.windows()).toHaveLength(windowsBefore);
      expect(await openedExternally()).toEqual(['https://example.com/']);
    });

    it('hands nothing but https and mailto to the OS', async () => {
      await page.evaluate(() => {
        const pageGlobals = globalThis as unknown as PageGlobals;
        pageGlobals.open('file:///etc/passwd');
        pageGlobals.open('http://example.com/');
        pageGlobals.open('javascript:alert(1)');
      });
      await page.waitForTimeout(500);
      expect(await openedExternally()).toEqual(['https://example.com/']);
    });

    it('stays on the app when the page tries to navigate to https://example.com', async () => {
      const before = page.url();
      await page.evaluate(() => {
        (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
      });
      await page.waitForTimeout(1000);
      expect(page.url()).toBe(before);
    });

    it('lets no request reach the network', async () => {
      const outcome = await page.evaluate(async () => {
        try {
          await fetch('https://example.com/');
          return 'fetched';
        } catch {
          return 'blocked';
        }
      });
      expect(outcome).toBe('blocked');
    });
  },
);
