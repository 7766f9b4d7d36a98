import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableResult } from '../../../src/shared/domain/table';
import { DemoStudyPage } from '../pages/demo-study-page';
import { StudyPage } from '../pages/study-page';
import { TablesPage } from '../pages/tables-page';
import { VariablesPage } from '../pages/variables-page';
import { screenshot, type WebApp } from '../support/webApp';
import { openWorkbench } from '../support/workbench';
import { callApi } from '../support/pageApi';

/** Live counts follow 300 ms after the typing stops, plus the count itself: room for a busy machine. */
const POLL = { timeout: 15_000, interval: 100 };

describe('a consultant works in the codebook of the demo study (browser mode)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let variables: VariablesPage;

  beforeAll(async () => {
    ({ app, browser, page, problems } = await openWorkbench({ width: 1400, height: 1000 }));
    const demo = new DemoStudyPage(page);
    await demo.openBuilt();
    variables = new VariablesPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    expect(problems).toEqual([]);
  });

  it('finds the energy variables by name or label and shows the segments as value labels', async () => {
    await variables.open();
    await variables.find('ENERGY');
    // Name or label, case-insensitively: "energy" is in the executives' questions' labels too.
    await expect(variables.listRows()).resolves.toEqual([
      ['energy_positive', 'single', 'I enthuse about brands I like and recommend them to others'],
      [
        'energy_negative',
        'single',
        'When a brand disappoints me, I complain about it and warn others',
      ],
      [
        'ce_importance_now',
        'single',
        "Importance of customer energy to the company's success today",
      ],
      [
        'ce_importance_5y',
        'single',
        "Importance of customer energy to the company's success in five years",
      ],
      ['ce_threat', 'single', 'Customer energy: mainly a threat or an opportunity for the company'],
      ['energy', 'single', 'Customer energy'],
    ]);
    await variables.select('energy');
    await expect(variables.valueLabelRows()).resolves.toEqual([
      ['1', 'Creators'],
      ['2', 'Contributors'],
      ['3', 'Viewers'],
    ]);
    const facts = await variables.detail.locator('dl').innerText();
    expect(facts).toContain('segment variable');
    expect(facts).toContain('rules');
    // Every source has it: the segment column covers all fourteen files.
    await expect(
      variables.detail.getByRole('table', { name: 'In sources' }).locator('tbody tr').count(),
    ).resolves.toBe(14);
    await screenshot(page, 'variables-01-energy');
  });

  it('renames a segment in English and the Tables view shows the new label at once', async () => {
    await variables.editValueLabel('3', 'English', 'Lurkers');
    await expect
      .poll(() => variables.valueLabelRows(), POLL)
      .toEqual([
        ['1', 'Creators'],
        ['2', 'Contributors'],
        ['3', 'Lurkers'],
      ]);
    await expect(
      page.getByRole('status').filter({ hasText: 'Labels saved' }).count(),
    ).resolves.toBe(1);
    await expect(variables.undoButton.isEnabled()).resolves.toBe(true);
    await screenshot(page, 'variables-02-edited');

    await new StudyPage(page).openView('Tables');
    await new TablesPage(page).addToRows('energy');
    const table = page.locator('.cross-table');
    await expect
      .poll(async () => (await table.locator('tbody th').allInnerTexts()).join('|'), POLL)
      .toContain('Lurkers');
    const run = await callApi<TableResult>(page, 'tables.run', {
      spec: { rows: ['energy'], columns: [] },
    });
    expect(run.rows.map((row) => row.label)).toEqual(['Creators', 'Contributors', 'Lurkers']);
    await screenshot(page, 'variables-03-tables-follow');
  });

  it('undoes the edit with Ctrl+Z in the view: the original label is back everywhere', async () => {
    await variables.open();
    await variables.find('energy');
    await variables.select('energy');
    await variables.list.getByRole('button', { name: 'energy', exact: true }).focus();
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => variables.valueLabelRows(), POLL)
      .toEqual([
        ['1', 'Creators'],
        ['2', 'Contributors'],
        ['3', 'Viewers'],
      ]);
    await expect(variables.undoButton.isDisabled()).resolves.toBe(true);
    const run = await callApi<TableResult>(page, 'tables.run', {
      spec: { rows: ['energy'], columns: [] },
    });
    expect(run.rows.map((row) => row.label)).toEqual(['Creators', 'Contributors', 'Viewers']);
    await screenshot(page, 'variables-04-undone');
  });

  it('counts what a filter keeps while it is typed, then saves it, and Undo removes it', async () => {
    const expected = await callApi<{ kept: number; rows: number }>(
      page,
      'variables.previewExpression',
      {
        expression: 'energy = "Creators" and country = "DE"',
        as: 'filter',
      },
    );
    // The same count from a cross-table, a different path through the engine.
    const table = await callApi<TableResult>(page, 'tables.run', {
      spec: { rows: ['energy'], columns: [{ variables: ['country'] }] },
    });
    const creatorsInGermany = table.rows.find((row) => row.label === 'Creators')!.cells[1]!.n;
    expect(expected.kept).toBe(creatorsInGermany);
    expect(expected.rows).toBe(7700);

    await variables.defineFilter('de_creators', 'energy = "Creators" and country = "Germny"');
    await expect
      .poll(() => variables.liveCount.getByRole('alert').innerText(), POLL)
      .toContain('country has no value labelled "Germny"');
    await screenshot(page, 'variables-05-filter-error');
    await variables.define.getByLabel('Expression').fill('energy = "Creators" and country = "DE"');
    const share = ((100 * creatorsInGermany) / 7700).toFixed(1);
    await expect
      .poll(() => variables.liveCount.innerText(), POLL)
      .toContain(
        `Keeps ${creatorsInGermany.toLocaleString('en-US')} of 7,700 respondents (${share}%)`,
      );
    await screenshot(page, 'variables-06-filter-count');

    await variables.define.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Filter de_creators saved: keeps ${creatorsInGermany}` })
      .waitFor();
    await expect(variables.undoButton.getAttribute('title')).resolves.toBe(
      'Undo the new filter de_creators (Ctrl+Z)',
    );
    await variables.undoButton.click();
    await page.getByRole('status').filter({ hasText: 'Undone: new filter de_creators' }).waitFor();
    // The filter is gone: its name is no longer something an expression can use.
    await expect(
      callApi(page, 'variables.previewExpression', { expression: 'de_creators', as: 'filter' }),
    ).resolves.toEqual({
      as: 'invalid',
      message: 'expression: column 1: unknown variable de_creators\nde_creators\n^',
    });
  });

  it("shows a derived variable's distribution as it is typed and lists it once saved", async () => {
    await variables.define.getByRole('radio', { name: 'Derived variable' }).check();
    await variables.define.getByLabel('Name').fill('energy_top');
    await variables.define.getByLabel('Label (optional)').fill('Creators or contributors');
    await variables.define
      .getByLabel('Expression')
      .fill('recode(energy, (1, 2) -> 1 "Active", 3 -> 2 "Viewers")');
    const distribution = variables.liveCount.getByRole('table', {
      name: 'Distribution of the new variable',
    });
    const table = await callApi<TableResult>(page, 'tables.run', {
      spec: { rows: ['energy'], columns: [] },
    });
    const n = (label: string) => table.rows.find((row) => row.label === label)!.cells[0]!.n;
    const count = (value: number) => value.toLocaleString('en-US');
    await expect
      .poll(async () => {
        const rows: string[][] = [];
        for (const row of await distribution.locator('tbody tr').all())
          rows.push(await row.locator('td').allInnerTexts());
        return rows;
      }, POLL)
      .toEqual([
        ['1', 'Active', count(n('Creators') + n('Contributors'))],
        ['2', 'Viewers', count(n('Viewers'))],
      ]);
    await screenshot(page, 'variables-07-derived-preview');
    await variables.define.getByRole('button', { name: 'Save' }).click();
    await variables.detail.getByRole('heading', { name: /^energy_top/ }).waitFor();
    await expect(variables.detail.locator('dl').innerText()).resolves.toContain(
      'recode(energy, (1, 2) -> 1 "Active", 3 -> 2 "Viewers")',
    );
    await variables.find('energy_top');
    await expect(variables.listRows()).resolves.toEqual([
      ['energy_top', 'single', 'Creators or contributors'],
    ]);
    await screenshot(page, 'variables-08-derived-saved');
  });
});
