import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithFixtures, fixture } from '../../support/fixtures';
import { SourcesPage } from '../pages/sources-page';
import { StudyPage } from '../pages/study-page';
import { WelcomePage } from '../pages/welcome-page';
import {
  launchBrowser,
  screenshot,
  startWebApp,
  watchConsole,
  type WebApp,
} from '../support/webApp';

describeWithFixtures(
  'a consultant imports an SPSS wave and exports it again (browser mode)',
  () => {
    let app: WebApp;
    let browser: Browser;
    let page: Page;
    let problems: string[];
    let studies: string;

    beforeAll(async () => {
      app = await startWebApp();
      studies = path.join(app.home, 'studies');
      mkdirSync(studies, { recursive: true });
      // A copy in a temporary folder, as a user would have the agency's file on disk.
      copyFileSync(fixture('pspp/examples/personnel.sav'), path.join(studies, 'personnel.sav'));
      browser = await launchBrowser();
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.setDefaultTimeout(15_000);
      problems = watchConsole(page);
      const welcome = new WelcomePage(page);
      await welcome.goto(app.url);
      await welcome.createStudy('Personnel wave');
      await new StudyPage(page).waitFor('Personnel wave');
    });

    afterAll(async () => {
      await browser?.close();
      await app?.stop();
      expect(problems).toEqual([]);
    });

    it('imports a .sav as a source and lists it with its country, wave and rows', async () => {
      const sources = new SourcesPage(page);
      await sources.open();
      await sources.importFile('personnel.sav', 'de', '2026');
      await page.getByText(/Importing personnel\.sav: 56 respondents, 6 new variables/).waitFor();
      const row = sources.table.getByRole('row', { name: /personnel\.sav/ });
      await expect(row.textContent()).resolves.toMatch(/personnel\.savDE2026customer56/);
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
