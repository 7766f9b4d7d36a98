/**
 * Specification of the .sav/.zsav reader. The strongest checks compare every fixture with GNU
 * PSPP, an independent implementation: its CSV export (every value) and its DISPLAY DICTIONARY /
 * MRSETS output (names, labels, formats, missing values, value labels, sets). The hand-written
 * cases pin down behaviour PSPP cannot show: encodings, very long strings, malformed files,
 * streaming, cancellation.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeWithFixtures, fixture, fixturesDir } from '../../../../support/fixtures';
import {
  SavFormatError,
  isDateFormat,
  isTimeFormat,
  readSav,
  readSavBatches,
  readSavDictionary,
  spssSecondsToIso,
  type SavBatch,
} from '../../../../../src/main/import/sav/savReader';
import type {
  SavColumn,
  SavFile,
  SavFormat,
  SavMissing,
  SavVariable,
} from '../../../../../src/main/import/sav/savModel';
import { parseCsv } from '../../../../support/csvText';
import { plainValues } from '../../../../support/importedValues';
import { numbersOf } from '../../../../../src/main/import/importedDataset';
import { describeWithPspp } from '../../../../support/psppOracle';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sav-reader-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every .sav/.zsav under the fixtures folder, relative paths, sorted. */
function allSavFixtures(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.z?sav$/i.test(entry.name)) out.push(path.relative(fixturesDir, full));
    }
  };
  walk(fixturesDir);
  return out.sort();
}

const MUST_FAIL = new Set(['pspp/tests/hotel-encrypted.sav']);

function numeric(file: SavFile, name: string): Float64Array {
  const i = file.dictionary.variables.findIndex((v) => v.name === name);
  const col = file.columns[i];
  if (col === undefined || col.kind === 'string')
    throw new Error(`${name} is not a numeric column`);
  return numbersOf(col);
}

/** A column's values as tests compare them: numbers with NaN for missing, or the strings. */
function plain(column: SavColumn): Array<number | string | null> {
  return column.kind === 'string' ? column.values : plainValues(column);
}

function strings(file: SavFile, name: string): string[] {
  const i = file.dictionary.variables.findIndex((v) => v.name === name);
  const col = file.columns[i];
  if (col?.kind !== 'string') throw new Error(`${name} is not a string column`);
  return col.values;
}

function variable(file: { variables: SavVariable[] }, name: string): SavVariable {
  const v = file.variables.find((x) => x.name === name);
  if (!v) throw new Error(`no variable ${name}`);
  return v;
}

/** Resolves with the error a promise rejects with, failing if it resolves. */
async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the read to fail');
}

function copyToTmp(relative: string, name: string, edit: (b: Buffer) => Buffer): string {
  const out = path.join(tmp, name);
  writeFileSync(out, edit(readFileSync(fixture(relative))));
  return out;
}

// ---------------------------------------------------------------------------------------------
// PSPP as the reference implementation
// ---------------------------------------------------------------------------------------------

/** PSPP's checks need the fixtures too: the shared PSPP guard inside the fixtures guard. */
function describeWithPsppFixtures(name: string, body: () => void): void {
  describeWithFixtures(name, () => describeWithPspp('(GNU PSPP as the reference)', body));
}

interface PsppTable {
  title: string;
  header: string[];
  rows: string[][];
}

interface PsppView {
  tables: PsppTable[];
  /** Output lines outside tables: warnings and errors. */
  messages: string[];
  /** The CSV export, header row first. */
  data: string[][] | null;
}

function runPspp(syntax: string[], csvOut: string | null): PsppView {
  const sps = path.join(tmp, 'run.sps');
  writeFileSync(sps, syntax.join('\n') + '\n');
  const result = spawnSync('pspp', ['-O', 'format=csv', sps], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  });
  const tables: PsppTable[] = [];
  const messages: string[] = [];
  let current: PsppTable | null = null;
  let needHeader = false;
  for (const row of parseCsv(result.stdout)) {
    const first = row[0] ?? '';
    if (row.length === 1 && first.startsWith('Table: ')) {
      current = { title: first.slice(7), header: [], rows: [] };
      tables.push(current);
      needHeader = true;
    } else if (row.length === 1 && first === '') {
      current = null;
    } else if (current && needHeader) {
      current.header = row;
      needHeader = false;
    } else if (current && !first.startsWith('Footnote:')) {
      current.rows.push(row);
    } else if (!current) {
      messages.push(row.join(','));
    }
  }
  const data = csvOut === null ? null : parseCsv(readFileSync(csvOut, 'utf8'));
  return { tables, messages, data };
}

/** Syntax that opens a fixture, forcing the encoding when the reader had to guess it. */
function getFile(file: string, encoding: string | null): string {
  return `GET FILE='${file}'${encoding === null ? '' : ` ENCODING='${encoding}'`}.`;
}

