/** The welcome screen as a user sees it: create, open, recent studies. */
import type { Locator, Page } from 'playwright-core';

export class WelcomePage {
  readonly heading: Locator;
  readonly studyName: Locator;
  readonly createButton: Locator;
  readonly browseButton: Locator;
  readonly recentList: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Customer Energy Workbench' });
    this.studyName = page.getByLabel('Study name');
    this.createButton = page.getByRole('button', { name: 'Create study' });
    this.browseButton = page.getByRole('button', { name: 'Browse for a study…' });
    this.recentList = page.getByRole('list', { name: 'Recent studies' });
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.heading.waitFor();
  }

  async createStudy(name: string): Promise<void> {
    await this.studyName.fill(name);
    await this.createButton.click();
  }

  recentEntry(name: string): Locator {
    return this.recentList.getByRole('button', { name: `Open ${name}` });
  }

  async openRecent(name: string): Promise<void> {
    await this.recentEntry(name).click();
  }

  async removeRecent(name: string): Promise<void> {
    await this.recentList
      .getByRole('button', { name: `Remove ${name} from the recent list` })
      .click();
  }

  async openWithFileBrowser(fileName: string): Promise<void> {
    await this.browseButton.click();
    await this.page
      .getByRole('list', { name: 'Folders and files' })
      .getByRole('button', { name: fileName })
      .click();
  }
}
