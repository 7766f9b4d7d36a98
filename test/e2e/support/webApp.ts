/**
 * Starts the built browser mode (`node out/main/web.js`, what `npm run web` runs) with its own
 * settings folder, and Debian's Chromium through playwright-core, for end-to-end specs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { builtWebPath, tempFolder } from '../../support/studyDb';

export const screenshotsDir = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'test-results',
  'e2e',
);

export interface WebApp {
  url: string;
  home: string;
  stop(): Promise<void>;
}

export async function startWebApp(): Promise<WebApp> {
  const { folder: home, cleanup } = tempFolder('cew-e2e-');
  const child: ChildProcess = spawn(process.execPath, [builtWebPath], {
    env: { ...process.env, CEW_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web.js printed no URL: ${out}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.on('exit', (code) => reject(new Error(`web.js exited with ${code}`)));
  });
  return {
    url,
    home,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      cleanup();
    },
  };
}

export const chromiumPath = process.env.CEW_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: install Debian's chromium (.ci/run does) or set CEW_CHROMIUM`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** Collects console errors and page errors: a spec fails on any of them. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });
}
