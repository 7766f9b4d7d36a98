/**
 * The demo study's source files, written the way fieldwork agencies deliver them (issue #8): one
 * file per country, wave and respondent type, each in its agency's format, language and code
 * page — German SPSS, an Italian Excel workbook with a codebook sheet, French semicolon CSV in
 * Windows-1252 with answer texts, and (from wave 2026) Korean Triple-S in CP949. Wave 2026
 * renames two variables and changes one code frame (waveChanges.ts). Everything comes from one
 * seed, so the same seed writes byte-identical files; docs/demo-study.md describes the result.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeCsvSource } from './csvSource';
import { drawCustomers } from './customers';
import { COUNTRY_PROFILES, type DemoCountry, type DemoLanguage } from './demoProfiles';
import { DemoRandom, deriveSeed } from './demoRandom';
import { drawExecutives } from './executives';
import { masterQuestionnaire } from './questionnaire';
import { writeSavSource } from './savSource';
import { sourceTable, type SourceTable } from './sourceTable';
import { writeSssSource } from './sssSource';
import type { DemoWave } from './waveChanges';
import { writeXlsxSource } from './xlsxSource';

export interface DemoSourceFile {
  /** Absolute path of the file to import (the .sss for Triple-S). */
  path: string;
  country: DemoCountry;
  wave: DemoWave;
  respondentType: 'customer' | 'executive';
  language: DemoLanguage;
  /** What the importer should be told, only where it cannot tell (e.g. 'windows-1252'). */
  encoding?: string;
}

export interface DemoSourceOptions {
  seed?: number;
  customersPerSource?: number;
  executivesPerSource?: number;
}

export const DEFAULT_DEMO_SEED = 8;
export const DEFAULT_CUSTOMERS_PER_SOURCE = 1000;
export const DEFAULT_EXECUTIVES_PER_SOURCE = 100;

/** The fieldwork of each wave, in the order the files are delivered. */
export const DEMO_WAVES: ReadonlyArray<{ wave: DemoWave; countries: readonly DemoCountry[] }> = [
  { wave: '2025', countries: ['DE', 'IT', 'FR'] },
  { wave: '2026', countries: ['DE', 'IT', 'FR', 'KR'] },
];

/** Every stamp the files carry (creation dates, zip entries): the end of each wave's fieldwork. */
const DELIVERED: Readonly<Record<DemoWave, Date>> = {
  '2025': new Date(Date.UTC(2025, 2, 14, 9, 30)),
  '2026': new Date(Date.UTC(2026, 2, 13, 9, 30)),
};

const AUTHOR = 'Customer Energy Workbench (demo)';

/** IDs start with wave and country (25 1…: 2025, Germany), so no two files share one. */
const COUNTRY_NUMBER: Readonly<Record<DemoCountry, number>> = { DE: 1, IT: 2, FR: 3, KR: 4 };
const MAX_CUSTOMERS = 99_999;
const MAX_EXECUTIVES = 9_999;

const RESPONDENTS_NAMED: Readonly<
  Record<'customer' | 'executive', Readonly<Record<DemoLanguage, string>>>
> = {
  customer: { de: 'Kunden', it: 'clienti', fr: 'clients', ko: '고객' },
  executive: { de: 'Führungskräfte', it: 'dirigenti', fr: 'dirigeants', ko: '임원' },
};

function firstId(
  country: DemoCountry,
  wave: DemoWave,
  respondentType: 'customer' | 'executive',
): number {
  const prefix = (Number(wave) % 100) * 10 + COUNTRY_NUMBER[country];
  return prefix * (respondentType === 'customer' ? MAX_CUSTOMERS + 1 : MAX_EXECUTIVES + 1) + 1;
}

function count(value: number | undefined, fallback: number, most: number, what: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > most)
    throw new RangeError(`${what} must be a whole number from 1 to ${most}, not ${n}`);
  return n;
}

function title(table: SourceTable, language: DemoLanguage): string {
  const study = masterQuestionnaire.title[language]!;
  return `${study} ${table.wave}: ${RESPONDENTS_NAMED[table.respondentType][language]}`;
}

/** Writes one table in its country's format; returns the path to import and its encoding. */
async function writeSource(
  dir: string,
  country: DemoCountry,
  table: SourceTable,
): Promise<{ path: string; encoding?: string }> {
  const stem = `${country}_${table.wave}_${table.respondentType === 'customer' ? 'customers' : 'executives'}`;
  const created = DELIVERED[table.wave];
  const language = COUNTRY_PROFILES[country].language;
  switch (country) {
    case 'DE': {
      const file = path.join(dir, `${stem}.sav`);
      await writeSavSource(file, table, { fileLabel: title(table, language), created });
      return { path: file };
    }
    case 'IT': {
      const file = path.join(dir, `${stem}.xlsx`);
      await writeXlsxSource(file, table, { dataSheet: 'dati', author: AUTHOR, created });
      return { path: file };
    }
    case 'FR': {
      // Nothing in a CSV file names its code page: the importer has to be told.
      const file = path.join(dir, `${stem}.csv`);
      await writeCsvSource(file, table, 'windows-1252');
      return { path: file, encoding: 'windows-1252' };
    }
    case 'KR': {
      // The XML declaration names the code page and the data file follows it: nothing to tell.
      const file = path.join(dir, `${stem}.sss`);
      await writeSssSource(file, table, {
        encoding: 'cp949',
        declaredEncoding: 'EUC-KR',
        name: stem,
        title: title(table, language),
        origin: AUTHOR,
        created,
      });
      return { path: file };
    }
  }
}

/**
 * Writes the demo study's source files into `dir` (created if need be) and lists them in
 * delivery order: wave 2025 (DE, IT, FR), then wave 2026 (DE, IT, FR, KR), customers before
 * executives in each country.
 */
export async function writeDemoSources(
  dir: string,
  options: DemoSourceOptions = {},
): Promise<DemoSourceFile[]> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isInteger(seed)) throw new RangeError(`the seed must be an integer, not ${seed}`);
  const sizes = {
    customer: count(
      options.customersPerSource,
      DEFAULT_CUSTOMERS_PER_SOURCE,
      MAX_CUSTOMERS,
      'customersPerSource',
    ),
    executive: count(
      options.executivesPerSource,
      DEFAULT_EXECUTIVES_PER_SOURCE,
      MAX_EXECUTIVES,
      'executivesPerSource',
    ),
  };
  const target = path.resolve(dir);
  await mkdir(target, { recursive: true });
  const files: DemoSourceFile[] = [];
  for (const { wave, countries } of DEMO_WAVES) {
    for (const country of countries) {
      const { language } = COUNTRY_PROFILES[country];
      for (const respondentType of ['customer', 'executive'] as const) {
        // One stream per file: resizing one file never changes the answers in another.
        const random = new DemoRandom(deriveSeed(seed, `${country}/${wave}/${respondentType}`));
        const draw = respondentType === 'customer' ? drawCustomers : drawExecutives;
        const respondents = draw(
          random,
          country,
          wave,
          sizes[respondentType],
          firstId(country, wave, respondentType),
        );
        const table = sourceTable(respondents, respondentType, wave, language);
        const written = await writeSource(target, country, table);
        files.push({ ...written, country, wave, respondentType, language });
      }
    }
  }
  return files;
}
