/**
 * The Tables view (table builder) as a user works it: variables dragged or sent by key into the
 * Rows, Columns and Filter zones, the options, the cross-table's cells read by their row and
 * column labels, letters clicked, the table copied and saved.
 */
import type { Locator, Page } from 'playwright-core';

export type ZoneName = 'Rows' | 'Columns' | 'Filter';

export class TablesPage {
  readonly heading: Locator;
  readonly variableList: Locator;
  readonly table: Locator;
  readonly comparison: Locator;
  readonly footnote: Locator;
  readonly copyButton: Locator;
  readonly keyHint: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Tables', level: 2 });
    this.variableList = page.getByRole('complementary', { name: 'Variables' });
    this.table = page.getByRole('table', { name: 'Cross-table' });
    this.comparison = page.getByRole('dialog', { name: 'Comparison' });
    this.footnote = page.locator('.table-footnote').first();
    this.copyButton = page.getByRole('button', { name: 'Copy for Excel' });
    this.keyHint = page.locator('.table-builder__hint');
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Study views' })
      .getByRole('button', { name: 'Tables' })
      .click();
    await this.heading.waitFor();
  }

  variable(name: string): Locator {
    return this.variableList.locator(`button[data-variable="${name}"]`);
  }

  zone(name: ZoneName): Locator {
    return this.page.getByRole('region', { name: `${name} zone` });
  }

  chip(zone: ZoneName, variable: string): Locator {
    return this.zone(zone).locator(`li[data-chip="${variable}"]`);
  }

  /** The chips' texts in a zone, in order. */
  async chips(zone: ZoneName): Promise<string[]> {
    return this.zone(zone).locator('li[data-chip] > span').allInnerTexts();
  }

  /** Drags with the mouse, in small steps as a hand does (dnd-kit starts after 4 px). */
  async drag(from: Locator, to: Locator): Promise<void> {
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error('drag: source or target is not on screen');
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(a.x + a.width / 2 + 8, a.y + a.height / 2, { steps: 4 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await this.page.mouse.move(b.x + b.width / 2 + 1, b.y + b.height / 2, { steps: 2 });
    await this.page.mouse.up();
  }

  async dragToZone(variable: string, zone: ZoneName): Promise<void> {
    await this.variable(variable).scrollIntoViewIfNeeded();
    await this.drag(this.variable(variable), this.zone(zone));
  }

  /** Focuses the variable in the list and presses R, C or F. */
  async sendByKey(variable: string, key: 'R' | 'C' | 'F'): Promise<void> {
    await this.variable(variable).focus();
    await this.page.keyboard.press(key);
  }

  /** Shorthand used by other journeys: the variable into Rows by its key. */
  async addToRows(variable: string): Promise<void> {
    await this.sendByKey(variable, 'R');
  }

  async remove(zone: ZoneName, variable: string): Promise<void> {
    await this.zone(zone)
      .getByRole('button', { name: `Remove ${variable} from ${zone}`, exact: true })
      .click();
  }

  async choose(option: string, label: string): Promise<void> {
    await this.page.getByLabel(option, { exact: true }).selectOption({ label });
  }

  /** Waits until the numbers (not only the frame) are on screen. */
  async waitForNumbers(): Promise<void> {
    await this.page.locator('.table-scroll[aria-busy="false"]').waitFor();
  }

  /** The column labels of the header, in order (Total first). */
  async columnLabels(): Promise<string[]> {
    const labels = await this.table
      .locator('thead tr.cross-table__labels th[scope="col"] > div:first-child')
      .allInnerTexts();
    return labels.map((text) => text.trim());
  }

  /** Each body row as [stub, ...cells] in the texts a person reads. */
  async bodyRows(): Promise<string[][]> {
    return this.table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
        ),
      );
  }

  /** The cell at a row (by its stub text) and a column (by its label). */
  async cell(stub: string, column: string): Promise<Locator> {
    const columnIndex = (await this.columnLabels()).indexOf(column);
    if (columnIndex < 0) throw new Error(`no column labelled ${column}`);
    const row = this.table.locator('tbody tr').filter({
      has: this.page.locator('th', { hasText: stub }),
    });
    return row.locator('td').nth(columnIndex);
  }

  async clickLetter(stub: string, column: string, letter: string): Promise<void> {
    await (await this.cell(stub, column)).getByRole('button', { name: `Why ${letter}?` }).click();
  }

  async save(name: string): Promise<void> {
    await this.page.getByLabel('Table name').fill(name);
    await this.page.getByRole('button', { name: 'Save table' }).click();
  }

  async openSaved(name: string): Promise<void> {
    await this.page.getByLabel('Open a saved table').selectOption({ label: name });
  }
}
