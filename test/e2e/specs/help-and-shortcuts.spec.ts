/**
 * Keyboard first (browser mode): F1 or ? opens Help, which lists the shortcuts registered right
 * now and says how to use the current view; Alt+digit switches views; Esc closes Help or
 * dismisses a notice; Alt+Shift+W closes the study and Alt+Shift+D opens the demo.
 */
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

/** The Help table's rows as [keys, action]. */
async function shortcutRows(page: Page): Promise<string[][]> {
  const rows = page.getByRole('dialog', { name: 'Help' }).locator('tbody tr:has(td)');
  const result: string[][] = [];
  for (const row of await rows.all()) result.push(await row.locator('td').allInnerTexts());
  return result;
}

describe('a consultant works from the keyboard (browser mode)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let study: StudyPage;

  beforeAll(async () => {
    app = await startWebApp();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    page.setDefaultTimeout(15_000);
    problems = watchConsole(page);
    await new WelcomePage(page).goto(app.url);
    study = new StudyPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    expect(problems).toEqual([]);
  });

  it('opens Help on the Welcome screen too, with its own shortcuts and how-to', async () => {
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Help' });
    await help.waitFor();
    await expect(help.textContent()).resolves.toContain('Create a study (one .cew file)');
    const rows = await shortcutRows(page);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Alt+Shift+D', 'Open the demo study'],
        ['F1?', 'Open this help'],
      ]),
    );
    // The study's shortcuts are not offered before a study is open.
    expect(rows.map((row) => row[1])).not.toContain('Close the study');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    const welcome = new WelcomePage(page);
    await welcome.createStudy('Keyboard study');
    await study.waitFor('Keyboard study');
  });

  it('opens Help with F1, listing the shortcuts and how to use the Sources view', async () => {
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Help' });
    await help.waitFor();
    await expect(
      help.getByRole('heading', { name: 'This view: Sources' }).isVisible(),
    ).resolves.toBe(true);
    await expect(help.textContent()).resolves.toContain('Import a wave');
    // One Alt+digit per view, in the navigator's order (other views may join the list).
    const views = await study.navigator.getByRole('button').allTextContents();
    expect(views.slice(0, 1)).toEqual(['Sources']);
    const rows = await shortcutRows(page);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['F1?', 'Open this help'],
        ...views.slice(0, 9).map((view, index) => [`Alt+${index + 1}`, `Go to ${view}`]),
        ['Alt+Shift+W', 'Close the study'],
        ['Esc', 'Close this help'],
      ]),
    );
    await screenshot(page, 'help-01-panel-en');
  });

  it('closes Help with Esc', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Help' }).waitFor({ state: 'detached' });
  });

  it('switches views with Alt+digit in the navigator order', async () => {
    const views = await study.navigator.getByRole('button').allTextContents();
    const weights = views.indexOf('Weights') + 1;
    expect(weights).toBeGreaterThan(1);
    await page.keyboard.press(`Alt+${weights}`);
    await page.getByRole('heading', { name: 'Weights', level: 2 }).waitFor();
    await expect(
      study.navigator.getByRole('button', { name: 'Weights' }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    await page.keyboard.press('Alt+1');
    await page.getByRole('heading', { name: 'Sources', level: 2 }).waitFor();
  });

  it('opens Help with ? and from the toolbar, but not while typing ? in a field', async () => {
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Help' }).waitFor();
    await page.getByRole('button', { name: 'Close help' }).click();
    await page.getByRole('dialog', { name: 'Help' }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Help', exact: true }).click();
    await page.getByRole('dialog', { name: 'Help' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Help' }).waitFor({ state: 'detached' });

    await study.saveCopyButton.click();
    const field = page.getByLabel('Save a copy as');
    await field.fill('');
    await field.press('?');
    await expect(field.inputValue()).resolves.toBe('?');
    await expect(page.getByRole('dialog', { name: 'Help' }).count()).resolves.toBe(0);
    await page
      .getByRole('form', { name: 'Save a copy' })
      .getByRole('button', { name: 'Cancel' })
      .click();
  });

  it('dismisses a notice with Esc', async () => {
    await study.checkStudyFile();
    const notice = page.getByText('no problems found');
    await notice.waitFor();
    await page.keyboard.press('Escape');
    await notice.waitFor({ state: 'detached' });
  });

  it('lists the shortcuts in Korean when the UI is Korean', async () => {
    await page.getByLabel('UI language').selectOption({ label: '한국어' });
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: '도움말' });
    await help.waitFor();
    await expect(help.getByRole('heading', { name: '현재 화면: 소스' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(help.textContent()).resolves.toContain('가중치 화면으로 이동');
    await screenshot(page, 'help-02-panel-ko');
    await page.keyboard.press('Escape');
    await page.getByLabel('화면 언어').selectOption({ label: 'English' });
    await study.navigator.getByRole('button', { name: 'Sources' }).waitFor();
  });

  it('closes the study with Alt+Shift+W and opens the demo with Alt+Shift+D', async () => {
    await page.keyboard.press('Alt+Shift+W');
    const welcome = new WelcomePage(page);
    await welcome.heading.waitFor();
    await page.keyboard.press('Alt+Shift+D');
    await page.getByRole('heading', { name: 'Customer Energy demo', level: 1 }).waitFor();
  });
});
