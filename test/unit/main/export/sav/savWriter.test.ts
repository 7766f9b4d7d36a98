/**
 * The SPSS system-file writer, checked against GNU PSPP: every file written (uncompressed,
 * bytecode and zlib) must be read by PSPP without a warning, and PSPP must report exactly the
 * dictionary, sets, documents, attributes and values the model holds. A few byte-level checks
 * pin the header and encoding records; atomicity is checked on the file system.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import zlib from 'node:zlib';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  SavColumn,
  SavDictionary,
  SavFile,
  SavFormat,
  SavVariable,
} from '../../../../../src/main/import/sav/savModel';
import { SAV_PRODUCT, SavWriteError, writeSav } from '../../../../../src/main/export/sav/savWriter';
import {
  describeWithPspp,
  psppConvert,
  psppDump,
  type PsppDump,
} from '../../../../support/psppOracle';

const F = (width: number, decimals: number): SavFormat => ({ type: 5, width, decimals });
const A = (width: number): SavFormat => ({ type: 1, width, decimals: 0 });
const DATE11: SavFormat = { type: 20, width: 11, decimals: 0 };

function variable(name: string, width: number, extra: Partial<SavVariable> = {}): SavVariable {
  const format = width === 0 ? F(8, 2) : A(width);
  return {
    name,
    shortName: '',
    width,
    label: null,
    printFormat: format,
    writeFormat: format,
    measure: width === 0 ? 'scale' : 'nominal',
    alignment: width === 0 ? 'right' : 'left',
    displayWidth: 8,
    role: 'input',
    missing: { kind: 'none' },
    valueLabels: [],
    attributes: {},
    ...extra,
  };
}

function dictionary(variables: SavVariable[], extra: Partial<SavDictionary> = {}): SavDictionary {
  return {
    encoding: 'utf-8',
    encodingSource: 'record',
    byteOrder: 'little',
    compression: 'bytecode',
    declaredCases: null,
    product: '',
    creationDate: '',
    creationTime: '',
    fileLabel: '',
    weightVariable: null,
    variables,
    multiResponseSets: [],
    documents: [],
    fileAttributes: {},
    warnings: [],
    ...extra,
  };
}

const numeric = (values: number[]): SavColumn => ({
  kind: 'numeric',
  values: Float64Array.from(values),
});
const strings = (values: string[]): SavColumn => ({ kind: 'string', values });

/** SPSS dates are seconds since 14 Oct 1582. */
const spssDate = (year: number, month: number, day: number): number =>
  (Date.UTC(year, month - 1, day) - Date.UTC(1582, 9, 14)) / 1000;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

const KOREAN = '한국어';
const EMOJI = '😀';
const ESSAY_UNIT = `Grüße aus Köln, señor ñandú, ${KOREAN} ${EMOJI}! `;

/** Deterministic text of exactly `bytes` UTF-8 bytes or less, never ending in a partial char. */
function textOfBytes(seed: number, bytes: number): string {
  let text = `#${seed} `;
  while (Buffer.byteLength(text + ESSAY_UNIT) <= bytes) text += ESSAY_UNIT;
  for (const ch of ESSAY_UNIT) {
    if (Buffer.byteLength(text + ch) > bytes) break;
    text += ch;
  }
  return text.replace(/ +$/, '');
}

