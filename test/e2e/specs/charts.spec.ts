import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedChart } from '../../../src/shared/api/charts';
import type { TableResult, TableSpec } from '../../../src/shared/domain/table';
import { formatNumber, formatWithLetters } from '../../../src/shared/domain/tableFormat';
import { ChartsPage } from '../pages/charts-page';
import { DemoStudyPage } from '../pages/demo-study-page';
import {
  launchBrowser,
  screenshot,
  screenshotsDir,
  startWebApp,
  watchConsole,
  type WebApp,
} from '../support/webApp';
import { callApi } from '../support/pageApi';

/** The table a chart of energy × country stands on, as the Tables view runs it. */
const ENERGY_BY_COUNTRY: TableSpec = {
  rows: ['energy'],
  columns: [{ variables: ['country'] }],
  sigLevels: [0.95],
};

describe('a consultant charts customer energy by country (browser mode)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let charts: ChartsPage;
  let downloads: string;

  beforeAll(async () => {
    app = await startWebApp();
    mkdirSync(path.join(app.home, 'studies'), { recursive: true });
    // Kept with the screenshots, so the exported files can be looked at after a run.
    downloads = path.join(screenshotsDir, 'chart-exports');
    mkdirSync(downloads, { recursive: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page.setDefaultTimeout(15_000);
    problems = watchConsole(page);
    await page.goto(app.url);
    const demo = new DemoStudyPage(page);
    await demo.openBuilt();
    charts = new ChartsPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    expect(problems).toEqual([]);
  });

  it('draws the segments as a 100% stacked bar per country, labelled with the table’s column %', async () => {
    await charts.open();
    await charts.chooseQuestion('energy');
    await charts.chooseBanner('country');
    await charts.chooseKind('100% stacked bar');
    await charts.setDataLabels(true);
    await charts.waitForText('Germany');
    await expect(charts.title()).resolves.toBe('Customer energy by Country');

    const texts = (await charts.texts()).map((t) => t.text);
    for (const name of ['Creators', 'Contributors', 'Viewers'])
      expect(texts.filter((t) => t === name)).toHaveLength(1);
    for (const country of ['Total', 'Germany', 'Italy', 'France', 'South Korea'])
      expect(texts).toContain(country);

    // Germany's bar carries the same numbers, with the same letters, as its column in the table,
    // stacked from the axis up in the table's order.
    const table = await callApi<TableResult>(page, 'tables.run', { spec: ENERGY_BY_COUNTRY });
    const germany = table.columns.findIndex((c) => c.label === 'Germany');
    const expected = table.rows.map((row) =>
      formatWithLetters(
        formatNumber(row.cells[germany]!.colPct, 'percent'),
        row.cells[germany]!.sig,
      ),
    );
    expect(expected).toHaveLength(3);
    await expect(charts.labelsOver('Germany')).resolves.toEqual(expected);

    // The footnote: bases (the question's own), letters, the weighting and the test.
    const footnote = await charts.footnote.innerText();
    const energyBases = table.stubBases?.find((s) => s.variable === 'energy')?.bases ?? table.bases;
    expect(footnote).toContain(`Germany ${formatNumber(energyBases[germany]!.n, 'base')}`);
    expect(footnote).toContain('Letters: A Germany · B Italy · C France · D South Korea.');
    expect(footnote).toContain('Unweighted');
    expect(footnote).toContain('95% confidence');
    await screenshot(page, '80-charts-energy-by-country');
  });

  it('exports the chart as a PNG image and as an SVG naming the segments', async () => {
    const png = await charts.exportPng();
    expect(png.suggestedFilename()).toBe('Customer-energy-by-Country.png');
    const pngPath = path.join(downloads, png.suggestedFilename());
    await png.saveAs(pngPath);
    const bytes = readFileSync(pngPath);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // 1200 × 675 drawn at twice the pixels: the width sits at byte 16 of the IHDR chunk.
    expect(bytes.readUInt32BE(16)).toBe(2400);
    expect(bytes.readUInt32BE(20)).toBe(1350);

    const svg = await charts.exportSvg();
    expect(svg.suggestedFilename()).toBe('Customer-energy-by-Country.svg');
    const svgPath = path.join(downloads, svg.suggestedFilename());
    await svg.saveAs(svgPath);
    expect(existsSync(svgPath) && statSync(svgPath).size).toBeGreaterThan(1000);
    const text = readFileSync(svgPath, 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    for (const name of [
      'Creators',
      'Contributors',
      'Viewers',
      'Germany',
      'Customer energy by Country',
    ])
      expect(text).toContain(`>${name}<`);
    // The footnote travels with the exported chart.
    expect(text).toContain('Base (unweighted n)');
  });

  it('saves the chart in the study and opens it again as it was', async () => {
    const before = await charts.savedChartNames();
    expect(before).not.toContain('Energy shares by country');
    await charts.save('Energy shares by country');
    await expect(charts.savedChartNames()).resolves.toEqual(
      [...before, 'Energy shares by country'].sort(),
    );
    const saved = await callApi<SavedChart[]>(page, 'charts.saved', {});
    const mine = saved.find((c) => c.name === 'Energy shares by country');
    expect(mine?.spec).toMatchObject({
      kind: 'percentStackedBar',
      value: 'colPct',
      dataLabels: true,
      table: { rows: ['energy'], columns: [{ variables: ['country'] }] },
    });

    await charts.chooseKind('Line');
    await charts.chooseBanner('wave');
    await charts.waitForText('2026');
    // A line through the waves leaves the Total out (it is not a wave).
    expect((await charts.texts()).map((t) => t.text)).not.toContain('Total');
    await charts.showChart();
    await screenshot(page, '88-charts-line-by-wave');
    await charts.openSaved('Energy shares by country');
    await expect.poll(() => charts.chosenKind()).toBe('100% stacked bar');
    await charts.waitForText('South Korea');
    await expect(charts.title()).resolves.toBe('Customer energy by Country');
  });

  it('draws industry by country as a heatmap, and a horizontal bar chart on request', async () => {
    await charts.chooseQuestion('industry');
    await charts.chooseKind('Heatmap');
    await charts.waitForText('Telecommunications');
    // Each cell is labelled with its column %: Germany's share of telecoms respondents.
    const table = await callApi<TableResult>(page, 'tables.run', {
      spec: { ...ENERGY_BY_COUNTRY, rows: ['industry'] },
    });
    const germany = table.columns.findIndex((c) => c.label === 'Germany');
    const telecoms = table.rows.find((r) => r.label === 'Telecommunications')!.cells[germany]!;
    const texts = (await charts.texts()).map((t) => t.text);
    expect(texts).toContain(
      formatWithLetters(formatNumber(telecoms.colPct, 'percent'), telecoms.sig),
    );
    await charts.showChart();
    await screenshot(page, '81-charts-heatmap');
    await charts.chooseQuestion('energy');
    await charts.chooseKind('Bar (grouped)');
    await page.getByLabel('Bars').selectOption('horizontal');
    await charts.waitForText('Creators');
    await charts.showChart();
    await screenshot(page, '82-charts-horizontal-bars');
  });

  it('draws a donut per country and a bubble per country, in the same segment colours', async () => {
    await charts.chooseQuestion('energy');
    await charts.chooseKind('Donut');
    await page.getByLabel('Hide total').setChecked(true);
    await charts.waitForText('South Korea');
    const donutTexts = (await charts.texts()).map((t) => t.text);
    expect(donutTexts.filter((t) => t === 'Total')).toEqual([]);
    for (const name of ['Creators', 'Contributors', 'Viewers', 'Germany', 'Italy'])
      expect(donutTexts).toContain(name);
    await charts.showChart();
    await screenshot(page, '83-charts-donuts');

    // A positioning map: each country placed by its share of creators (x) and contributors (y).
    await charts.chooseKind('Scatter / bubble');
    await charts.waitForText('South Korea');
    const axisNames = (await charts.texts()).map((t) => t.text);
    expect(axisNames).toContain('Creators');
    expect(axisNames).toContain('Contributors');
    await charts.showChart();
    await screenshot(page, '84-charts-bubbles');
  });

  it('follows the dark theme: chart text takes the page’s text colour', async () => {
    await charts.chooseKind('Bar (grouped)');
    await page.getByLabel('Theme').selectOption('dark');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
      .toBe('dark');
    const ink = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--ink').trim(),
    );
    const legendFill = () =>
      charts.canvas
        .locator('svg text', { hasText: 'Viewers' })
        .first()
        .evaluate((node) => getComputedStyle(node).fill);
    const asRgb = await page.evaluate((colour) => {
      const probe = document.createElement('span');
      probe.style.color = colour;
      document.body.append(probe);
      const rgb = getComputedStyle(probe).color;
      probe.remove();
      return rgb;
    }, ink);
    await expect.poll(legendFill).toBe(asRgb);
    await charts.showChart();
    await screenshot(page, '87-charts-dark');
    await page.getByLabel('Theme').selectOption('light');
  });

  it('charts a table saved in Tables, opened from the picker as it was saved', async () => {
    await callApi(page, 'tables.save', {
      name: 'Energy by wave (for a chart)',
      tables: [{ rows: ['energy'], columns: [{ variables: ['wave'] }], sigLevels: [0.95] }],
    });
    // The saved tables are read when the view opens.
    await page
      .getByRole('navigation', { name: 'Study views' })
      .getByRole('button', { name: 'Tables' })
      .click();
    await charts.open();
    await page.getByLabel('Saved table').selectOption({ label: 'Energy by wave (for a chart)' });
    await charts.waitForText('2026');
    await expect(charts.title()).resolves.toBe('Customer energy by Wave');
    await expect(page.getByLabel('Columns (banner)').inputValue()).resolves.toBe('wave');
    const texts = (await charts.texts()).map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['2025', '2026', 'Creators', 'Viewers']));
  });
});
