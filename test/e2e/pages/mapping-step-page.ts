/** The import wizard's mapping step for one file: label language, industry and the proposal's table. */
import type { Locator, Page } from 'playwright-core';

export class MappingStepPage {
  readonly root: Locator;
  readonly table: Locator;
  readonly summary: Locator;
  readonly changes: Locator;
  readonly decisions: Locator;
  readonly language: Locator;
  readonly industry: Locator;

  constructor(
    readonly page: Page,
    readonly fileName: string,
  ) {
    this.root = page.getByRole('region', { name: `Mapping for ${fileName}` });
    this.table = this.root.getByRole('table', { name: `Mapping of ${fileName}` });
    this.summary = this.root.getByLabel(`Mapping summary for ${fileName}`);
    this.changes = this.root.getByRole('list', { name: /^Changes since wave/ });
    this.decisions = this.root.getByRole('list', {
      name: `Mapping decisions needed for ${fileName}`,
    });
    this.language = this.root.getByLabel('Label language');
    this.industry = this.root.getByLabel(/^Industry/);
  }

  /** The table row of one of the file's variables. */
  row(source: string): Locator {
    return this.table.locator('tbody tr', {
      has: this.page.locator('th > div:first-child', { hasText: new RegExp(`^${source}$`) }),
    });
  }

  /** Scrolls a row to the middle of the table's own scroll area (and the page), for screenshots. */
  async showRow(source: string): Promise<void> {
    await this.row(source).evaluate((row) => row.scrollIntoView({ block: 'center' }));
  }

  target(source: string): Locator {
    return this.root.getByLabel(`Study variable for ${source}`, { exact: true });
  }

  /** Why the proposal sends the variable where it does, and how sure it is. */
  evidence(source: string): Locator {
    return this.row(source).locator('td').nth(1);
  }

  /** Which of the variable's answer codes are recoded. */
  codes(source: string): Locator {
    return this.row(source).locator('td').nth(2);
  }
}
