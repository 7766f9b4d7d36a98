/**
 * The Sources view: imported files (remove, re-import, validation report), the import form and
 * the export form.
 */
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

  /** The study facts' respondent count as shown ("7,700"). */
  async respondents(): Promise<string> {
    return this.page
      .getByLabel('Study facts')
      .locator('div')
      .filter({ has: this.page.locator('dt', { hasText: /^Respondents$/ }) })
      .locator('dd')
      .innerText();
  }

  row(fileName: string): Locator {
    return this.table.getByRole('row').filter({ hasText: fileName });
  }

  /** The file names in the sources table, in order. */
  async fileNames(): Promise<string[]> {
    return this.table.locator('tbody tr td:first-child').allInnerTexts();
  }

  removeDialog(fileName: string): Locator {
    return this.page.getByRole('dialog', { name: `Remove ${fileName}?` });
  }

  /** Clicks Remove on the file's row and returns the confirmation dialog. */
  async askToRemove(fileName: string): Promise<Locator> {
    await this.table.getByRole('button', { name: `Remove ${fileName}`, exact: true }).click();
    const dialog = this.removeDialog(fileName);
    await dialog.waitFor();
    return dialog;
  }

  async confirmRemoval(fileName: string): Promise<void> {
    await this.removeDialog(fileName).getByRole('button', { name: 'Remove source' }).click();
    await this.removeDialog(fileName).waitFor({ state: 'detached' });
    await this.row(fileName).waitFor({ state: 'detached' });
  }

  /** The notice a removal leaves: "Removed X. Undo". */
  removedNotice(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^Removed / });
  }

  /** Waits for the notice offering to undo the removal of this file, and returns its text. */
  async removedNoticeFor(fileName: string): Promise<string> {
    const notice = this.removedNotice().filter({ hasText: `Removed ${fileName}.` });
    await notice.waitFor();
    return notice.innerText();
  }

  async undoRemoval(fileName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Put ${fileName} back` }).click();
    await this.row(fileName).waitFor();
    await this.page
      .getByRole('status')
      .filter({ hasText: `Removed ${fileName}.` })
      .waitFor({ state: 'detached' });
  }

  /** Re-import…: chooses the corrected file in the file browser (folders, then the file). */
  async reimport(fileName: string, folders: string[], replacement: string): Promise<void> {
    await this.table
      .getByRole('button', { name: `Re-import a corrected ${fileName}`, exact: true })
      .click();
    const browser = this.page.getByRole('region', {
      name: `Choose the corrected file for ${fileName}`,
    });
    const list = browser.getByRole('list', { name: 'Folders and files' });
    for (const folder of folders)
      await list.getByRole('button', { name: `📁 ${folder}`, exact: true }).click();
    await list.getByRole('button', { name: replacement, exact: true }).click();
  }

  /** Clicks the file's validation cell and returns the report dialog. */
  async openValidationReport(fileName: string): Promise<Locator> {
    await this.row(fileName)
      .getByRole('button', { name: /no issues|warnings?$/ })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Validation report: ${fileName}` });
    await dialog.waitFor();
    return dialog;
  }

  async exportAs(format: string, path: string): Promise<void> {
    await this.exportForm.getByLabel('Format').selectOption(format);
    await this.exportForm.getByLabel('Save as').fill(path);
    await this.exportForm.getByRole('button', { name: 'Export' }).click();
  }
}
