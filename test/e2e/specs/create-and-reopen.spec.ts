import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudyPage } from '../pages/study-page';
import { WelcomePage } from '../pages/welcome-page';
import {
  launchBrowser,
  screenshot,
  startWebApp,
  watchConsole,
  type WebApp,
} from '../support/webApp';

describe('a consultant creates a study and comes back to it (browser mode)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    app = await startWebApp();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(10_000);
    problems = watchConsole(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    expect(problems).toEqual([]);
  });

  it('serves the first screen at the printed URL', async () => {
    const welcome = new WelcomePage(page);
    const response = await page.goto(app.url);
    expect(response?.status()).toBe(200);
    await welcome.heading.waitFor();
    await expect(welcome.studyName.isVisible()).resolves.toBe(true);
    await screenshot(page, '01-welcome');
  });

  it('creates a study by name in the studies folder and shows its window', async () => {
    const welcome = new WelcomePage(page);
    await welcome.createStudy('Energy Germany 2026');
    const study = new StudyPage(page);
    await study.waitFor('Energy Germany 2026');
    const expectedPath = path.join(app.home, 'studies', 'Energy Germany 2026.cew');
    await expect(study.statusBar.textContent()).resolves.toContain(expectedPath);
    expect(existsSync(expectedPath)).toBe(true);
    // The study opens on Sources, first in the navigator; other views follow it.
    const views = await study.navigator.getByRole('button').allTextContents();
    expect(views[0]).toBe('Sources');
    expect(views).toEqual(expect.arrayContaining(['Sources', 'Weights', 'Segments', 'Tables']));
    await expect(
      study.navigator.getByRole('button', { name: 'Sources' }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    await screenshot(page, '02-study-window');
  });

  it('checks the study file as a job and reports the result', async () => {
    const study = new StudyPage(page);
    await study.checkStudyFile();
    await page.getByText('no problems found').waitFor();
  });

  it('saves a copy of the study beside it', async () => {
    const study = new StudyPage(page);
    const copy = path.join(app.home, 'studies', 'Energy Germany 2026 copy.cew');
    await study.saveCopyAs(copy);
    await page.getByText(`Saved a copy as ${copy}`).waitFor();
    expect(existsSync(copy)).toBe(true);
  });

  it('closes the study and reopens it from the recent list', async () => {
    await new StudyPage(page).close();
    const welcome = new WelcomePage(page);
    await welcome.recentEntry('Energy Germany 2026').waitFor();
    await screenshot(page, '03-recent-list');
    await welcome.openRecent('Energy Germany 2026');
    await new StudyPage(page).waitFor('Energy Germany 2026');
    await new StudyPage(page).close();
  });

  it('reopens a study through the file browser after a page reload', async () => {
    await page.reload();
    const welcome = new WelcomePage(page);
    await welcome.heading.waitFor();
    await welcome.openWithFileBrowser('Energy Germany 2026 copy.cew');
    await new StudyPage(page).waitFor('Energy Germany 2026');
    await new StudyPage(page).close();
  });

  it('shows a study that went missing as such, and removes it from the list', async () => {
    const file = path.join(app.home, 'studies', 'Energy Germany 2026.cew');
    renameSync(file, `${file}.moved`);
    await page.reload();
    const welcome = new WelcomePage(page);
    await welcome.recentList.waitFor();
    const missingRow = welcome.recentList
      .locator('li', { hasText: 'Energy Germany 2026' })
      .filter({ hasText: 'missing' });
    await missingRow.waitFor();
    await expect(
      missingRow.getByRole('button', { name: 'Open Energy Germany 2026' }).isDisabled(),
    ).resolves.toBe(true);
    await screenshot(page, '04-missing-study');
    await missingRow.getByRole('button', { name: /^Remove/ }).click();
    await missingRow.waitFor({ state: 'detached' });
  });
});
