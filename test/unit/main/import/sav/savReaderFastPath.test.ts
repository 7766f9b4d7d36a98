/**
 * The reader's decoding fast path: bytecode is decoded straight into blocks of cases, whole code
 * groups at once, from chunks read ahead of time, and blocks are transposed into the columns.
 * Files written by our writer in every compression, with values that produce every compression
 * code, must read back exactly as written, also when tiny read chunks and blocks put a boundary
 * inside every code group, literal, case and ZLIB block.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSav, type SavCompression } from '../../../../../src/main/export/sav/savWriter';
import type {
  SavColumn,
  SavDictionary,
  SavFile,
  SavFormat,
  SavVariable,
} from '../../../../../src/main/import/sav/savModel';
import {
  SavFormatError,
  readSav,
  readSavBatches,
  type ReadSavOptions,
} from '../../../../../src/main/import/sav/savReader';
import { plainValues } from '../../../../support/importedValues';

/** A column's values as compared: numbers with NaN for missing (codes widened), or strings. */
type Values = Array<number | string | null>;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sav-fast-path-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const COMPRESSIONS: SavCompression[] = ['none', 'bytecode', 'zlib'];

function variable(name: string, width: number): SavVariable {
  const format: SavFormat =
    width === 0 ? { type: 5, width: 12, decimals: 3 } : { type: 1, width, decimals: 0 };
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
  };
}

function dictionary(variables: SavVariable[]): SavDictionary {
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
  };
}

/** Deterministic pseudo-random integers in [0, n). */
function generator(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
}

/** Every value bytecode stores as a code 1-251, and the integers just outside that range. */
const COMPRESSIBLE = Array.from({ length: 253 }, (_, i) => i - 100);
/** Values that need a literal (code 253) or system-missing (code 255). */
const SPECIAL = [
  NaN,
  0.5,
  -0.25,
  Math.PI,
  1e-300,
  Number.MIN_VALUE,
  1e300,
  -1e300,
  Number.MAX_VALUE,
  Infinity,
  -Infinity,
  2 ** 53,
  -(2 ** 40),
  1234567.891,
];

/** Pieces of text: spaces (leading, inner, trailing) and 2-, 3- and 4-byte UTF-8 characters. */
const WORDS = [' ', '  ', 'a', 'Zz', 'ü', 'Grüße', '한국어', '😀', 'x y', '   lead', 'é!'];

function text(rand: (n: number) => number, width: number): string {
  switch (rand(6)) {
    case 0:
      return '';
    case 1:
      return ' '.repeat(1 + rand(width));
    case 2:
      // Exactly `width` ASCII bytes: no room for a trailing blank.
      return Array.from({ length: width }, (_, i) => String.fromCharCode(33 + ((i * 7) % 90))).join(
        '',
      );
    default: {
      let out = '';
      for (;;) {
        const next = out + WORDS[rand(WORDS.length)]!;
        if (Buffer.byteLength(next) > width || rand(8) === 0) return out;
        out = next;
      }
    }
  }
}

const STRING_WIDTHS = [1, 8, 9, 255, 300];

/**
 * Numeric columns of each kind interleaved with strings of every width, so string elements sit
 * between and beside numbers, and some numeric columns sit in runs of consecutive elements.
 */
function sampleFile(cases: number, seed: number): SavFile {
  const rand = generator(seed);
  const variables: SavVariable[] = [];
  const columns: SavColumn[] = [];
  const numeric = (name: string, value: (row: number) => number): void => {
    variables.push(variable(name, 0));
    columns.push({
      kind: 'numeric',
      values: Float64Array.from({ length: cases }, (_, r) => value(r)),
    });
  };
  numeric('ints', (r) => COMPRESSIBLE[r % COMPRESSIBLE.length]!);
  numeric('mixed', () =>
    rand(3) === 0 ? SPECIAL[rand(SPECIAL.length)]! : COMPRESSIBLE[rand(COMPRESSIBLE.length)]!,
  );
  numeric('coded', () => 1 + rand(12));
  numeric('sparse', () => (rand(4) === 0 ? rand(10) : NaN));
  // A survey's run of coded answers: whole code groups of small integers.
  for (let q = 0; q < 20; q++) numeric(`q${q}`, () => (rand(40) === 0 ? NaN : 1 + rand(12)));
  STRING_WIDTHS.forEach((width, i) => {
    variables.push(variable(`s${width}`, width));
    columns.push({
      kind: 'string',
      values: Array.from({ length: cases }, () => text(rand, width)),
    });
    numeric(`n${i}`, () => (rand(2) === 0 ? SPECIAL[rand(SPECIAL.length)]! : rand(200) - 99));
  });
  return { dictionary: dictionary(variables), columns, cases };
}

