/** The Variables view: the codebook list, the selected entry's detail and label editor, Define, Undo. */
import type { Locator, Page } from 'playwright-core';

export class VariablesPage {
  readonly search: Locator;
  readonly list: Locator;
  readonly detail: Locator;
  readonly valueLabels: Locator;
  readonly undoButton: Locator;
  readonly define: Locator;
  readonly liveCount: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: 'Find a variable (name or label)' });
    this.list = page.getByRole('table', { name: 'Codebook' });
    this.detail = page.getByRole('region', { name: 'Variable detail' });
    this.valueLabels = this.detail.getByRole('table', { name: 'Value labels' });
    this.undoButton = page.getByRole('button', { name: 'Undo', exact: true });
    this.define = page.getByRole('region', { name: 'Define' });
    this.liveCount = this.define.getByRole('region', { name: 'Live count' });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Study views' })
      .getByRole('button', { name: 'Variables' })
      .click();
    await this.page.getByRole('heading', { name: 'Variables', level: 2 }).waitFor();
  }

  async find(text: string): Promise<void> {
    await this.search.fill(text);
  }

  /** The listed entries' rows, each as its cells' texts (name, type, label). */
  async listRows(): Promise<string[][]> {
    const rows: string[][] = [];
    for (const row of await this.list.locator('tbody tr').all())
      rows.push(await row.locator('td').allInnerTexts());
    return rows;
  }

  async select(name: string): Promise<void> {
    await this.list.getByRole('button', { name, exact: true }).click();
    await this.detail.getByRole('heading', { name: new RegExp(`^${name}\\b`) }).waitFor();
  }

  /** The value labels as shown: [code, label] per row. */
  async valueLabelRows(): Promise<string[][]> {
    const rows: string[][] = [];
    for (const row of await this.valueLabels.locator('tbody tr').all())
      rows.push((await row.locator('td').allInnerTexts()).slice(0, 2));
    return rows;
  }

  async editValueLabel(code: string, language: string, text: string): Promise<void> {
    await this.detail.getByLabel(`Label of code ${code} (${language})`).fill(text);
    await this.detail.getByRole('button', { name: 'Save labels' }).click();
  }

  async defineFilter(name: string, expression: string): Promise<void> {
    await this.define.getByRole('radio', { name: 'Filter' }).check();
    await this.define.getByLabel('Name').fill(name);
    await this.define.getByLabel('Expression').fill(expression);
  }
}
