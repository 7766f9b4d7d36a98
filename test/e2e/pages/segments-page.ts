/** The Segments view as a user reaches it: its three panes, their tables and their controls. */
import type { Locator, Page } from 'playwright-core';

export type SegmentsPane =
  | 'Saved segmentations'
  | 'Rule builder'
  | 'Clustering'
  | 'Profile'
  | 'Typing tool'
  | 'Golden questions';

/** A table's body rows, each as its cells' texts (row header included). */
export async function tableRows(table: Locator): Promise<string[][]> {
  const rows: string[][] = [];
  for (const row of await table.locator('tbody tr').all())
    rows.push((await row.locator('th, td').allInnerTexts()).map((text) => text.trim()));
  return rows;
}

/** Text matched literally inside a regular expression. */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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

  /** The profile's table of the chosen variables by segment. */
  profileTable(name: string): Locator {
    return this.page.getByRole('region', { name: `Profile of ${name}` }).locator('table');
  }

  /**
   * A profile cell as a person reads it: the number, and the significance letters beside it.
   * The row is found by its stub ("gender Female"), the column by its segment label.
   */
  async profileCell(
    name: string,
    stub: { variable: string; label: string },
    column: string,
  ): Promise<{ value: string; letters: string[] }> {
    const table = this.profileTable(name);
    const headers = (await table.locator('thead tr.cross-table__labels th').allInnerTexts()).map(
      (text) => text.split('\n')[0]!.trim(),
    );
    const columnIndex = headers.indexOf(column);
    if (columnIndex < 1) throw new Error(`no column ${column} in ${headers.join(' | ')}`);
    const row = table.locator('tbody tr').filter({
      has: this.page.locator('th', {
        hasText: new RegExp(`^\\s*${escaped(stub.variable)}\\s+${escaped(stub.label)}\\s*$`),
      }),
    });
    const cell = row.locator('th, td').nth(columnIndex);
    const value = await cell.evaluate((td) => (td.childNodes[0]?.textContent ?? '').trim());
    const letters = await cell.locator('.sig__letter').allInnerTexts();
    return { value, letters };
  }
}
