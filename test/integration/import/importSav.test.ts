/**
 * Importing SPSS files into a study, through the same importFile the worker runs: several sources
 * in one study (rows added, variables matched by name, storage widened without touching earlier
 * values), the respondent ID, identifying columns and the audit log. Values are checked against
 * the file itself — GNU PSPP's reading of a fixture, or the values a generated file was written
 * with — never against numbers this code produced before.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAudit } from '../../../src/main/study/auditLog';
import { closeStudyFile, type OpenStudy } from '../../../src/main/study/studyFile';
import { describeWithFixtures, fixture } from '../../support/fixtures';
import { describeWithPspp, psppConvert } from '../../support/psppOracle';
import { studyContent } from '../../support/studyContent';
import { tempFolder } from '../../support/studyDb';
import {
  createStudy,
  exportFrom,
  importInto,
  parseCsv,
  writeGeneratedSav,
  type GeneratedVariable,
} from './studyHelpers';

const PERSONNEL = fixture('pspp/examples/personnel.sav');

let folder: string;
let cleanup: () => void;
const open: OpenStudy[] = [];

function newStudy(name = 'study'): OpenStudy {
  const study = createStudy(folder, name);
  open.push(study);
  return study;
}

beforeEach(() => ({ folder, cleanup } = tempFolder('cew-import-')));
afterEach(() => {
  for (const study of open.splice(0)) closeStudyFile(study);
  cleanup();
});

/** The study exported as CSV: header row and data rows (BOM removed). */
async function exportedCsv(
  study: OpenStudy,
  options: { variables?: string[]; dropIdentifying?: boolean } = {},
): Promise<{ header: string[]; rows: string[][] }> {
  const file = path.join(folder, `export-${Date.now()}-${Math.random()}.csv`);
  await exportFrom(study, file, { format: 'csv', ...options });
  const [header = [], ...rows] = parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  return { header, rows };
}

function column(table: { header: string[]; rows: string[][] }, name: string): string[] {
  const index = table.header.indexOf(name);
  if (index < 0) throw new Error(`no column ${name} in ${table.header.join(',')}`);
  return table.rows.map((row) => row[index] ?? '');
}

/**
 * CSV cells as numbers, for comparing numbers written differently; empty (our CSV) or a blank
 * (pspp-convert) is system-missing, NaN.
 */
function numbers(cells: string[]): number[] {
  return cells.map((cell) => (cell.trim() === '' ? Number.NaN : Number(cell)));
}

function storageOf(study: OpenStudy, name: string): { type: string; storage: string } {
  return study.db.prepare('SELECT type, storage FROM variables WHERE name = ?').get(name) as {
    type: string;
    storage: string;
  };
}

function chunkEncodings(study: OpenStudy, name: string): string[] {
  return (
    study.db
      .prepare(
        `SELECT c.encoding FROM column_chunks c JOIN variables v ON v.id = c.variable_id
         JOIN sources s ON s.id = c.source_id WHERE v.name = ? ORDER BY s.sort_order`,
      )
      .all(name) as Array<{ encoding: string }>
  ).map((row) => row.encoding);
}

