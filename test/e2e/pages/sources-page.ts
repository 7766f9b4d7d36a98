/** The Sources view: imported files, the import form and the export form. */
import type { Locator, Page } from 'playwright-core';

export class SourcesPage {
  readonly table: Locator;
  readonly importForm: Locator;
  readonly exportForm: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Imported sources' });
    this.importForm = page.getByRole('form', { name: 'Import a survey file' });
    this.exportForm = page.getByRole('form', { name: 'Export data' });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Study views' })
      .getByRole('button', { name: 'Sources' })
      .click();
    await this.page.getByRole('heading', { name: 'Sources' }).waitFor();
  }

  async importFile(fileName: string, country: string, wave: string): Promise<void> {
    await this.importForm.getByRole('button', { name: 'Choose file…' }).click();
    await this.page
      .getByRole('list', { name: 'Folders and files' })
      .getByRole('button', { name: fileName })
      .click();
    await this.importForm.getByLabel('File preview').waitFor();
    await this.importForm.getByLabel('Country code').fill(country);
    await this.importForm.getByLabel('Wave').fill(wave);
    await this.importForm.getByRole('button', { name: 'Import' }).click();
  }

  async exportAs(format: string, path: string): Promise<void> {
    await this.exportForm.getByLabel('Format').selectOption(format);
    await this.exportForm.getByLabel('Save as').fill(path);
    await this.exportForm.getByRole('button', { name: 'Export' }).click();
  }
}