/** The survey-like file exercising every part of the model; `cases` rows of data. */
function surveyFile(cases: number): SavFile {
  const variables: SavVariable[] = [
    variable('id', 0, { printFormat: F(8, 0), writeFormat: F(8, 0), label: 'Respondent ID' }),
    variable('q1_satisfaction', 0, {
      label: 'Satisfaction with the supplier',
      printFormat: F(1, 0),
      writeFormat: F(1, 0),
      measure: 'ordinal',
      role: 'target',
      missing: { kind: 'discrete', values: [8, 9] },
      valueLabels: [
        { value: 1, label: 'Very dissatisfied' },
        { value: 2, label: 'Dissatisfied' },
        { value: 3, label: 'Neutral' },
        { value: 4, label: 'Satisfied' },
        { value: 5, label: 'Très satisfait ñ' },
        { value: 9, label: "Don't know" },
      ],
      attributes: { Question: ['How satisfied are you?'], Notes: ['first note', 'second note'] },
    }),
    variable('bill_eur', 0, {
      label: 'Monthly bill (EUR)',
      printFormat: F(10, 2),
      writeFormat: F(10, 2),
      missing: { kind: 'range', low: 100000, high: Infinity },
    }),
    variable('tenure', 0, {
      printFormat: F(4, 0),
      writeFormat: F(4, 0),
      missing: { kind: 'range', low: -Infinity, high: 0, discrete: 999 },
      role: 'none',
    }),
    variable('kwh', 0, {
      printFormat: F(8, 1),
      writeFormat: F(8, 1),
      missing: { kind: 'range', low: -9, high: -1 },
    }),
    variable('one_missing', 0, {
      printFormat: F(3, 0),
      writeFormat: F(3, 0),
      missing: { kind: 'discrete', values: [-1] },
    }),
    variable('three_missing', 0, {
      printFormat: F(3, 0),
      writeFormat: F(3, 0),
      missing: { kind: 'discrete', values: [97, 98, 99] },
      alignment: 'center',
      displayWidth: 12,
    }),
    variable('survey_date', 0, {
      printFormat: DATE11,
      writeFormat: DATE11,
      label: 'Interview date',
    }),
    variable('city', 8, {
      label: 'City',
      missing: { kind: 'discrete', values: ['XX', 'ZZZ'] },
      valueLabels: [
        { value: 'BER', label: 'Berlin' },
        { value: 'MAD', label: 'Madrid ñ' },
        { value: 'SEL', label: `Seoul ${KOREAN}` },
      ],
      role: 'input',
    }),
    variable('comment', 40, {
      label: `Open comment ${EMOJI}`,
      // One value: PSPP 1.6 misreads SPSS's record 7.22 when it holds 2 or 3 (tested below).
      missing: { kind: 'discrete', values: ['n/a'] },
      valueLabels: [{ value: 'n/a', label: 'Not applicable' }],
      displayWidth: 30,
    }),
    variable('essay_300', 300, { label: 'Essay (300 bytes)', role: 'both' }),
    variable('essay_1000', 1000, {
      label: 'Essay (1000 bytes)',
      valueLabels: [{ value: 'none', label: 'No answer given' }],
      role: 'partition',
    }),
    variable(`${KOREAN}_변수`, 0, {
      label: `Korean ${KOREAN} ${EMOJI}`,
      printFormat: F(5, 1),
      writeFormat: F(5, 1),
      role: 'split',
    }),
    variable('src_gas', 0, {
      label: 'Uses gas',
      printFormat: F(1, 0),
      writeFormat: F(1, 0),
      measure: 'nominal',
    }),
    variable('src_electric', 0, {
      label: 'Uses electricity',
      printFormat: F(1, 0),
      writeFormat: F(1, 0),
      measure: 'nominal',
    }),
    variable('src_solar', 0, {
      label: 'Uses solar',
      printFormat: F(1, 0),
      writeFormat: F(1, 0),
      measure: 'nominal',
      valueLabels: [{ value: 1, label: 'Solar' }],
    }),
    variable('brand_1', 0, {
      printFormat: F(2, 0),
      writeFormat: F(2, 0),
      measure: 'nominal',
      valueLabels: [
        { value: 1, label: 'Vattenfall' },
        { value: 2, label: 'E.ON' },
      ],
    }),
    variable('brand_2', 0, { printFormat: F(2, 0), writeFormat: F(2, 0), measure: 'nominal' }),
    variable('score', 0, { printFormat: F(8, 3), writeFormat: F(8, 3) }),
    variable('wt', 0, { label: 'Weight', printFormat: F(8, 4), writeFormat: F(8, 4) }),
  ];

  const column = <T>(make: (i: number) => T): T[] =>
    Array.from({ length: cases }, (_, i) => make(i));
  const cities = ['BER', 'MAD', 'SEL', 'XX', '', 'Köln'];
  const columns: SavColumn[] = [
    numeric(column((i) => i + 1)),
    numeric(column((i) => [1, 2, 3, 4, 5, 9, 8][i % 7] ?? 1)),
    numeric(column((i) => (i % 11 === 0 ? 250000 : 12.5 + i * 1.25))),
    numeric(column((i) => (i % 13 === 0 ? 999 : (i % 40) - 2))),
    numeric(column((i) => (i % 9 === 0 ? -5 : i * 10.5))),
    numeric(column((i) => (i % 5 === 0 ? -1 : i % 150))),
    numeric(column((i) => 95 + (i % 6))),
    numeric(column((i) => spssDate(2020 + (i % 5), 1 + (i % 12), 1 + (i % 28)))),
    strings(column((i) => cities[i % cities.length] ?? '')),
    strings(column((i) => (i % 4 === 0 ? 'n/a' : textOfBytes(i, 40 - (i % 7))))),
    strings(column((i) => (i % 3 === 0 ? '' : textOfBytes(i, 300 - (i % 5))))),
    strings(column((i) => (i % 10 === 0 ? 'none' : textOfBytes(i, 1000 - (i % 3) * 7)))),
    numeric(column((i) => (i % 17 === 0 ? Number.NaN : i / 10))),
    numeric(column((i) => i % 2)),
    numeric(column((i) => (i + 1) % 2)),
    numeric(column((i) => (i % 3 === 0 ? 1 : 0))),
    numeric(column((i) => 1 + (i % 2))),
    numeric(column((i) => (i % 4 === 0 ? Number.NaN : 2 - (i % 2)))),
    numeric(column((i) => (i % 6 === 0 ? Number.NaN : Math.sin(i) * 1000))),
    numeric(column((i) => 0.5 + (i % 4) * 0.25)),
  ];

  return {
    dictionary: dictionary(variables, {
      fileLabel: `Energy survey wave 3 — ${KOREAN}`,
      weightVariable: 'wt',
      documents: ['Written by the writer test.', `Second line with ä and ${KOREAN}.`],
      fileAttributes: { Wave: ['2024 Q1'], Countries: ['DE', 'ES', 'KR'] },
      multiResponseSets: [
        {
          name: '$sources',
          label: 'Energy sources used',
          type: 'dichotomies',
          countedValue: 1,
          labelSource: 'varlabels',
          variables: ['src_gas', 'src_electric', 'src_solar'],
        },
        {
          name: '$sources_cv',
          label: 'Sources by counted value',
          type: 'dichotomies',
          countedValue: 1,
          labelSource: 'countedvalues',
          variables: ['src_solar', 'src_gas'],
        },
        {
          name: '$brands',
          label: `Brands known ${EMOJI}`,
          type: 'categories',
          variables: ['brand_1', 'brand_2'],
        },
      ],
    }),
    columns,
    cases,
  };
}

