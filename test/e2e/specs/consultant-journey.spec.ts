/**
 * The consultant's journey through the demo study (issue #10), told in the order a person works:
 * open the demo from the Welcome screen, find the energy segments among the variables, cross the
 * countries with the segments in Tables (column % with letters, the numbers those of
 * `tables.run`), chart that table as a 100% stacked bar, compare the industries side by side on
 * one scale, and find the saved table and chart again after reloading the app.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableResult, TableSpec } from '../../../src/shared/domain/table';
import { formatNumber, formatWithLetters } from '../../../src/shared/domain/tableFormat';
import { ChartsPage, SideBySidePage } from '../pages/charts-page';
import { DEMO_STUDY_NAME, DemoStudyPage } from '../pages/demo-study-page';
import { TablesPage } from '../pages/tables-page';
import { VariablesPage } from '../pages/variables-page';
import { WelcomePage } from '../pages/welcome-page';
import { callApi } from '../support/pageApi';
import {
  launchBrowser,
  screenshot,
  startWebApp,
  watchConsole,
  type WebApp,
} from '../support/webApp';

/** The table of the journey, as the Tables view asks for it: countries by energy segment. */
const COUNTRY_BY_ENERGY: TableSpec = {
  rows: ['country'],
  columns: [{ variables: ['energy'] }],
  sigLevels: [0.95],
};
const SEGMENTS = ['Creators', 'Contributors', 'Viewers'];
const COUNTRIES = ['Germany', 'Italy', 'France', 'South Korea'];
// Names of the journey's own: the demo study comes with saved charts and tables of its own.
const TABLE_NAME = 'Journey: countries by energy segment';
const CHART_NAME = 'Journey: countries within each segment';

/** A cell as a person reads it: the column % with its letters, from the API's table. */
function cellText(table: TableResult, row: string, column: string): string {
  const r = table.rows.find((candidate) => candidate.label === row)!;
  const c = table.columns.findIndex((candidate) => candidate.label === column);
  const cell = r.cells[c]!;
  return `${formatNumber(cell.colPct, 'percent')}${cell.sig}${cell.marks ?? ''}`;
}

