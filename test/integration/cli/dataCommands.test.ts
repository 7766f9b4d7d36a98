/**
 * The data commands of the CLI — info, import, export-data — as a user runs them (the built
 * out/main/cli.js). `info --json` is checked against GNU PSPP's reading of the same file:
 * variables and their order, types, value labels, missing values, multiple-response sets and
 * the number of cases. Output contract: with --json stdout holds exactly one JSON document;
 * errors go to stderr with a non-zero exit.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatasetInfo, MissingSpec } from '../../../src/shared/domain/dataset';
import { describeWithFixtures, fixture } from '../../support/fixtures';
import { describeWithPspp, runPspp, type PsppTable } from '../../support/psppOracle';
import { studyContent } from '../../support/studyContent';
import { tempFolder } from '../../support/studyDb';
import { closeStudyFile } from '../../../src/main/study/studyFile';
import { cli, createStudy, importInto, parseCsv } from '../import/studyHelpers';

const PERSONNEL = fixture('pspp/examples/personnel.sav');

/** Print formats whose values are dates, times or durations in seconds (the reader's `date`). */
const DATE_FORMAT =
  /^(DATE|ADATE|EDATE|JDATE|SDATE|QYR|MOYR|WKYR|DATETIME|YMDHMS|TIME|DTIME|MTIME)\d/;

interface PsppVariable {
  name: string;
  printFormat: string;
  missing: string;
  valueLabels: Array<[string, string]>;
}

interface PsppView {
  cases: number;
  variables: PsppVariable[];
  sets: Array<{ name: string; label: string; type: string; counted: string; members: string[] }>;
}

function quote(file: string): string {
  return `'${file.replace(/'/g, "''")}'`;
}

