/** The Segments view as a user reaches it: its three panes, their tables and their controls. */
import type { Locator, Page } from 'playwright-core';

export type SegmentsPane = 'Saved segmentations' | 'Rule builder' | 'Clustering';

/** A table's body rows, each as its cells' texts (row header included). */
export async function tableRows(table: Locator): Promise<string[][]> {
  const rows: string[][] = [];
  for (const row of await table.locator('tbody tr').all())
    rows.push((await row.locator('th, td').allInnerTexts()).map((text) => text.trim()));
  return rows;
}

export class SegmentsPage {
  readonly heading: Locator;
  readonly liveCounts: Locator;
  readonly liveState: Locator;
  readonly diagnostics: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Segments', level: 2 });
    this.liveCounts = page.getByRole('table', { name: 'Live counts per segment' });
    this.liveState = page.locator('.live-counts__state');
    this.diagnostics = page.getByRole('table', { name: 'Diagnostics per k' });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Study views' })
      .getByRole('button', { name: 'Segments' })
      .click();
    await this.heading.waitFor();
  }

  async showPane(name: SegmentsPane): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Segments panes' })
      .getByRole('button', { name })
      .click();
  }

  /** The counts table of a saved segmentation. */
  segmentsOf(name: string): Locator {
    return this.page.getByRole('table', { name: `Segments of ${name}` });
  }

  /** A saved segmentation's shares by a grouping variable (country, industry, wave). */
  sharesOf(name: string, by: string): Locator {
    return this.page.getByRole('table', { name: `${name} by ${by}` });
  }

  /** The live counts once no newer draft is waiting for them. */
  async settledLiveCounts(): Promise<string[][]> {
    await this.liveCounts.waitFor();
    await this.page.waitForFunction(
      () => document.querySelector('.live-counts__state')?.textContent === '',
    );
    return tableRows(this.liveCounts);
  }

  /** The number shown beside a term of the live counts ("Undecided", "In the universe"). */
  async liveFact(term: string): Promise<string> {
    const value = this.page.locator('.live-counts__facts dt', { hasText: term }).locator('+ dd');
    return (await value.innerText()).trim();
  }

  threshold(condition: string): Locator {
    return this.page.getByLabel(`${condition}: threshold`);
  }

  async addVariable(to: string, variable: string): Promise<void> {
    await this.page.getByLabel(`Variable to add to ${to}`).selectOption(variable);
    await this.page.getByRole('button', { name: `Add the variable to ${to}` }).click();
  }
}
