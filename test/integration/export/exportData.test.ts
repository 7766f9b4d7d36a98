/**
 * export-data: a study's respondents written back out.
 *
 * Round trip: each fixture is imported into a fresh study and exported to .sav; GNU PSPP must
 * then report for the export, once the four system variables are deleted, the same dictionary
 * (names, labels, value labels, missing values, formats, measure), documents, attributes,
 * multiple-response sets, values and FREQUENCIES as for the original — with the same documented
 * allowances as the writer's own round trip (test/support/savRoundTripCases.ts) —
 * and the system variables source, wave, country and respondent_type right after the file's own.
 *
 * Then the export's promises: no half-written file at the target on failure or cancel, CSV in
 * UTF-8 with a BOM, Excel with numbers as numbers.
 */
import ExcelJS from 'exceljs';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportData } from '../../../src/main/export/exportData';
import { closeStudyFile, type OpenStudy } from '../../../src/main/study/studyFile';
import { describeWithFixtures, fixture } from '../../support/fixtures';
import { describeWithPspp, psppConvert, runPspp, type PsppOutput } from '../../support/psppOracle';
import { SAV_ROUND_TRIP_CASES, type SavRoundTripCase } from '../../support/savRoundTripCases';
import { tempFolder } from '../../support/studyDb';
import {
  createStudy,
  exportFrom,
  importInto,
  parseCsv,
  writeGeneratedSav,
} from '../import/studyHelpers';

const SYSTEM_VARIABLES = ['source', 'wave', 'country', 'respondent_type'];

type Known = SavRoundTripCase['known'];

/** The writer's round-trip fixtures but eight, left out to keep this slower run short. */
const LEFT_OUT = new Set([
  'medella-spss/Learning.sav',
  'pspp/tests/nhtsa.sav',
  'pspp/tests/v13.sav',
  'pyreadstat/missing_test.sav',
  'pyreadstat/ordered_category.sav',
  'r-foreign/pbc.sav',
  'r-foreign/sample100.sav',
  'savreaderwriter/all_numeric.sav',
]);
const FIXTURES = SAV_ROUND_TRIP_CASES.filter(({ file }) => !LEFT_OUT.has(file));

function quote(file: string): string {
  return `'${file.replace(/'/g, "''")}'`;
}

/**
 * What PSPP reports about a file's own variables; `dropSystem` drops the study's additions as the
 * file is read. SYSFILE INFO comes last: it lists the whole dictionary of the file on disk, so
 * only its "File Information" table is used.
 */
function dictionarySyntax(file: string, dropSystem: boolean): string {
  return [
    `GET FILE=${quote(file)}${dropSystem ? ` /DROP=${SYSTEM_VARIABLES.join(' ')}` : ''}.`,
    'DISPLAY DICTIONARY.',
    'DISPLAY DOCUMENTS.',
    'DISPLAY ATTRIBUTES.',
    'MRSETS /DISPLAY NAME=ALL.',
    'LIST.',
    'FREQUENCIES /VARIABLES=ALL.',
    `SYSFILE INFO FILE=${quote(file)}.`,
    '',
  ].join('\n');
}

/**
 * File information a rewrite changes by design: stamps, encoding and byte order (we write
 * UTF-8, little-endian), compression (chosen by --format) and the variable count (checked apart).
 */
const REWRITTEN_INFO = new Set([
  'File',
  'Created',
  'Product',
  'Encoding',
  'Integer Format',
  'Real Format',
  'Compression',
  'Variables',
]);

