import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoSources } from '../../../src/main/demo/demoSources';
import { tempFolder } from '../../support/studyDb';
import { MappingStepPage } from '../pages/mapping-step-page';
import { SourcesPage } from '../pages/sources-page';
import { screenshot } from '../support/webApp';
import { openNewStudy, type StudySession } from '../support/studySession';

/** The German agency's two customer waves from the demo generator, small. */
async function germanWaves(studies: string): Promise<void> {
  const { folder, cleanup } = tempFolder('cew-e2e-demo-');
  try {
    await writeDemoSources(folder, { customersPerSource: 40, executivesPerSource: 5 });
    for (const name of ['DE_2025_customers.sav', 'DE_2026_customers.sav'])
      copyFileSync(path.join(folder, name), path.join(studies, name));
  } finally {
    cleanup();
  }
}

/** Clicks Import and returns what the wizard asked the workbench to import. */
async function importAndRead(page: Page, click: () => Promise<void>): Promise<ImportRequest> {
  const sent = page.waitForRequest((request) => request.url().includes('/api/import.start'));
  await click();
  return (await sent).postDataJSON() as ImportRequest;
}

interface ImportRequest {
  country: string;
  wave: string;
  language?: string;
  industry?: string;
  mapping?: {
    variables: Array<{
      source: string;
      target: string;
      codes: Record<string, number>;
      evidence: string;
      confidence: number;
    }>;
    new: string[];
  };
}

