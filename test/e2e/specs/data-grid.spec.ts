import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataGridPage } from '../pages/data-grid-page';
import { DemoStudyPage } from '../pages/demo-study-page';
import { screenshot, type WebApp } from '../support/webApp';
import { openWorkbench } from '../support/workbench';

/** The demo build takes about 3 s natively; a busy test machine gets much more room. */
const BUILD_TIMEOUT = 60_000;
const POLL = { timeout: 15_000, interval: 100 };

describe('a consultant reads the demo study respondent by respondent in the Data view (browser mode)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let data: DataGridPage;

  beforeAll(async () => {
    ({ app, browser, page, problems } = await openWorkbench({ width: 1400, height: 900 }));
    const demo = new DemoStudyPage(page);
    await demo.openBuilt();
    data = new DataGridPage(page);
    await data.open();
  }, BUILD_TIMEOUT * 2);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    expect(problems).toEqual([]);
  });

  it('shows the first respondents with their answers as labels, and every respondent counted', async () => {
    await expect.poll(() => data.count.innerText(), POLL).toBe('7,700 of 7,700 respondents');
    await expect(data.settledRows(['resp_id', 'age', 'gender'], 3)).resolves.toEqual([
      [
        '25100001',
        '25100001',
        expect.stringMatching(/^\d+$/),
        expect.stringMatching(/^(Female|Male|Diverse)$/),
      ],
      [
        '25100002',
        '25100002',
        expect.stringMatching(/^\d+$/),
        expect.stringMatching(/^(Female|Male|Diverse)$/),
      ],
      [
        '25100003',
        '25100003',
        expect.stringMatching(/^\d+$/),
        expect.stringMatching(/^(Female|Male|Diverse)$/),
      ],
    ]);
    await data.scrollToColumn('country');
    await expect(data.settledRows(['country', 'respondent_type', 'wave'], 2)).resolves.toEqual([
      ['25100001', 'Germany', 'Customer', '2025'],
      ['25100002', 'Germany', 'Customer', '2025'],
    ]);
    await screenshot(page, 'data-grid-labels');
  });

  it('shows the codes instead of the labels when Value labels is turned off', async () => {
    await data.labels.uncheck();
    await expect
      .poll(async () => (await data.settledRows(['country', 'respondent_type'], 1))[0], POLL)
      .toEqual(['25100001', '1', '1']);
    await screenshot(page, 'data-grid-codes');
    await data.labels.check();
    await expect
      .poll(async () => (await data.settledRows(['country'], 1))[0], POLL)
      .toEqual(['25100001', 'Germany']);
  });

  it('sorts by a column ascending, then descending, with the missing answers last', async () => {
    await data.grid.evaluate((element) => (element.scrollLeft = 0));
    await data.sortBy('age');
    await expect
      .poll(() => data.columnHeader('age').getAttribute('aria-sort'), POLL)
      .toBe('ascending');
    const ascending = (await data.settledRows(['age'], 8)).map((row) => Number(row[1]));
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(ascending[0]).toBeGreaterThanOrEqual(16);
    await data.sortBy('age');
    await expect
      .poll(() => data.columnHeader('age').getAttribute('aria-sort'), POLL)
      .toBe('descending');
    await expect
      .poll(async () => Number((await data.settledRows(['age'], 1))[0]![1]), POLL)
      .toBeGreaterThan(ascending[7]!);
    const descending = (await data.settledRows(['age'], 8)).map((row) => Number(row[1]));
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    await screenshot(page, 'data-grid-sorted');
    // Executives were not asked their age: they come last, with an empty cell.
    await data.scrollToEnd();
    await expect
      .poll(async () => (await data.rows(['age'], 200)).at(-1), POLL)
      .toEqual([expect.stringMatching(/executives/), '']);
    await data.sortBy('age'); // back to the study's order
    await expect.poll(() => data.columnHeader('age').getAttribute('aria-sort'), POLL).toBe('none');
  });

  it('filters with an expression as it is typed, and says why while it does not read', async () => {
    await data.filter.fill('country = "KR" and');
    await expect.poll(() => data.problem.innerText(), POLL).toMatch(/The filter is not applied/);
    await expect(data.count.innerText()).resolves.toBe('7,700 of 7,700 respondents');
    await data.filter.fill('country = "KR"');
    await expect.poll(() => data.count.innerText(), POLL).toBe('1,100 of 7,700 respondents');
    await expect(data.problem.count()).resolves.toBe(0);
    await data.scrollToColumn('country');
    await expect
      .poll(
        async () => (await data.settledRows(['country', 'wave'], 2)).map((row) => row.slice(1)),
        POLL,
      )
      .toEqual([
        ['South Korea', '2026'],
        ['South Korea', '2026'],
      ]);
    await screenshot(page, 'data-grid-filtered');
    await data.filter.fill('');
    await expect.poll(() => data.count.innerText(), POLL).toBe('7,700 of 7,700 respondents');
  });

  it('keeps the answers chosen in a column filter', async () => {
    await data.grid.evaluate((element) => (element.scrollLeft = 0));
    await data.grid.getByRole('button', { name: 'Filter by gender', exact: true }).click();
    const panel = data.view.getByRole('region', { name: 'Filter gender' });
    await panel.getByRole('checkbox', { name: /Female/ }).check();
    await panel.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => data.count.innerText(), POLL).not.toBe('7,700 of 7,700 respondents');
    expect(await data.count.innerText()).toMatch(/^[\d,]+ of 7,700 respondents$/);
    const genders = (await data.settledRows(['gender'], 6)).map((row) => row[1]);
    expect(new Set(genders)).toEqual(new Set(['Female']));
    await data.view.getByRole('button', { name: 'Remove filter on gender' }).click();
    await expect.poll(() => data.count.innerText(), POLL).toBe('7,700 of 7,700 respondents');
  });

  it('scrolls far down with the wheel and to the end, where the later respondents are', async () => {
    await data.grid.evaluate((element) => (element.scrollTop = 0));
    await data.wheel(2000, 40);
    await expect
      .poll(
        async () =>
          Number(await data.grid.locator('[role="row"]').nth(1).getAttribute('aria-rowindex')),
        POLL,
      )
      .toBeGreaterThan(300);
    await data.scrollToEnd();
    await data.scrollToColumn('country');
    await expect
      .poll(async () => (await data.rows(['country', 'respondent_type'], 300)).at(-1), POLL)
      .toEqual(['#100 KR_2026_executives.sss', 'South Korea', 'Executive']);
    await screenshot(page, 'data-grid-end');
    // Codes instead of labels keep the place: the same last respondent, its country as a code.
    await data.labels.uncheck();
    await expect
      .poll(async () => (await data.rows(['country', 'respondent_type'], 300)).at(-1), POLL)
      .toEqual(['#100 KR_2026_executives.sss', '4', '2']);
    await data.labels.check();
  });
});