describe('a consultant goes from the demo study to a saved table and chart (browser mode)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let table: TableResult;

  beforeAll(async () => {
    app = await startWebApp();
    mkdirSync(path.join(app.home, 'studies'), { recursive: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(15_000);
    problems = watchConsole(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    expect(problems).toEqual([]);
  });

  it('opens the demo study from the Welcome screen', async () => {
    const welcome = new WelcomePage(page);
    await welcome.goto(app.url);
    await screenshot(page, 'journey-01-welcome');
    await new DemoStudyPage(page).openBuilt();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
      DEMO_STUDY_NAME,
    );
    table = await callApi<TableResult>(page, 'tables.run', { spec: COUNTRY_BY_ENERGY });
    await screenshot(page, 'journey-02-demo-open');
  });

  it('finds the energy segments among the variables by searching', async () => {
    const variables = new VariablesPage(page);
    await variables.open();
    await variables.find('energy');
    await expect
      .poll(async () => (await variables.listRows()).map((row) => row[0]))
      .toContain('energy');
    // Every entry listed matches the search, by name or by label.
    for (const row of await variables.listRows())
      expect(row.join(' ').toLowerCase()).toContain('energy');
    await variables.select('energy');
    await expect(variables.valueLabelRows()).resolves.toEqual([
      ['1', 'Creators'],
      ['2', 'Contributors'],
      ['3', 'Viewers'],
    ]);
    await screenshot(page, 'journey-03-variables-energy');
  });

  it('crosses countries with the segments in Tables by keyboard: column % and letters as tables.run gives them', async () => {
    const tables = new TablesPage(page);
    await tables.open();
    await tables.variable('energy').waitFor();
    // A new table starts with the countries as banner; the consultant wants them as rows.
    await tables.sendByKey('country', 'R');
    await tables.sendByKey('energy', 'C');
    await expect.poll(() => tables.chips('Rows')).toEqual(['country']);
    await expect.poll(() => tables.chips('Columns')).toEqual(['energy']);
    await tables.choose('Cells', 'Column %');
    await tables.choose('Significance', '95%');
    await tables.waitForNumbers();

    await expect(tables.columnLabels()).resolves.toEqual(['Total', ...SEGMENTS]);
    await expect(tables.bodyRows()).resolves.toEqual(
      COUNTRIES.map((country) => [
        `country ${country}`,
        ...['Total', ...SEGMENTS].map((column) => cellText(table, country, column)),
      ]),
    );
    // Spelled out, so the story says what the consultant sees: German viewers stand out.
    await expect((await tables.cell('Germany', 'Viewers')).innerText()).resolves.toBe('31%AB+');
    await expect((await tables.cell('Italy', 'Contributors')).innerText()).resolves.toBe('31%C');
    await expect(tables.table.locator('tfoot tr').first().innerText()).resolves.toBe(
      ['Base (n)', ...table.bases.map((base) => formatNumber(base.n, 'base'))].join('\t'),
    );
    await screenshot(page, 'journey-04-table-country-by-energy');

    const savedTables = page.getByLabel('Open a saved table').locator('option');
    await expect(savedTables.allInnerTexts()).resolves.not.toContain(TABLE_NAME);
    await tables.save(TABLE_NAME);
    await page.getByText(`Saved “${TABLE_NAME}”.`).waitFor();
    await expect(savedTables.allInnerTexts()).resolves.toContain(TABLE_NAME);
  });

  it('charts the saved table as a 100% stacked bar: the countries in the legend, the table’s numbers on the bars', async () => {
    const charts = new ChartsPage(page);
    await charts.open();
    await page.getByLabel('Saved table').selectOption({ label: TABLE_NAME });
    await charts.chooseKind('100% stacked bar');
    await charts.setDataLabels(true);
    await charts.waitForText('South Korea');
    await expect(charts.title()).resolves.toBe('Country by Customer energy');

    const texts = (await charts.texts()).map((t) => t.text);
    // The legend names each country once; the bars stand over the segments.
    for (const country of COUNTRIES) expect(texts.filter((t) => t === country)).toHaveLength(1);
    for (const segment of ['Total', ...SEGMENTS]) expect(texts).toContain(segment);
    const creators = table.columns.findIndex((c) => c.label === 'Creators');
    await expect(charts.labelsOver('Creators')).resolves.toEqual(
      table.rows.map((row) =>
        formatWithLetters(
          formatNumber(row.cells[creators]!.colPct, 'percent'),
          row.cells[creators]!.sig,
        ),
      ),
    );
    await charts.showChart();
    await screenshot(page, 'journey-05-chart-stacked');
    const before = await charts.savedChartNames();
    expect(before).not.toContain(CHART_NAME);
    await charts.save(CHART_NAME);
    await expect(charts.savedChartNames()).resolves.toEqual([...before, CHART_NAME].sort());
  });

  it('compares the industries side by side: one panel per industry, all on one scale', async () => {
    const byIndustry = await callApi<TableResult>(page, 'tables.run', {
      spec: { rows: ['energy'], columns: [{ variables: ['industry'] }], sigLevels: [0.95] },
    });
    const industries = byIndustry.columns.filter((c) => c.variable === 'industry');
    expect(industries).toHaveLength(6);

    const sideBySide = new SideBySidePage(page);
    await sideBySide.open();
    await sideBySide.compareBy('industry');
    await sideBySide.chooseQuestion('energy');
    await sideBySide.showAs('Charts');
    await sideBySide.panel(industries[0]!.label).waitFor();
    await expect(sideBySide.panelNames()).resolves.toEqual(
      industries.map((c) => `${c.letter} · ${c.label}`),
    );
    await expect(sideBySide.scaleNote.innerText()).resolves.toMatch(
      /^6 panels, all on one scale: 0–\d+%\.$/,
    );
    const top = /0–(\d+)%/.exec(await sideBySide.scaleNote.innerText())![1]!;
    for (const industry of industries) {
      const read = await sideBySide.readPanelChart(industry.label);
      expect(read.ticks[0], industry.label).toBe('0%');
      expect(read.ticks.at(-1), industry.label).toBe(`${top}%`);
    }
    // The first panel's Viewers bar carries the table's number.
    const first = byIndustry.columns.indexOf(industries[0]!);
    const viewers = byIndustry.rows.find((r) => r.label === 'Viewers')!.cells[first]!;
    const firstRead = await sideBySide.readPanelChart(industries[0]!.label);
    expect(firstRead.labels[2]).toMatch(new RegExp(`^${formatNumber(viewers.colPct, 'percent')}`));
    await page.locator('.side-by-side__panels').scrollIntoViewIfNeeded();
    await screenshot(page, 'journey-06-side-by-side-industries');
  });

  it('finds the saved table and chart listed again after reloading the app', async () => {
    await page.reload();
    const welcome = new WelcomePage(page);
    const studyHeading = page.getByRole('heading', { name: DEMO_STUDY_NAME, level: 1 });
    // The reloaded app either comes back into the study or offers it among the recent ones.
    await Promise.race([studyHeading.waitFor(), welcome.recentEntry(DEMO_STUDY_NAME).waitFor()]);
    if (!(await studyHeading.isVisible())) await welcome.openRecent(DEMO_STUDY_NAME);
    await studyHeading.waitFor();

    const tables = new TablesPage(page);
    await tables.open();
    await expect(
      page.getByLabel('Open a saved table').locator('option').allInnerTexts(),
    ).resolves.toContain(TABLE_NAME);
    // A reloaded app starts a new table (countries as banner): what comes back is the saved one.
    await expect(tables.chips('Rows')).resolves.toEqual([]);
    await expect(tables.chips('Columns')).resolves.toEqual(['country']);
    await tables.openSaved(TABLE_NAME);
    await expect.poll(() => tables.chips('Rows')).toEqual(['country']);
    await expect.poll(() => tables.chips('Columns')).toEqual(['energy']);
    await tables.waitForNumbers();
    await expect((await tables.cell('Germany', 'Viewers')).innerText()).resolves.toBe(
      cellText(table, 'Germany', 'Viewers'),
    );
    await screenshot(page, 'journey-07-saved-table-reopened');

    const charts = new ChartsPage(page);
    await charts.open();
    await expect(charts.savedChartNames()).resolves.toContain(CHART_NAME);
    // Move away from it first, so what comes back is the saved chart.
    await charts.chooseKind('Line');
    await charts.openSaved(CHART_NAME);
    await expect.poll(() => charts.chosenKind()).toBe('100% stacked bar');
    await charts.waitForText('South Korea');
    await expect(charts.title()).resolves.toBe('Country by Customer energy');
    await expect(charts.labelsOver('Viewers')).resolves.toHaveLength(COUNTRIES.length);
    await charts.showChart();
    await screenshot(page, 'journey-08-saved-chart-reopened');
  });
});
