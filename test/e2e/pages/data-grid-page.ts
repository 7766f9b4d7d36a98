/** The Data view: the respondents grid, its filter, the labels toggle and the column headers. */
import type { Locator, Page } from 'playwright-core';

export class DataGridPage {
  readonly view: Locator;
  readonly grid: Locator;
  readonly filter: Locator;
  readonly labels: Locator;
  readonly identifying: Locator;
  readonly count: Locator;
  readonly problem: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByRole('region', { name: 'Data' });
    this.grid = this.view.getByRole('grid', { name: 'Respondents' });
    this.filter = this.view.getByRole('searchbox', { name: 'Filter' });
    this.labels = this.view.getByRole('checkbox', { name: 'Value labels' });
    this.identifying = this.view.getByRole('checkbox', { name: 'Show identifying variables' });
    this.count = this.view.getByRole('status');
    this.problem = this.view.getByRole('alert');
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Study views' })
      .getByRole('button', { name: 'Data', exact: true })
      .click();
    await this.page.getByRole('heading', { name: 'Data', level: 2 }).waitFor();
    await this.grid.waitFor();
  }

  columnHeader(name: string): Locator {
    return this.grid.getByRole('columnheader').filter({
      has: this.page.getByRole('button', { name: `Sort by ${name}`, exact: true }),
    });
  }

  /** Scrolls right until the column's header is in view (columns are virtualised too). */
  async scrollToColumn(name: string): Promise<void> {
    await this.grid.evaluate((element) => (element.scrollLeft = 0));
    for (let step = 0; step < 200; step++) {
      if (await this.columnHeader(name).isVisible()) {
        await this.columnHeader(name).scrollIntoViewIfNeeded();
        return;
      }
      await this.grid.evaluate((element) => (element.scrollLeft += 400));
    }
    throw new Error(`no column ${name} in the grid`);
  }

  async sortBy(name: string): Promise<void> {
    await this.grid.getByRole('button', { name: `Sort by ${name}`, exact: true }).click();
  }

  /** The rows in view as a person reads them: respondent, then the named columns' texts. */
  async rows(columns: string[], count = 5): Promise<string[][]> {
    const indexes: string[] = [];
    for (const name of columns)
      indexes.push((await this.columnHeader(name).getAttribute('aria-colindex')) ?? '');
    const rows = this.grid.locator('[role="row"][aria-rowindex]:not([aria-rowindex="1"])');
    const shown: string[][] = [];
    for (const row of (await rows.all()).slice(0, count)) {
      const cells = [(await row.getByRole('rowheader').innerText()).trim()];
      for (const index of indexes)
        cells.push(
          (await row.locator(`[role="gridcell"][aria-colindex="${index}"]`).innerText()).trim(),
        );
      shown.push(cells);
    }
    return shown;
  }

  /** The first rows in view, once no cell in them is still loading. */
  async settledRows(columns: string[], count = 5): Promise<string[][]> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const shown = await this.rows(columns, count);
      if (shown.length > 0 && !shown.flat().includes('…')) return shown;
      await this.page.waitForTimeout(100);
    }
    throw new Error('the grid kept loading');
  }

  /** Scrolls the grid with the mouse wheel, as a person does. */
  async wheel(deltaY: number, times: number): Promise<void> {
    await this.grid.hover();
    for (let i = 0; i < times; i++) await this.page.mouse.wheel(0, deltaY);
  }

  async scrollToEnd(): Promise<void> {
    await this.grid.evaluate((element) => (element.scrollTop = element.scrollHeight));
  }
}