// ---------------------------------------------------------------------------------------------
// What PSPP should report, derived from the model rather than written out by hand.

const MEASURE = { unknown: 'Nominal', nominal: 'Nominal', ordinal: 'Ordinal', scale: 'Scale' };
const ROLE = {
  input: 'Input',
  target: 'Output',
  both: 'Both',
  none: 'None',
  partition: 'Partition',
  split: 'Split',
};
const ALIGN = { left: 'Left', right: 'Right', center: 'Center' };
const FORMAT_NAMES: Record<number, string> = { 1: 'A', 5: 'F', 20: 'DATE' };

function formatText(format: SavFormat): string {
  const name = FORMAT_NAMES[format.type] ?? `?${format.type}`;
  return name === 'F' ? `F${format.width}.${format.decimals}` : `${name}${format.width}`;
}

/** PSPP's F-format rendering: fixed decimals, no leading zero before the point. */
function formatNumber(value: number, format: SavFormat): string {
  if (Number.isNaN(value)) return '.';
  if (format.type === 20) {
    const date = new Date(Date.UTC(1582, 9, 14) + value * 1000);
    const day = String(date.getUTCDate()).padStart(2, '0');
    return `${day}-${MONTHS[date.getUTCMonth()]}-${date.getUTCFullYear()}`;
  }
  const fixed = value.toFixed(format.decimals);
  return fixed.replace(/^(-?)0\./, '$1.');
}

function missingText(v: SavVariable): string {
  const m = v.missing;
  const num = (x: number): string => formatNumber(x, F(8, 0)).replace(/\.$/, '');
  if (m.kind === 'none') return '';
  if (m.kind === 'discrete') {
    return m.values
      .map((x) => (typeof x === 'number' ? num(x) : `"${x.padEnd(Math.min(v.width, 8))}"`))
      .join('; ');
  }
  const low = m.low === -Infinity ? 'LOWEST' : num(m.low);
  const high = m.high === Infinity ? 'HIGHEST' : num(m.high);
  return `${low} THRU ${high}${m.discrete === undefined ? '' : `; ${num(m.discrete)}`}`;
}

function expectedVariableRows(file: SavFile): string[][] {
  return file.dictionary.variables.map((v, i) => [
    v.name,
    String(i + 1),
    v.label ?? '',
    MEASURE[v.measure],
    ROLE[v.role],
    String(v.displayWidth),
    ALIGN[v.alignment],
    formatText(v.printFormat),
    formatText(v.writeFormat),
    missingText(v),
  ]);
}

function isUserMissing(v: SavVariable, value: number | string): boolean {
  const m = v.missing;
  if (m.kind === 'discrete') return m.values.includes(value);
  if (m.kind === 'range' && typeof value === 'number') {
    return (value >= m.low && value <= m.high) || value === m.discrete;
  }
  return false;
}