// prettier-ignore
const FORMAT_NAMES: Record<number, string> = {
  1: 'A', 2: 'AHEX', 3: 'COMMA', 4: 'DOLLAR', 5: 'F', 6: 'IB', 7: 'PIBHEX', 8: 'P', 9: 'PIB',
  10: 'PK', 11: 'RB', 12: 'RBHEX', 15: 'Z', 16: 'N', 17: 'E', 20: 'DATE', 21: 'TIME',
  22: 'DATETIME', 23: 'ADATE', 24: 'JDATE', 25: 'DTIME', 26: 'WKDAY', 27: 'MONTH', 28: 'MOYR',
  29: 'QYR', 30: 'WKYR', 31: 'PCT', 32: 'DOT', 33: 'CCA', 34: 'CCB', 35: 'CCC', 36: 'CCD',
  37: 'CCE', 38: 'EDATE', 39: 'SDATE', 40: 'MTIME', 41: 'YMDHMS',
};
/** Formats PSPP writes without a decimals part. */
const NO_DECIMALS = new Set([1, 2, 20, 23, 24, 26, 27, 28, 29, 30, 38, 39]);

function formatName(f: SavFormat): string {
  const name = FORMAT_NAMES[f.type] ?? `?${f.type}`;
  return NO_DECIMALS.has(f.type) ? `${name}${f.width}` : `${name}${f.width}.${f.decimals}`;
}

/** Missing values the way DISPLAY DICTIONARY prints them. */
function missingText(m: SavMissing): string {
  const num = (x: number | string): string =>
    typeof x === 'string'
      ? `"${x}"`
      : x === -Infinity
        ? 'LOWEST'
        : x === Infinity
          ? 'HIGHEST'
          : String(x);
  if (m.kind === 'none') return '';
  if (m.kind === 'discrete') return m.values.map(num).join('; ');
  const range = `${num(m.low)} THRU ${num(m.high)}`;
  return m.discrete === undefined ? range : `${range}; ${num(m.discrete)}`;
}

const ROLE_NAMES: Record<SavVariable['role'], string> = {
  input: 'Input',
  target: 'Output',
  both: 'Both',
  none: 'None',
  partition: 'Partition',
  split: 'Split',
};

