/**
 * A consultant reads a multilingual study's tables in German, then in Korean (browser mode): the
 * label-language select in the toolbar lists the study's languages by their own names, the Tables
 * view follows the choice at once, and a label with no translation is shown in italics with its
 * language. The study is the small demo plus a German-only variable (test/support).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { questionnaireVariable } from '../../../src/main/demo/questionnaire';
import { COUNTRY_NAMES } from '../../../src/shared/domain/countries';
import { buildMultilingualStudy, SERVICE } from '../../support/multilingualStudy';
import { StudyPage } from '../pages/study-page';
import { TablesPage } from '../pages/tables-page';
import { WelcomePage } from '../pages/welcome-page';
import {
  launchBrowser,
  screenshot,
  startWebApp,
  watchConsole,
  type WebApp,
} from '../support/webApp';

const gender = questionnaireVariable('gender');

describe('a consultant switches the label language of a multilingual study (browser mode)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let study: StudyPage;

  beforeAll(async () => {
    app = await startWebApp();
    const studies = path.join(app.home, 'studies');
    mkdirSync(studies, { recursive: true });
    await buildMultilingualStudy(studies, 'Multilingual');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    problems = watchConsole(page);
    const welcome = new WelcomePage(page);
    await welcome.goto(app.url);
    await welcome.openWithFileBrowser('Multilingual.cew');
    study = new StudyPage(page);
    await study.waitFor('Multilingual');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    expect(problems).toEqual([]);
  });

  it('lists the study languages by their own names, English chosen', async () => {
    await expect(study.labelLanguage.locator('option').allTextContents()).resolves.toEqual([
      'English',
      'Deutsch',
      'Italiano',
      'Français',
      '한국어',
    ]);
    await expect(study.labelLanguage.inputValue()).resolves.toBe('en');
  });

  it('shows the table in German as soon as Deutsch is chosen', async () => {
    await study.openView('Tables');
    await new TablesPage(page).addToRows('gender');
    const table = page.getByRole('table', { name: 'Cross-table' });
    await table.getByText(COUNTRY_NAMES.DE!.en!).waitFor();
    await study.chooseLabelLanguage('Deutsch');
    await table.getByText(COUNTRY_NAMES.DE!.de!, { exact: true }).waitFor();
    const header = await table.locator('thead').textContent();
    expect(header).toContain(COUNTRY_NAMES.IT!.de!);
    expect(header).not.toContain(COUNTRY_NAMES.DE!.en!);
    const rows = await table.locator('tbody th').allTextContents();
    expect(rows).toContain(`gender ${gender.values[0]!.labels.de}`);
    // The variable list follows too.
    await expect(
      page.getByRole('complementary', { name: 'Variables' }).textContent(),
    ).resolves.toContain(gender.labels.de);
    await screenshot(page, '40-labels-german');
  });

  it('marks a label with no Korean translation in italics with its language', async () => {
    await new TablesPage(page).addToRows('service');
    await study.chooseLabelLanguage('한국어');
    const table = page.getByRole('table', { name: 'Cross-table' });
    await table.getByText(COUNTRY_NAMES.DE!.ko!, { exact: true }).waitFor();
    const fallback = table
      .locator('tbody th .label-fallback')
      .filter({ hasText: new RegExp(`^${SERVICE.values[1]}`) });
    await fallback.waitFor();
    await expect(fallback.textContent()).resolves.toBe(`${SERVICE.values[1]} · de`);
    await expect(
      fallback.locator('i').evaluate((element) => getComputedStyle(element).fontStyle),
    ).resolves.toBe('italic');
    // Translated labels are not marked.
    await expect(
      table
        .locator('tbody th', { hasText: gender.values[0]!.labels.ko! })
        .locator('.label-fallback')
        .count(),
    ).resolves.toBe(0);
    await screenshot(page, '41-labels-korean-fallback');
  });
});
