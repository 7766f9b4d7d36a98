/**
 * A consultant builds a cross-table in the Tables view of the demo study (browser mode): country
 * into Rows and energy into Columns, by drag and by keyboard; column % with significance letters
 * whose numbers equal `cew table` on the same study file; a letter explains its comparison; a
 * variable dropped on Filter is filtered by picked categories; the table copies as TSV for Excel
 * and is saved and opened again.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedTablePlan } from '../../../src/shared/api/tables';
import type { StudySummary } from '../../../src/shared/domain/study';
import type { TableResult } from '../../../src/shared/domain/table';
import { formatNumber } from '../../../src/shared/domain/tableFormat';
import { DemoStudyPage } from '../pages/demo-study-page';
import { TablesPage } from '../pages/tables-page';
import {
  launchBrowser,
  screenshot,
  startWebApp,
  watchConsole,
  type WebApp,
} from '../support/webApp';
import { callApi } from '../support/pageApi';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

/** `cew table … --json` on the study file the browser has open, as a user would run it. */
function cliTable(study: string, args: string[]): TableResult {
  const out = execFileSync(
    process.execPath,
    [path.join(root, 'out', 'main', 'cli.js'), 'table', study, ...args, '--json'],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as TableResult;
}

/** A row of the CLI's table as the screen writes it: stub, then each column % with its letters. */
function expectedRow(table: TableResult, label: string): string[] {
  const row = table.rows.find((r) => r.label === label)!;
  return [
    `${row.variable} ${row.label}`,
    ...row.cells.map(
      (cell) => `${formatNumber(cell.colPct, 'percent')}${cell.sig}${cell.marks ?? ''}`,
    ),
  ];
}

describe('a consultant builds a table in the Tables view (browser mode)', () => {
  let app: WebApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let tables: TablesPage;
  let studyPath: string;
  let expected: TableResult;

  beforeAll(async () => {
    app = await startWebApp();
    mkdirSync(path.join(app.home, 'studies'), { recursive: true });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    problems = watchConsole(page);
    await page.goto(app.url);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(app.url).origin,
    });
    const demo = new DemoStudyPage(page);
    await demo.openBuilt();
    studyPath = (await callApi<StudySummary>(page, 'study.current', {})).path;
    expected = cliTable(studyPath, ['--rows', 'country', '--cols', 'energy', '--sig', '0.95']);
    tables = new TablesPage(page);
    await tables.open();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    expect(problems).toEqual([]);
  });

  it('shows the variables with the keys that send them to a zone', async () => {
    await tables.variable('energy').waitFor();
    await expect(tables.keyHint.innerText()).resolves.toBe(
      'Drag a variable to a zone, or focus it and press R (rows), C (columns) or F (filter).',
    );
    // A new table starts with the countries as banner.
    await expect(tables.chips('Columns')).resolves.toEqual(['country']);
    await expect(tables.chips('Rows')).resolves.toEqual([]);
    await expect(page.getByText('Put a variable in Rows to see a table.')).toBeTruthy();
  });

  it('puts country in Rows by drag and energy in Columns by keyboard; the numbers are those of cew table', async () => {
    await tables.dragToZone('country', 'Rows');
    await expect.poll(() => tables.chips('Rows')).toEqual(['country']);
    // Dragged out of Columns into Rows: a variable is in one place at a time.
    await expect(tables.chips('Columns')).resolves.toEqual([]);
    await tables.sendByKey('energy', 'C');
    await expect.poll(() => tables.chips('Columns')).toEqual(['energy']);
    await tables.waitForNumbers();

    await expect(tables.columnLabels()).resolves.toEqual([
      'Total',
      'Creators',
      'Contributors',
      'Viewers',
    ]);
    await expect(tables.bodyRows()).resolves.toEqual(
      ['Germany', 'Italy', 'France', 'South Korea'].map((label) => expectedRow(expected, label)),
    );
    // Spelled out once, so a reader sees what the screen says.
    await expect((await tables.cell('Germany', 'Viewers')).innerText()).resolves.toBe('31%AB+');
    await expect((await tables.cell('Italy', 'Contributors')).innerText()).resolves.toBe('31%C');
    await expect(tables.table.locator('tfoot tr').first().innerText()).resolves.toBe(
      ['Base (n)', '7,700', '264', '1,199', '4,690'].join('\t'),
    );
    await expect(tables.footnote.innerText()).resolves.toBe(expected.footnote);
    await screenshot(page, 'table-builder-01-country-by-energy');
  });

  it('builds the same table the other way round: country by key R, energy dragged to Columns', async () => {
    await tables.remove('Rows', 'country');
    await tables.remove('Columns', 'energy');
    await expect(tables.chips('Rows')).resolves.toEqual([]);
    await tables.sendByKey('country', 'R');
    await tables.dragToZone('energy', 'Columns');
    await expect.poll(() => tables.chips('Columns')).toEqual(['energy']);
    await expect.poll(() => tables.chips('Rows')).toEqual(['country']);
    await tables.waitForNumbers();
    await expect(tables.bodyRows()).resolves.toEqual(
      ['Germany', 'Italy', 'France', 'South Korea'].map((label) => expectedRow(expected, label)),
    );
  });

  it('reorders the banner with the keyboard (Space, arrow, Space) and by drag', async () => {
    await tables.sendByKey('wave', 'C');
    await expect.poll(() => tables.chips('Columns')).toEqual(['energy', 'wave']);
    // A keyboard drag: Space lifts the chip, an arrow moves it, Space drops it. dnd-kit announces
    // each step in its live region; each key waits for the step before it.
    const wave = tables.chip('Columns', 'wave');
    await wave.focus();
    await page.keyboard.press('Space');
    await page.locator('li[data-chip="wave"][aria-pressed="true"]').waitFor();
    await page.keyboard.press('ArrowLeft');
    await page
      .locator('[role="status"][aria-live="assertive"]', {
        hasText: 'was moved over droppable area columns:energy',
      })
      .waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await expect.poll(() => tables.chips('Columns')).toEqual(['wave', 'energy']);
    await tables.waitForNumbers();
    await expect(tables.columnLabels()).resolves.toEqual([
      'Total',
      '2025',
      '2026',
      'Creators',
      'Contributors',
      'Viewers',
    ]);
    await tables.drag(tables.chip('Columns', 'energy'), tables.chip('Columns', 'wave'));
    await expect.poll(() => tables.chips('Columns')).toEqual(['energy', 'wave']);
    await screenshot(page, 'table-builder-02-two-banners');
    await tables.remove('Columns', 'wave');
    await expect.poll(() => tables.chips('Columns')).toEqual(['energy']);
  });

  it('explains a letter: both percentages, bases and effective bases, the test, p-value and correction', async () => {
    await tables.waitForNumbers();
    await tables.clickLetter('Italy', 'Contributors', 'C');
    const italy = expected.rows.find((r) => r.label === 'Italy')!;
    const pair = expected.tests.pairs.find(
      (p) =>
        p.row.code === italy.code && [p.a, p.b].sort().join() === ['energy:2', 'energy:3'].join(),
    )!;
    await expect(tables.comparison.locator('strong').innerText()).resolves.toBe(
      'Italy: Contributors (31%) vs Viewers (28%)',
    );
    await expect(tables.comparison.locator('p').innerText()).resolves.toBe(
      `Bases 1,199 and 4,690 (effective 1199.0 and 4690.0). z-pooled-proportion: statistic ${pair.statistic!.toFixed(3)}, p = ${pair.p.toPrecision(3)}, adjusted p = ${pair.adjustedP!.toPrecision(3)} (bonferroni correction).`,
    );
    await screenshot(page, 'table-builder-03-comparison');
    await tables.comparison.getByRole('button', { name: 'Close' }).click();
  });

  it('copies the table as TSV for Excel: numbers in their cells, letters in a column of their own', async () => {
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await tables.copyButton.click();
    await page.getByText(/^Copied the table \(8 lines\)/).waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '\tTotal\tCreators\t(A)\tContributors\t(B)\tViewers\t(C)',
      'country: Germany\t29%\t20%\t-\t22%\t-\t31%\tAB+',
      'country: Italy\t29%\t31%\t\t31%\tC\t28%\t-',
    ]);
    expect(lines[5]).toBe('Base (n)\t7,700\t264\t\t1,199\t\t4,690\t');
    expect(lines[7]).toBe(expected.footnote);

    // Ctrl+Shift+C does the same from anywhere in the view.
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await tables.heading.click();
    await page.keyboard.press('Control+Shift+C');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  });

  it('filters by the categories picked when a variable is dropped on Filter', async () => {
    await tables.dragToZone('wave', 'Filter');
    const picker = page.getByRole('dialog', { name: 'Filter by wave' });
    await picker.getByRole('checkbox', { name: /^2026 / }).check();
    await screenshot(page, 'table-builder-04-filter-picker');
    await picker.getByRole('button', { name: 'Apply filter' }).click();
    await expect.poll(() => tables.chips('Filter')).toEqual(['wave = 2']);
    const filtered = cliTable(studyPath, [
      '--rows',
      'country',
      '--cols',
      'energy',
      '--sig',
      '0.95',
      '--filter',
      'wave = 2',
    ]);
    await expect
      .poll(() => tables.table.locator('tfoot tr').first().innerText())
      .toBe(['Base (n)', ...filtered.bases.map((b) => formatNumber(b.n, 'base'))].join('\t'));
    await expect(tables.bodyRows()).resolves.toEqual(
      filtered.rows.map((row) => expectedRow(filtered, row.label)),
    );
    await tables.remove('Filter', 'wave');
    await expect.poll(() => tables.table.locator('tfoot td').first().innerText()).toBe('7,700');

    // The same filter written as an expression in the Filter zone, applied with Enter.
    const expression = tables.zone('Filter').getByLabel('Filter expression (e.g. age >= 30)');
    await expression.fill('wave = 2');
    await expression.press('Enter');
    await expect
      .poll(() => tables.table.locator('tfoot td').first().innerText())
      .toBe(formatNumber(filtered.bases[0]!.n, 'base'));
    await expression.fill('');
    await expression.press('Enter');
    await expect.poll(() => tables.table.locator('tfoot td').first().innerText()).toBe('7,700');
  });

  it('keeps the header and the stub in view while a long, wide table scrolls, and resizes a column by its edge', async () => {
    const items = ['create_video', 'create_blog', 'create_review', 'comment', 'rate', 'recommend'];
    for (const name of items) await tables.sendByKey(name, 'R');
    await expect.poll(() => tables.chips('Rows')).toEqual(['country', ...items]);
    await tables.waitForNumbers();
    const scroller = page.locator('.table-scroll');
    const creators = tables.table.locator('thead th[scope="col"]', { hasText: 'Creators' });
    const germany = tables.table.getByRole('rowheader', { name: 'country Germany' });

    // Dragging the right edge of the Creators header widens the column by as much.
    const before = (await creators.boundingBox())!;
    const edge = (await creators
      .getByRole('separator', { name: 'Resize column Creators' })
      .boundingBox())!;
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2 + 900, edge.y + edge.height / 2, { steps: 10 });
    await page.mouse.up();
    const widened = (await creators.boundingBox())!;
    expect(Math.round(widened.width - before.width)).toBe(900);

    // Scrolled down and right, the header row and the stub column stay where they were.
    const header = (await creators.boundingBox())!;
    const stub = (await germany.boundingBox())!;
    await scroller.evaluate((element) => element.scrollTo(400, 200));
    await expect(scroller.evaluate((element) => element.scrollTop)).resolves.toBe(200);
    await expect(scroller.evaluate((element) => element.scrollLeft)).resolves.toBe(400);
    expect((await tables.table.locator('thead th.stub').last().boundingBox())!.y).toBeCloseTo(
      header.y,
      0,
    );
    const recommend = tables.table.getByRole('rowheader', { name: /^recommend / }).first();
    expect((await recommend.boundingBox())!.x).toBeCloseTo(stub.x, 0);
    await screenshot(page, 'table-builder-05-scrolled-and-resized');

    await scroller.evaluate((element) => element.scrollTo(0, 0));
    // A double click on the edge gives the column its natural width back.
    await creators.getByRole('separator', { name: 'Resize column Creators' }).dblclick();
    expect(Math.round((await creators.boundingBox())!.width)).toBe(Math.round(before.width));
    for (const name of items) await tables.remove('Rows', name);
    await expect.poll(() => tables.chips('Rows')).toEqual(['country']);
  });

  it('shows counts, a means row for a numeric variable, and flags and suppresses low bases', async () => {
    const letters = (cell: { sig: string; marks?: string }) => `${cell.sig}${cell.marks ?? ''}`;
    await tables.choose('Cells', 'Counts');
    const germany = expected.rows.find((r) => r.label === 'Germany')!;
    await expect
      .poll(async () => (await tables.bodyRows())[0])
      .toEqual([
        'country Germany',
        ...germany.cells.map((c) => `${formatNumber(c.n, 'count')}${letters(c)}`),
      ]);
    await tables.choose('Cells', 'Column %');

    await tables.sendByKey('age', 'R');
    await expect.poll(() => tables.chips('Rows')).toEqual(['country', 'age · mean']);
    await tables.waitForNumbers();
    const withMeans = cliTable(studyPath, [
      '--rows',
      'country',
      '--means',
      'age',
      '--cols',
      'energy',
      '--sig',
      '0.95',
    ]);
    const mean = withMeans.rows.find((r) => r.code === null)!;
    const meanRow = (await tables.bodyRows()).find((row) => row[0] === 'age Mean');
    expect(meanRow).toEqual([
      'age Mean',
      ...mean.cells.map((c) => `${formatNumber(c.mean, 'mean')}${letters(c)}`),
    ]);
    await tables.remove('Rows', 'age');

    // Creators (264 respondents) fall under a threshold of 300: flagged, then blanked.
    await page.getByLabel('Low base below').fill('300');
    await expect
      .poll(() => tables.table.locator('tfoot tr').first().innerText())
      .toBe(['Base (n)', '7,700', '264*', '1,199', '4,690'].join('\t'));
    await page.getByLabel('Suppress low bases').check();
    await expect.poll(async () => (await tables.cell('Germany', 'Creators')).innerText()).toBe('–');
    await page.getByText('Numbers are suppressed in columns with a base below 300.').waitFor();
    await screenshot(page, 'table-builder-06-low-base-suppressed');
    await page.getByLabel('Suppress low bases').uncheck();
    await page.getByLabel('Low base below').fill('30');
    await expect
      .poll(() => tables.table.locator('tfoot tr').first().innerText())
      .toBe(['Base (n)', '7,700', '264', '1,199', '4,690'].join('\t'));
  });

  it('saves the table under a name and opens it again', async () => {
    await tables.save('Country by energy');
    await page.getByText('Saved “Country by energy”.').waitFor();
    const saved = await callApi<SavedTablePlan[]>(page, 'tables.saved', {});
    expect(saved.find((plan) => plan.name === 'Country by energy')?.tables).toEqual([
      {
        rows: ['country'],
        columns: [{ variables: ['energy'] }],
        sigLevels: [0.95],
        hideEmpty: true,
      },
    ]);
    await tables.remove('Rows', 'country');
    await tables.remove('Columns', 'energy');
    await tables.openSaved('Country by energy');
    await expect.poll(() => tables.chips('Rows')).toEqual(['country']);
    await expect(tables.chips('Columns')).resolves.toEqual(['energy']);
    await tables.waitForNumbers();
    await expect((await tables.cell('Germany', 'Viewers')).innerText()).resolves.toBe('31%AB+');
    await screenshot(page, 'table-builder-07-reopened');
  });

  it('lists R, C, F and Ctrl+Shift+C among the shortcuts in Help', async () => {
    await tables.heading.click();
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Help' });
    for (const action of [
      'Add the focused variable to the rows',
      'Add the focused variable to the columns',
      'Filter by the focused variable’s categories',
      'Copy the table for Excel',
    ]) {
      await help.getByRole('row').filter({ hasText: action }).waitFor();
    }
    await page.keyboard.press('Escape');
  });

  it('speaks Korean when the UI language is Korean: zones, options and the table’s own words', async () => {
    await page.getByLabel('UI language').selectOption({ label: '한국어' });
    await page.getByRole('region', { name: '행 영역' }).waitFor();
    await expect(
      page.getByRole('region', { name: '열 영역' }).locator('h3').innerText(),
    ).resolves.toBe('열');
    await expect(
      page.getByRole('table', { name: '교차표' }).locator('tfoot th').first().innerText(),
    ).resolves.toBe('베이스 (n)');
    await screenshot(page, 'table-builder-08-korean');
    await page.getByLabel('화면 언어').selectOption({ label: 'English' });
    await tables.heading.waitFor();
  });
});
