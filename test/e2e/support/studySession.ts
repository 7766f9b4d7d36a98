/**
 * The start of most journeys: browser mode running with its own settings folder, the user's
 * survey files placed in the studies folder (as they would have the agency's files on disk),
 * Chromium open on a new study. `close` ends it all and returns the console errors seen.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { StudyPage } from '../pages/study-page';
import { WelcomePage } from '../pages/welcome-page';
import { launchBrowser, startWebApp, watchConsole, type WebApp } from './webApp';

export interface StudySession {
  app: WebApp;
  browser: Browser;
  page: Page;
  /** The studies folder, where the placed files are. */
  studies: string;
  close(): Promise<string[]>;
}

export async function openNewStudy(
  name: string,
  placeFiles: (studies: string) => void | Promise<void>,
  viewport = { width: 1280, height: 900 },
): Promise<StudySession> {
  const app = await startWebApp();
  const studies = path.join(app.home, 'studies');
  mkdirSync(studies, { recursive: true });
  await placeFiles(studies);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(15_000);
  const problems = watchConsole(page);
  const welcome = new WelcomePage(page);
  await welcome.goto(app.url);
  await welcome.createStudy(name);
  await new StudyPage(page).waitFor(name);
  return {
    app,
    browser,
    page,
    studies,
    async close() {
      await browser.close();
      await app.stop();
      return problems;
    },
  };
}
