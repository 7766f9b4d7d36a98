import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SegmentProfile } from '../../../src/shared/domain/segments';
import { formatNumber } from '../../../src/shared/domain/tableFormat';
import { DemoStudyPage } from '../pages/demo-study-page';
import { SegmentsPage, tableRows } from '../pages/segments-page';
import { callApi } from '../support/pageApi';
import { screenshot, type WebApp } from '../support/webApp';
import { openWorkbench } from '../support/workbench';

/** Golden questions train a classifier per step: room for a busy machine. */
const JOB_TIMEOUT = 60_000;

describe('a consultant profiles the energy segments, writes their typing tool and finds the golden questions (browser mode)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let segments: SegmentsPage;

  beforeAll(async () => {
    ({ app, browser, page, problems } = await openWorkbench({ width: 1280, height: 800 }));
    await new DemoStudyPage(page).openBuilt();
    segments = new SegmentsPage(page);
    await segments.open();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    expect(problems).toEqual([]);
  });

  it('profiles energy by gender and age group with the percentages and letters the API computes', async () => {
    await segments.showPane('Profile');
    await segments.addVariable('Profile', 'gender');
    await segments.addVariable('Profile', 'age_group');
    await page.getByRole('button', { name: 'Show the profile' }).click();
    await segments.profileTable('energy').waitFor();

    const profile = await callApi<SegmentProfile>(page, 'segments.profile', {
      segment: 'energy',
      variables: ['gender', 'age_group'],
    });
    const { rows, columns } = profile.variables;
    expect([...new Set(rows.map((row) => row.variable))]).toEqual(['gender', 'age_group']);
    // A cell with letters where there is one (a segment significantly above another), else the first.
    const cells = rows.flatMap((row) =>
      row.cells.map((cell, index) => ({ row, cell, column: columns[index]! })),
    );
    const lettered = cells.filter(({ cell, row }) => row.code !== null && cell.sig);
    expect(lettered.length).toBeGreaterThan(0);
    for (const { row, cell, column } of [
      lettered[0]!,
      cells.find((c) => c.row.variable === 'gender')!,
    ]) {
      const shown = await segments.profileCell(
        'energy',
        { variable: row.variable, label: row.label },
        column.label,
      );
      expect(shown).toEqual({
        value: formatNumber(cell.colPct, 'percent'),
        letters: [...(cell.sig ?? '')],
      });
    }
    // Shares by country, industry and wave, and the movement between the demo's two waves.
    const shares = page.getByRole('region', { name: 'Shares of energy by group' });
    await expect(shares.locator('table thead').innerText()).resolves.toContain('Germany');
    const movement = page.getByRole('table', { name: 'Movement of energy: All respondents' });
    const movementRows = await tableRows(movement);
    expect(movementRows.map((row) => row[0])).toEqual(['Creators', 'Contributors', 'Viewers']);
    const overall = profile.movement.overall!;
    expect(movementRows[0]!.slice(1, 3)).toEqual(
      overall.segments[0]!.shares.map((share) =>
        formatNumber(share, 'percent', { percent: 1, mean: 1, count: 0 }),
      ),
    );
    await screenshot(page, '80-segment-profile');
    await page.getByRole('region', { name: 'Shares of energy by group' }).scrollIntoViewIfNeeded();
    await screenshot(page, '81-segment-profile-shares');
  });

  it('writes the Excel typing tool to the typed path and says what it asks', async () => {
    await segments.showPane('Typing tool');
    const out = path.join(app.home, 'typing', 'energy-typing-tool.xlsx');
    mkdirSync(path.dirname(out), { recursive: true });
    await page.getByLabel('Typing tool file path').fill(out);
    await page.getByRole('button', { name: 'Write the typing tool' }).click();
    const wrote = page.getByText(`Wrote the rules typing tool of energy to ${out}.`);
    await wrote.waitFor();
    await expect(
      page.getByText('It has 200 respondent rows to type into.').isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByText(/^Questions it asks: .*create_video/).isVisible()).resolves.toBe(
      true,
    );
    expect(existsSync(out)).toBe(true);
    // An .xlsx file is a zip archive: it starts with the local file header "PK\x03\x04".
    expect([...readFileSync(out).subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    await screenshot(page, '82-segment-typing-tool');
  });

  it("lists the golden questions judged by balanced accuracy, with overall accuracy and each segment's recall beside it", async () => {
    await segments.showPane('Golden questions');
    const criterion = page.getByLabel('Criterion');
    const find = page.getByRole('button', { name: 'Find the golden questions' });
    const steps = page.getByRole('table', { name: 'Golden questions of energy' });
    await expect(criterion.inputValue()).resolves.toBe('balanced');

    // Judged by overall accuracy, two questions pass 90% and few creators are recognised.
    await criterion.selectOption('overall');
    await find.click();
    await page
      .getByText(/^2 questions reproduce energy with \d+\.\d% overall accuracy on the hold-out/)
      .waitFor({ timeout: JOB_TIMEOUT });
    const overallRows = await tableRows(steps);
    expect(overallRows.map((row) => row[1])).toEqual(['rate', 'recommend']);
    expect(parseFloat(overallRows.at(-1)![4]!)).toBeLessThan(20);
    await expect(
      page.getByText(/^Only \d+\.\d% of Creators are recognised as Creators/).isVisible(),
    ).resolves.toBe(true);

    // By balanced accuracy, the default, every segment weighs the same.
    await criterion.selectOption('balanced');
    await find.click();
    await page
      .getByText(/^Judged by balanced accuracy\. Balanced accuracy is the mean/)
      .waitFor({ timeout: JOB_TIMEOUT });
    expect(await steps.locator('thead th').allInnerTexts()).toEqual([
      'Step',
      'Question',
      'Training: balanced accuracy',
      'Hold-out: balanced accuracy',
      'Hold-out: overall accuracy',
      'Creators: recall',
      'Contributors: recall',
      'Viewers: recall',
    ]);
    const rows = await tableRows(steps);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]![0]).toBe('1');
    for (const row of rows) {
      expect(row[1]).toMatch(/^[a-z_]+$/);
      for (const cell of row.slice(2)) expect(cell).toMatch(/^\d+\.\d%$/);
    }
    // The creators (4%) are recognised: with the 1–5 answers as "at or above" indicators, five
    // questions reach the 90% target and type nine creators in ten as creators.
    expect(rows).toHaveLength(5);
    expect(parseFloat(rows.at(-1)![5]!)).toBeGreaterThan(85);
    await expect(
      page
        .getByText(
          /^5 questions reproduce energy with \d+\.\d% balanced accuracy on the hold-out \(target 90\.0%\)/,
        )
        .isVisible(),
    ).resolves.toBe(true);
    await expect(
      page
        .getByText(
          /^Classifier: linear discriminant analysis \(equal priors.*"at or above" indicators/,
        )
        .isVisible(),
    ).resolves.toBe(true);
    await expect(
      page.getByText(/Overall accuracy on the hold-out: \d+\.\d%\./).isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByText(/are recognised as Creators/).count()).resolves.toBe(0);

    await expect(
      page
        .getByText(/^Hold-out sample: seed 1, \d{1,3}(,\d{3})* respondents to train on/)
        .isVisible(),
    ).resolves.toBe(true);

    // The typing tool of the five questions: refitted on everyone who answered them, saved on request.
    await expect(
      page
        .getByText(
          /^The model on these 5 questions, refitted on all 6,153 respondents with a segment who answered them/,
        )
        .isVisible(),
    ).resolves.toBe(true);
    await page.getByRole('button', { name: 'Save as the golden typing tool' }).click();
    await page
      .getByText(/^Saved with energy as its golden typing tool/)
      .waitFor({ timeout: JOB_TIMEOUT });
    await expect(tableRows(steps)).resolves.toEqual(rows);
    await page.getByText(/^Saved with energy as its golden typing tool/).scrollIntoViewIfNeeded();
    await screenshot(page, '85-segment-golden-typing-tool');

    // The Typing tool pane then writes the five-question workbook alone.
    await segments.showPane('Typing tool');
    const out = path.join(app.home, 'typing', 'energy-golden.xlsx');
    await page.getByLabel('Typing tool file path').fill(out);
    await page.getByLabel('Golden questions only (the saved golden typing tool)').check();
    await page.getByRole('button', { name: 'Write the typing tool' }).click();
    await page.getByText(`Wrote the golden-questions typing tool of energy to ${out}.`).waitFor();
    await expect(
      page.getByText(`Questions it asks: ${rows.map((row) => row[1]).join(', ')}.`).isVisible(),
    ).resolves.toBe(true);
    expect(existsSync(out)).toBe(true);
    await segments.showPane('Golden questions');

    await page.getByRole('button', { name: 'Measure the hold-out accuracy' }).click();
    const byRow = page.getByRole('table', { name: 'Hold-out accuracy of energy by segment' });
    await byRow.waitFor({ timeout: JOB_TIMEOUT });
    const holdOut = await tableRows(byRow);
    expect(holdOut.map((row) => row[0])).toEqual(['Creators', 'Contributors', 'Viewers']);
    for (const row of holdOut) expect(row[2]).toMatch(/^\d+\.\d%$/);
    await screenshot(page, '83-segment-golden');
  });

  it('speaks Korean in the profile, typing-tool and golden panes when the interface does', async () => {
    await page.getByLabel('UI language').selectOption('ko');
    const panes = page.getByRole('group', { name: '세그먼트 화면 구분' });
    await panes.getByRole('button', { name: '골든 문항' }).click();
    await expect(page.getByRole('button', { name: '골든 문항 찾기' }).isVisible()).resolves.toBe(
      true,
    );
    await panes.getByRole('button', { name: '프로필' }).click();
    await expect(page.getByRole('button', { name: '프로필 보기' }).isVisible()).resolves.toBe(true);
    await screenshot(page, '84-segment-profile-korean');
    await page.getByLabel('화면 언어').selectOption('en');
    await segments.heading.waitFor();
  });
});
