import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STUDY_NAME, DemoStudyPage } from '../pages/demo-study-page';
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

/** The build takes about 3 s natively; a busy test machine gets much more room. */
const BUILD_TIMEOUT = 60_000;

describe('a consultant opens the demo study from the first screen (browser mode)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  /** The studies folder of this run's own settings (CEW_HOME is a temporary folder). */
  let studies: string;

  beforeAll(async () => {
    app = await startWebApp();
    studies = path.join(app.home, 'studies');
    mkdirSync(studies, { recursive: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    page.setDefaultTimeout(15_000);
    problems = watchConsole(page);
    await new WelcomePage(page).goto(app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    expect(problems).toEqual([]);
  });

  it('says on the first screen why the demo study could not be built, and keeps nothing', async () => {
    // A folder where the last of the demo's agency files should go: the build fails once it has
    // written the others, with the study window open by then.
    const blocker = path.join(studies, 'customer-energy-demo-sources', 'KR_2026_executives.sss');
    mkdirSync(blocker, { recursive: true });
    const demo = new DemoStudyPage(page);
    const { jobId } = await demo.open();
    expect(jobId).toEqual(expect.any(String));
    const alert = page.getByRole('alert').filter({ hasText: 'The demo study could not be built' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/KR_2026_executives\.sss/);
    await new WelcomePage(page).heading.waitFor();
    expect(existsSync(path.join(studies, 'customer-energy-demo.cew'))).toBe(false);
    await screenshot(page, '60-demo-build-failed');
    rmSync(blocker, { recursive: true });
  });

  it('opens the demo study at once and shows its build in the status bar', async () => {
    const demo = new DemoStudyPage(page);
    const { jobId } = await demo.open();
    expect(jobId).toEqual(expect.any(String));
    await page.getByRole('heading', { name: DEMO_STUDY_NAME, level: 1 }).waitFor();
    // The failure notice of the first attempt is gone.
    await expect(page.getByText('could not be built').count()).resolves.toBe(0);
    const study = new StudyPage(page);
    await study.statusBar
      .getByRole('progressbar', { name: 'Building the demo study progress' })
      .waitFor();
    await expect(demo.runningJobs.textContent()).resolves.toContain('Building the demo study');
    await screenshot(page, '61-demo-building');
  });

  it('lists the fourteen agency files by country name once the build has finished', async () => {
    const demo = new DemoStudyPage(page);
    await new SourcesPage(page).open();
    await demo.sourcesTable.locator('tbody tr').nth(13).waitFor({ timeout: BUILD_TIMEOUT });
    await demo.runningJobs.locator('li').first().waitFor({ state: 'detached' });
    const rows = await demo.sourceRows();
    expect(
      rows.map(([file, country, wave, type, respondents]) => [
        file,
        country,
        wave,
        type,
        respondents,
      ]),
    ).toEqual([
      ['DE_2025_customers.sav', 'Germany DE', '2025', 'customer', '1,000'],
      ['DE_2025_executives.sav', 'Germany DE', '2025', 'executive', '100'],
      ['IT_2025_customers.xlsx', 'Italy IT', '2025', 'customer', '1,000'],
      ['IT_2025_executives.xlsx', 'Italy IT', '2025', 'executive', '100'],
      ['FR_2025_customers.csv', 'France FR', '2025', 'customer', '1,000'],
      ['FR_2025_executives.csv', 'France FR', '2025', 'executive', '100'],
      ['DE_2026_customers.sav', 'Germany DE', '2026', 'customer', '1,000'],
      ['DE_2026_executives.sav', 'Germany DE', '2026', 'executive', '100'],
      ['IT_2026_customers.xlsx', 'Italy IT', '2026', 'customer', '1,000'],
      ['IT_2026_executives.xlsx', 'Italy IT', '2026', 'executive', '100'],
      ['FR_2026_customers.csv', 'France FR', '2026', 'customer', '1,000'],
      ['FR_2026_executives.csv', 'France FR', '2026', 'executive', '100'],
      ['KR_2026_customers.sss', 'South Korea KR', '2026', 'customer', '1,000'],
      ['KR_2026_executives.sss', 'South Korea KR', '2026', 'executive', '100'],
    ]);
    // The code stays visible beside the name, in the muted style.
    await expect(
      demo.sourcesTable
        .locator('tbody tr')
        .first()
        .locator('td')
        .nth(1)
        .locator('.muted')
        .textContent(),
    ).resolves.toBe('DE');
    await screenshot(page, '62-demo-sources');
  });

  it('opens the existing demo study again without building it a second time', async () => {
    const demo = new DemoStudyPage(page);
    const before = await demo.sourceRows();
    const sourcesFolder = path.join(studies, 'customer-energy-demo-sources');
    const written = () =>
      readdirSync(sourcesFolder).map((name) => [
        name,
        statSync(path.join(sourcesFolder, name)).mtimeMs,
      ]);
    const filesBefore = written();
    expect(filesBefore.length).toBeGreaterThanOrEqual(14);

    await new StudyPage(page).close();
    const welcome = new WelcomePage(page);
    await welcome.recentEntry(DEMO_STUDY_NAME).waitFor();
    const { jobId } = await demo.open();
    expect(jobId).toBeNull();
    await page.getByRole('heading', { name: DEMO_STUDY_NAME, level: 1 }).waitFor();
    await new SourcesPage(page).open();
    await demo.sourcesTable.locator('tbody tr').nth(13).waitFor();
    await expect(demo.runningJobs.locator('li').count()).resolves.toBe(0);
    // Same sources, imported at the same moments, from files nobody rewrote.
    await expect(demo.sourceRows()).resolves.toEqual(before);
    expect(written()).toEqual(filesBefore);
    await screenshot(page, '63-demo-reopened');
  });
});