/** PSPP marks labelled values that are user-missing with footnote [a]. */
function expectedValueLabelRows(file: SavFile): string[][] {
  const rows: string[][] = [];
  let footnote = false;
  for (const v of file.dictionary.variables) {
    v.valueLabels.forEach(({ value, label }, i) => {
      const shown = typeof value === 'number' ? formatNumber(value, v.printFormat) : value;
      const missing = isUserMissing(v, value);
      footnote ||= missing;
      rows.push([i === 0 ? (v.label ?? v.name) : '', missing ? `${shown}[a]` : shown, label]);
    });
  }
  if (footnote) rows.push(['Footnote: a. User-missing value']);
  return rows;
}

function expectedListRows(file: SavFile): string[][] {
  return Array.from({ length: file.cases }, (_, row) =>
    file.dictionary.variables.map((v, i) => {
      const column = file.columns[i];
      if (column?.kind === 'numeric') return formatNumber(column.values[row] ?? NaN, v.printFormat);
      return column?.kind === 'string' ? (column.values[row] ?? '') : '';
    }),
  );
}

const trimRows = (rows: string[][] | undefined): string[][] =>
  (rows ?? []).map((row) => row.map((cell) => cell.trim()));

/** A file of `cases` × 12 numbers that bytecode cannot shrink, so zlib gets several blocks. */
function wideNumericFile(cases: number): SavFile {
  const vars = Array.from({ length: 12 }, (_, i) =>
    variable(`x${i}`, 0, { printFormat: F(12, 1), writeFormat: F(12, 1) }),
  );
  const columns = vars.map((_, v) =>
    numeric(Array.from({ length: cases }, (_, r) => r * 0.5 + v * 1000003 + 1000)),
  );
  return { dictionary: dictionary(vars, { compression: 'zlib' }), columns, cases };
}

interface ZlibBlock {
  uncompressedOffset: number;
  compressedOffset: number;
  uncompressedSize: number;
  compressedSize: number;
}

/** The zlib header and trailer of a .zsav whose data starts at `zheader` (after record 999). */
function zlibLayout(bytes: Buffer, zheader: number): { trailer: number; blocks: ZlibBlock[] } {
  const trailer = Number(bytes.readBigInt64LE(zheader + 8));
  const count = bytes.readInt32LE(trailer + 20);
  const blocks = Array.from({ length: count }, (_, i) => {
    const at = trailer + 24 + 24 * i;
    return {
      uncompressedOffset: Number(bytes.readBigInt64LE(at)),
      compressedOffset: Number(bytes.readBigInt64LE(at + 8)),
      uncompressedSize: bytes.readInt32LE(at + 16),
      compressedSize: bytes.readInt32LE(at + 20),
    };
  });
  return { trailer, blocks };
}

/** The zlib data header starts with its own offset: find it after the file header. */
function findZlibHeader(bytes: Buffer): number {
  for (let at = 176; at + 8 <= bytes.length; at++) {
    if (bytes.readBigInt64LE(at) === BigInt(at)) return at;
  }
  throw new Error('no zlib data header');
}

const VARIABLE_COLUMNS = [
  'Name',
  'Position',
  'Label',
  'Measurement Level',
  'Role',
  'Width',
  'Alignment',
  'Print Format',
  'Write Format',
  'Missing Values',
];

/** DISPLAY DICTIONARY's variable rows in a fixed column order (PSPP omits empty columns). */
function variableTable(dump: PsppDump): string[][] {
  const table = dump.table('Variables');
  const header = table?.rows[0] ?? [];
  return trimRows(table?.rows.slice(1)).map((row) =>
    VARIABLE_COLUMNS.map((name) => row[header.indexOf(name)] ?? ''),
  );
}

// ---------------------------------------------------------------------------------------------

let workDir = '';
beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'cew-savwriter-'));
});
afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const compressions = ['none', 'bytecode', 'zlib'] as const;

