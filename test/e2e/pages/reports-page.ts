/** The Reports view as a user reaches it: saved reports, the page strip, the slide, the export. */
import type { Locator, Page } from 'playwright-core';

export class ReportsPage {
  readonly heading: Locator;
  readonly reportList: Locator;
  readonly strip: Locator;
  readonly thumbnails: Locator;
  readonly stripHint: Locator;
  readonly slide: Locator;
  readonly newPage: Locator;
  readonly addPageButton: Locator;
  readonly saveState: Locator;
  readonly exportPanel: Locator;
  readonly saveAs: Locator;
  readonly exportOutcome: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Reports', level: 2 });
    this.reportList = page.getByRole('navigation', { name: 'Saved reports' });
    this.strip = page.getByRole('list', { name: 'Pages' });
    this.thumbnails = this.strip.getByRole('listitem');
    this.stripHint = page.locator('.report-strip__hint');
    this.slide = page.locator('.report-slide');
    this.newPage = page.getByRole('combobox', { name: 'New page' });
    this.addPageButton = page.getByRole('button', { name: 'Add page' });
    this.saveState = page.locator('.report-editor__save');
    this.exportPanel = page.getByRole('group', { name: 'Export' });
    this.saveAs = this.exportPanel.getByLabel('Save as (folder and name)');
    this.exportOutcome = page.locator('.report-export__outcome');
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Study views' })
      .getByRole('button', { name: 'Reports' })
      .click();
    await this.heading.waitFor();
  }

  async openReport(name: string): Promise<void> {
    await this.reportList.getByRole('button', { name }).click();
    await this.page.getByRole('heading', { name, level: 3 }).waitFor();
  }

  /** The titles in the page strip, in order. */
  async pageTitles(): Promise<string[]> {
    return (await this.strip.locator('.report-thumb__title').allInnerTexts()).map((t) => t.trim());
  }

  thumbnail(title: string): Locator {
    return this.thumbnails.filter({
      has: this.page.locator('.report-thumb__title', { hasText: title }),
    });
  }

  async selectPage(title: string): Promise<void> {
    await this.thumbnail(title).getByRole('button').click();
    await this.slideTitle().filter({ hasText: title }).waitFor();
  }

  slideTitle(): Locator {
    return this.slide.locator('.report-slide__title');
  }

  /** The slide's footnote lines, as printed under its charts and tables. */
  async slideFootnotes(): Promise<string[]> {
    return (await this.slide.locator('.report-slide__footnote > div').allInnerTexts()).map((t) =>
      t.trim(),
    );
  }

  /** Moves the chosen page with the keyboard (Alt+↑/↓ on its thumbnail). */
  async movePageByKeyboard(title: string, direction: 'up' | 'down'): Promise<void> {
    await this.thumbnail(title).getByRole('button').focus();
    await this.page.keyboard.press(direction === 'up' ? 'Alt+ArrowUp' : 'Alt+ArrowDown');
  }

  /** Adds a page holding a saved chart or table (its name as the picker lists it). */
  async addPageWith(label: string): Promise<void> {
    await this.newPage.selectOption({ label });
    await this.addPageButton.click();
  }

  /** The shown slide's width over its height, as drawn on screen. */
  async slideRatio(): Promise<number> {
    const box = await this.page.locator('.report-slide-frame').boundingBox();
    if (!box) throw new Error('no slide is shown');
    return box.width / box.height;
  }

  get pageFields(): Locator {
    return this.page.getByRole('region', { name: 'Page' });
  }

  get template(): Locator {
    return this.page.getByRole('group', { name: 'Template' });
  }

  async waitUntilSaved(): Promise<void> {
    await this.page.waitForFunction(
      () => document.querySelector('.report-editor__save')?.textContent === 'Saved',
    );
  }

  /**
   * Exports in one format to `base` (the button adds the extension) and returns what the view
   * says once the job has ended: "Wrote <file> (n pages)." or why not.
   */
  async exportAs(
    format: 'PowerPoint' | 'Excel' | 'PDF',
    base: string,
    timeout: number,
  ): Promise<string> {
    await this.saveAs.fill(base);
    await this.exportPanel.getByRole('button', { name: format, exact: true }).click();
    await this.page
      .locator('.report-export__outcome', { hasText: /Wrote|failed|cancelled/ })
      .waitFor({ timeout });
    return (await this.exportOutcome.innerText()).trim();
  }
}