describeWithFixtures('importing SPSS files into a study', () => {
  describeWithPspp('several sources in one study', () => {
    it('adds the respondents of a second file with the same variables, matching every variable by name', async () => {
      const study = newStudy();
      const first = await importInto(study, PERSONNEL, { country: 'DE' });
      const second = await importInto(study, PERSONNEL, { country: 'FR' });
      expect(first).toMatchObject({ rows: 56, variablesAdded: 6, variablesMatched: 0 });
      expect(second).toMatchObject({ rows: 56, variablesAdded: 0, variablesMatched: 6 });
      const names = (
        study.db.prepare('SELECT name FROM variables ORDER BY name').all() as Array<{
          name: string;
        }>
      ).map((row) => row.name);
      expect(names).toEqual(
        [
          'country',
          'dob',
          'firstname',
          'lastname',
          'occupation',
          'respondent_type',
          'salary',
          'sex',
          'source',
          'wave',
        ].sort(),
      );

      // PSPP's reading of the file is the truth for both copies of its rows.
      const truth = await psppConvert(PERSONNEL);
      const [truthHeader = [], ...truthRows] = truth.rows;
      const exported = await exportedCsv(study);
      expect(exported.rows).toHaveLength(112);
      for (const name of ['firstname', 'lastname', 'occupation']) {
        const expected = truthRows.map((row) => row[truthHeader.indexOf(name)] ?? '');
        expect(column(exported, name)).toEqual([...expected, ...expected]);
      }
      for (const name of ['sex', 'salary']) {
        const expected = numbers(truthRows.map((row) => row[truthHeader.indexOf(name)] ?? ''));
        expect(numbers(column(exported, name))).toEqual([...expected, ...expected]);
      }
      // Each respondent knows their source and country.
      const countryIds = study.db.prepare('SELECT id, code FROM countries').all() as Array<{
        id: number;
        code: string;
      }>;
      const idOf = (code: string) => String(countryIds.find((c) => c.code === code)?.id);
      expect(column(exported, 'country')).toEqual([
        ...Array<string>(56).fill(idOf('DE')),
        ...Array<string>(56).fill(idOf('FR')),
      ]);
      expect(column(exported, 'source')).toEqual([
        ...Array<string>(56).fill(String(first.sourceId)),
        ...Array<string>(56).fill(String(second.sourceId)),
      ]);
    });
  });

  describe('storage widened for a later source', () => {
    const first: GeneratedVariable[] = [
      {
        name: 'q1',
        label: 'Satisfaction',
        numbers: [1, 2, 254, null, 0, 7],
        valueLabels: { 1: 'Low', 2: 'High' },
      },
      { name: 'region', numbers: [3, 3, 1, 2, null, 1], valueLabels: { 1: 'North' } },
    ];

    it('stores small codes as u8 and widens them to u16 when a later file has a code of 255, keeping the first values and missing exactly', async () => {
      const study = newStudy();
      await importInto(study, await writeGeneratedSav(path.join(folder, 'a.sav'), first));
      expect(storageOf(study, 'q1')).toEqual({ type: 'single', storage: 'u8' });

      const second: GeneratedVariable[] = [
        { name: 'q1', numbers: [255, 1, null, 65534], valueLabels: { 255: 'Other' } },
        { name: 'region', numbers: [1, 2, 3, 4], valueLabels: { 1: 'North' } },
      ];
      await importInto(study, await writeGeneratedSav(path.join(folder, 'b.sav'), second), {
        country: 'AT',
      });
      expect(storageOf(study, 'q1')).toEqual({ type: 'single', storage: 'u16' });
      expect(chunkEncodings(study, 'q1')).toEqual(['u16', 'u16']);
      // region needed no widening: its chunks stay as they were.
      expect(storageOf(study, 'region').storage).toBe('u8');

      const exported = await exportedCsv(study);
      expect(numbers(column(exported, 'q1'))).toEqual([
        1,
        2,
        254,
        Number.NaN,
        0,
        7,
        255,
        1,
        Number.NaN,
        65534,
      ]);
      expect(numbers(column(exported, 'region'))).toEqual([3, 3, 1, 2, Number.NaN, 1, 1, 2, 3, 4]);
    });

    it('widens codes to f64 when a later file has negative, fractional or very large codes', async () => {
      const study = newStudy();
      await importInto(study, await writeGeneratedSav(path.join(folder, 'a.sav'), first));
      await importInto(
        study,
        await writeGeneratedSav(path.join(folder, 'b.sav'), [
          { name: 'q1', numbers: [300, null], valueLabels: { 300: 'Other' } },
        ]),
      );
      expect(storageOf(study, 'q1').storage).toBe('u16');
      await importInto(
        study,
        await writeGeneratedSav(path.join(folder, 'c.sav'), [
          { name: 'q1', numbers: [-1, 2.5, 70000, null], decimals: 1, valueLabels: { [-1]: 'DK' } },
        ]),
      );
      expect(storageOf(study, 'q1')).toEqual({ type: 'single', storage: 'f64' });
      expect(chunkEncodings(study, 'q1')).toEqual(['f64', 'f64', 'f64']);
      const exported = await exportedCsv(study);
      expect(numbers(column(exported, 'q1'))).toEqual([
        1,
        2,
        254,
        Number.NaN,
        0,
        7,
        300,
        Number.NaN,
        -1,
        2.5,
        70000,
        Number.NaN,
      ]);
      // A variable the later files lack is missing for their respondents.
      expect(numbers(column(exported, 'region')).slice(6)).toEqual(
        Array<number>(6).fill(Number.NaN),
      );
    });

    it('merges value labels across sources and keeps the study label when a file disagrees, with a warning', async () => {
      const study = newStudy();
      await importInto(study, await writeGeneratedSav(path.join(folder, 'a.sav'), first));
      const second = await importInto(
        study,
        await writeGeneratedSav(path.join(folder, 'b.sav'), [
          { name: 'q1', numbers: [1, 3], valueLabels: { 1: 'Lowest', 3: 'Middle' } },
        ]),
      );
      expect(second.warnings).toEqual([
        expect.stringMatching(/q1: code 1 is "Lowest" in b\.sav but "Low" in the study/),
      ]);
      const labels = study.db
        .prepare(
          `SELECT vl.code, vl.labels_json FROM value_labels vl JOIN variables v ON v.id = vl.variable_id
           WHERE v.name = 'q1' ORDER BY vl.sort_order`,
        )
        .all() as Array<{ code: string; labels_json: string }>;
      expect(labels.map((l) => [l.code, JSON.parse(l.labels_json)])).toEqual([
        ['1', { en: 'Low' }],
        ['2', { en: 'High' }],
        ['3', { en: 'Middle' }],
      ]);
    });

    it('refuses a file whose variable is text where the study has numbers, leaving the study as it was', async () => {
      const study = newStudy();
      await importInto(study, await writeGeneratedSav(path.join(folder, 'a.sav'), first));
      const before = studyContent(study.path);
      const clash = await writeGeneratedSav(path.join(folder, 'clash.sav'), [
        { name: 'extra', numbers: [1, 2] },
        { name: 'q1', strings: ['x', 'y'] },
      ]);
      await expect(importInto(study, clash)).rejects.toThrow(
        /clash\.sav: .*q1 is text .*but single in the study/,
      );
      expect(studyContent(study.path)).toEqual(before);
    });
  });

  describe("a file's own variable named like a system variable", () => {
    it('is kept under another name with a warning, in every file that has it', async () => {
      const study = newStudy();
      const file = await writeGeneratedSav(path.join(folder, 'countries.sav'), [
        { name: 'country', strings: ['Deutschland', 'Österreich'] },
        { name: 'wave', numbers: [3, 3] },
        { name: 'q1', numbers: [1, 2] },
      ]);
      const first = await importInto(study, file);
      expect(first.warnings).toEqual([
        expect.stringMatching(
          /variable country is a system variable name; .* kept as country_source/,
        ),
        expect.stringMatching(/variable wave is a system variable name; .* kept as wave_source/),
      ]);
      // The next wave of the same questionnaire imports the same way (its text "country" is
      // matched to country_source, not refused as a clash with the system variable).
      const second = await importInto(study, file, { wave: '2027' });
      expect(second).toMatchObject({ rows: 2, variablesAdded: 0, variablesMatched: 3 });
      const exported = await exportedCsv(study);
      expect(column(exported, 'country_source')).toEqual([
        'Deutschland',
        'Österreich',
        'Deutschland',
        'Österreich',
      ]);
      expect(column(exported, 'wave_source')).toEqual(['3', '3', '3', '3']);
    });
  });

  describe('the respondent ID', () => {
    it('blocks an import when the named ID variable has duplicates, with a message naming the file, the variable and a duplicate', async () => {
      const study = newStudy();
      const before = studyContent(study.path);
      await expect(importInto(study, PERSONNEL, { idVariable: 'sex' })).rejects.toThrow(
        /personnel\.sav: respondent ID sex is not unique \(0 occurs more than once\)/,
      );
      expect(studyContent(study.path)).toEqual(before);
    });

    it('blocks an import when the named ID variable has an empty value, saying where', async () => {
      const study = newStudy();
      const file = await writeGeneratedSav(path.join(folder, 'gap.sav'), [
        { name: 'interview', numbers: [101, null, 103] },
      ]);
      await expect(importInto(study, file, { idVariable: 'interview' })).rejects.toThrow(
        /gap\.sav: respondent ID interview is missing in row 2/,
      );
    });

    it('blocks an import when the named ID variable is not in the file', async () => {
      const study = newStudy();
      await expect(importInto(study, PERSONNEL, { idVariable: 'respid' })).rejects.toThrow(
        /personnel\.sav: --id respid: no such variable in the file/,
      );
    });

    it('uses a named unique ID variable and records it with the source', async () => {
      const study = newStudy();
      const file = await writeGeneratedSav(path.join(folder, 'named.sav'), [
        { name: 'interview', numbers: [101, 102, 103] },
        { name: 'q1', numbers: [1, 1, 2] },
      ]);
      const summary = await importInto(study, file, { idVariable: 'interview' });
      expect(summary.respondentId).toEqual({ variable: 'interview', how: 'named' });
      const stored = study.db.prepare('SELECT attributes_json FROM sources').get() as {
        attributes_json: string;
      };
      expect(JSON.parse(stored.attributes_json)).toMatchObject({
        respondentId: { variable: 'interview', how: 'named' },
      });
    });

    it('guesses the ID from its name and uniqueness', async () => {
      const study = newStudy();
      const file = await writeGeneratedSav(path.join(folder, 'guessed.sav'), [
        { name: 'q1', numbers: [1, 1, 2] },
        { name: 'RespID', strings: ['a7', 'b2', 'c9'] },
      ]);
      const summary = await importInto(study, file);
      expect(summary.respondentId).toEqual({ variable: 'RespID', how: 'guessed' });
    });

    it('does not use a guessed ID with duplicates and imports by row number instead', async () => {
      const study = newStudy();
      const file = await writeGeneratedSav(path.join(folder, 'dupes.sav'), [
        { name: 'id', numbers: [1, 2, 2, 3] },
        { name: 'q1', numbers: [1, 1, 2, 2] },
      ]);
      const summary = await importInto(study, file);
      expect(summary).toMatchObject({
        rows: 4,
        respondentId: { variable: null, how: 'row-number' },
      });
    });
  });

  describe('identifying columns', () => {
    it('marks the first and last names of personnel.sav as identifying, and nothing else', async () => {
      const study = newStudy();
      const summary = await importInto(study, PERSONNEL);
      expect(summary.identifying).toEqual(['firstname', 'lastname']);
      const marked = (
        study.db
          .prepare('SELECT name FROM variables WHERE is_identifying = 1 ORDER BY sort_order')
          .all() as Array<{ name: string }>
      ).map((row) => row.name);
      expect(marked).toEqual(['firstname', 'lastname']);
    });

    it('marks e-mail addresses and phone numbers from their content, whatever the column is called', async () => {
      const study = newStudy();
      const file = await writeGeneratedSav(path.join(folder, 'contacts.sav'), [
        {
          name: 'kontakt',
          strings: ['anna.schmidt@example.de', 'b.meier@example.com', '', 'k.lee@example.co.kr'],
        },
        { name: 'tel', strings: ['+49 30 1234567', '(030) 765-4321', '0171 2345678', ''] },
        { name: 'comment', strings: ['too expensive', 'good service', 'n/a', 'ok'] },
        { name: 'q1', numbers: [1, 2, 3, 4], valueLabels: { 1: 'Yes' } },
      ]);
      const summary = await importInto(study, file);
      expect(summary.identifying).toEqual(['kontakt', 'tel']);
    });

    it('leaves identifying columns out of an export when asked, and writes every variable otherwise', async () => {
      const study = newStudy();
      await importInto(study, PERSONNEL);
      const all = [
        'firstname',
        'lastname',
        'sex',
        'dob',
        'occupation',
        'salary',
        'source',
        'wave',
        'country',
        'respondent_type',
      ];
      expect((await exportedCsv(study)).header).toEqual(all);
      expect((await exportedCsv(study, { dropIdentifying: true })).header).toEqual(
        all.filter((name) => name !== 'firstname' && name !== 'lastname'),
      );
      // Named variables are still filtered: identifying ones are dropped from the list too.
      expect(
        (await exportedCsv(study, { variables: ['lastname', 'sex'], dropIdentifying: true }))
          .header,
      ).toEqual(['sex']);
    });
  });

  describe('the audit log', () => {
    it('records file name, size, SHA-256, reader, rows and time for every import', async () => {
      const study = newStudy();
      const files = [PERSONNEL, fixture('haven/iris.sav')];
      const started = new Date().toISOString();
      for (const file of files) await importInto(study, file);
      const finished = new Date().toISOString();
      const imports = readAudit(study.db).filter((entry) => entry.action === 'import');
      expect(imports).toHaveLength(2);
      for (const [index, file] of files.entries()) {
        const entry = imports[index]!;
        expect(entry.details).toMatchObject({
          file: path.basename(file),
          size: statSync(file).size,
          sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
          reader: 'sav',
        });
        expect(entry.at >= started && entry.at <= finished).toBe(true);
      }
      // Rows as PSPP counts them.
      expect(imports.map((entry) => entry.details.rows)).toEqual([56, 150]);
    });

    it('records a failed import with the file name and the reason, and nothing else', async () => {
      const study = newStudy();
      await expect(importInto(study, PERSONNEL, { idVariable: 'sex' })).rejects.toThrow();
      const last = readAudit(study.db).at(-1);
      expect(last).toMatchObject({
        action: 'import.failed',
        details: { file: 'personnel.sav', reason: expect.stringMatching(/not unique/) },
      });
    });
  });
});