describe('writeSav: bytes on disk', () => {
  it('writes the header, integer info and encoding records the spec asks for', async () => {
    const file = surveyFile(3);
    for (const compression of compressions) {
      const target = path.join(workDir, `header-${compression}.sav`);
      await writeSav(target, file, { compression });
      const bytes = await readFile(target);
      expect(bytes.toString('latin1', 0, 4)).toBe(compression === 'zlib' ? '$FL3' : '$FL2');
      expect(bytes.toString('latin1', 4, 64).trimEnd()).toBe(SAV_PRODUCT);
      expect(SAV_PRODUCT).toBe('@(#) SPSS DATA FILE Customer Energy Workbench');
      expect(bytes.readInt32LE(64)).toBe(2); // layout code
      // 16 numbers, A8 1 element, A40 5, A300 32 + 6, A1000 3 × 32 + 31.
      expect(bytes.readInt32LE(68)).toBe(16 + 1 + 5 + 38 + 127);
      expect(bytes.readInt32LE(72)).toBe({ none: 0, bytecode: 1, zlib: 2 }[compression]);
      expect(bytes.readInt32LE(76)).toBeGreaterThan(0); // weight index
      expect(bytes.readInt32LE(80)).toBe(3);
      expect(bytes.readDoubleLE(84)).toBe(100);
      expect(bytes.toString('latin1', 109, 173).trimEnd()).toBe(
        Buffer.from(`Energy survey wave 3 — ${KOREAN}`).toString('latin1'),
      );
      const integerInfo = bytes.indexOf(
        Buffer.from([7, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 8, 0, 0, 0]),
      );
      expect(integerInfo).toBeGreaterThan(0);
      expect(bytes.readInt32LE(integerInfo + 16 + 6 * 4)).toBe(2); // little-endian
      expect(bytes.readInt32LE(integerInfo + 16 + 7 * 4)).toBe(65001);
      const encoding = bytes.indexOf(
        Buffer.from([7, 0, 0, 0, 20, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0]),
      );
      expect(bytes.toString('latin1', encoding + 16, encoding + 21)).toBe('UTF-8');
    }
  });

  it('writes long-string missing values (record 7.22) byte for byte as SPSS does', async () => {
    // SPSS 19 wrote this record into the Learning.sav fixture for two A19 variables with missing
    // values '777' and '999': name, count, ONE value length (8), then the 8-byte values. (The PSPP
    // guide once said the length repeats before each value; PSPP 1.6 still reads it that way.)
    const spss = Buffer.concat([
      Buffer.from([7, 0, 0, 0, 22, 0, 0, 0, 1, 0, 0, 0, 65, 0, 0, 0]),
      Buffer.from([7, 0, 0, 0]),
      Buffer.from('started'),
      Buffer.from([2, 8, 0, 0, 0]),
      Buffer.from('777     999     '),
      Buffer.from([8, 0, 0, 0]),
      Buffer.from('finished'),
      Buffer.from([2, 8, 0, 0, 0]),
      Buffer.from('777     999     '),
    ]);
    const missing = { kind: 'discrete', values: ['777', '999'] } as const;
    const file: SavFile = {
      dictionary: dictionary([
        variable('started', 19, { missing: { ...missing, values: [...missing.values] } }),
        variable('finished', 19, { missing: { ...missing, values: [...missing.values] } }),
      ]),
      columns: [strings(['777']), strings(['x'])],
      cases: 1,
    };
    const target = path.join(workDir, 'record22.sav');
    await writeSav(target, file);
    const bytes = await readFile(target);
    const at = bytes.indexOf(Buffer.from([7, 0, 0, 0, 22, 0, 0, 0]));
    expect(bytes.subarray(at, at + spss.length)).toEqual(spss);
  });

  it('writes .zsav data as independent zlib blocks that hold exactly the bytecode stream', async () => {
    const file = wideNumericFile(60_000); // about 6.5 MB of bytecode: two blocks
    const zsav = path.join(workDir, 'blocks.zsav');
    const sav = path.join(workDir, 'blocks.sav');
    await writeSav(zsav, file, { compression: 'zlib' });
    await writeSav(sav, file, { compression: 'bytecode' });
    const z = await readFile(zsav);
    const b = await readFile(sav);
    const zheader = findZlibHeader(z);
    const { trailer, blocks } = zlibLayout(z, zheader);
    expect(Number(z.readBigInt64LE(zheader + 16))).toBe(24 + 24 * blocks.length);
    expect(trailer + 24 + 24 * blocks.length).toBe(z.length);
    expect(z.readBigInt64LE(trailer)).toBe(-100n);
    expect(z.readInt32LE(trailer + 16)).toBe(0x3ff000);
    expect(blocks.length).toBe(2);

    let expectedUncompressed = zheader;
    let expectedCompressed = zheader + 24;
    const inflated: Buffer[] = [];
    blocks.forEach((block, i) => {
      expect(block.uncompressedOffset).toBe(expectedUncompressed);
      expect(block.compressedOffset).toBe(expectedCompressed);
      if (i < blocks.length - 1) expect(block.uncompressedSize).toBe(0x3ff000);
      const data = zlib.inflateSync(
        z.subarray(block.compressedOffset, block.compressedOffset + block.compressedSize),
      );
      expect(data.length).toBe(block.uncompressedSize);
      inflated.push(data);
      // No block starts within 8 bytes before a 4 KiB boundary (see savZlib.ts: PSPP < 2.0).
      const into = (block.compressedOffset - zheader - 24) % 4096;
      expect(into === 0 || 4096 - into >= 8).toBe(true);
      expectedUncompressed += block.uncompressedSize;
      expectedCompressed += block.compressedSize;
    });
    expect(expectedCompressed).toBe(trailer);
    // Same dictionary, so the bytecode file's data starts where the zlib header does.
    expect(Buffer.concat(inflated).equals(b.subarray(zheader))).toBe(true);
  });

  it('rejects a model whose columns do not match its variables, before touching the disk', async () => {
    const file = surveyFile(2);
    const broken: SavFile = { ...file, columns: file.columns.slice(1) };
    const target = path.join(workDir, 'never.sav');
    await expect(writeSav(target, broken)).rejects.toBeInstanceOf(SavWriteError);
    const wrongKind: SavFile = {
      ...file,
      columns: [strings(['a', 'b']), ...file.columns.slice(1)],
    };
    await expect(writeSav(target, wrongKind)).rejects.toThrow(/numeric but its column is string/);
    const short: SavFile = { ...file, cases: 5 };
    await expect(writeSav(target, short)).rejects.toThrow(/2 values for 5 cases/);
    expect((await readdir(workDir)).filter((name) => name.includes('never'))).toEqual([]);
  });
});