function sameNumber(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * PSPP prints bytes that do not form a character as '?'. Where a writer cut a UTF-8 value at the
 * column width, the reader drops the fragment instead, so PSPP's trailing '?'s are not compared.
 */
function sameString(mine: string, pspp: string): boolean {
  return mine === pspp || (/\?+$/.test(pspp) && pspp.replace(/\?+$/, '') === mine);
}

describeWithPsppFixtures('readSav agrees with GNU PSPP on every fixture', () => {
  const files = allSavFixtures().filter((f) => !MUST_FAIL.has(f));

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  for (const rel of files) {
    it(rel, async () => {
      const file = fixture(rel);
      const mine = await readSav(file);
      const dict = mine.dictionary;
      // Where the file does not say, both readers must use the same guess to be comparable.
      const enc = dict.encodingSource === 'default' ? dict.encoding : null;

      const view = runPspp(
        [
          'SET TVARS=NAMES TNUMBERS=VALUES.',
          getFile(file, enc),
          'DISPLAY DICTIONARY.',
          'MRSETS /DISPLAY NAME=ALL.',
        ],
        null,
      );
      const varTable = view.tables.find((t) => t.title === 'Variables');
      expect(varTable, 'PSPP lists the variables').toBeDefined();
      const col = (name: string): number => varTable!.header.indexOf(name);
      // PSPP renames variables whose short names are duplicate or invalid to VARnnn.
      const renamedByPspp = new Set(
        view.messages.flatMap((m) =>
          [...m.matchAll(/Renaming variable .* to `([^']+)'/g)].map((x) => x[1]!),
        ),
      );
      // PSPP 1.6 expects the obsolete layout of record 7.22 (a length before every value) and
      // drops the record SPSS writes; the current spec documents the layout this reader uses.
      const psppDropped722 = view.messages.some((m) => /subtype 22 ends unexpectedly/.test(m));

      // --- dictionary ---
      expect(dict.variables.map((v) => v.name.length > 0)).not.toContain(false);
      expect(varTable!.rows.length).toBe(dict.variables.length);
      varTable!.rows.forEach((row, i) => {
        const v = dict.variables[i]!;
        const where = `${rel} variable ${i + 1} (${v.name})`;
        // PSPP lower-cases the short names of files without long names.
        if (!renamedByPspp.has(row[col('Name')]!)) {
          expect(v.name.toUpperCase(), where).toBe(row[col('Name')]!.toUpperCase());
        }
        // PSPP's table output drops leading blanks of labels; the reader keeps the bytes.
        if (col('Label') >= 0) {
          expect((v.label ?? '').trimStart(), `${where} label`).toBe(row[col('Label')]);
        }
        expect(formatName(v.printFormat), `${where} print format`).toBe(row[col('Print Format')]);
        expect(formatName(v.writeFormat), `${where} write format`).toBe(row[col('Write Format')]);
        expect(String(v.displayWidth), `${where} display width`).toBe(row[col('Width')]);
        expect(v.alignment, `${where} alignment`).toBe(row[col('Alignment')]!.toLowerCase());
        expect(ROLE_NAMES[v.role], `${where} role`).toBe(row[col('Role')]);
        if (v.measure !== 'unknown') {
          expect(v.measure, `${where} measure`).toBe(row[col('Measurement Level')]!.toLowerCase());
        }
        // PSPP shows string missing values padded to 8 bytes; the reader trims them like the
        // data values they are compared with.
        const psppMissing = (col('Missing Values') >= 0 ? row[col('Missing Values')]! : '').replace(
          / +"(?=;|$)/g,
          '"',
        );
        if (!(psppDropped722 && v.width > 8 && psppMissing === '')) {
          expect(missingText(v.missing), `${where} missing values`).toBe(psppMissing);
        }
      });

      // Value labels: PSPP prints each value with the variable's format and flags user-missing
      // values with a footnote marker such as "[a]".
      const labelTable = view.tables.find((t) => t.title === 'Value Labels');
      const psppLabels = new Map<string, Array<[string, string]>>();
      let owner = '';
      for (const row of labelTable?.rows ?? []) {
        if (row[0] !== '') owner = row[0]!.toUpperCase();
        const list = psppLabels.get(owner) ?? [];
        list.push([row[1]!.replace(/\[[a-z]+\]$/, ''), row[2]!]);
        psppLabels.set(owner, list);
      }
      dict.variables.forEach((v, i) => {
        const psppName = varTable!.rows[i]![col('Name')]!.toUpperCase();
        const expected = psppLabels.get(psppName) ?? [];
        const where = `${rel} value labels of ${v.name}`;
        expect(v.valueLabels.length, where).toBe(expected.length);
        for (const [valueText, label] of expected) {
          const match = v.valueLabels.find((l) => {
            if (l.label !== label) return false;
            if (typeof l.value === 'string') return l.value === valueText;
            const n = Number(valueText.replace(/,/g, ''));
            // Dates and other formatted values cannot be parsed back; the label must still match.
            if (Number.isNaN(n)) return true;
            return Math.abs(n - l.value) <= 0.5 * 10 ** -v.printFormat.decimals + 1e-9;
          });
          expect(match, `${where}: ${valueText} = ${label}`).toBeDefined();
        }
      });

      const setTable = view.tables.find((t) => t.title === 'Multiple Response Sets');
      expect(dict.multiResponseSets.length, `${rel} multiple response sets`).toBe(
        setTable?.rows.length ?? 0,
      );
      for (const row of setTable?.rows ?? []) {
        const set = dict.multiResponseSets.find((s) => s.name === row[0]);
        expect(set, `${rel} set ${row[0]}`).toBeDefined();
        expect(set!.label).toBe(row[1]);
        expect(set!.type).toBe(row[2] === 'Categories' ? 'categories' : 'dichotomies');
        expect(set!.countedValue === undefined ? '' : String(set!.countedValue)).toBe(row[3]);
        expect(set!.variables.map((n) => n.toUpperCase())).toEqual(
          row[4]!.split('\n').map((n) => n.toUpperCase()),
        );
      }

      // --- data: every value. Date variables are switched to F so PSPP prints raw seconds. ---
      const names = varTable!.rows.map((r) => r[col('Name')]!);
      const dateVars = names.filter((_, i) => {
        const v = dict.variables[i]!;
        return v.width === 0 && isDateFormat(v.printFormat.type);
      });
      const csv = path.join(tmp, 'data.csv');
      const data = runPspp(
        [
          getFile(file, enc),
          ...(dateVars.length > 0 ? [`FORMATS ${dateVars.join(' ')} (F40.16).`] : []),
          `SAVE TRANSLATE /OUTFILE='${csv}' /TYPE=CSV /REPLACE /FIELDNAMES /CELLS=VALUES.`,
        ],
        csv,
      ).data!;
      expect(data[0]).toEqual(names);
      expect(mine.cases, `${rel} case count`).toBe(data.length - 1);
      let mismatches = 0;
      const firstMismatches: string[] = [];
      mine.columns.forEach((column: SavColumn, j) => {
        const values = plain(column);
        for (let c = 0; c < mine.cases; c++) {
          const text = data[c + 1]![j] ?? '';
          const value = values[c]!;
          const ok =
            typeof value === 'number'
              ? sameNumber(value, text.trim() === '' ? NaN : Number(text))
              : sameString(value as string, text);
          if (!ok && mismatches++ < 5) {
            firstMismatches.push(`case ${c + 1} ${names[j]}: PSPP ${text} vs ${value}`);
          }
        }
      });
      expect(firstMismatches, `${rel}: ${mismatches} values differ`).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Hand-written specifications
// ---------------------------------------------------------------------------------------------

describeWithFixtures('readSav: text encodings', () => {
  it('decodes UTF-8 labels (haven/umlauts.sav)', async () => {
    const f = await readSav(fixture('haven/umlauts.sav'));
    expect(f.dictionary.encoding).toBe('utf-8');
    expect(f.dictionary.encodingSource).toBe('record');
    const texts = f.dictionary.variables.flatMap((v) => [
      v.label ?? '',
      ...v.valueLabels.map((l) => l.label),
    ]);
    expect(texts.join(' ')).toContain('ä');
  });

  it('decodes windows-1252 labels (medella-spss/test.sav)', async () => {
    const d = await readSavDictionary(fixture('medella-spss/test.sav'));
    expect(d.encoding).toBe('windows-1252');
    const all = JSON.stringify(d.variables);
    for (const ch of ['ñ', 'ß', 'ü']) expect(all).toContain(ch);
    expect(all).not.toContain('\ufffd');
  });

  it('keeps Hebrew and Telugu UTF-8 intact (pyreadstat)', async () => {
    const hebrew = await readSav(fixture('pyreadstat/hebrews.sav'));
    // The 8-byte short name cuts the last letter in half; the long-name record restores it.
    expect(hebrew.dictionary.variables[0]!.name).toBe('ותק_ב');
    expect(hebrew.dictionary.variables[0]!.shortName).toBe('ותק_');
    const telugu = await readSav(fixture('pyreadstat/tegulu.sav'));
    const text = JSON.stringify([telugu.dictionary, telugu.columns]);
    expect(text).toMatch(/[\u0c00-\u0c7f]/);
    for (const f of [hebrew, telugu]) {
      expect(JSON.stringify([f.dictionary, f.columns])).not.toContain('\ufffd');
    }
  });

  it('falls back to windows-1252 when the file declares nothing (BigEndian.sav)', async () => {
    const d = await readSavDictionary(fixture('medella-spss/BigEndian.sav'));
    expect(d.encodingSource).toBe('default');
    expect(d.encoding).toBe('windows-1252');
  });

  it('lets the caller override the declared encoding', async () => {
    const d = await readSavDictionary(fixture('medella-spss/test.sav'), { encoding: 'utf-8' });
    expect(d.encoding).toBe('utf-8');
    expect(d.encodingSource).toBe('override');
    // windows-1252 bytes are not UTF-8, so decoding them as such shows replacement characters.
    expect(JSON.stringify(d.variables)).toContain('\ufffd');
    await expect(
      readSavDictionary(fixture('medella-spss/test.sav'), { encoding: 'no-such-charset' }),
    ).rejects.toThrow(/unknown encoding/);
  });
});

describeWithFixtures('readSav: layout and compression variants', () => {
  it('reads a big-endian file from SPSS for Unix', async () => {
    const f = await readSav(fixture('medella-spss/BigEndian.sav'));
    expect(f.dictionary.byteOrder).toBe('big');
    expect(f.cases).toBe(50);
    expect(f.columns).toHaveLength(6);
    for (const col of f.columns) {
      if (col.kind !== 'string') {
        // Mis-ordered bytes would give absurd magnitudes.
        for (const v of numbersOf(col))
          if (!Number.isNaN(v)) expect(Math.abs(v)).toBeLessThan(1e12);
      }
    }
  });

  it('reads the big-endian Macintosh file r-foreign/spss_long.sav', async () => {
    const f = await readSav(fixture('r-foreign/spss_long.sav'));
    expect(f.dictionary.byteOrder).toBe('big');
    expect(f.cases).toBe(3);
  });

  it('reads .zsav files exactly like their .sav twin', async () => {
    const sav = await readSav(fixture('pyreadstat/sample.sav'));
    const zsav = await readSav(fixture('pyreadstat/sample.zsav'));
    expect(sav.dictionary.compression).toBe('bytecode');
    expect(zsav.dictionary.compression).toBe('zlib');
    expect(zsav.cases).toBe(sav.cases);
    expect(zsav.columns).toEqual(sav.columns);
    expect(zsav.dictionary.variables).toEqual(sav.dictionary.variables);
  });

  it('reads a multi-thousand-case .zsav (pspp llz.zsav)', async () => {
    const f = await readSav(fixture('pspp/tests/llz.zsav'));
    expect(f.dictionary.compression).toBe('zlib');
    expect(f.cases).toBe(4670);
    expect(f.columns.every((c) => c.kind !== 'string' && c.values.length === 4670)).toBe(true);
  });

  it('trusts the header, not the extension, for compression (zlib_compressed.zsav)', async () => {
    const f = await readSav(fixture('savreaderwriter/zlib_compressed.zsav'));
    expect(f.dictionary.compression).toBe('bytecode');
    expect(f.cases).toBe(2);
  });

  it('reads uncompressed files and turns system-missing into NaN', async () => {
    const f = await readSav(fixture('savreaderwriter/all_numeric_uncompressed.sav'));
    const c = await readSav(fixture('savreaderwriter/all_numeric.sav'));
    expect(f.dictionary.compression).toBe('none');
    expect(f.columns).toEqual(c.columns);
    const values = f.columns.flatMap((col) => (col.kind !== 'string' ? [...numbersOf(col)] : []));
    expect(values.some(Number.isNaN)).toBe(true);
    expect(values).not.toContain(-Number.MAX_VALUE);
  });

  it('reads zero-case files', async () => {
    const f = await readSav(fixture('medella-spss/ShortStrings.sav'));
    expect(f.cases).toBe(0);
    expect(f.dictionary.variables).toHaveLength(10);
    expect(f.dictionary.variables.every((v) => v.width === 32767)).toBe(true);
    expect(f.columns.every((c) => c.values.length === 0)).toBe(true);
  });
});

describeWithFixtures('readSav: dictionary details', () => {
  it('reads every numeric missing-value kind (MissingValues.sav)', async () => {
    const d = await readSavDictionary(fixture('medella-spss/MissingValues.sav'));
    const m = (name: string): SavMissing => variable(d, name).missing;
    expect(m('NoMissing')).toEqual({ kind: 'none' });
    expect(m('OneDiscrete')).toEqual({ kind: 'discrete', values: [1] });
    expect(m('TwoDiscrete')).toEqual({ kind: 'discrete', values: [1, 2] });
    expect(m('ThreeDiscrete')).toEqual({ kind: 'discrete', values: [1, 2, 3] });
    expect(m('Range')).toEqual({ kind: 'range', low: 1, high: 5 });
    expect(m('RangeDiscrete')).toEqual({ kind: 'range', low: 1, high: 5, discrete: 7 });
  });

  it('maps LOWEST/HIGHEST range ends to ±Infinity (r-foreign/mval_bug.sav, spssio_test.sav)', async () => {
    const d = await readSavDictionary(fixture('savreaderwriter/spssio_test.sav'));
    expect(variable(d, 'Income1').missing).toEqual({ kind: 'range', low: -Infinity, high: -1 });
    expect(variable(d, 'Income2').missing).toEqual({
      kind: 'range',
      low: -Infinity,
      high: -1,
      discrete: 999,
    });
    const mval = await readSavDictionary(fixture('r-foreign/mval_bug.sav'));
    const ranges = mval.variables.map((v) => v.missing).filter((x) => x.kind === 'range');
    expect(ranges.some((r) => r.low === -Infinity)).toBe(true);
    expect(ranges.some((r) => r.high === Infinity)).toBe(true);
  });

  it('reads string missing values, short and long (record 7.22)', async () => {
    const d = await readSavDictionary(fixture('savreaderwriter/spssio_test.sav'));
    expect(variable(d, 'aShortStringVar').missing).toEqual({
      kind: 'discrete',
      values: ['x', 'y'],
    });
    const long = await readSavDictionary(fixture('medella-spss/Longstring.sav'));
    expect(long.variables[0]!.missing).toEqual({ kind: 'discrete', values: ['a', 'b'] });
  });

  it('reads emoji names, 7.21 long string value labels and zero cases (Longstring.sav)', async () => {
    const f = await readSav(fixture('medella-spss/Longstring.sav'));
    expect(f.cases).toBe(0);
    const v = f.dictionary.variables[0]!;
    expect(v.name).toBe('a🤓🤓');
    expect(v.width).toBeGreaterThan(8);
    // In the order of the file.
    expect(v.valueLabels).toEqual([
      { value: '🤓🤓b', label: 'b🤓🤓' },
      { value: 'a', label: 'Label for a' },
      { value: 'b', label: 'Label for b' },
    ]);
  });

  it('reads the maximum string width A32767 (MaxString.sav)', async () => {
    const f = await readSav(fixture('medella-spss/MaxString.sav'));
    const v = f.dictionary.variables.find((x) => x.width === 32767);
    expect(v).toBeDefined();
    expect(v!.printFormat).toMatchObject({ type: 1, width: 32767 });
    const values = strings(f, v!.name);
    expect(values).toHaveLength(f.cases);
    expect(Math.max(...values.map((s) => Buffer.byteLength(s)))).toBeGreaterThan(255);
  });

  it('joins very long string segments into one variable (cakespss1000similarvars.sav)', async () => {
    const f = await readSav(fixture('medella-spss/cakespss1000similarvars.sav'));
    // Each A1000 is stored as four segment variables whose generated short names (EKACE0, …)
    // collide between variables; only the three real variables may remain.
    expect(f.dictionary.variables.map((v) => [v.name, v.width])).toEqual([
      ['cake', 1000],
      ['ekacekac', 1000],
      ['ekacekab', 1000],
    ]);
    expect(f.dictionary.variables.map((v) => v.printFormat.width)).toEqual([1000, 1000, 1000]);
    expect(f.columns).toHaveLength(3);
    expect(f.dictionary.warnings).toEqual([]);
  });

  it('joins very long strings in uncompressed SPSS 13 files (v13.sav)', async () => {
    const f = await readSav(fixture('pspp/tests/v13.sav'));
    expect(f.dictionary.compression).toBe('none');
    expect(f.dictionary.variables.map((v) => v.width)).toEqual(expect.arrayContaining([258, 2000]));
  });

  it('reads multiple response sets (records 7.7 and 7.19)', async () => {
    const d = await readSavDictionary(fixture('pyreadstat/simple_alltypes.sav'));
    expect(d.multiResponseSets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: '$mymrset',
          label: 'My multiple response set',
          type: 'dichotomies',
          countedValue: 1,
          variables: ['bool1', 'bool2', 'bool3'],
        }),
        expect.objectContaining({
          name: '$categorical_array',
          type: 'categories',
          variables: ['ca_subvar_1', 'ca_subvar_2', 'ca_subvar_3'],
        }),
      ]),
    );
  });

  it('reads weight, roles, attributes, display parameters and file label (spssio_test.sav)', async () => {
    const d = await readSavDictionary(fixture('savreaderwriter/spssio_test.sav'));
    expect(d.weightVariable).toBe('weightVar');
    expect(variable(d, 'Region').role).toBe('partition');
    expect(variable(d, 'Income1').role).toBe('target');
    expect(variable(d, 'Income3').alignment).toBe('center');
    expect(variable(d, 'Age').measure).toBe('scale');
    expect(variable(d, 'Income3').displayWidth).toBe(15);
    // $@Role is represented by `role`, not repeated as an attribute.
    expect(d.variables.some((v) => '$@Role' in v.attributes)).toBe(false);
    expect(d.fileLabel.length).toBeGreaterThan(0);
  });

  it('reads documents (record 6) and product info (pyreadstat/sample.sav)', async () => {
    const d = await readSavDictionary(fixture('pyreadstat/sample.sav'));
    expect(d.documents.length).toBeGreaterThan(0);
    expect(d.product).toMatch(/^@\(#\) IBM SPSS STATISTICS/);
    expect(d.declaredCases).toBe(5);
  });

  it('keeps dates as SPSS seconds and flags date formats (haven/datetime.sav)', async () => {
    const f = await readSav(fixture('haven/datetime.sav'));
    const date = variable(f.dictionary, 'date');
    expect(isDateFormat(date.printFormat.type)).toBe(true);
    expect(numeric(f, 'date')[0]).toBe(13630723200);
    expect(spssSecondsToIso(13630723200, date.printFormat.type)).toBe('2014-09-22');
    expect(isTimeFormat(variable(f.dictionary, 'time').printFormat.type)).toBe(true);
  });
});

describe('date helpers', () => {
  it('classifies format types', () => {
    for (const t of [20, 21, 22, 23, 24, 25, 28, 29, 30, 38, 39, 40, 41]) {
      expect(isDateFormat(t)).toBe(true);
    }
    for (const t of [1, 5, 3, 16, 17, 26, 27]) expect(isDateFormat(t)).toBe(false);
    expect(isTimeFormat(21)).toBe(true);
    expect(isTimeFormat(22)).toBe(false);
  });

  it('converts seconds since 1582-10-14 to ISO 8601', () => {
    expect(spssSecondsToIso(0)).toBe('1582-10-14T00:00:00');
    expect(spssSecondsToIso(13630723200 + 3661.5)).toBe('2014-09-22T01:01:01.500');
    expect(spssSecondsToIso(13630723200, 20)).toBe('2014-09-22');
    expect(spssSecondsToIso(NaN)).toBeNull();
    expect(spssSecondsToIso(1e300)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Malformed, hostile and unsupported files
// ---------------------------------------------------------------------------------------------

describeWithFixtures('readSav: bad files fail with SavFormatError naming file and offset', () => {
  it('rejects encrypted files', async () => {
    const file = fixture('pspp/tests/hotel-encrypted.sav');
    const err = await rejection(readSav(file));
    expect(err).toBeInstanceOf(SavFormatError);
    expect(err.message).toContain('encrypted .sav files are not supported');
    expect(err.message).toContain(file);
    await expect(readSavDictionary(file)).rejects.toThrow(/encrypted/);
  });

  // PSPP reads both fuzzer files, warning about the broken record and skipping it; so does this
  // reader, and its values are checked against PSPP's in the comparison suite above.
  it('skips the malformed record 7.21 of CVE-2017-10791 with a warning', async () => {
    const f = await readSav(fixture('pspp/tests/CVE-2017-10791.sav'));
    expect(f.cases).toBe(10);
    expect(f.dictionary.warnings.join('\n')).toMatch(/7\.21/);
  });

  it('skips the malformed record 7.18 of CVE-2017-10792 with a warning', async () => {
    const f = await readSav(fixture('pspp/tests/CVE-2017-10792.sav'));
    expect(f.cases).toBe(10);
    expect(f.dictionary.warnings.join('\n')).toMatch(/7\.18/);
  });

  it('rejects random bytes at offset 0', async () => {
    let seed = 12345;
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
    const file = path.join(tmp, 'random.sav');
    writeFileSync(file, bytes);
    const err = await rejection(readSav(file));
    expect(err).toBeInstanceOf(SavFormatError);
    expect((err as SavFormatError).offset).toBe(0);
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/at byte 0/);
  });

  it('rejects an empty file and a bare header', async () => {
    const empty = path.join(tmp, 'empty.sav');
    writeFileSync(empty, Buffer.alloc(0));
    await expect(readSav(empty)).rejects.toBeInstanceOf(SavFormatError);
    const header = copyToTmp('haven/iris.sav', 'header-only.sav', (b) => b.subarray(0, 176));
    const err = await rejection(readSav(header));
    expect(err).toBeInstanceOf(SavFormatError);
    expect((err as SavFormatError).offset).toBe(176);
  });

  it('rejects a file truncated inside the dictionary, naming the offset', async () => {
    const file = copyToTmp('pyreadstat/sample.sav', 'dict-cut.sav', (b) => b.subarray(0, 300));
    const err = await rejection(readSavDictionary(file));
    expect(err).toBeInstanceOf(SavFormatError);
    const offset = (err as SavFormatError).offset;
    expect(offset).toBeGreaterThan(176);
    expect(offset).toBeLessThanOrEqual(300);
    expect(err.message).toMatch(/file ends in the middle of/);
  });

  it('rejects an uncompressed file cut in the middle of a case', async () => {
    const file = copyToTmp('haven/iris.sav', 'iris-cut.sav', (b) => b.subarray(0, b.length - 3));
    const err = await rejection(readSav(file));
    expect(err).toBeInstanceOf(SavFormatError);
    expect(err.message).toMatch(/middle of case 150/);
    expect((err as SavFormatError).offset).toBeLessThan(statSync(fixture('haven/iris.sav')).size);
    // The dictionary alone is still readable.
    expect((await readSavDictionary(file)).variables).toHaveLength(5);
  });

  it('warns (and keeps what is there) when a file ends cleanly at a case boundary', async () => {
    const full = await readSav(fixture('haven/iris.sav'));
    const caseBytes = full.dictionary.variables.reduce(
      (sum, v) => sum + (v.width === 0 ? 8 : Math.ceil(v.width / 8) * 8),
      0,
    );
    const file = copyToTmp('haven/iris.sav', 'iris-short.sav', (b) =>
      b.subarray(0, b.length - 10 * caseBytes),
    );
    const f = await readSav(file);
    expect(f.cases).toBe(140);
    expect(f.dictionary.warnings.join('\n')).toMatch(/declares 150 cases .* only 140/);
    expect(f.columns[0]!.values.length).toBe(140);
  });

  it('rejects a bytecode-compressed file cut in the middle of a case', async () => {
    const rel = 'pspp/tests/nhtsa.sav';
    const file = copyToTmp(rel, 'nhtsa-cut.sav', (b) => b.subarray(0, Math.floor(b.length * 0.7)));
    const err = await rejection(readSav(file));
    expect(err).toBeInstanceOf(SavFormatError);
    expect(err.message).toMatch(/middle of case \d+/);
  });

  it('rejects a truncated .zsav', async () => {
    const file = copyToTmp('pspp/tests/llz.zsav', 'llz-cut.zsav', (b) =>
      b.subarray(0, Math.floor(b.length * 0.8)),
    );
    const err = await rejection(readSav(file));
    expect(err).toBeInstanceOf(SavFormatError);
    expect(err.message).toMatch(/ZLIB/);
  });

  it('reads all cases when the header does not know the count (ncases = -1)', async () => {
    const file = copyToTmp('pspp/tests/llz.zsav', 'llz-unknown.zsav', (b) => {
      const c = Buffer.from(b);
      c.writeInt32LE(-1, 80);
      return c;
    });
    const f = await readSav(file);
    expect(f.dictionary.declaredCases).toBeNull();
    expect(f.cases).toBe(4670);
  });

  it('fails fast on an absurd count instead of allocating', async () => {
    // The first variable record's label length, made 2^31-1.
    const file = copyToTmp('haven/variable-label.sav', 'huge-label.sav', (b) => {
      const c = Buffer.from(b);
      expect(c.readInt32LE(176)).toBe(2);
      expect(c.readInt32LE(184)).toBe(1); // has_var_label
      c.writeInt32LE(0x7fffffff, 208);
      return c;
    });
    const err = await rejection(readSav(file));
    expect(err).toBeInstanceOf(SavFormatError);
    expect((err as SavFormatError).offset).toBe(208);
  });

  it('never fails with anything but SavFormatError on corrupted copies (fuzz)', async () => {
    const sources = [
      'pyreadstat/sample.sav',
      'pyreadstat/sample.zsav',
      'savreaderwriter/spssio_test.sav',
      'medella-spss/BigEndian.sav',
      'medella-spss/Longstring.sav',
      'pyreadstat/tegulu.sav',
    ];
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % n;
    };
    let failures = 0;
    for (const rel of sources) {
      const original = readFileSync(fixture(rel));
      for (let round = 0; round < 60; round++) {
        const c = Buffer.from(original);
        const flips = 1 + rand(8);
        for (let k = 0; k < flips; k++) {
          const at = 4 + rand(c.length - 4);
          c[at] = rand(3) === 0 ? 0xff : rand(256);
        }
        const file = path.join(tmp, 'fuzz.sav');
        writeFileSync(file, c);
        try {
          await readSav(file);
        } catch (e) {
          if (!(e instanceof SavFormatError)) {
            failures++;
            throw new Error(`${rel} round ${round}: ${(e as Error).stack ?? String(e)}`);
          }
        }
      }
    }
    expect(failures).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Streaming, progress and cancellation
// ---------------------------------------------------------------------------------------------

describeWithFixtures('readSav: streaming API', () => {
  it('reports progress and finishes at the file size', async () => {
    const calls: Array<[number, number]> = [];
    await readSav(fixture('pspp/tests/nhtsa.sav'), {
      onProgress: (done, total) => calls.push([done, total]),
    });
    const size = statSync(fixture('pspp/tests/nhtsa.sav')).size;
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.at(-1)).toEqual([size, size]);
    for (let i = 1; i < calls.length; i++)
      expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
  });

  it('stops with an AbortError when the signal fires', async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await rejection(
      readSav(fixture('pspp/tests/nhtsa.sav'), { signal: controller.signal }),
    );
    expect(err.name).toBe('AbortError');

    const late = new AbortController();
    const err2 = await rejection(
      readSav(fixture('pspp/tests/llz.zsav'), {
        signal: late.signal,
        onProgress: () => late.abort(),
      }),
    );
    expect(err2.name).toBe('AbortError');
  });

  it('hands out exactly sized batches that add up to the whole file', async () => {
    // One uncompressed and one ZLIB file: both decoders must pause mid-chunk.
    for (const [rel, batchSize] of [
      ['pyreadstat/sample_large.sav', 100],
      ['pspp/tests/llz.zsav', 1000],
    ] as const) {
      const whole = await readSav(fixture(rel));
      const batches: SavBatch[] = [];
      for await (const batch of readSavBatches(fixture(rel), { batchSize })) batches.push(batch);
      const sizes = batches.map((b) => b.cases);
      expect(
        sizes.slice(0, -1).every((n) => n === batchSize),
        rel,
      ).toBe(true);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(whole.cases);
      expect(batches.map((b) => b.firstCase)).toEqual(sizes.map((_, k) => k * batchSize));
      whole.columns.forEach((col, j) => {
        const joined = batches.flatMap((b) => plain(b.columns[j]!));
        expect(joined).toEqual(plain(col));
      });
    }
  });

  it('yields one empty batch for a file without cases', async () => {
    const batches: SavBatch[] = [];
    for await (const b of readSavBatches(fixture('medella-spss/Longstring.sav'))) batches.push(b);
    expect(batches.map((b) => b.cases)).toEqual([0]);
    expect(batches[0]!.dictionary.variables).toHaveLength(1);
  });

  it('readSavDictionary matches the dictionary readSav returns', async () => {
    const rel = 'savreaderwriter/spssio_test.sav';
    const d = await readSavDictionary(fixture(rel));
    const f = await readSav(fixture(rel));
    expect(d).toEqual(f.dictionary);
  });
});
