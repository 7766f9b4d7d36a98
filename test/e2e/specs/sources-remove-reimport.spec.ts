/**
 * A consultant removes a source from the demo study, sees it gone from the counts and the
 * tables, undoes it, re-imports a corrected file in place of another, and reads a source's
 * validation report — in browser mode, on the demo study.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoStudyPage } from '../pages/demo-study-page';
import { SourcesPage } from '../pages/sources-page';
import { TablesPage } from '../pages/tables-page';
import { screenshot, type WebApp } from '../support/webApp';
import { openWorkbench } from '../support/workbench';

const KOREAN_CUSTOMERS = 'KR_2026_customers.sss';
const KOREAN_EXECUTIVES = 'KR_2026_executives.sss';
const DEMO_SOURCES = 'customer-energy-demo-sources';
const FRENCH = 'FR_2026_customers.csv';
const FRENCH_CORRECTED = 'FR_2026_customers_corrected.csv';

describe('a consultant removes, restores and re-imports sources (browser mode)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let sources: SourcesPage;
  let tables: TablesPage;
  /** The energy × country table's header and base row before anything is removed. */
  let columnsBefore: string[];
  let baseBefore: string[];

  /** Energy by country in the Tables view: the column labels and the "base (n)" row. */
  async function energyByCountry(): Promise<{ columns: string[]; base: string[] }> {
    await tables.open();
    if ((await tables.chips('Rows')).length === 0) {
      await tables.addToRows('energy');
      await tables.sendByKey('country', 'C');
    }
    await tables.waitForNumbers();
    const rows = await tables.bodyRows();
    return {
      columns: await tables.columnLabels(),
      base: rows.find((row) => /base \(n\)/.test(row[0] ?? '')) ?? [],
    };
  }

  beforeAll(async () => {
    ({ app, browser, page, problems } = await openWorkbench({ width: 1400, height: 1000 }));
    await new DemoStudyPage(page).openBuilt();
    sources = new SourcesPage(page);
    tables = new TablesPage(page);
    ({ columns: columnsBefore, base: baseBefore } = await energyByCountry());
    await sources.open();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    expect(problems).toEqual([]);
  });

  it('asks before removing, naming the file, country, wave and respondents', async () => {
    expect(await sources.respondents()).toBe('7,700');
    const dialog = await sources.askToRemove(KOREAN_CUSTOMERS);
    await expect(dialog.innerText()).resolves.toContain(
      'South Korea, wave 2026, customer: 1,000 respondents.',
    );
    await screenshot(page, 'sources-remove-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await sources.respondents()).toBe('7,700');
  });

  it('removes the Korean customers: 1,000 respondents fewer, and no Korean figures in the tables', async () => {
    await sources.askToRemove(KOREAN_CUSTOMERS);
    await sources.confirmRemoval(KOREAN_CUSTOMERS);
    expect(await sources.removedNoticeFor(KOREAN_CUSTOMERS)).toBe(
      `Removed ${KOREAN_CUSTOMERS}. Undo`,
    );
    expect(await sources.respondents()).toBe('6,700');
    expect(await sources.fileNames()).not.toContain(KOREAN_CUSTOMERS);
    await screenshot(page, 'sources-removed');

    const korea = columnsBefore.findIndex((label) => label.startsWith('South Korea'));
    expect(korea).toBeGreaterThan(0);
    expect(Number(baseBefore[korea + 1]!.replace(/\D/g, ''))).toBeGreaterThan(0);
    // The Korean executives are still in: South Korea stays a column, with no customer in it.
    const { columns, base } = await energyByCountry();
    expect(columns).toEqual(columnsBefore);
    expect(base[korea + 1]).toMatch(/^0/);
    await screenshot(page, 'sources-removed-table');
  });

  it('loses South Korea from the tables once its executives are removed too', async () => {
    await sources.open();
    await sources.askToRemove(KOREAN_EXECUTIVES);
    await sources.confirmRemoval(KOREAN_EXECUTIVES);
    expect(await sources.respondents()).toBe('6,600');
    const { columns } = await energyByCountry();
    expect(columns.some((label) => label.startsWith('South Korea'))).toBe(false);
    expect(columns).toEqual(columnsBefore.filter((label) => !label.startsWith('South Korea')));
    await screenshot(page, 'sources-no-korea-table');
  });

  it('undoes both removals, latest first, and the tables show South Korea as before', async () => {
    await sources.open();
    expect(await sources.removedNoticeFor(KOREAN_EXECUTIVES)).toBe(
      `Removed ${KOREAN_EXECUTIVES}. Undo`,
    );
    await sources.undoRemoval(KOREAN_EXECUTIVES);
    expect(await sources.removedNoticeFor(KOREAN_CUSTOMERS)).toBe(
      `Removed ${KOREAN_CUSTOMERS}. Undo`,
    );
    expect(await sources.respondents()).toBe('6,700');
    await sources.undoRemoval(KOREAN_CUSTOMERS);
    expect(await sources.removedNotice().count()).toBe(0);
    expect(await sources.respondents()).toBe('7,700');
    expect(await sources.fileNames()).toContain(KOREAN_CUSTOMERS);
    await screenshot(page, 'sources-restored');
    expect(await energyByCountry()).toEqual({ columns: columnsBefore, base: baseBefore });
  });

  it('re-imports a corrected file in place of a source, keeping its place in the list', async () => {
    // The agency's corrected French file: the same answers plus a column nobody answered.
    const lines = readFileSync(path.join(app.home, 'studies', DEMO_SOURCES, FRENCH), 'latin1')
      .split(/\r?\n/)
      .filter((line) => line.length > 0);
    const corrected = [`${lines[0]};note`, ...lines.slice(1).map((line) => `${line};`)];
    writeFileSync(
      path.join(app.home, 'studies', FRENCH_CORRECTED),
      `${corrected.join('\r\n')}\r\n`,
      'latin1',
    );

    await sources.open();
    const before = await sources.fileNames();
    const at = before.indexOf(FRENCH);
    await sources.reimport(FRENCH, [], FRENCH_CORRECTED);
    await page.getByText(`${FRENCH} replaced by ${FRENCH_CORRECTED}: 1,000 respondents.`).waitFor();
    await sources.row(FRENCH_CORRECTED).waitFor();
    expect(await sources.fileNames()).toEqual(
      before.map((name, i) => (i === at ? FRENCH_CORRECTED : name)),
    );
    const cells = await sources.row(FRENCH_CORRECTED).locator('td').allInnerTexts();
    expect(cells.slice(1, 5).map((cell) => cell.replace(/\s+/g, ' '))).toEqual([
      'France FR',
      '2026',
      'customer',
      '1,000',
    ]);
    expect(cells[8]).toBe('1 warning');
    expect(await sources.respondents()).toBe('7,700');
    await screenshot(page, 'sources-reimported');
  });

  it('shows the warnings the re-import found in the new source’s validation report', async () => {
    const dialog = await sources.openValidationReport(FRENCH_CORRECTED);
    const issues = dialog.getByRole('table', { name: 'Issues found when the file was imported' });
    const rows = await issues
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.children].map((td) => (td.textContent ?? '').trim())),
      );
    expect(rows).toEqual([
      ['Warning · Empty variable', 'note', 'note has no answers in this file'],
    ]);
    await screenshot(page, 'sources-validation-warnings');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('opens a source’s validation report from its validation cell', async () => {
    const dialog = await sources.openValidationReport('DE_2025_customers.sav');
    const text = await dialog.innerText();
    expect(text).toContain('Validation report: DE_2025_customers.sav');
    expect(text).toContain('The import found nothing to report in this file.');
    expect(text).toMatch(/Respondents\s*1,000/);
    await screenshot(page, 'sources-validation-report');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('asks in Korean when the UI is in Korean', async () => {
    await page.getByLabel('UI language').selectOption({ label: '한국어' });
    await page
      .getByRole('table', { name: '가져온 소스' })
      .getByRole('button', { name: `${KOREAN_CUSTOMERS} 제거`, exact: true })
      .click();
    const dialog = page.getByRole('dialog', { name: `${KOREAN_CUSTOMERS}을(를) 제거할까요?` });
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toContain('웨이브 2026, customer: 응답자 1,000명.');
    await screenshot(page, 'sources-remove-confirm-ko');
    await dialog.getByRole('button', { name: '취소' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByLabel('화면 언어').selectOption({ label: 'English' });
  });
});
