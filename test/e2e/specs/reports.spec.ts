import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedReport } from '../../../src/shared/api/reports';
import type { RenderedReport } from '../../../src/shared/domain/report';
import { formatNumber, tableDecimals } from '../../../src/shared/domain/tableFormat';
import { DemoStudyPage } from '../pages/demo-study-page';
import { ReportsPage } from '../pages/reports-page';
import { tempFolder } from '../../support/studyDb';
import {
  launchBrowser,
  screenshot,
  startWebApp,
  watchConsole,
  type WebApp,
} from '../support/webApp';
import { callApi } from '../support/pageApi';

/** The demo build takes about 3 s natively; a busy test machine gets much more room. */
const BUILD_TIMEOUT = 60_000;
/** A PDF starts a browser to print: room for a busy machine. */
const EXPORT_TIMEOUT = 90_000;
const DEMO_REPORT = 'Customer energy in Europe';

async function savedDemoReport(page: Page): Promise<SavedReport> {
  const saved = await callApi<SavedReport[]>(page, 'reports.saved', {});
  const report = saved.find((entry) => entry.name === DEMO_REPORT);
  if (!report) throw new Error(`the demo study has no report named ${DEMO_REPORT}`);
  return report;
}

describe('a consultant builds and exports the demo report in the Reports view (browser mode)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let reports: ReportsPage;
  let output: { folder: string; cleanup: () => void };
  /** The demo report's page titles as the study saved them. */
  let titles: string[];

  beforeAll(async () => {
    output = tempFolder('cew-e2e-reports-');
    app = await startWebApp();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(15_000);
    problems = watchConsole(page);
    await page.goto(app.url);
    const demo = new DemoStudyPage(page);
    await demo.openBuilt();
    titles = (await savedDemoReport(page)).report.pages.map((p) => p.title);
    reports = new ReportsPage(page);
    await reports.open();
  }, BUILD_TIMEOUT + 30_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    output?.cleanup();
    expect(problems).toEqual([]);
  });

  it('lists the demo report and its pages by title, the first drawn with its takeaway and footnote', async () => {
    await reports.openReport(DEMO_REPORT);
    expect(titles).toHaveLength(7);
    expect(titles[0]).toBe('Customer energy by country');
    expect(await reports.pageTitles()).toEqual(titles);

    await reports.slideTitle().filter({ hasText: titles[0]! }).waitFor();
    await expect
      .poll(() => reports.slide.locator('.report-slide__takeaway').innerText())
      .toBe('Creators are a small minority everywhere; South Korea has the most energy.');
    // The footnote under the chart is the one the report renders on the study's data.
    const rendered = await callApi<RenderedReport>(page, 'reports.render', { name: DEMO_REPORT });
    const first = rendered.pages[0]!.items[0]!;
    if (first.kind !== 'chart') throw new Error('the demo report opens with a chart');
    await expect.poll(() => reports.slideFootnotes()).toEqual([first.footnote]);
    expect(first.footnote).toContain('unweighted 6,153');
    // The chart is drawn: its legend names the energy segments.
    const chartText = await reports.slide.locator('.report-slide__chart svg').textContent();
    for (const segment of ['Creators', 'Contributors', 'Viewers'])
      expect(chartText).toContain(segment);
    await expect
      .poll(() => reports.page.locator('.report-footnote__text').first().innerText())
      .toContain(first.footnote);
    expect(await reports.stripHint.innerText()).toContain('Alt+↑/↓ move it');
    // Help lists the view's keys while it is shown.
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Help' });
    const rows: string[][] = [];
    for (const row of await help.locator('tbody tr:has(td)').all())
      rows.push((await row.locator('td').allInnerTexts()).map((text) => text.trim()));
    expect(rows).toContainEqual(['Alt+↓', 'Move the chosen page down (on its thumbnail)']);
    expect(rows).toContainEqual(['Ctrl+Z', 'Undo the last page change (outside text fields)']);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await screenshot(page, 'reports-demo-report');
  });

  it('shows a saved table on its page with the numbers of the rendered report', async () => {
    const rendered = await callApi<RenderedReport>(page, 'reports.render', { name: DEMO_REPORT });
    const tablePage = rendered.pages[3]!;
    const table = tablePage.items[0]!;
    if (table.kind !== 'table') throw new Error('page 4 of the demo report holds a table');
    await reports.selectPage(tablePage.title);
    const shown = reports.slide.getByRole('table');
    await shown.waitFor();
    const firstRow = table.result.rows[0]!;
    const cells = await shown.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(cells.map((text) => text.replace(/\s+/g, ''))).toEqual(
      firstRow.cells.map(
        (cell) => `${formatNumber(cell.colPct, 'percent', tableDecimals(table.spec))}${cell.sig}`,
      ),
    );
    await expect.poll(() => reports.slideFootnotes()).toEqual([table.footnote]);
    await screenshot(page, 'reports-table-page');
  });

  it('moves a page down with Alt+↓ and saves the new order; Ctrl+Z puts it back', async () => {
    await reports.movePageByKeyboard(titles[0]!, 'down');
    const moved = [titles[1]!, titles[0]!, ...titles.slice(2)];
    await expect.poll(() => reports.pageTitles()).toEqual(moved);
    // The moved page keeps the focus, so Alt+↓ again moves it on.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain(titles[0]!);
    await reports.waitUntilSaved();
    expect((await savedDemoReport(page)).report.pages.map((p) => p.title)).toEqual(moved);

    await page.locator('body').press('Control+z');
    await expect.poll(() => reports.pageTitles()).toEqual(titles);
    await reports.waitUntilSaved();
    await expect
      .poll(async () => (await savedDemoReport(page)).report.pages.map((p) => p.title))
      .toEqual(titles);
  });

  it('deletes a page with the Delete key and brings it back with Undo', async () => {
    await reports.thumbnail(titles[6]!).getByRole('button').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => reports.pageTitles()).toEqual(titles.slice(0, 6));
    const notice = page.locator('.report-editor__undo');
    expect(await notice.innerText()).toContain(`Deleted the page “${titles[6]}”.`);
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => reports.pageTitles()).toEqual(titles);
    await notice.waitFor({ state: 'detached' });

    // Once another change would be undone first, the deletion's notice goes: its Undo would lie.
    await reports.thumbnail(titles[6]!).getByRole('button').focus();
    await page.keyboard.press('Delete');
    await notice.waitFor();
    await reports.movePageByKeyboard(titles[5]!, 'up');
    await notice.waitFor({ state: 'detached' });
    await page.locator('body').press('Control+z');
    await page.locator('body').press('Control+z');
    await expect.poll(() => reports.pageTitles()).toEqual(titles);
  });

  it('adds a saved chart as a new page after the one shown, drawn with its footnote', async () => {
    await reports.selectPage(titles[1]!);
    await reports.addPageWith('Feedback fatigue by segment');
    const expected = [...titles.slice(0, 2), 'Feedback fatigue by segment', ...titles.slice(2)];
    await expect.poll(() => reports.pageTitles()).toEqual(expected);
    await reports.slideTitle().filter({ hasText: 'Feedback fatigue by segment' }).waitFor();
    await reports.waitUntilSaved();
    const saved = await savedDemoReport(page);
    expect(saved.report.pages[2]?.items).toEqual([
      { kind: 'chart', chart: 'Feedback fatigue by segment' },
    ]);
    const rendered = await callApi<RenderedReport>(page, 'reports.render', { name: DEMO_REPORT });
    const added = rendered.pages[2]!.items[0]!;
    if (added.kind !== 'chart') throw new Error('the added page holds a chart');
    await expect.poll(() => reports.slideFootnotes()).toEqual([added.footnote]);
    expect(added.footnote).toContain('I am tired of companies constantly asking for my feedback');
    await screenshot(page, 'reports-added-chart');
  });

  it('keeps an own footnote on the slide and says when it differs from the automatic one', async () => {
    await reports.selectPage(titles[0]!);
    const automatic = (await reports.slideFootnotes())[0]!;
    expect(automatic).toContain('Question: energy: Customer energy.');
    await reports.pageFields.getByRole('button', { name: 'Write my own footnote' }).click();
    const own = reports.pageFields.getByLabel('Footnote (your text)');
    expect(await own.inputValue()).toBe(automatic);
    const differs = reports.pageFields.locator('.report-footnote__differs');
    expect(await differs.count()).toBe(0);

    await own.fill('Source: Customer Energy survey, all four countries.');
    await expect
      .poll(() => reports.slideFootnotes())
      .toEqual(['Source: Customer Energy survey, all four countries.']);
    expect(await differs.innerText()).toBe(
      `Your footnote differs from the automatic one, which now reads: ${automatic}`,
    );
    // Saved with the page, so the exports print it too.
    await reports.waitUntilSaved();
    const savedItem = (await savedDemoReport(page)).report.pages[0]!.items[0] as {
      footnote?: string;
    };
    expect(savedItem.footnote).toBe('Source: Customer Energy survey, all four countries.');
    await reports.pageFields.scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-own-footnote');
    await reports.pageFields.getByRole('button', { name: 'Use the automatic footnote' }).click();
    await expect.poll(() => reports.slideFootnotes()).toEqual([automatic]);
  });

  it('repeats a page for each country: one copy per country, its title and footnote saying which', async () => {
    await reports.pageFields.getByLabel('Repeat this page for each').selectOption('country');
    const copies = reports.page.getByLabel('Repeated: 4 copies, showing');
    await copies.waitFor();
    const countries = (await copies.locator('option').allInnerTexts()).map((c) => c.trim());
    expect(countries).toEqual(['Germany', 'Italy', 'France', 'South Korea']);
    await reports
      .slideTitle()
      .filter({ hasText: `${titles[0]} — Germany` })
      .waitFor();
    expect((await reports.slideFootnotes())[0]).toContain('country = Germany');

    await copies.selectOption({ label: 'South Korea' });
    await reports
      .slideTitle()
      .filter({ hasText: `${titles[0]} — South Korea` })
      .waitFor();
    await reports.waitUntilSaved();
    const rendered = await callApi<RenderedReport>(page, 'reports.render', { name: DEMO_REPORT });
    const korea = rendered.pages.find((p) => p.title === `${titles[0]} — South Korea`);
    const item = korea?.items[0];
    if (item?.kind !== 'chart') throw new Error('South Korea’s copy holds the chart');
    await expect.poll(() => reports.slideFootnotes()).toEqual([item.footnote]);
    expect(await reports.thumbnail(titles[0]!).innerText()).toContain('for each country');
    await screenshot(page, 'reports-repeat');

    await reports.pageFields.getByLabel('Repeat this page for each').selectOption('');
    await reports
      .slideTitle()
      .filter({ hasText: new RegExp(`^${titles[0]}$`) })
      .waitFor();
  });

  it('draws the slide at the template’s size and in its colours', async () => {
    expect(await reports.slideRatio()).toBeCloseTo(13.333 / 7.5, 1);
    await reports.template.getByLabel('Slide size').selectOption({ label: '4:3 standard' });
    await expect.poll(() => reports.slideRatio()).toBeCloseTo(10 / 7.5, 1);
    await reports.template.getByLabel('Slide size').selectOption({ label: 'A4 landscape' });
    await expect.poll(() => reports.slideRatio()).toBeCloseTo(11.69 / 8.27, 1);
    await reports.template.getByLabel('Slide size').selectOption({ label: '16:9 widescreen' });
    await expect.poll(() => reports.slideRatio()).toBeCloseTo(13.333 / 7.5, 1);

    await reports.template.getByLabel('Titles').fill('#aa0000');
    await expect
      .poll(() => reports.slideTitle().evaluate((el) => getComputedStyle(el).color))
      .toBe('rgb(170, 0, 0)');
    await reports.waitUntilSaved();
    expect((await savedDemoReport(page)).report.template.colours.primary).toBe('#aa0000');
  });

  it('draws the preview in the label language chosen for the export', async () => {
    const language = reports.exportPanel.getByLabel('Labels in');
    expect(await language.locator('option:checked').innerText()).toBe('As the toolbar (English)');
    await language.selectOption({ label: 'Deutsch' });
    await expect
      .poll(async () => (await reports.slideFootnotes())[0])
      .toContain('countries Deutschland, Italien, Frankreich, Südkorea.');
    const chartText = await reports.slide.locator('.report-slide__chart svg').textContent();
    expect(chartText).toContain('Deutschland');
    await language.selectOption({ label: 'As the toolbar (English)' });
    await expect
      .poll(async () => (await reports.slideFootnotes())[0])
      .toContain('countries Germany, Italy, France, South Korea.');
  });

  it(
    'exports PowerPoint, Excel and PDF into the chosen folder, each a real file',
    async () => {
      const base = path.join(output.folder, 'energy-report');
      const pptx = await reports.exportAs('PowerPoint', base, EXPORT_TIMEOUT);
      expect(pptx).toBe(`Wrote ${base}.pptx (8 pages).`);
      const deck = await JSZip.loadAsync(readFileSync(`${base}.pptx`));
      expect(deck.file('ppt/presentation.xml')).not.toBeNull();
      const slides = Object.keys(deck.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
      expect(slides).toHaveLength(8);
      const third = await deck.file('ppt/slides/slide3.xml')!.async('string');
      expect(third).toContain('Feedback fatigue by segment');
      // The title colour chosen in the template is the deck's.
      expect(third.toUpperCase()).toContain('AA0000');
      expect(Object.keys(deck.files).some((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))).toBe(
        true,
      );

      const xlsx = await reports.exportAs('Excel', base, EXPORT_TIMEOUT);
      expect(xlsx).toMatch(
        new RegExp(`^Wrote ${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.xlsx`),
      );
      const book = await JSZip.loadAsync(readFileSync(`${base}.xlsx`));
      expect(book.file('xl/workbook.xml')).not.toBeNull();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(`${base}.xlsx`);
      expect(workbook.worksheets.length).toBeGreaterThan(1);

      const pdf = await reports.exportAs('PDF', base, EXPORT_TIMEOUT);
      expect(pdf).toBe(`Wrote ${base}.pdf (8 pages).`);
      expect(existsSync(`${base}.pdf`)).toBe(true);
      expect(readFileSync(`${base}.pdf`).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await screenshot(page, 'reports-exported');
      // One file per country: the place is a folder, each deck named after the report and country.
      await reports.exportPanel.getByLabel('Files').selectOption('country');
      await reports.exportPanel.getByLabel('Save in folder').fill(output.folder);
      await reports.exportPanel.getByRole('button', { name: 'PowerPoint', exact: true }).click();
      await page
        .locator('.report-export__outcome', { hasText: /Wrote|failed|cancelled/ })
        .waitFor({ timeout: EXPORT_TIMEOUT });
      const perCountry = ['Germany', 'Italy', 'France', 'South Korea'].map((country) =>
        path.join(output.folder, `${DEMO_REPORT}-${country}.pptx`),
      );
      expect((await reports.exportOutcome.innerText()).trim()).toBe(
        `Wrote 4 files, 32 pages in all: ${perCountry.join(', ')}.`,
      );
      for (const file of perCountry) {
        const zip = await JSZip.loadAsync(readFileSync(file));
        expect(zip.file('ppt/presentation.xml')).not.toBeNull();
      }
      await reports.exportPanel.getByLabel('Files').selectOption('');
    },
    3 * EXPORT_TIMEOUT,
  );

  it('creates, renames and deletes a report', async () => {
    await page.getByLabel('New report name').fill('Country deep dive');
    await page.getByRole('button', { name: 'New report' }).click();
    await reports.page.getByRole('heading', { name: 'Country deep dive', level: 3 }).waitFor();
    expect(await reports.pageTitles()).toEqual(['Country deep dive']);
    expect(await reports.reportList.getByRole('button').allInnerTexts()).toEqual([
      'Country deep dive\n1 page',
      `${DEMO_REPORT}\n8 pages`,
    ]);

    await page.getByRole('button', { name: 'Rename…' }).click();
    await page.locator('.report-header').getByLabel('New report name').fill('Germany deep dive');
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    await reports.page.getByRole('heading', { name: 'Germany deep dive', level: 3 }).waitFor();
    await expect
      .poll(async () =>
        (await callApi<SavedReport[]>(page, 'reports.saved', {})).map((r) => r.name),
      )
      .toEqual([DEMO_REPORT, 'Germany deep dive']);

    await page.getByRole('button', { name: 'Delete report…' }).click();
    await page.getByRole('button', { name: 'Delete report', exact: true }).click();
    await reports.page.getByRole('heading', { name: DEMO_REPORT, level: 3 }).waitFor();
    await expect
      .poll(async () =>
        (await callApi<SavedReport[]>(page, 'reports.saved', {})).map((r) => r.name),
      )
      .toEqual([DEMO_REPORT]);
  });

  it('duplicates a page, adds a text page and moves a page by dragging it', async () => {
    await reports.openReport(DEMO_REPORT);
    const before = await reports.pageTitles();
    await reports.selectPage(before[0]!);
    await page.getByRole('button', { name: 'Duplicate page' }).click();
    await expect
      .poll(() => reports.pageTitles())
      .toEqual([before[0], `${before[0]} (copy)`, ...before.slice(1)]);
    await reports
      .slideTitle()
      .filter({ hasText: `${before[0]} (copy)` })
      .waitFor();

    await reports.addPageWith('Text page');
    await reports.slideTitle().filter({ hasText: 'Notes' }).waitFor();
    await reports.pageFields
      .getByRole('textbox', { name: 'Text' })
      .fill('Fieldwork: March 2026, online panels in four countries.');
    await expect
      .poll(() => reports.slide.locator('.report-slide__text').innerText())
      .toBe('Fieldwork: March 2026, online panels in four countries.');
    const withText = [before[0], `${before[0]} (copy)`, 'Notes', ...before.slice(1)];
    expect(await reports.pageTitles()).toEqual(withText);

    // Drag the text page above the first page with the mouse.
    const from = await reports.thumbnail('Notes').boundingBox();
    const to = await reports.thumbnails.first().boundingBox();
    if (!from || !to) throw new Error('the thumbnails are not on screen');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let step = 1; step <= 10; step += 1)
      await page.mouse.move(
        from.x + from.width / 2,
        from.y + from.height / 2 + ((to.y - from.y - 10) * step) / 10,
      );
    await page.mouse.up();
    await expect
      .poll(() => reports.pageTitles())
      .toEqual(['Notes', before[0], `${before[0]} (copy)`, ...before.slice(1)]);
    await reports.waitUntilSaved();
    expect((await savedDemoReport(page)).report.pages.map((p) => p.title)).toEqual([
      'Notes',
      before[0],
      `${before[0]} (copy)`,
      ...before.slice(1),
    ]);
    await screenshot(page, 'reports-text-page');
  });

  it('speaks Korean when the interface does', async () => {
    await page.getByLabel('UI language').selectOption('ko');
    await page.getByRole('heading', { name: '보고서', level: 2 }).waitFor();
    expect(await reports.stripHint.innerText()).toContain('Alt+↑/↓ 이동');
    // What Undo would undo is said in the language shown now, not the one it was done in.
    await page.getByRole('button', { name: '실행 취소: “Notes” 페이지 이동' }).waitFor();
    await screenshot(page, 'reports-korean');
    await page.getByLabel('화면 언어').selectOption('en');
    await reports.heading.waitFor();
  });

  it('says on the slide and in the page fields when a saved chart it shows was deleted', async () => {
    await callApi(page, 'charts.delete', { name: 'Feedback fatigue by segment' });
    await reports.selectPage('Feedback fatigue by segment');
    const onSlide = reports.slide.locator('.report-slide__problem');
    await onSlide.waitFor();
    const rendered = await callApi<RenderedReport>(page, 'reports.render', { name: DEMO_REPORT });
    const problem = rendered.pages.find((p) => p.title === 'Feedback fatigue by segment')?.items[0];
    if (problem?.kind !== 'problem') throw new Error('the deleted chart is drawn as a problem');
    expect(await onSlide.innerText()).toBe(`Not shown — ${problem.message}`);
    expect(problem.message).toContain('Feedback fatigue by segment');
    expect(await reports.pageFields.locator('.report-item__problem').innerText()).toBe(
      `Not shown — ${problem.message}`,
    );
  });
});