describe('writeSav: atomic replacement', () => {
  function bigFile(cases: number): SavFile {
    const vars = Array.from({ length: 10 }, (_, i) => variable(`v${i}`, 0));
    const columns = vars.map((_, i) =>
      numeric(Array.from({ length: cases }, (_, r) => r * 1.5 + i)),
    );
    return { dictionary: dictionary(vars, { compression: 'none' }), columns, cases };
  }

  it('an aborted write leaves no file and no partial file behind', async () => {
    const dir = await mkdtemp(path.join(workDir, 'abort-'));
    const target = path.join(dir, 'aborted.sav');
    const controller = new AbortController();
    const progress: number[] = [];
    await expect(
      writeSav(target, bigFile(200_000), {
        signal: controller.signal,
        onProgress: (done) => {
          progress.push(done);
          if (done > 0) controller.abort(new Error('stop'));
        },
      }),
    ).rejects.toThrow('stop');
    // The abort came mid-way: some chunks were out, far from all 200 000 cases.
    expect(progress.some((done) => done > 0 && done < 200_000)).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });

  it('an aborted write leaves an existing file byte-identical', async () => {
    const dir = await mkdtemp(path.join(workDir, 'keep-'));
    const target = path.join(dir, 'existing.sav');
    await writeFile(target, 'previous contents');
    for (const compression of compressions) {
      const controller = new AbortController();
      await expect(
        writeSav(target, bigFile(200_000), {
          compression,
          signal: controller.signal,
          onProgress: (done) => {
            if (done > 0) controller.abort();
          },
        }),
      ).rejects.toThrow();
      expect(await readFile(target, 'utf8')).toBe('previous contents');
      expect(await readdir(dir)).toEqual(['existing.sav']);
    }
  });

  it('an already aborted signal writes nothing; a finished write replaces the file', async () => {
    const dir = await mkdtemp(path.join(workDir, 'replace-'));
    const target = path.join(dir, 'data.sav');
    await writeFile(target, 'old');
    await expect(writeSav(target, bigFile(10), { signal: AbortSignal.abort() })).rejects.toThrow();
    expect(await readFile(target, 'utf8')).toBe('old');
    const progress: Array<[number, number]> = [];
    await writeSav(target, bigFile(10), {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect((await readFile(target)).toString('latin1', 0, 4)).toBe('$FL2');
    expect(progress.at(-1)).toEqual([10, 10]);
    expect(await readdir(dir)).toEqual(['data.sav']);
  });

  it('a write error (missing folder) rejects and creates nothing', async () => {
    const target = path.join(workDir, 'no-such-folder', 'x.sav');
    await expect(writeSav(target, bigFile(1))).rejects.toThrow(/ENOENT/);
  });
});

describeWithPspp('writeSav: PSPP reads back what was written', () => {
  describe.each(compressions)('compression %s', (compression) => {
    const cases = 1000;
    const file = surveyFile(cases);
    let dump: PsppDump;
    const warnings: string[] = [];

    beforeAll(async () => {
      const target = path.join(
        workDir,
        `survey-${compression}.${compression === 'zlib' ? 'zsav' : 'sav'}`,
      );
      await writeSav(target, file, { compression, onWarning: (w) => warnings.push(w) });
      dump = await psppDump(target);
    });

    it('is read without any warning or error, and the writer had nothing to warn about', () => {
      expect(dump.problems).toEqual([]);
      expect(warnings).toEqual([]);
    });

    it('reports the file information: cases, encoding, compression, label, weight', () => {
      expect(dump.info.get('Cases')).toBe(String(cases));
      expect(dump.info.get('Encoding')).toBe('UTF-8');
      expect(dump.info.get('Compression')).toBe(
        { none: 'None', bytecode: 'SAV', zlib: 'ZSAV' }[compression],
      );
      expect(dump.info.get('Label')).toBe(`Energy survey wave 3 — ${KOREAN}`);
      // PSPP names the weight variable by its label.
      expect(dump.info.get('Weight')).toBe('Weight');
      expect(dump.info.get('Created')).toContain('Customer Energy Workbench');
      expect(dump.info.get('Variables')).toBe(String(file.dictionary.variables.length));
    });

    it('has every variable with its name, label, measure, role, width, alignment, formats and missing values', () => {
      expect(variableTable(dump)).toEqual(expectedVariableRows(file));
    });

    it('has every value label, numeric and string (short, long and very long)', () => {
      expect(trimRows(dump.table('Value Labels')?.rows.slice(1))).toEqual(
        expectedValueLabelRows(file),
      );
    });

    it('has the multiple response sets (two dichotomy sets and a category set)', () => {
      expect(trimRows(dump.table('Multiple Response Sets')?.rows)).toEqual([
        ['Name', 'Label', 'Encoding', 'Counted Value', 'Member Variables'],
        ['$brands', `Brands known ${EMOJI}`, 'Categories', '', 'brand_1\nbrand_2'],
        ['$sources', 'Energy sources used', 'Dichotomies', '1', 'src_gas\nsrc_electric\nsrc_solar'],
        ['$sources_cv', 'Sources by counted value', 'Dichotomies', '1', 'src_solar\nsrc_gas'],
      ]);
    });

    it('has the documents and the custom file and variable attributes', () => {
      const documents = dump.table('Documents')?.rows.flat().join('\n') ?? '';
      expect(documents.split('\n').map((line) => line.trim())).toEqual(file.dictionary.documents);
      expect(trimRows(dump.table('Variable and Dataset Attributes')?.rows)).toEqual([
        ['Variable and Name', '', 'Value'],
        ['(dataset)', 'Countries[1]', 'DE'],
        ['', 'Countries[2]', 'ES'],
        ['', 'Countries[3]', 'KR'],
        ['', 'Wave', '2024 Q1'],
        ['Satisfaction with the supplier', 'Notes[1]', 'first note'],
        ['', 'Notes[2]', 'second note'],
        ['', 'Question', 'How satisfied are you?'],
      ]);
    });

    it('has every value of every case: numbers, system-missing, dates, strings up to 1000 bytes', () => {
      const list = dump.table('Data List');
      expect(list?.rows[0]).toEqual(file.dictionary.variables.map((v) => v.name));
      expect(trimRows(list?.rows.slice(1))).toEqual(expectedListRows(file));
    });
  });

  it('writes large files in every compression that PSPP reads to the last value', async () => {
    const cases = 150_000; // about 16 MB of bytecode: four zlib blocks
    const file = wideNumericFile(cases);
    for (const compression of compressions) {
      const target = path.join(workDir, `large-${compression}.sav`);
      await writeSav(target, file, { compression });
      const { rows, output } = await psppConvert(target);
      expect(output).toBe('');
      expect(rows[0]).toEqual(file.dictionary.variables.map((v) => v.name));
      const body = rows.slice(1).filter((row) => row.length > 1);
      expect(body.length).toBe(cases);
      let mismatches = 0;
      body.forEach((row, r) =>
        row.forEach((cell, v) => {
          const column = file.columns[v];
          if (column?.kind !== 'numeric' || Number(cell) !== column.values[r]) mismatches++;
        }),
      );
      expect(mismatches).toBe(0);
      await rm(target);
    }
  });

  it('writes a file with 0 cases that PSPP reads', async () => {
    const file = surveyFile(0);
    for (const compression of compressions) {
      const target = path.join(workDir, `empty-${compression}.sav`);
      await writeSav(target, file, { compression });
      const dump = await psppDump(target);
      expect(dump.problems).toEqual([]);
      expect(dump.info.get('Cases')).toBe('0');
      expect(variableTable(dump)).toEqual(expectedVariableRows(file));
      expect(dump.table('Data List')?.rows.slice(1) ?? []).toEqual([]);
    }
  });

  it('cuts values longer than the width at a character boundary, with a warning', async () => {
    const file: SavFile = {
      dictionary: dictionary([variable('s', 8), variable('long_text', 300)]),
      columns: [
        strings([`abcdefg${KOREAN}`, 'fits', `${'x'.repeat(6)}${EMOJI}`]),
        strings([`${'é'.repeat(149)}${EMOJI}${EMOJI}`, 'ok', 'y'.repeat(301)]),
      ],
      cases: 3,
    };
    const warnings: string[] = [];
    const target = path.join(workDir, 'truncate.sav');
    await writeSav(target, file, { onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([
      'variable s: 2 value(s) longer than 8 bytes were cut at a character boundary',
      'variable long_text: 2 value(s) longer than 300 bytes were cut at a character boundary',
    ]);
    const dump = await psppDump(target);
    expect(dump.problems).toEqual([]);
    expect(trimRows(dump.table('Data List')?.rows)).toEqual([
      ['s', 'long_text'],
      ['abcdefg', `${'é'.repeat(149)}`],
      ['fits', 'ok'],
      ['xxxxxx', 'y'.repeat(300)],
    ]);
  });

  it('makes names valid and unique, and short names unique, so PSPP needs no renaming', async () => {
    const names = [
      'satisfaction_energy',
      'satisfaction_enterprise',
      'Satisfaction_energy',
      '1st choice',
      'all',
      'ekacekac_text',
      'ekacekab_text',
      'ekace0',
    ];
    const widths = [0, 0, 0, 0, 0, 600, 600, 0];
    const file: SavFile = {
      dictionary: dictionary(names.map((name, i) => variable(name, widths[i] ?? 0))),
      columns: widths.map((width, i) =>
        width === 0 ? numeric([i]) : strings([`${'z'.repeat(500)}-${i}`]),
      ),
      cases: 1,
    };
    const warnings: string[] = [];
    const target = path.join(workDir, 'names.sav');
    await writeSav(target, file, { onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([
      'variable name "Satisfaction_energy" is not valid or not unique in SPSS; written as "Satisfaction_energy_2"',
      'variable name "1st choice" is not valid or not unique in SPSS; written as "v1st_choice"',
      'variable name "all" is not valid or not unique in SPSS; written as "all_"',
    ]);
    const dump = await psppDump(target);
    expect(dump.problems).toEqual([]);
    expect(dump.table('Data List')?.rows).toEqual([
      [
        'satisfaction_energy',
        'satisfaction_enterprise',
        'Satisfaction_energy_2',
        'v1st_choice',
        'all_',
        'ekacekac_text',
        'ekacekab_text',
        'ekace0',
      ],
      [
        '.00',
        '1.00',
        '2.00',
        '3.00',
        '4.00',
        `${'z'.repeat(500)}-5`,
        `${'z'.repeat(500)}-6`,
        '7.00',
      ],
    ]);
  });

  it('drops what the format cannot hold, with a warning, and PSPP still reads the file cleanly', async () => {
    const file: SavFile = {
      dictionary: dictionary(
        [
          variable('n', 0, {
            missing: { kind: 'discrete', values: [1, 2, 3, 4] },
            valueLabels: [
              { value: 1, label: 'x'.repeat(300) },
              { value: 1, label: 'duplicate' },
            ],
            printFormat: { type: 20, width: 5, decimals: 0 },
          }),
          variable('s', 20, { missing: { kind: 'discrete', values: ['longer than eight'] } }),
        ],
        {
          multiResponseSets: [
            { name: 'lonely', label: '', type: 'categories', variables: ['n', 'missing_var'] },
          ],
          weightVariable: 's',
        },
      ),
      columns: [numeric([1]), strings(['a'])],
      cases: 1,
    };
    const warnings: string[] = [];
    const target = path.join(workDir, 'dropped.sav');
    await writeSav(target, file, { onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([
      'weight variable "s" is a string; the file is written unweighted',
      'variable n: print format (type 20 width 5.0) is not valid for a numeric variable; written as F8.2',
      'variable n: only 3 discrete missing values fit; 1 dropped',
      'variable n: duplicate value label for 1; first kept',
      'variable n: value label is longer than 255 bytes and was shortened',
      'multiple response set "lonely" written as "$lonely"',
      'multiple response set $lonely: unknown variable "missing_var" left out',
      'multiple response set $lonely needs at least 2 variables; dropped',
      'variable s: missing value "longer than eight" is wider than 8 bytes and was dropped',
    ]);
    const dump = await psppDump(target);
    expect(dump.problems).toEqual([]);
    expect(variableTable(dump)[0]).toEqual([
      'n',
      '1',
      '',
      'Scale',
      'Input',
      '8',
      'Right',
      'F8.2',
      'F8.2',
      '1; 2; 3',
    ]);
    expect(dump.table('Value Labels')?.rows[1]).toEqual(['n', '1.00[a]', 'x'.repeat(255)]);
  });
});