/** A Swiss file whose `age` is written out as text, where the study's `age` holds numbers. */
function swissCsv(file: string): void {
  const lines = ['resp_id,age,gender'];
  for (let i = 0; i < 60; i++) lines.push(`${9000 + i},ca. ${18 + i} Jahre,${1 + (i % 2)}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
}

describe('a consultant reviews how each wave lands on the study’s codebook (browser mode)', () => {
  let session: StudySession;
  let page: Page;

  beforeAll(async () => {
    session = await openNewStudy(
      'Mapping review',
      async (studies) => {
        await germanWaves(studies);
        swissCsv(path.join(studies, 'extra_CH_2026.csv'));
      },
      { width: 1400, height: 1600 },
    );
    ({ page } = session);
    await new SourcesPage(page).open();
  });

  afterAll(async () => {
    expect(await session?.close()).toEqual([]);
  });

  it('reads the first wave in its country’s language and brings in every variable as new', async () => {
    const sources = new SourcesPage(page);
    await sources.addFile('DE_2025_customers.sav');
    const mapping = new MappingStepPage(page, 'DE_2025_customers.sav');
    await expect(mapping.language.inputValue()).resolves.toBe('de');
    await expect(mapping.summary.textContent()).resolves.toBe(
      '22 variables in the file: 0 on study variables, 22 new, 0 not imported',
    );
    await expect(mapping.evidence('age').textContent()).resolves.toBe('no match in the study');
    const sent = await importAndRead(page, () =>
      sources.importForm.getByRole('button', { name: 'Import 1 file' }).click(),
    );
    // Nothing changed by hand: the proposal applies as it is.
    expect(sent).toMatchObject({ country: 'DE', wave: '2025', language: 'de' });
    expect(sent.mapping).toBeUndefined();
    await sources.table.getByRole('row', { name: /DE_2025_customers\.sav/ }).waitFor();
  });

  it('shows wave 2026 on wave 2025: a renamed variable found by its label, recoded answers, what changed', async () => {
    const sources = new SourcesPage(page);
    await sources.addFile('DE_2026_customers.sav');
    const mapping = new MappingStepPage(page, 'DE_2026_customers.sav');
    await mapping.table.waitFor();
    await expect(mapping.summary.textContent()).resolves.toBe(
      '22 variables in the file: 22 on study variables, 0 new, 0 not imported · compared with DE_2025_customers.sav (wave 2025)',
    );
    await expect(mapping.target('rate_brands').inputValue()).resolves.toBe('target:rate');
    await expect(mapping.evidence('rate_brands').innerText()).resolves.toBe('label 92%');
    await expect(mapping.evidence('age').innerText()).resolves.toBe('previous wave 97%');
    await expect(mapping.changes.getByRole('listitem').allInnerTexts()).resolves.toEqual([
      'renamed: rate_brands → rate',
      expect.stringMatching(
        /^code frame changed: motive: now 1→2, 2→1, .*; before codes unchanged$/,
      ),
      'new answer: motive: code 4 “Zur Unterhaltung”',
      'renamed: deal_hunting → deal_seeking',
    ]);
    await expect(mapping.row('rate_brands').getAttribute('class')).resolves.toBe(
      'mapping-row--changed',
    );
    const motiveCodes = mapping.codes('motive');
    await motiveCodes.getByText('8 codes recoded').click();
    await expect(motiveCodes.getByRole('listitem').first().innerText()).resolves.toMatch(
      /^1 .+ → 2$/,
    );
    await expect(mapping.codes('gender').innerText()).resolves.toBe('as in the file');
    await expect(
      sources.importForm.getByRole('button', { name: 'Import 1 file' }).isEnabled(),
    ).resolves.toBe(true);
    await mapping.showRow('rate_brands');
    await screenshot(page, '70-mapping-second-wave');
  });

  it('imports the wave with the target the user changed by hand', async () => {
    const sources = new SourcesPage(page);
    const mapping = new MappingStepPage(page, 'DE_2026_customers.sav');
    await mapping.target('rate_brands').selectOption({ label: 'New variable' });
    await expect(mapping.evidence('rate_brands').innerText()).resolves.toBe('your choice Undo');
    await expect(mapping.summary.textContent()).resolves.toMatch(
      /^22 variables in the file: 21 on study variables, 1 new, 0 not imported/,
    );
    await mapping.showRow('rate_brands');
    await screenshot(page, '71-mapping-changed-by-hand');
    const sent = await importAndRead(page, () =>
      sources.importForm.getByRole('button', { name: 'Import 1 file' }).click(),
    );
    // The edited mapping goes with the import: the hand-made change, the rest as proposed.
    expect(sent.mapping?.new).toEqual(['rate_brands']);
    expect(sent.mapping?.variables.map((entry) => entry.source)).not.toContain('rate_brands');
    expect(sent.mapping?.variables).toContainEqual({
      source: 'deal_hunting',
      target: 'deal_seeking',
      codes: {},
      evidence: 'label',
      confidence: 0.92,
    });
    expect(sent.mapping?.variables.find((entry) => entry.source === 'motive')?.codes).toMatchObject(
      { '1': 2, '2': 1 },
    );
    await page
      .getByRole('status')
      .getByText('Importing DE_2026_customers.sav: 40 respondents, 1 new variable')
      .waitFor();
    const row = sources.table.getByRole('row', { name: /DE_2026_customers\.sav/ });
    await expect(row.locator('td').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(['DE_2026_customers.sav', 'Germany DE', '2026', 'customer', '40']),
    );
  });

  it('holds the import until the variable the proposal could not place is decided', async () => {
    const sources = new SourcesPage(page);
    await sources.addFile('extra_CH_2026.csv');
    const mapping = new MappingStepPage(page, 'extra_CH_2026.csv');
    const importButton = sources.importForm.getByRole('button', { name: 'Import 1 file' });
    await expect(mapping.language.inputValue()).resolves.toBe('en');
    await mapping.language.selectOption('de');
    await mapping.decisions.waitFor();
    await expect(mapping.decisions.innerText()).resolves.toBe(
      'Decide: age is text in the file but numeric in the study: map it to another variable or import it as a new one',
    );
    await expect(mapping.target('age').inputValue()).resolves.toBe('');
    await expect(mapping.row('age').getAttribute('class')).resolves.toBe('mapping-row--problem');
    await expect(importButton.isDisabled()).resolves.toBe(true);
    // The variable the user made new in the last wave is one of the study's now.
    await expect(
      mapping
        .target('age')
        .locator('option', { hasText: /^rate_brands/ })
        .count(),
    ).resolves.toBe(1);
    await mapping.root.scrollIntoViewIfNeeded();
    await screenshot(page, '72-mapping-problem');

    await mapping.target('age').selectOption({ label: 'New variable' });
    await mapping.decisions.waitFor({ state: 'detached' });
    await mapping.industry.fill('tele com');
    await mapping.root
      .getByRole('alert')
      .getByText(/An industry is one code/)
      .waitFor();
    await expect(importButton.isDisabled()).resolves.toBe(true);
    await mapping.industry.fill('telecom');
    await expect(importButton.isEnabled()).resolves.toBe(true);
    const sent = await importAndRead(page, () => importButton.click());
    expect(sent).toMatchObject({ country: 'CH', language: 'de', industry: 'telecom' });
    expect(sent.mapping?.new).toEqual(['age']);
    await page
      .getByRole('status')
      .getByText(
        /^Importing extra_CH_2026\.csv: 60 respondents, 1 new variable .*imported as age_2/,
      )
      .waitFor();
    const row = sources.table.getByRole('row', { name: /extra_CH_2026\.csv/ });
    await expect(row.locator('td').nth(1).innerText()).resolves.toBe('Switzerland CH');
    await sources.table.scrollIntoViewIfNeeded();
    await screenshot(page, '73-mapping-imported');
  });
});
