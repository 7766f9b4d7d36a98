/** The demo study as a user reaches it: the button on the first screen and the study it opens. */
import type { Locator, Page } from 'playwright-core';
import { SourcesPage } from './sources-page';

export const DEMO_STUDY_NAME = 'Customer Energy demo';
/** The demo build takes about 3 s natively; a busy test machine gets much more room. */
const BUILD_TIMEOUT = 60_000;

export class DemoStudyPage {
  readonly openButton: Locator;
  readonly runningJobs: Locator;
  readonly sourcesTable: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByRole('button', { name: 'Open demo study' });
    this.runningJobs = page.getByRole('list', { name: 'Running jobs' });
    this.sourcesTable = page.getByRole('table', { name: 'Imported sources' });
  }

  /** Clicks "Open demo study" and returns what study.openDemo answered (its build job, if any). */
  async open(): Promise<{ jobId: string | null }> {
    const answered = this.page.waitForResponse((response) =>
      response.url().includes('/api/study.openDemo'),
    );
    await this.openButton.click();
    const body = (await (await answered).json()) as { result: { jobId: string | null } };
    return body.result;
  }

  /** Opens the demo and waits until it is built: all fourteen files in and no job running. */
  async openBuilt(): Promise<void> {
    await this.open();
    await this.page.getByRole('heading', { name: DEMO_STUDY_NAME, level: 1 }).waitFor();
    await new SourcesPage(this.page).open();
    await this.sourcesTable.locator('tbody tr').nth(13).waitFor({ timeout: BUILD_TIMEOUT });
    await this.runningJobs.locator('li').first().waitFor({ state: 'detached' });
  }

  /** The imported sources' rows, each as its cells' texts. */
  async sourceRows(): Promise<string[][]> {
    const rows = this.sourcesTable.locator('tbody tr');
    const cells: string[][] = [];
    for (const row of await rows.all()) cells.push(await row.locator('td').allInnerTexts());
    return cells;
  }
}
