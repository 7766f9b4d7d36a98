import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppSettings } from '../../../../src/main/settings/appSettings';

function freshFolder(): string {
  return mkdtempSync(path.join(tmpdir(), 'cew-settings-'));
}

describe('app settings: interface preferences', () => {
  it('starts in English with the theme following the system', () => {
    expect(new AppSettings(freshFolder()).preferences).toEqual({
      uiLanguage: 'en',
      theme: 'system',
    });
  });

  it('remembers the UI language and theme across instances, one change at a time', () => {
    const folder = freshFolder();
    new AppSettings(folder).setPreferences({ uiLanguage: 'ko' });
    new AppSettings(folder).setPreferences({ theme: 'dark' });
    expect(new AppSettings(folder).preferences).toEqual({ uiLanguage: 'ko', theme: 'dark' });
  });

  it('keeps the recent studies when preferences change', () => {
    const folder = freshFolder();
    const settings = new AppSettings(folder);
    settings.rememberStudy(path.join(folder, 'a.cew'), 'A');
    settings.setPreferences({ theme: 'light' });
    expect(settings.listRecent().map((entry) => entry.name)).toEqual(['A']);
  });

  it('drops an unknown language from the file without losing the recent studies', () => {
    const folder = freshFolder();
    new AppSettings(folder).rememberStudy(path.join(folder, 'a.cew'), 'A');
    const file = path.join(folder, 'settings.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...data, uiLanguage: 'tlh', theme: 'sepia' }));
    const settings = new AppSettings(folder);
    expect(settings.preferences).toEqual({ uiLanguage: 'en', theme: 'system' });
    expect(settings.listRecent().map((entry) => entry.name)).toEqual(['A']);
  });
});
