/** The study window: toolbar, navigator, the Sources view it opens on, status bar. */
import type { Locator, Page } from 'playwright-core';

export class StudyPage {
  readonly title: Locator;
  readonly navigator: Locator;
  readonly statusBar: Locator;
  readonly closeButton: Locator;
  readonly saveCopyButton: Locator;
  readonly checkButton: Locator;
  readonly labelLanguage: Locator;

  constructor(readonly page: Page) {
    this.title = page.locator('.toolbar__title');
    this.navigator = page.getByRole('navigation', { name: 'Study views' });
    this.statusBar = page.getByRole('contentinfo', { name: 'Status' });
    this.closeButton = page.getByRole('button', { name: 'Close study' });
    this.saveCopyButton = page.getByRole('button', { name: 'Save a copy as…' });
    this.checkButton = page.getByRole('button', { name: 'Check study file' });
    this.labelLanguage = page.getByLabel('Label language');
  }

  async waitFor(name: string): Promise<void> {
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
    await this.page.getByRole('heading', { name: 'Sources', level: 2 }).waitFor();
  }

  async close(): Promise<void> {
    await this.closeButton.click();
  }

  async saveCopyAs(path: string): Promise<void> {
    await this.saveCopyButton.click();
    await this.page.getByLabel('Save a copy as').fill(path);
    await this.page.getByRole('button', { name: 'Save copy' }).click();
  }

  async checkStudyFile(): Promise<void> {
    await this.checkButton.click();
  }

  /** Picks the label language by its own name (Deutsch, 한국어). */
  async chooseLabelLanguage(name: string): Promise<void> {
    await this.labelLanguage.selectOption({ label: name });
  }

  async openView(name: 'Sources' | 'Weights' | 'Segments' | 'Tables'): Promise<void> {
    await this.navigator.getByRole('button', { name }).click();
  }
}
