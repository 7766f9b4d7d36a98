/** The Sources view: imported files, the import form and the export form. */
import type { Locator, Page } from 'playwright-core';

export class SourcesPage {
  readonly table: Locator;
  readonly importForm: Locator;
  readonly exportForm: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Imported sources' });
    this.importForm = page.getByRole('region', { name: 'Import survey files' });
    this.exportForm = page.getByRole('form', { name: 'Export data' });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Study views' })
      .getByRole('button', { name: 'Sources' })
      .click();
    await this.page.getByRole('heading', { name: 'Sources' }).waitFor();
  }

  async addFile(fileName: string): Promise<void> {
    await this.importForm.getByRole('button', { name: 'Add file…' }).click();
    await this.page
      .getByRole('list', { name: 'Folders and files' })
      .getByRole('button', { name: fileName })
      .click();
    await this.fileCard(fileName).getByLabel('File preview').waitFor();
  }

  fileCard(fileName: string) {
    return this.page.getByRole('article', { name: `Import settings for ${fileName}` });
  }

  async importFile(fileName: string, country: string, wave: string): Promise<void> {
    await this.addFile(fileName);
    const card = this.fileCard(fileName);
    await card.getByLabel('Country code').fill(country);
    await card.getByLabel('Wave').fill(wave);
    await this.importForm.getByRole('button', { name: /^Import \d+ files?$/ }).click();
  }

  async exportAs(format: string, path: string): Promise<void> {
    await this.exportForm.getByLabel('Format').selectOption(format);
    await this.exportForm.getByLabel('Save as').fill(path);
    await this.exportForm.getByRole('button', { name: 'Export' }).click();
  }
}