/** What the reader must give back: strings lose trailing blanks, -0 has no code of its own. */
function expectedColumns(file: SavFile): Values[] {
  return file.columns.map((column) =>
    column.kind === 'string' ? column.values.map((v) => v.trimEnd()) : plainValues(column),
  );
}

function actualColumns(file: { columns: SavColumn[] }): Values[] {
  return file.columns.map((column) =>
    column.kind === 'string' ? column.values : plainValues(column),
  );
}

/** Where the data starts: after the dictionary's end record (999), which has no labels here. */
function dataStart(bytes: Buffer): number {
  return bytes.indexOf(Buffer.from([0xe7, 0x03, 0, 0, 0, 0, 0, 0]), 176) + 8;
}

/** One element of a bytecode stream: its code, and the 8 bytes of a code 253. */
interface Item {
  code: number;
  literal?: Buffer;
}

function decodeStream(data: Buffer): Item[] {
  const items: Item[] = [];
  let p = 0;
  while (p < data.length) {
    const group = data.subarray(p, p + 8);
    p += 8;
    for (const code of group) {
      if (code === 0) continue;
      if (code === 253) {
        items.push({ code, literal: data.subarray(p, p + 8) });
        p += 8;
      } else items.push({ code });
    }
  }
  return items;
}

/** Groups of 8 codes, each followed by its literals; the last group padded with code 0. */
function encodeStream(items: Item[]): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; i < items.length; i += 8) {
    const group = items.slice(i, i + 8);
    out.push(Buffer.from(Array.from({ length: 8 }, (_, j) => group[j]?.code ?? 0)));
    for (const item of group) if (item.literal) out.push(item.literal);
  }
  return Buffer.concat(out);
}

function double(value: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(value);
  return b;
}

const SMALL_CASES = 300;
/** Boundaries everywhere: odd chunk sizes split code groups and literals at every offset. */
const TINY_READS: ReadSavOptions[] = [
  { chunkBytes: 1, blockBytes: 1 },
  { chunkBytes: 7, blockBytes: 8 },
  { chunkBytes: 13, blockBytes: 3000 },
  { chunkBytes: 64, blockBytes: 20_000 },
  { chunkBytes: 4099, blockBytes: 1 },
  {},
];

