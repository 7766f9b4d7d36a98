import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithFixtures, fixture } from '../../support/fixtures';
import { SourcesPage } from '../pages/sources-page';
import { TablesPage } from '../pages/tables-page';
import { screenshot } from '../support/webApp';
import { openNewStudy, type StudySession } from '../support/studySession';

describeWithFixtures(
  'a consultant weights a study to targets and tabulates with the weight (browser mode)',
  () => {
    let session: StudySession;
    let page: Page;

    beforeAll(async () => {
      session = await openNewStudy(
        'Weighted hotel',
        (studies) =>
          copyFileSync(fixture('pspp/examples/hotel.sav'), path.join(studies, 'hotel.sav')),
        { width: 1280, height: 1100 },
      );
      ({ page } = session);
      const sources = new SourcesPage(page);
      await sources.open();
      await sources.importFile('hotel.sav', 'DE', '2026');
      await sources.table.getByRole('row', { name: /hotel\.sav/ }).waitFor();
    });

    afterAll(async () => {
      expect(await session?.close()).toEqual([]);
    });

    it('rakes v1 to equal shares and reports the diagnostics', async () => {
      await page
        .getByRole('navigation', { name: 'Study views' })
        .getByRole('button', { name: 'Weights' })
        .click();
      await page.getByLabel('Variable to rake on').selectOption('v1');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      const targets = page.getByRole('table', { name: 'Targets for v1' });
      await targets.waitFor();
      for (const input of await targets.getByRole('textbox').all()) await input.fill('20');
      await page.getByRole('button', { name: 'Compute and save weight' }).click();
      const diagnostics = page.getByRole('table', { name: 'Weight diagnostics' });
      await diagnostics.waitFor();
      await expect(
        diagnostics.getByRole('row', { name: /Overall/ }).textContent(),
      ).resolves.toMatch(/^Overallyes/);
      await screenshot(page, '30-weights');
    });

    it('gives the target shares in a table weighted by the new weight', async () => {
      await page
        .getByRole('navigation', { name: 'Study views' })
        .getByRole('button', { name: 'Tables' })
        .click();
      await new TablesPage(page).addToRows('v1');
      await page.getByLabel('Weight', { exact: true }).selectOption('w_rim');
      const table = page.getByRole('table', { name: 'Cross-table' });
      await page.getByText(/Weighted by w_rim/).waitFor();
      const totals = await table.locator('tbody tr td:first-of-type').allTextContents();
      expect(totals.map((text) => text.trim())).toEqual(['20%', '20%', '20%', '20%', '20%']);
      await screenshot(page, '31-weighted-table');
    });
  },
);
