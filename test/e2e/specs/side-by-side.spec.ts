import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableResult } from '../../../src/shared/domain/table';
import { formatNumber } from '../../../src/shared/domain/tableFormat';
import { SideBySidePage } from '../pages/charts-page';
import { DemoStudyPage } from '../pages/demo-study-page';
import { screenshot, type WebApp } from '../support/webApp';
import { openWorkbench } from '../support/workbench';
import { callApi } from '../support/pageApi';

/** What a bar of industry `column` says for `row`, from the table itself: "81% BDE ▲". */
function expectedLabel(table: TableResult, row: number, column: number): string {
  const cell = table.rows[row]!.cells[column]!;
  const arrow = cell.marks?.includes('+') ? '▲' : cell.marks?.includes('-') ? '▼' : '';
  return [formatNumber(cell.colPct, 'percent'), cell.sig, arrow].filter(Boolean).join(' ');
}

describe('a consultant compares industries side by side on customer energy (browser mode)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let sideBySide: SideBySidePage;
  /** The one table the view runs: energy in rows, industry as the banner. */
  let table: TableResult;
  let industries: string[];

  beforeAll(async () => {
    ({ app, browser, page, problems } = await openWorkbench({ width: 1280, height: 800 }));
    const demo = new DemoStudyPage(page);
    await demo.openBuilt();
    sideBySide = new SideBySidePage(page);
    table = await callApi<TableResult>(page, 'tables.run', {
      spec: { rows: ['energy'], columns: [{ variables: ['industry'] }], sigLevels: [0.95] },
    });
    industries = table.columns.filter((c) => c.variable === 'industry').map((c) => c.label);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    expect(problems).toEqual([]);
  });

  it('shows one panel per industry, each named with its letter', async () => {
    await sideBySide.open();
    await sideBySide.compareBy('industry');
    await sideBySide.chooseQuestion('energy');
    await sideBySide.panel('Travel').waitFor();
    const letters = table.columns.filter((c) => c.variable === 'industry').map((c) => c.letter);
    expect(industries).toHaveLength(6);
    await expect(sideBySide.panelNames()).resolves.toEqual(
      industries.map((name, i) => `${letters[i]} · ${name}`),
    );
  });

  it('draws every panel on one scale, with the letters and arrows of the table', async () => {
    const largest = Math.max(
      ...table.rows.flatMap((row) => row.cells.slice(1).map((cell) => cell.colPct ?? 0)),
    );
    await expect(sideBySide.scaleNote.innerText()).resolves.toMatch(
      /^6 panels, all on one scale: 0–\d+%\.$/,
    );
    const scaleTop = /0–(\d+)%/.exec(await sideBySide.scaleNote.innerText())![1]!;
    expect(Number(scaleTop)).toBeGreaterThanOrEqual(largest);

    const someLetters: string[] = [];
    for (const [i, industry] of industries.entries()) {
      const column = table.columns.findIndex((c) => c.label === industry);
      const read = await sideBySide.readPanelChart(industry);
      // The same axis in every panel: 0% on the left, the common top on the right.
      expect(read.ticks[0]).toBe('0%');
      expect(read.ticks.at(-1)).toBe(`${scaleTop}%`);
      const expected = table.rows.map((_, row) => expectedLabel(table, row, column));
      expect(read.labels, `panel ${i}: ${industry}`).toEqual(expected);
      someLetters.push(...expected.filter((label) => /[A-F]/.test(label)));
    }
    // The demo data has real differences between industries: letters are on the bars.
    expect(someLetters.length).toBeGreaterThan(0);
    await page.locator('.side-by-side__panels').scrollIntoViewIfNeeded();
    await screenshot(page, '85-side-by-side-industry-charts');
  });

  it('shows the same panels as table columns on request', async () => {
    await sideBySide.showAs('Tables');
    const banking = table.columns.findIndex((c) => c.label === 'Banking');
    const rows = await sideBySide.readPanelTable('Banking');
    expect(rows.map((row) => row[0])).toEqual(['Creators', 'Contributors', 'Viewers']);
    expect(rows.map((row) => row[1]!.replace(/\s+/g, ' '))).toEqual(
      table.rows.map((_, row) => expectedLabel(table, row, banking)),
    );
    await screenshot(page, '86-side-by-side-industry-tables');
  });

  it('speaks Korean when the interface does, the panels unchanged', async () => {
    await page.getByLabel('UI language').selectOption('ko');
    await page.getByRole('heading', { name: '나란히 비교', level: 2 }).waitFor();
    await expect(page.getByRole('radio', { name: '차트' }).isVisible()).resolves.toBe(true);
    await expect(sideBySide.panelNames()).resolves.toHaveLength(6);
    await screenshot(page, '89-side-by-side-korean');
    await page.getByLabel('화면 언어').selectOption('en');
    await page.getByRole('heading', { name: 'Side by side', level: 2 }).waitFor();
  });
});