describe('readSav fast path: every code, every boundary', () => {
  const small = sampleFile(SMALL_CASES, 1);
  const paths = new Map<SavCompression, string>();

  beforeAll(async () => {
    for (const compression of COMPRESSIONS) {
      const target = path.join(tmp, `small-${compression}.sav`);
      await writeSav(target, small, { compression });
      paths.set(compression, target);
    }
  });

  it('the sample uses every bytecode code but the end code 252', () => {
    // Walks the data independently of the reader: code groups and the literals they announce.
    const bytes = readFileSync(paths.get('bytecode')!);
    const codes = new Map<number, number>();
    let elements = 0;
    let p = dataStart(bytes);
    while (p < bytes.length) {
      const group = bytes.subarray(p, p + 8);
      p += 8;
      for (const code of group) {
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (code !== 0) elements++;
        if (code === 253) p += 8;
      }
    }
    expect(p).toBe(bytes.length);
    // 29 numbers; strings of 1, 1, 2, 32 and 32 + 6 elements (300 bytes in two segments).
    expect(elements).toBe(SMALL_CASES * 103);
    for (let code = 0; code < 256; code++)
      expect(codes.has(code), `code ${code}`).toBe(code !== 252);
  });

  it('reads other legal encodings of the same data the same', async () => {
    // Other writers store what ours compresses as literals: small integers, blanks, and
    // system-missing as the literal -DBL_MAX. Padding codes may also come mid-stream.
    const bytes = readFileSync(paths.get('bytecode')!);
    const start = dataStart(bytes);
    const items = decodeStream(bytes.subarray(start));
    const recoded: Item[] = [];
    const rand = generator(3);
    items.forEach((item) => {
      if (rand(6) === 0) recoded.push({ code: 0 });
      if (item.code === 255) recoded.push({ code: 253, literal: double(-Number.MAX_VALUE) });
      else if (item.code === 254 && rand(3) === 0)
        recoded.push({ code: 253, literal: Buffer.from('        ') });
      else if (item.code <= 251 && rand(10) === 0)
        recoded.push({ code: 253, literal: double(item.code - 100) });
      else recoded.push(item);
    });
    const target = path.join(tmp, 'recoded.sav');
    writeFileSync(target, Buffer.concat([bytes.subarray(0, start), encodeStream(recoded)]));
    for (const options of TINY_READS) {
      const read = await readSav(target, options);
      expect(read.cases).toBe(SMALL_CASES);
      expect(actualColumns(read), JSON.stringify(options)).toEqual(expectedColumns(small));
    }
  });

  it('stops at the end code 252 when the header does not give the case count', async () => {
    const withEnd = Buffer.concat([
      readFileSync(paths.get('bytecode')!),
      Buffer.from([252, 0, 0, 0, 0, 0, 0, 0]),
      Buffer.from('ignored after the end of the data'),
    ]);
    // The count sits in the header and in record 7.16 (as 64 bits); unknown is -1 in both.
    expect(withEnd.readInt32LE(80)).toBe(SMALL_CASES);
    withEnd.writeInt32LE(-1, 80);
    const record16 = withEnd.indexOf(
      Buffer.from([7, 0, 0, 0, 16, 0, 0, 0, 8, 0, 0, 0, 2, 0, 0, 0]),
    );
    expect(record16).toBeGreaterThan(176);
    expect(withEnd.readBigInt64LE(record16 + 24)).toBe(BigInt(SMALL_CASES));
    withEnd.writeBigInt64LE(-1n, record16 + 24);
    const target = path.join(tmp, 'end-code.sav');
    writeFileSync(target, withEnd);
    for (const options of TINY_READS) {
      const read = await readSav(target, options);
      expect(read.dictionary.declaredCases).toBeNull();
      expect(read.cases).toBe(SMALL_CASES);
      expect(read.dictionary.warnings).toEqual([]);
      expect(actualColumns(read), JSON.stringify(options)).toEqual(expectedColumns(small));
    }
  });

  for (const compression of COMPRESSIONS) {
    it(`reads back exactly what was written (${compression})`, async () => {
      const expected = expectedColumns(small);
      for (const options of TINY_READS) {
        const read = await readSav(paths.get(compression)!, options);
        expect(read.cases, JSON.stringify(options)).toBe(SMALL_CASES);
        expect(read.dictionary.warnings, JSON.stringify(options)).toEqual([]);
        expect(actualColumns(read), JSON.stringify(options)).toEqual(expected);
      }
    });
  }

  it('hands out exact batches with tiny chunks and blocks', async () => {
    const expected = expectedColumns(small);
    for (const compression of COMPRESSIONS) {
      for (const batchSize of [1, 7, 64]) {
        const got: Values[] = expected.map(() => []);
        const sizes: number[] = [];
        for await (const batch of readSavBatches(paths.get(compression)!, {
          batchSize,
          chunkBytes: 11,
          blockBytes: 5000,
        })) {
          sizes.push(batch.cases);
          actualColumns(batch).forEach((values, i) => got[i]!.push(...values));
        }
        const label = `${compression} batches of ${batchSize}`;
        expect(
          sizes.slice(0, -1).every((n) => n === batchSize),
          label,
        ).toBe(true);
        expect(got, label).toEqual(expected);
      }
    }
  });

  it('rejects a bytecode file cut inside a case the same way whatever the chunk size', async () => {
    const whole = readFileSync(paths.get('bytecode')!);
    const cut = path.join(tmp, 'cut.sav');
    for (const keep of [0.55, 0.8, 0.97]) {
      writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * keep)));
      const messages = new Set<string>();
      for (const options of TINY_READS.slice(1)) {
        const error = await readSav(cut, options).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, `${keep} ${JSON.stringify(options)}`).toBeInstanceOf(SavFormatError);
        messages.add((error as SavFormatError).message);
      }
      expect([...messages]).toHaveLength(1);
      expect([...messages][0]).toMatch(/ends in the middle of case \d+/);
    }
  });
});

describe('readSav fast path: files spanning several chunks and ZLIB blocks', () => {
  // About 5 MB of bytecode: more than one 4 MiB ZLIB block.
  const cases = 6000;
  const big = sampleFile(cases, 2);

  for (const compression of COMPRESSIONS) {
    it(`reads back exactly what was written (${compression})`, async () => {
      const target = path.join(tmp, `big-${compression}.sav`);
      await writeSav(target, big, { compression });
      const expected = expectedColumns(big);
      for (const options of [{}, { chunkBytes: 65_537, blockBytes: 70_000 }]) {
        const read = await readSav(target, options);
        expect(read.cases).toBe(cases);
        expect(read.dictionary.warnings).toEqual([]);
        expect(actualColumns(read), JSON.stringify(options)).toEqual(expected);
      }
    });
  }
});

