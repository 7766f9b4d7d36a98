/**
 * The app's own settings — the recent-studies list, the default studies folder, the interface
 * language and theme, report templates saved for use in any study — kept in a JSON file in the user's settings folder, never in a study (a
 * study is mailed to colleagues; this user's recent files and choices are not theirs). Written atomically: a crash never leaves half a file.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { themeSchema, uiLanguageSchema, type Preferences } from '../../shared/api/app';
import { reportTemplateSchema } from '../../shared/api/reports';
import type { SavedTemplate } from '../../shared/api/templates';
import type { RecentStudy } from '../../shared/domain/study';

const MAX_RECENT = 20;

const settingsSchema = z.object({
  studiesFolder: z.string().optional(),
  recent: z
    .array(z.object({ path: z.string(), name: z.string(), lastOpenedAt: z.string() }))
    .default([]),
  // A value this version does not know is dropped on its own, keeping the rest of the file.
  uiLanguage: uiLanguageSchema.optional().catch(undefined),
  theme: themeSchema.optional().catch(undefined),
  // Report templates saved for use in any study; each entry is checked when read (savedTemplates).
  templates: z.array(z.unknown()).optional().catch(undefined),
});

const savedTemplateSchema = z.object({
  name: z.string().min(1),
  template: reportTemplateSchema,
  savedAt: z.string(),
});

type SettingsData = z.infer<typeof settingsSchema>;

/** Where settings live when Electron does not say: CEW_HOME, else the platform's config folder. */
export function defaultSettingsFolder(): string {
  if (process.env.CEW_HOME) return path.resolve(process.env.CEW_HOME);
  const home = homedir();
  if (process.platform === 'win32') {
    return path.join(
      process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'),
      'Customer Energy Workbench',
    );
  }
  if (process.platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', 'Customer Energy Workbench');
  }
  return path.join(
    process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'),
    'customer-energy-workbench',
  );
}

function defaultStudiesFolder(): string {
  if (process.env.CEW_HOME) return path.join(path.resolve(process.env.CEW_HOME), 'studies');
  const documents = path.join(homedir(), 'Documents');
  return path.join(existsSync(documents) ? documents : homedir(), 'Customer Energy Workbench');
}

export class AppSettings {
  private readonly file: string;

  constructor(folder: string = defaultSettingsFolder()) {
    this.file = path.join(folder, 'settings.json');
  }

  private read(): SettingsData {
    try {
      return settingsSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      // A missing or unreadable settings file starts fresh rather than blocking the app.
      return { recent: [] };
    }
  }

  private write(data: SettingsData): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const partial = `${this.file}.partial`;
    writeFileSync(partial, JSON.stringify(data, null, 2));
    renameSync(partial, this.file);
  }

  get studiesFolder(): string {
    return this.read().studiesFolder ?? defaultStudiesFolder();
  }

  setStudiesFolder(folder: string): void {
    this.write({ ...this.read(), studiesFolder: path.resolve(folder) });
  }

  get preferences(): Preferences {
    const data = this.read();
    return { uiLanguage: data.uiLanguage ?? 'en', theme: data.theme ?? 'system' };
  }

  setPreferences(changes: Partial<Preferences>): void {
    const data = this.read();
    this.write({
      ...data,
      uiLanguage: changes.uiLanguage ?? data.uiLanguage,
      theme: changes.theme ?? data.theme,
    });
  }

  /** Saved report templates by name; an entry this version cannot read is left out, not fatal. */
  get savedTemplates(): SavedTemplate[] {
    return (this.read().templates ?? [])
      .flatMap((entry) => {
        const parsed = savedTemplateSchema.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Saves a template under its name, replacing one of the same name (in any case). */
  saveTemplate(name: string, template: SavedTemplate['template']): void {
    const data = this.read();
    const others = this.savedTemplates.filter(
      (entry) => entry.name.toLowerCase() !== name.toLowerCase(),
    );
    const templates = [...others, { name, template, savedAt: new Date().toISOString() }];
    this.write({ ...data, templates });
  }

  /** Removes a saved template; false when there was none of that name. */
  deleteTemplate(name: string): boolean {
    const data = this.read();
    const before = this.savedTemplates;
    const templates = before.filter((entry) => entry.name.toLowerCase() !== name.toLowerCase());
    this.write({ ...data, templates });
    return templates.length !== before.length;
  }

  listRecent(): RecentStudy[] {
    return this.read().recent.map((entry) => ({ ...entry, exists: existsSync(entry.path) }));
  }

  rememberStudy(file: string, name: string): void {
    const data = this.read();
    const absolute = path.resolve(file);
    const recent = [
      { path: absolute, name, lastOpenedAt: new Date().toISOString() },
      ...data.recent.filter((entry) => entry.path !== absolute),
    ].slice(0, MAX_RECENT);
    this.write({ ...data, recent });
  }

  forgetStudy(file: string): void {
    const data = this.read();
    this.write({ ...data, recent: data.recent.filter((entry) => entry.path !== file) });
  }
}
