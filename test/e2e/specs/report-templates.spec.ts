/**
 * Report templates across studies, and charts made in place, as a consultant uses them in browser
 * mode: a brand template made and saved in one study is used in the demo study, made the demo's
 * template for every report and for new ones; a chart made in the add picker appears on the slide.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedReport } from '../../../src/shared/api/reports';
import type { RenderedReport } from '../../../src/shared/domain/report';
import { formatNumber, tableDecimals } from '../../../src/shared/domain/tableFormat';
import { DemoStudyPage } from '../pages/demo-study-page';
import { ReportsPage } from '../pages/reports-page';
import { StudyPage } from '../pages/study-page';
import { WelcomePage } from '../pages/welcome-page';
import { callApi } from '../support/pageApi';
import {
  launchBrowser,
  screenshot,
  startWebApp,
  watchConsole,
  type WebApp,
} from '../support/webApp';

/** The demo build takes about 3 s natively; a busy test machine gets much more room. */
const BUILD_TIMEOUT = 60_000;
const DEMO_REPORT = 'Customer energy in Europe';
/** The brand's title colour, and as the browser reports it in a style. */
const BRAND_PRIMARY = '#8a1538';
const BRAND_PRIMARY_RGB = 'rgb(138, 21, 56)';

describe('report templates reused across studies, and charts made in place (browser mode)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let reports: ReportsPage;

  // Exact: once a page is added, the Undo button's name starts with "Undo add page".
  const addPage = () => page.getByRole('button', { name: 'Add page', exact: true });
  const library = () => page.getByRole('group', { name: 'Templates across reports and studies' });
  const titleColour = () =>
    reports.slideTitle().evaluate((element) => getComputedStyle(element).color);

  beforeAll(async () => {
    app = await startWebApp();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(15_000);
    problems = watchConsole(page);
    await page.goto(app.url);
    reports = new ReportsPage(page);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    expect(problems).toEqual([]);
  });

  it('saves a brand template in a first study, for other studies', async () => {
    await new WelcomePage(page).createStudy('Brand house');
    await new StudyPage(page).waitFor('Brand house');
    await reports.open();
    await page.getByLabel('New report name').fill('Brand deck');
    await page.getByRole('button', { name: 'New report' }).click();
    await page.getByRole('heading', { name: 'Brand deck', level: 3 }).waitFor();

    await reports.template.getByLabel('Titles').fill(BRAND_PRIMARY);
    await reports.template.getByLabel('Slide size').selectOption({ label: '4:3 standard' });
    await expect.poll(titleColour).toBe(BRAND_PRIMARY_RGB);
    await expect.poll(() => reports.slideRatio()).toBeCloseTo(4 / 3, 1);

    await library().getByLabel('Save as a template for other studies').fill('Acme brand');
    await library().getByRole('button', { name: 'Save template' }).click();
    await library()
      .getByRole('status')
      .filter({ hasText: '“Acme brand” is saved: every study you open offers it.' })
      .waitFor();
    await screenshot(page, 'report-templates-01-saved-in-first-study');
    await reports.waitUntilSaved();
    await new StudyPage(page).close();
  });

  it(
    'offers that template in the demo study, where the demo report takes it',
    async () => {
      await new DemoStudyPage(page).openBuilt();
      await reports.open();
      await reports.openReport(DEMO_REPORT);
      await reports.slideTitle().waitFor();
      expect(await titleColour()).not.toBe(BRAND_PRIMARY_RGB);

      const use = library().getByLabel('Use a saved template');
      expect(await use.locator('option:not([disabled])').allInnerTexts()).toEqual(['Acme brand']);
      await use.selectOption({ label: 'Acme brand' });
      await library().getByText('This report now uses “Acme brand”.').waitFor();
      await expect.poll(titleColour).toBe(BRAND_PRIMARY_RGB);
      await expect.poll(() => reports.slideRatio()).toBeCloseTo(4 / 3, 1);
      expect(await reports.template.getByLabel('Slide size').inputValue()).toBe('4:3');
      expect(await reports.template.getByLabel('Titles').inputValue()).toBe(BRAND_PRIMARY);
      await screenshot(page, 'report-templates-02-used-in-demo');
    },
    BUILD_TIMEOUT + 30_000,
  );

  it('applies it to every report in the demo study, and new reports start from it', async () => {
    await reports.waitUntilSaved();
    // A second report in the demo's own look, which applying must change too.
    const demo = (await callApi<SavedReport[]>(page, 'reports.saved', {}))[0]!;
    const older = { ...demo.report.template, slideSize: '16:9', font: 'Verdana' };
    await callApi(page, 'reports.save', {
      report: { ...demo.report, name: 'Older deck', template: older },
    });
    await library().getByRole('button', { name: 'Apply to every report in this study' }).click();
    await library().getByText('The template now applies to all 2 reports in this study.').waitFor();
    const after = await callApi<SavedReport[]>(page, 'reports.saved', {});
    expect(
      after.map((r) => [r.name, r.report.template.colours.primary, r.report.template.slideSize]),
    ).toEqual(after.map((r) => [r.name, BRAND_PRIMARY, '4:3']));
    await library().getByText('This is the study’s template: new reports start from it.').waitFor();

    await page.getByLabel('New report name').fill('Next wave');
    await page.getByRole('button', { name: 'New report' }).click();
    await page.getByRole('heading', { name: 'Next wave', level: 3 }).waitFor();
    await expect.poll(titleColour).toBe(BRAND_PRIMARY_RGB);
    expect(await reports.template.getByLabel('Slide size').inputValue()).toBe('4:3');
    await screenshot(page, 'report-templates-03-new-report-from-study-template');
  });

  it('makes a chart in place from the add picker and shows it on the slide', async () => {
    await reports.newPage.selectOption({ label: 'New chart…' });
    await addPage().click();
    const form = page.getByRole('form', { name: 'New chart' });
    await form.getByLabel('Question').selectOption('energy');
    await form.getByLabel('Banner').selectOption('country');
    await form.getByLabel('Chart').selectOption({ label: '100% stacked bar' });
    // Left empty, the title is the question by the banner, in their labels.
    const title = 'Customer energy by Country';
    expect(await form.getByLabel('Title').getAttribute('placeholder')).toBe(title);
    await screenshot(page, 'report-templates-04a-new-chart-form');
    await form.getByRole('button', { name: 'Add chart' }).click();
    await form.waitFor({ state: 'detached' });

    await reports.slideTitle().filter({ hasText: title }).waitFor();
    await reports.waitUntilSaved();
    // The page holds the chart's spec itself, and draws the study's segments by country.
    const saved = (await callApi<SavedReport[]>(page, 'reports.saved', {})).find(
      (r) => r.name === 'Next wave',
    )!;
    const item = saved.report.pages.at(-1)!.items[0]!;
    expect(item).toMatchObject({
      kind: 'chart',
      chart: {
        kind: 'percentStackedBar',
        table: { rows: ['energy'], columns: [{ variables: ['country'] }] },
      },
      title,
    });
    const rendered = await callApi<RenderedReport>(page, 'reports.render', { name: 'Next wave' });
    const drawn = rendered.pages.at(-1)!.items[0]!;
    if (drawn.kind !== 'chart') throw new Error(`the new page drew ${drawn.kind}`);
    const chart = reports.slide.locator('.report-slide__chart');
    await chart.locator('svg').waitFor();
    for (const series of drawn.data.series) {
      await chart.locator('svg text', { hasText: series.name }).first().waitFor();
    }
    for (const category of drawn.data.categories) {
      await chart.locator('svg text', { hasText: category }).first().waitFor();
    }
    expect(drawn.data.series.map((s) => s.name)).toEqual(['Creators', 'Contributors', 'Viewers']);
    await screenshot(page, 'report-templates-04b-chart-made-in-place');
  });

  it('makes a table in place, its cells the numbers the report renders', async () => {
    await reports.newPage.selectOption({ label: 'New table…' });
    await addPage().click();
    const form = page.getByRole('form', { name: 'New table' });
    await form.getByLabel('Question').selectOption('energy');
    await form.getByLabel('Banner').selectOption('wave');
    await form.getByLabel('Title').fill('Energy by wave');
    await form.getByRole('button', { name: 'Add table' }).click();
    await reports.slideTitle().filter({ hasText: 'Energy by wave' }).waitFor();
    await reports.waitUntilSaved();

    const rendered = await callApi<RenderedReport>(page, 'reports.render', { name: 'Next wave' });
    const drawn = rendered.pages.at(-1)!.items[0]!;
    if (drawn.kind !== 'table') throw new Error(`the new page drew ${drawn.kind}`);
    expect(drawn.result.columns.map((c) => c.label)).toEqual(['Total', '2025', '2026']);
    const shown = reports.slide.getByRole('table');
    await shown.waitFor();
    const firstRow = drawn.result.rows[0]!;
    const cells = await shown.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(cells.map((text) => text.replace(/\s+/g, ''))).toEqual(
      firstRow.cells.map(
        (cell) => `${formatNumber(cell.colPct, 'percent', tableDecimals(drawn.spec))}${cell.sig}`,
      ),
    );
    await screenshot(page, 'report-templates-05-table-made-in-place');
  });
});
