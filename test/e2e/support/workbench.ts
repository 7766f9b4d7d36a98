/**
 * The start of a spec in browser mode: the app served with its own settings folder and an empty
 * studies folder, Chromium open on the first screen, every console error recorded (a spec ends
 * by expecting none).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startWebApp, watchConsole, type WebApp } from './webApp';

export interface OpenWorkbench {
  app: WebApp;
  browser: Browser;
  page: Page;
  /** Console errors, CSP violations and failed requests seen so far. */
  problems: string[];
}

export async function openWorkbench(viewport: {
  width: number;
  height: number;
}): Promise<OpenWorkbench> {
  const app = await startWebApp();
  mkdirSync(path.join(app.home, 'studies'), { recursive: true });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(15_000);
  const problems = watchConsole(page);
  await page.goto(app.url);
  return { app, browser, page, problems };
}