/** PSPP's complaints about one file, without the file name and byte offset. */
function fileProblems(output: PsppOutput, file: string): string[] {
  return output.problems
    .filter((problem) => problem.includes(file))
    .map((problem) => problem.replace(/`[^']*'( near offset 0x[0-9a-f]+)?/, '<file>'));
}

function commandProblems(output: PsppOutput, file: string): string[] {
  return output.problems.filter((problem) => !problem.includes(file));
}

function infoOf(output: PsppOutput): Map<string, string> {
  const table = output.tables.find((t) => t.title === 'File Information');
  return new Map((table?.rows ?? []).map((row) => [row[0] ?? '', row.slice(1).join(',')]));
}

/** The parts of PSPP's report a faithful export must reproduce (trailing blanks aside). */
function comparable(output: PsppOutput, known: Known | undefined) {
  const cell = (text: string): string => {
    let out = text.replace(/\s+$/, '');
    if (known?.cell) out = known.cell(out);
    return known?.ignoreCase ? out.toLowerCase() : out;
  };
  const ignored = new Set(known?.ignoreColumns ?? []);
  const rows = (title: string, table: string[][]): string[][] => {
    if (title !== 'Variables' || ignored.size === 0) return table.map((row) => row.map(cell));
    const keep = (table[0] ?? []).map((name) => !ignored.has(name));
    return table.map((row) => row.filter((_, i) => keep[i] ?? true).map(cell));
  };
  return {
    info: [...infoOf(output)]
      .filter(([key]) => !REWRITTEN_INFO.has(key))
      .map(([key, value]) => [key, cell(value)]),
    tables: output.tables
      .slice(
        0,
        output.tables.findIndex((table) => table.title === 'File Information'),
      )
      .map((table) => [cell(table.title), rows(table.title, table.rows)]),
  };
}

let folder: string;
let cleanup: () => void;

describeWithFixtures('export-data', () => {
  describeWithPspp(
    'import then export to .sav: PSPP sees the original file plus the system variables',
    () => {
      let roundTripFolder: string;
      let roundTripCleanup: () => void;
      beforeAll(() => {
        ({ folder: roundTripFolder, cleanup: roundTripCleanup } = tempFolder('cew-roundtrip-'));
      });
      afterAll(() => roundTripCleanup());

      it.each(FIXTURES)('$file', async ({ file, known }) => {
        const original = fixture(file);
        const name = path.basename(file).replace(/\W/g, '_');
        const study = createStudy(roundTripFolder, name);
        const exported = path.join(roundTripFolder, `${name}.export.sav`);
        let cases: number;
        try {
          cases = (await importInto(study, original, { country: 'DE', wave: 'W1' })).rows;
          const summary = await exportFrom(study, exported, { format: 'sav' });
          expect(summary.warnings).toEqual([]);
        } finally {
          closeStudyFile(study);
        }

        const [before, after, system] = await Promise.all([
          runPspp(dictionarySyntax(original, false)),
          runPspp(dictionarySyntax(exported, true)),
          runPspp(
            [
              `GET FILE=${quote(exported)}.`,
              'WEIGHT OFF.',
              'DISPLAY DICTIONARY.',
              `FREQUENCIES /VARIABLES=${SYSTEM_VARIABLES.join(' ')}.`,
              '',
            ].join('\n'),
          ),
        ]);

        // The export reads cleanly, short of what PSPP also says about the original.
        expect(fileProblems(after, exported).filter((p) => !known?.tolerate?.test(p))).toEqual([]);
        expect(commandProblems(after, exported)).toEqual(commandProblems(before, original));
        expect(comparable(after, known)).toEqual(comparable(before, known));

        // The four system variables follow the file's own, labelled, one value each.
        const originalCount = Number(infoOf(before).get('Variables'));
        expect(Number(infoOf(after).get('Variables'))).toBe(originalCount + 4);
        const variables = system.tables.find((t) => t.title === 'Variables')?.rows ?? [];
        expect(variables.slice(-4).map((row) => [row[0], row[1], row[2]])).toEqual([
          ['source', String(originalCount + 1), 'Source file'],
          ['wave', String(originalCount + 2), 'Wave'],
          ['country', String(originalCount + 3), 'Country'],
          ['respondent_type', String(originalCount + 4), 'Respondent type'],
        ]);
        // Every respondent has the one value of each, labelled as imported.
        const labels = [path.basename(file), 'W1', 'Germany', 'Customer'];
        for (const [index, title] of [
          'Source file',
          'Wave',
          'Country',
          'Respondent type',
        ].entries()) {
          const table = system.tables.find((t) => t.title === title);
          if (cases === 0) continue;
          expect(table?.rows.slice(1, 3)).toEqual([
            ['Valid', labels[index], String(cases), '100.0%', '100.0%', '100.0%'],
            ['Total', '', String(cases), '100.0%', '', ''],
          ]);
        }
      });
    },
  );

  describe('failures and cancels leave no half-written file', () => {
    let study: OpenStudy;
    beforeEach(async () => {
      ({ folder, cleanup } = tempFolder('cew-export-'));
      study = createStudy(folder);
      await importInto(study, fixture('pspp/examples/personnel.sav'));
    });
    afterEach(() => {
      closeStudyFile(study);
      cleanup();
    });

    it('fails clearly when the target folder does not exist, creating nothing', async () => {
      const missing = path.join(folder, 'no such folder');
      for (const format of ['sav', 'zsav', 'csv', 'xlsx'] as const) {
        await expect(
          exportFrom(study, path.join(missing, `out.${format}`), { format }),
        ).rejects.toThrow(`${missing}: no such folder`);
      }
      expect(readdirSync(folder).sort()).toEqual(['study.cew', 'study.cew-shm', 'study.cew-wal']);
    });

    it('leaves an existing file at the target untouched when an export fails or is cancelled', async () => {
      for (const format of ['sav', 'zsav', 'csv', 'xlsx'] as const) {
        const target = path.join(folder, `existing.${format}`);
        writeFileSync(target, 'precious earlier export');
        const modified = statSync(target).mtimeMs;
        await expect(
          exportFrom(study, target, { format, variables: ['no_such_variable'] }),
        ).rejects.toThrow(/no such variable no_such_variable/);
        const cancelled = new AbortController();
        cancelled.abort();
        await expect(exportFrom(study, target, { format }, cancelled.signal)).rejects.toThrow();
        expect(readFileSync(target, 'utf8')).toBe('precious earlier export');
        expect(statSync(target).mtimeMs).toBe(modified);
      }
      // No temporary file is left beside the targets either.
      expect(readdirSync(folder).filter((name) => name.includes('partial'))).toEqual([]);
    });

    it('cancels an export while it is writing without leaving a file at the target', async () => {
      const big = path.join(folder, 'big.sav');
      const values = Float64Array.from({ length: 60_000 }, (_, i) => i % 97);
      await writeGeneratedSav(big, [
        { name: 'a', numbers: values },
        { name: 'b', numbers: values },
      ]);
      await importInto(study, big);
      for (const format of ['sav', 'csv', 'xlsx'] as const) {
        const target = path.join(folder, `cancelled.${format}`);
        const controller = new AbortController();
        const exporting = exportData(study, target, { format }, controller.signal, () =>
          controller.abort(),
        );
        await expect(exporting).rejects.toThrow(/cancel|abort/i);
        expect(
          readdirSync(folder).filter((n) => n.startsWith('cancelled') || n.includes('partial')),
        ).toEqual([]);
      }
    });
  });

  describe('CSV and Excel', () => {
    beforeEach(() => ({ folder, cleanup } = tempFolder('cew-export-')));
    afterEach(() => cleanup());

    it('writes CSV in UTF-8 with a byte-order mark, non-ASCII text, quotes and line breaks round-tripping', async () => {
      const texts = [
        'Grüße aus Köln',
        '서울 에너지 고객',
        'say "hi", then leave',
        'two\r\nlines',
        '',
        'emoji 🤓 ok',
      ];
      const source = await writeGeneratedSav(path.join(folder, 'texts.sav'), [
        { name: 'städt', label: 'Stadt', strings: texts },
        { name: 'n', numbers: [1.5, -2, null, 1e-7, 123456789.25, 0] },
      ]);
      const study = createStudy(folder);
      try {
        await importInto(study, source);
        await exportFrom(study, path.join(folder, 'out.csv'), { format: 'csv' });
      } finally {
        closeStudyFile(study);
      }
      const bytes = readFileSync(path.join(folder, 'out.csv'));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
      expect(header).toEqual(['städt', 'n', 'source', 'wave', 'country', 'respondent_type']);
      expect(rows.map((row) => row[0])).toEqual(texts);
      expect(rows.map((row) => (row[1] === '' ? null : Number(row[1])))).toEqual([
        1.5,
        -2,
        null,
        1e-7,
        123456789.25,
        0,
      ]);
    });

    it('writes CSV values as PSPP reads them from the original file', async () => {
      const original = fixture('savreaderwriter/greetings.sav');
      const study = createStudy(folder);
      try {
        await importInto(study, original);
        await exportFrom(study, path.join(folder, 'greetings.csv'), {
          format: 'csv',
          variables: ['line', 'Bondjoû', 'greeting'],
        });
      } finally {
        closeStudyFile(study);
      }
      const ours = parseCsv(readFileSync(path.join(folder, 'greetings.csv'), 'utf8').slice(1));
      const truth = (await psppConvert(original)).rows;
      expect(ours).toEqual(truth);
    });

    it('writes Excel that exceljs opens, numbers as numbers, text as text, missing as blank', async () => {
      const original = fixture('pspp/examples/personnel.sav');
      const study = createStudy(folder);
      try {
        await importInto(study, original);
        await exportFrom(study, path.join(folder, 'out.xlsx'), { format: 'xlsx' });
      } finally {
        closeStudyFile(study);
      }
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path.join(folder, 'out.xlsx'));
      const sheet = workbook.getWorksheet('data');
      expect(sheet).toBeDefined();
      const header = (sheet!.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual([
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
      ]);
      const [truthHeader = [], ...truthRows] = (await psppConvert(original)).rows;
      expect(sheet!.rowCount).toBe(truthRows.length + 1);
      for (const [index, truthRow] of truthRows.entries()) {
        const row = sheet!.getRow(index + 2);
        for (const name of ['firstname', 'occupation']) {
          const value = row.getCell(header.indexOf(name) + 1).value;
          expect(value).toBe(truthRow[truthHeader.indexOf(name)]);
        }
        for (const name of ['sex', 'salary']) {
          const value = row.getCell(header.indexOf(name) + 1).value;
          const truth = truthRow[truthHeader.indexOf(name)] ?? '';
          if (truth.trim() === '') expect(value).toBeNull();
          else {
            expect(typeof value).toBe('number');
            expect(value).toBe(Number(truth));
          }
        }
        expect(typeof row.getCell(header.indexOf('source') + 1).value).toBe('number');
      }
      // The codebook sheet carries labels so the file imports back whole.
      const codebook = workbook.getWorksheet('codebook');
      const rows: unknown[][] = [];
      codebook!.eachRow((row) => rows.push([1, 2, 3, 4].map((c) => row.getCell(c).value)));
      expect(rows).toEqual(
        expect.arrayContaining([
          ['salary', 'Annual salary before tax', null, null],
          ['sex', null, 0, 'Male'],
          ['sex', null, 1, 'Female'],
        ]),
      );
    });
  });
});