function rowsOf(table: PsppTable | undefined): Array<Record<string, string>> {
  if (!table) return [];
  const [header = [], ...rows] = table.rows;
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

/** PSPP's view of a system file, with variable names (not labels) in every table. */
async function psppView(file: string): Promise<PsppView> {
  const output = await runPspp(
    [
      'SET TVARS=NAMES.',
      `GET FILE=${quote(file)}.`,
      'DISPLAY DICTIONARY.',
      'MRSETS /DISPLAY NAME=ALL.',
      `SYSFILE INFO FILE=${quote(file)}.`,
      '',
    ].join('\n'),
  );
  const table = (title: string) => output.tables.find((t) => t.title === title);
  const labels = new Map<string, Array<[string, string]>>();
  let current = '';
  for (const row of table('Value Labels')?.rows.slice(1) ?? []) {
    if (row.length < 3) continue; // the footnote line
    if (row[0]) current = row[0];
    const list = labels.get(current) ?? [];
    list.push([(row[1] ?? '').replace(/\[[a-z]\]$/, ''), row[2] ?? '']);
    labels.set(current, list);
  }
  const info = new Map(table('File Information')?.rows.map((row) => [row[0], row[1]]) ?? []);
  return {
    cases: Number(info.get('Cases')),
    variables: rowsOf(table('Variables')).map((row) => ({
      name: row.Name ?? '',
      printFormat: row['Print Format'] ?? '',
      missing: row['Missing Values'] ?? '',
      valueLabels: labels.get(row.Name ?? '') ?? [],
    })),
    sets: rowsOf(table('Multiple Response Sets')).map((row) => ({
      name: row.Name ?? '',
      label: row.Label ?? '',
      type: row.Encoding ?? '',
      counted: row['Counted Value'] ?? '',
      members: (row['Member Variables'] ?? '').split('\n').filter(Boolean),
    })),
  };
}

/** The type the issue defines, from what PSPP says about the variable. */
function expectedType(variable: PsppVariable): string {
  if (/^A\d/.test(variable.printFormat)) return 'text';
  if (DATE_FORMAT.test(variable.printFormat)) return 'date';
  return variable.valueLabels.length > 0 ? 'single' : 'numeric';
}

/** PSPP's "Missing Values" cell (`LOWEST THRU -1; 999`, `"x"; "y"`) as MissingSpecs. */
function parseMissing(text: string): MissingSpec[] {
  if (text === '') return [];
  return text.split('; ').map((part): MissingSpec => {
    const range = /^(.+) THRU (.+)$/.exec(part);
    if (range) {
      return {
        low: range[1] === 'LOWEST' ? null : Number(range[1]),
        high: range[2] === 'HIGHEST' ? null : Number(range[2]),
      };
    }
    return part.startsWith('"') ? part.slice(1, -1).replace(/""/g, '"') : Number(part);
  });
}

function sameCode(ours: string, pspp: string, text: boolean): boolean {
  return text ? ours.trimEnd() === pspp.trimEnd() : Number(ours) === Number(pspp);
}

describeWithFixtures('the data commands of the CLI', () => {
  let folder: string;
  let cleanup: () => void;
  beforeEach(() => ({ folder, cleanup } = tempFolder('cew-cli-data-')));
  afterEach(() => cleanup());

  /** s.cew in the test folder with one file imported (in-process, closed again). */
  async function studyWith(file: string): Promise<string> {
    const study = createStudy(folder, 's');
    try {
      await importInto(study, file, { wave: '1' });
    } finally {
      closeStudyFile(study);
    }
    return study.path;
  }

  describeWithPspp('info --json prints what the file holds, as PSPP reads it', () => {
    const files: Array<{ file: string; checkMissing?: boolean; sets?: number }> = [
      { file: 'pspp/examples/personnel.sav' },
      { file: 'medella-spss/cakespss1000similarvars.sav' },
      { file: 'pspp/tests/v14.sav' },
      // PSPP drops this file's string missing values (record 7.22 quirk, see the round trip).
      { file: 'medella-spss/Longstring.sav', checkMissing: false },
      { file: 'medella-spss/MissingValues.sav' },
      { file: 'pyreadstat/simple_alltypes.sav', sets: 2 },
      { file: 'savreaderwriter/spssio_test.sav', sets: 3 },
      { file: 'savreaderwriter/test_dates.sav' },
      { file: 'savreaderwriter/greetings.sav' },
      { file: 'r-foreign/mval_bug.sav' },
    ];

    it.each(files)('$file', async ({ file, checkMissing = true, sets = 0 }) => {
      const original = fixture(file);
      const [result, pspp] = [cli(['info', original, '--json'], folder), await psppView(original)];
      expect(result.code, result.stderr).toBe(0);
      // Exactly one JSON document on stdout.
      expect(result.stdout.endsWith('}\n')).toBe(true);
      const info = JSON.parse(result.stdout) as DatasetInfo;
      expect(Object.keys(info).sort()).toEqual(
        ['cases', 'encoding', 'format', 'multiResponseSets', 'variables', 'warnings'].sort(),
      );

      expect(info.cases).toBe(pspp.cases);
      expect(info.variables.map((v) => v.name)).toEqual(pspp.variables.map((v) => v.name));
      for (const [index, variable] of info.variables.entries()) {
        const theirs = pspp.variables[index]!;
        const text = expectedType(theirs) === 'text';
        expect({ name: variable.name, type: variable.type }).toEqual({
          name: theirs.name,
          type: expectedType(theirs),
        });
        const ours = Object.entries(variable.valueLabels);
        expect(ours.length, `${variable.name}: value labels`).toBe(theirs.valueLabels.length);
        for (const [code, label] of theirs.valueLabels) {
          // PSPP shows a code too wide for the print format as asterisks: match it by label.
          const match = /^\*+$/.test(code)
            ? ours.find(([, ourLabel]) => ourLabel.trimEnd() === label.trimEnd())
            : ours.find(([key]) => sameCode(key, code, text));
          expect(match?.[1].trimEnd(), `${variable.name}: label of ${code}`).toBe(label.trimEnd());
        }
        if (checkMissing) {
          // String missing values are compared without the blanks SPSS pads them with.
          const trim = (specs: MissingSpec[]) =>
            specs.map((spec) => (typeof spec === 'string' ? spec.trimEnd() : spec));
          expect(trim(variable.missing), `${variable.name}: missing`).toEqual(
            trim(parseMissing(theirs.missing)),
          );
        }
      }

      expect(info.multiResponseSets).toHaveLength(sets);
      expect(
        info.multiResponseSets.map((set) => ({
          name: set.name,
          label: set.label,
          type: set.type === 'categories' ? 'Categories' : 'Dichotomies',
          counted: set.countedValue === undefined ? '' : String(set.countedValue),
          members: set.variables,
        })),
      ).toEqual(pspp.sets);
    });

    it.each([
      ['CVE-2017-10791.sav', /record 7\.21 at byte \d+/],
      ['CVE-2017-10792.sav', /record 7\.18 at byte \d+/],
    ])(
      'reads the fuzzed %s as PSPP does: every case, with a warning naming the record and the byte',
      async (name, warning) => {
        const file = fixture(`pspp/tests/${name}`);
        const result = cli(['info', file, '--json'], folder);
        expect(result.code, result.stderr).toBe(0);
        const info = JSON.parse(result.stdout) as DatasetInfo;
        expect(info.cases).toBe((await psppView(file)).cases);
        expect(info.warnings).toEqual([expect.stringMatching(warning)]);
      },
    );

    it('prints a zero-case file with cases 0 and its variables', () => {
      const result = cli(['info', fixture('medella-spss/Longstring.sav'), '--json'], folder);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        cases: 0,
        variables: [{ name: 'a🤓🤓', type: 'text' }],
      });
    });

    it('fails on a file that is not SPSS, naming the file and the byte, with nothing on stdout', () => {
      const result = cli(['info', fixture('pspp/tests/hotel-encrypted.sav'), '--json'], folder);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        /hotel-encrypted\.sav: at byte \d+: encrypted \.sav files are not supported/,
      );
    });
  });

  describe('import', () => {
    it('creates the study, imports customers by default and prints one JSON summary with --json', () => {
      const result = cli(
        ['import', 'new.cew', PERSONNEL, '--country', 'de', '--wave', '2026', '--json'],
        folder,
      );
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        file: PERSONNEL,
        rows: 56,
        variablesAdded: 6,
        identifying: ['firstname', 'lastname'],
        respondentId: { variable: null, how: 'row-number' },
      });
      const described = JSON.parse(cli(['describe', 'new.cew', '--json'], folder).stdout) as {
        sources: Array<Record<string, unknown>>;
      };
      expect(described.sources).toEqual([
        expect.objectContaining({
          fileName: 'personnel.sav',
          rowCount: 56,
          country: 'DE',
          wave: '2026',
          respondentType: 'customer',
        }),
      ]);
    });

    it('imports executives with --type executive, beside the customers of another file', async () => {
      await studyWith(PERSONNEL);
      const second = cli(
        ['import', 's.cew', PERSONNEL, '--country', 'DE', '--wave', '2026', '--type', 'executive'],
        folder,
      );
      expect(second.code, second.stderr).toBe(0);
      cli(['export-data', 's.cew', '--format', 'csv', '--out', 'all.csv'], folder);
      const [header = [], ...rows] = parseCsv(
        readFileSync(path.join(folder, 'all.csv'), 'utf8').slice(1),
      );
      const type = rows.map((row) => row[header.indexOf('respondent_type')]);
      // respondent_type codes: 1 customer, 2 executive (their value labels say so).
      expect(type).toEqual([...Array<string>(56).fill('1'), ...Array<string>(56).fill('2')]);
    });

    it('blocks an import whose --id has duplicates, saying which, and leaves the study as it was', async () => {
      const study = await studyWith(fixture('haven/iris.sav'));
      const before = studyContent(study);
      const result = cli(
        ['import', 's.cew', PERSONNEL, '--country', 'DE', '--wave', '1', '--id', 'sex', '--json'],
        folder,
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        /personnel\.sav: respondent ID sex is not unique \(0 occurs more than once\)/,
      );
      expect(studyContent(study)).toEqual(before);
    });

    it('refuses to run without --country, with usage exit code 2', () => {
      const result = cli(['import', 's.cew', PERSONNEL, '--wave', '1'], folder);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/country/);
      expect(existsSync(path.join(folder, 's.cew'))).toBe(false);
    });
  });

  describe('export-data', () => {
    // The study is set up in-process (import is tested above); export-data runs as the user runs it.
    beforeEach(() => studyWith(PERSONNEL));

    function csvHeader(file: string): string[] {
      return parseCsv(readFileSync(path.join(folder, file), 'utf8').slice(1))[0] ?? [];
    }

    it('writes every variable without --drop-identifying, and leaves the identifying ones out with it', () => {
      const all = cli(
        ['export-data', 's.cew', '--format', 'csv', '--out', 'all.csv', '--json'],
        folder,
      );
      expect(all.code, all.stderr).toBe(0);
      expect(JSON.parse(all.stdout)).toMatchObject({ rows: 56, variables: 10, format: 'csv' });
      expect(csvHeader('all.csv')).toEqual([
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
      const dropped = cli(
        ['export-data', 's.cew', '--format', 'csv', '--out', 'safe.csv', '--drop-identifying'],
        folder,
      );
      expect(dropped.code, dropped.stderr).toBe(0);
      expect(csvHeader('safe.csv')).toEqual([
        'sex',
        'dob',
        'occupation',
        'salary',
        'source',
        'wave',
        'country',
        'respondent_type',
      ]);
    });

    it('writes just the --variables asked for, in that order', () => {
      const result = cli(
        [
          'export-data',
          's.cew',
          '--format',
          'csv',
          '--out',
          'some.csv',
          '--variables',
          'salary,sex,country',
        ],
        folder,
      );
      expect(result.code, result.stderr).toBe(0);
      expect(csvHeader('some.csv')).toEqual(['salary', 'sex', 'country']);
    });

    it('fails clearly when the target folder does not exist, and writes nothing', () => {
      const target = path.join(folder, 'missing', 'out.sav');
      const result = cli(['export-data', 's.cew', '--format', 'sav', '--out', target], folder);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`${path.join(folder, 'missing')}: no such folder`);
      expect(
        readdirSync(folder).filter((name) => !name.startsWith('s.cew') && name !== 'home'),
      ).toEqual([]);
    });

    describeWithPspp('.zsav', () => {
      it('writes a zlib-compressed system file that PSPP reads with every case', async () => {
        const result = cli(
          ['export-data', 's.cew', '--format', 'zsav', '--out', 'out.zsav'],
          folder,
        );
        expect(result.code, result.stderr).toBe(0);
        const output = await runPspp(
          `SYSFILE INFO FILE=${quote(path.join(folder, 'out.zsav'))}.\n`,
        );
        const info = new Map(
          output.tables.find((t) => t.title === 'File Information')?.rows.map((r) => [r[0], r[1]]),
        );
        expect(output.problems).toEqual([]);
        expect([info.get('Compression'), info.get('Cases'), info.get('Variables')]).toEqual([
          'ZSAV',
          '56',
          '10',
        ]);
      });
    });
  });
});