describe('readSav: numeric columns of small whole numbers come as one-byte codes', () => {
  const cases = 700;
  const rand = generator(7);
  /** Whole numbers 0..254 and system-missing for every case but `at`, which holds `odd`. */
  const codesThen = (odd: number, at: number): Float64Array =>
    Float64Array.from({ length: cases }, (_, r) =>
      r === at ? odd : rand(9) === 0 ? NaN : rand(255),
    );
  const columns: Record<string, Float64Array> = {
    answers: Float64Array.from({ length: cases }, () => (rand(20) === 0 ? NaN : 1 + rand(12))),
    edges: Float64Array.from({ length: cases }, (_, r) => [0, 254, NaN, 151, 152][r % 5]!),
    userMissingLate: codesThen(999, cases - 1),
    negativeFirst: codesThen(-1, 0),
    fractionMidway: codesThen(2.5, 350),
    code255: codesThen(255, 123),
    // Bytecode stores -0 as the code of 0; an uncompressed file keeps it.
    minusZero: codesThen(-0, 600),
    allMissing: new Float64Array(cases).fill(NaN),
  };
  const wide = new Set(['userMissingLate', 'negativeFirst', 'fractionMidway', 'code255']);
  const dateFormat: SavFormat = { type: 20, width: 11, decimals: 0 };
  const variables = Object.keys(columns).map((name) => variable(name, 0));
  variables.push({ ...variable('day', 0), printFormat: dateFormat, writeFormat: dateFormat });
  variables.find((v) => v.name === 'userMissingLate')!.missing = {
    kind: 'discrete',
    values: [999],
  };
  const file: SavFile = {
    dictionary: dictionary(variables),
    columns: [
      ...Object.values(columns).map((values): SavColumn => ({ kind: 'numeric', values })),
      { kind: 'numeric', values: new Float64Array(cases).fill(NaN) },
    ],
    cases,
  };
  const expectedKinds = (compression: SavCompression): string[] => [
    ...Object.keys(columns).map((n) =>
      wide.has(n) || (n === 'minusZero' && compression === 'none') ? 'numeric' : 'codes',
    ),
    'numeric',
  ];

  it('reads codes 1-251 with the bias the header declares, whole or not', async () => {
    const target = path.join(tmp, 'codes-bias.sav');
    await writeSav(target, file, { compression: 'bytecode' });
    const bytes = readFileSync(target);
    // The writer uses bias 100; the header stores it as a double at byte 84.
    expect(bytes.readDoubleLE(84)).toBe(100);
    const compressed = (v: number): boolean => Number.isInteger(v) && v >= -99 && v <= 151;
    for (const bias of [0, 0.5, 100]) {
      bytes.writeDoubleLE(bias, 84);
      const patched = path.join(tmp, `codes-bias-${bias}.sav`);
      writeFileSync(patched, bytes);
      const expected = file.columns.map((column) =>
        plainValues(column as SavColumn & { kind: 'numeric' }).map((v) =>
          typeof v === 'number' && compressed(v) ? v + 100 - bias : v,
        ),
      );
      for (const options of TINY_READS.slice(-2)) {
        const read = await readSav(patched, options);
        expect(actualColumns(read), `bias ${bias}`).toEqual(expected);
        const fractions = read.columns.filter((c) => c.kind === 'numeric').length;
        if (bias === 0.5) expect(fractions).toBe(read.columns.length - 1);
      }
    }
  });

  for (const compression of COMPRESSIONS) {
    it(`widens a column to exact numbers at its first value that is no code (${compression})`, async () => {
      const target = path.join(tmp, `codes-${compression}.sav`);
      await writeSav(target, file, { compression });
      for (const options of TINY_READS) {
        const read = await readSav(target, options);
        const label = JSON.stringify(options);
        // Dates stay numbers even when every value is missing.
        expect(
          read.columns.map((c) => c.kind),
          label,
        ).toEqual(expectedKinds(compression));
        const expected = expectedColumns(file);
        if (compression !== 'none') expected[Object.keys(columns).indexOf('minusZero')]![600] = 0;
        expect(actualColumns(read), label).toEqual(expected);
        const answers = read.columns[0]!;
        expect(answers.kind === 'codes' && answers.values.every((v) => v <= 12 || v === 255)).toBe(
          true,
        );
        if (compression === 'none') {
          // -0 has no code of its own: it stays a number.
          const minusZero = read.columns[Object.keys(columns).indexOf('minusZero')]!;
          expect(minusZero.kind === 'numeric' && Object.is(minusZero.values[600], -0)).toBe(true);
        }
      }
    });
  }
});
