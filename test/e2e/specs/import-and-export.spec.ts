import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithFixtures, fixture } from '../../support/fixtures';
import { SourcesPage } from '../pages/sources-page';
import { screenshot } from '../support/webApp';
import { openNewStudy, type StudySession } from '../support/studySession';

describeWithFixtures(
  'a consultant imports an SPSS wave and exports it again (browser mode)',
  () => {
    let session: StudySession;
    let page: Page;
    let studies: string;

    beforeAll(async () => {
      session = await openNewStudy('Personnel wave', (folder) =>
        // A copy in a temporary folder, as a user would have the agency's file on disk.
        copyFileSync(fixture('pspp/examples/personnel.sav'), path.join(folder, 'personnel.sav')),
      );
      ({ page, studies } = session);
    });

    afterAll(async () => {
      expect(await session?.close()).toEqual([]);
    });

    it('imports a .sav as a source and lists it with its country, wave and rows', async () => {
      const sources = new SourcesPage(page);
      await sources.open();
      await sources.importFile('personnel.sav', 'de', '2026');
      await page.getByText(/Importing personnel\.sav: 56 respondents, 6 new variables/).waitFor();
      const row = sources.table.getByRole('row', { name: /personnel\.sav/ });
      await expect(row.textContent()).resolves.toMatch(/personnel\.savGermany DE2026customer56/);
      await screenshot(page, '10-sources-imported');
    });

    it('asks whether to leave out the variables that identify people, then exports .sav', async () => {
      const sources = new SourcesPage(page);
      const checkbox = sources.exportForm.getByLabel(
        /Leave out variables that identify people \(firstname, lastname\)/,
      );
      await expect(checkbox.isChecked()).resolves.toBe(true);
      const target = path.join(studies, 'personnel-export.sav');
      await sources.exportAs('sav', target);
      await page.getByText(`wrote 56 respondents × 8 variables to ${target}`).waitFor();
      expect(existsSync(target)).toBe(true);
      await screenshot(page, '11-exported');
    });

    it('exports only the respondents a filter keeps', async () => {
      const sources = new SourcesPage(page);
      const target = path.join(studies, 'women.csv');
      await sources.exportForm.getByLabel('Export filter').fill('sex = 1');
      await sources.exportAs('csv', target);
      // pspp-convert lists 21 respondents of personnel.sav with sex = 1.
      await page.getByText(`wrote 21 respondents × 8 variables to ${target}`).waitFor();
      expect(existsSync(target)).toBe(true);
    });
  },
);
