/**
 * The Charts and Side by side views as a user reaches them. Charts are drawn with the SVG
 * renderer, so what a person reads on a chart — legend names, data labels, axis ticks — is text
 * in the page, placed where it is drawn; these models read it by position, as the eye does.
 */
import type { Download, Locator, Page } from 'playwright-core';

export interface PlacedText {
  text: string;
  x: number;
  y: number;
}

/** Every text drawn in an SVG chart, with the centre of its box (page coordinates). */
export async function chartTexts(chart: Locator): Promise<PlacedText[]> {
  return chart.locator('svg text').evaluateAll((nodes) =>
    nodes
      .map((node) => {
        const box = node.getBoundingClientRect();
        return {
          text: (node.textContent ?? '').trim(),
          x: box.left + box.width / 2,
          y: box.top + box.height / 2,
        };
      })
      .filter((placed) => placed.text !== ''),
  );
}

const PERCENT_LABEL = /^\d[\d,.]*%/;

async function openView(page: Page, name: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Study views' }).getByRole('button', { name }).click();
  await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
}

export class ChartsPage {
  readonly chart: Locator;
  readonly canvas: Locator;
  readonly footnote: Locator;
  readonly savedCharts: Locator;

  constructor(readonly page: Page) {
    this.chart = page.getByRole('figure', { name: 'Chart' });
    this.canvas = this.chart.getByTestId('chart-canvas');
    this.footnote = this.chart.locator('figcaption');
    this.savedCharts = page.getByRole('table', { name: 'Saved charts' });
  }

  async open(): Promise<void> {
    await openView(this.page, 'Charts', 'Charts');
  }

  async chooseQuestion(name: string): Promise<void> {
    await this.page.getByLabel('Question (rows)').selectOption(name);
  }

  async chooseBanner(name: string): Promise<void> {
    await this.page.getByLabel('Columns (banner)').selectOption(name);
  }

  async chooseKind(label: string): Promise<void> {
    await this.page.getByLabel('Chart type').selectOption({ label });
  }

  async chosenKind(): Promise<string> {
    return this.page
      .getByLabel('Chart type')
      .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
  }

  async setDataLabels(on: boolean): Promise<void> {
    await this.page.getByLabel('Data labels').setChecked(on);
  }

  /** Scrolls the chart's top into view, as a person would to look at it. */
  async showChart(): Promise<void> {
    await this.chart.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  }

  async title(): Promise<string> {
    return (await this.chart.getByRole('heading', { level: 3 }).innerText()).trim();
  }

  /** The texts drawn on the chart. */
  async texts(): Promise<PlacedText[]> {
    return chartTexts(this.canvas);
  }

  /** The data labels drawn over one axis category (a bar of a vertical chart), from the axis up. */
  async labelsOver(category: string): Promise<string[]> {
    const texts = await this.texts();
    const axis = texts.filter((t) => t.text === category);
    const anchor = axis.reduce((lowest, t) => (t.y > lowest.y ? t : lowest), axis[0]!);
    return texts
      .filter((t) => PERCENT_LABEL.test(t.text) && Math.abs(t.x - anchor.x) < 12 && t.y < anchor.y)
      .sort((a, b) => b.y - a.y)
      .map((t) => t.text);
  }

  /** Waits until the chart has drawn a text, e.g. a legend name. */
  async waitForText(text: string): Promise<void> {
    await this.canvas.locator('svg text', { hasText: text }).first().waitFor();
  }

  private async download(button: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.chart.getByRole('button', { name: button }).click();
    return download;
  }

  exportPng(): Promise<Download> {
    return this.download('Export PNG');
  }

  exportSvg(): Promise<Download> {
    return this.download('Export SVG');
  }

  async save(name: string): Promise<void> {
    await this.page.getByLabel('Chart name').fill(name);
    await this.page.getByRole('button', { name: 'Save chart' }).click();
    await this.savedCharts.getByRole('rowheader', { name }).waitFor();
  }

  async openSaved(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Open ${name}` }).click();
  }

  async savedChartNames(): Promise<string[]> {
    return this.savedCharts.getByRole('rowheader').allInnerTexts();
  }
}

export class SideBySidePage {
  readonly panels: Locator;
  readonly scaleNote: Locator;

  constructor(readonly page: Page) {
    this.panels = page.locator('.side-by-side__panels').getByRole('article');
    this.scaleNote = page.locator('.side-by-side__scale');
  }

  async open(): Promise<void> {
    await openView(this.page, 'Side by side', 'Side by side');
  }

  async compareBy(variable: string): Promise<void> {
    await this.page.getByLabel('Compare by').selectOption(variable);
  }

  async chooseQuestion(variable: string): Promise<void> {
    // The select's name is its label and its chosen option: match the label's start.
    await this.page.getByLabel(/^Question/).selectOption(variable);
  }

  async showAs(choice: 'Charts' | 'Tables'): Promise<void> {
    await this.page.getByRole('radio', { name: choice }).check();
  }

  panel(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true });
  }

  async panelNames(): Promise<string[]> {
    return (await this.panels.getByRole('heading', { level: 3 }).allInnerTexts()).map((t) =>
      t.trim(),
    );
  }

  /** A panel's chart as read: the bar labels top to bottom, and the axis ticks left to right. */
  async readPanelChart(name: string): Promise<{ labels: string[]; ticks: string[] }> {
    const texts = await chartTexts(this.panel(name).locator('.compare-panel__chart'));
    const bottom = Math.max(...texts.map((t) => t.y));
    const ticks = texts.filter((t) => Math.abs(t.y - bottom) < 4).sort((a, b) => a.x - b.x);
    const labels = texts
      .filter((t) => PERCENT_LABEL.test(t.text) && Math.abs(t.y - bottom) >= 4)
      .sort((a, b) => a.y - b.y);
    return { labels: labels.map((t) => t.text), ticks: ticks.map((t) => t.text) };
  }

  /** A panel's table as read: each answer with its value, letters and arrow. */
  async readPanelTable(name: string): Promise<string[][]> {
    const rows: string[][] = [];
    for (const row of await this.panel(name).locator('tbody tr').all())
      rows.push((await row.locator('th, td.num').allInnerTexts()).map((t) => t.trim()));
    return rows;
  }
}
