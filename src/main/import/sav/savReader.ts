/**
 * Public entry points for reading SPSS system files (.sav, .zsav) into the shared SavFile model.
 * The dictionary is parsed by savRecords, the data streamed by savDecompress; this module owns the
 * file handle and builds the columns, so memory grows with the columns, never with the file.
 */
import { open } from 'node:fs/promises';
import type { SavColumn, SavDictionary, SavFile } from './savModel';
import { TextDecoderFor, trimEndIndex, utf8CompleteEnd } from './savEncoding';
import { parseDictionary, type SavColumnLayout, type SavLayout } from './savRecords';
import { readCaseChunks, type CaseSink, type DataReadState } from './savDecompress';
import { CODES_MISSING } from '../importedDataset';

export { SavFormatError } from './savModel';

export interface ReadSavOptions {
  /** Overrides the file's declared encoding (iconv-lite name, e.g. 'windows-1251'). */
  encoding?: string;
  signal?: AbortSignal;
  /** Called after each chunk with bytes of the file consumed so far and the file size. */
  onProgress?: (done: number, total: number) => void;
  /** Testing only: bytes per read and per decoded block, small to cross many boundaries. */
  chunkBytes?: number;
  blockBytes?: number;
}

export interface SavBatch {
  dictionary: SavDictionary;
  /** 0-based index of the batch's first case in the file. */
  firstCase: number;
  cases: number;
  columns: SavColumn[];
}

/** Upper bound for memory preallocated from a declared case count the file size cannot vouch for. */
const PREALLOCATION_BYTES = 64 * 1024 * 1024;

/**
 * Builds columns from blocks of decoded cases. A numeric column starts as one-byte codes (whole
 * numbers 0..254, CODES_MISSING for system-missing) and is widened to Float64 the first time a
 * value does not fit, so a file of survey answers takes one byte per answer while it streams.
 * Columns are preallocated from the declared case count as far as the file can hold that many
 * cases (so a truthful header costs no copy at all), and doubled when they fill.
 */
class ColumnBuilder implements CaseSink {
  count = 0;
  readonly room = Infinity;
  private capacity: number;
  private readonly caseElements: number;
  private readonly bias: number;
  /** Compression code → the code byte a coded column stores, or -1 (see codeTable). */
  private readonly table: Int16Array;
  /** Whether four codes can be mapped at once (plainCodes4): a whole bias from 1 to 127. */
  private readonly wordBias: boolean;
  /** Per numeric column: the element it is stored in, and its values so far. */
  private readonly numericElements: Int32Array;
  /** 1 where numeric columns c to c + 3 sit in consecutive elements, so they copy together. */
  private readonly fourInARow: Uint8Array;
  private numericValues: Array<Uint8Array | Float64Array>;
  private readonly strings: Array<{
    layout: SavColumnLayout & { kind: 'string' };
    values: string[];
  }> = [];
  private readonly order: Array<{ kind: 'numeric' | 'string'; index: number }> = [];
  private readonly decoder: TextDecoderFor;
  private readonly utf8: boolean;
  private scratch: Buffer = Buffer.alloc(0);

  /** `wide[i]`: layout column i is read as Float64 from the start (dates and times). */
  constructor(layout: SavLayout, capacity: number, wide: readonly boolean[]) {
    this.capacity = Math.max(1, capacity);
    this.caseElements = layout.caseElements;
    this.bias = layout.bias;
    this.table = codeTable(layout.bias);
    this.wordBias = Number.isInteger(layout.bias) && layout.bias >= 1 && layout.bias <= 127;
    this.decoder = new TextDecoderFor(layout.encoding);
    this.utf8 = layout.encoding === 'utf-8';
    const elements: number[] = [];
    const startWide: boolean[] = [];
    layout.columns.forEach((col, i) => {
      if (col.kind === 'numeric') {
        this.order.push({ kind: 'numeric', index: elements.length });
        elements.push(col.offset / 8);
        startWide.push(wide[i] === true);
      } else {
        this.order.push({ kind: 'string', index: this.strings.length });
        this.strings.push({ layout: col, values: [] });
        const total = col.segments.reduce((sum, s) => sum + s.length, 0);
        if (col.segments.length > 1 && total > this.scratch.length)
          this.scratch = Buffer.alloc(total);
      }
    });
    this.numericElements = Int32Array.from(elements);
    this.fourInARow = Uint8Array.from(elements, (e, c) =>
      c + 3 < elements.length && elements[c + 3] === e + 3 ? 1 : 0,
    );
    this.numericValues = startWide.map((isWide) => newColumn(isWide, this.capacity));
  }

  /** Sizes the columns for `cases` cases at once, when no case has arrived yet. */
  reserve(cases: number): void {
    if (this.count > 0 || cases <= this.capacity) return;
    try {
      this.numericValues = this.numericValues.map((values) =>
        newColumn(values instanceof Float64Array, cases),
      );
      this.capacity = cases;
    } catch (e) {
      // A directory promising more than memory allows: keep growing as the data arrives.
      if (!(e instanceof RangeError)) throw e;
    }
  }

  addCases(
    values: Float64Array,
    bytes: Buffer,
    codes: Uint8Array | null,
    start: number,
    rows: number,
  ): void {
    const first = this.count;
    const stop = first + rows;
    if (stop > this.capacity) this.grow(stop);
    const E = this.caseElements;
    const elements = this.numericElements;
    const fourInARow = this.fourInARow;
    const columns = this.numericValues;
    const words =
      codes !== null && this.wordBias
        ? new DataView(codes.buffer, codes.byteOffset, codes.byteLength)
        : null;
    for (let c = 0; c < columns.length;) {
      const at = start * E + elements[c]!;
      if (codes !== null && fourInARow[c] === 1) {
        const a = columns[c]!;
        const b = columns[c + 1]!;
        const d = columns[c + 2]!;
        const e = columns[c + 3]!;
        if (
          a instanceof Uint8Array &&
          b instanceof Uint8Array &&
          d instanceof Uint8Array &&
          e instanceof Uint8Array
        ) {
          // Four answers side by side share a cache line of the block: one pass for the four.
          const done =
            words === null
              ? codes4FromCodes(codes, this.table, at, E, a, b, d, e, first, rows)
              : plainCodes4(words, this.bias, at, E, a, b, d, e, first, rows);
          if (done < rows) {
            const rest = at + done * E;
            for (let j = 0; j < 4; j++)
              this.addColumn(c + j, values, codes, rest + j, first + done, rows - done);
          }
          c += 4;
          continue;
        }
      }
      this.addColumn(c, values, codes, at, first, rows);
      c++;
    }
    const strings = this.strings;
    for (let s = 0; s < strings.length; s++) {
      const col = strings[s]!;
      for (let r = 0; r < rows; r++) {
        col.values.push(this.readString(bytes, (start + r) * E * 8, col.layout));
      }
    }
    this.count = stop;
  }

  /** Copies numeric column `c` of `rows` cases, its first value at element `at` of the block. */
  private addColumn(
    c: number,
    values: Float64Array,
    codes: Uint8Array | null,
    at: number,
    first: number,
    rows: number,
  ): void {
    const E = this.caseElements;
    const column = this.numericValues[c]!;
    if (column instanceof Uint8Array) {
      const done =
        codes === null
          ? codesFromValues(values, at, E, column, first, rows)
          : codesFromCodes(codes, this.table, values, this.bias, at, E, column, first, rows);
      if (done === rows) return;
      // A value that is no code: the column holds numbers from here on.
      const wide = widen(column, first + done, this.capacity);
      this.numericValues[c] = wide;
      const rest = at + done * E;
      if (codes === null) copyStrided(values, rest, E, wide, first + done, rows - done);
      else numbersFromCodes(codes, values, this.bias, rest, E, wide, first + done, rows - done);
    } else if (codes === null) {
      copyStrided(values, at, E, column, first, rows);
    } else {
      numbersFromCodes(codes, values, this.bias, at, E, column, first, rows);
    }
  }

  private readString(
    buf: Buffer,
    offset: number,
    layout: SavColumnLayout & { kind: 'string' },
  ): string {
    const { segments, width } = layout;
    if (segments.length === 1) {
      const seg = segments[0]!;
      const start = offset + seg.offset;
      const end = start + Math.min(seg.length, width);
      return this.decode(buf, start, trimEndIndex(buf, start, end));
    }
    // Very long strings: the segments are joined before decoding so no character is split.
    let filled = 0;
    for (const seg of segments) {
      filled += buf.copy(
        this.scratch,
        filled,
        offset + seg.offset,
        offset + seg.offset + seg.length,
      );
    }
    const end = Math.min(filled, width);
    return this.decode(this.scratch, 0, trimEndIndex(this.scratch, 0, end));
  }

  /** Writers cut values at the column width, which can split a UTF-8 character; drop the piece. */
  private decode(buf: Buffer, start: number, end: number): string {
    const complete = this.utf8 ? utf8CompleteEnd(buf, start, end) : end;
    return this.decoder.decode(buf, start, complete);
  }

  private grow(needed: number): void {
    this.capacity = Math.max(needed, this.capacity * 2);
    this.numericValues = this.numericValues.map((values) => {
      const next = newColumn(values instanceof Float64Array, this.capacity);
      next.set(values.subarray(0, this.count));
      return next;
    });
  }

  finish(): SavColumn[] {
    const n = this.count;
    return this.order.map((o): SavColumn => {
      if (o.kind === 'string') return { kind: 'string', values: this.strings[o.index]!.values };
      const values = this.numericValues[o.index]!;
      const used = values.length === n ? values : values.slice(0, n);
      return used instanceof Float64Array
        ? { kind: 'numeric', values: used }
        : { kind: 'codes', values: used };
    });
  }
}

function newColumn(wide: boolean, capacity: number): Uint8Array | Float64Array {
  return wide ? new Float64Array(capacity) : new Uint8Array(capacity);
}

/** A builder sized for `capacity` cases, or for few when that much memory is not to be had. */
function newBuilder(layout: SavLayout, capacity: number, wide: readonly boolean[]): ColumnBuilder {
  try {
    return new ColumnBuilder(layout, capacity, wide);
  } catch (e) {
    if (!(e instanceof RangeError) || capacity <= 1024) throw e;
    return new ColumnBuilder(layout, 1024, wide);
  }
}

/** Per dictionary variable: whether its column is Float64 from the start (dates and times). */
function wideColumns(dictionary: SavDictionary): boolean[] {
  return dictionary.variables.map((v) => v.width === 0 && isDateFormat(v.printFormat.type));
}

/** The code a number is stored as, or -1 when it is none (fractional, negative, ≥ 255, -0). */
function codeOf(value: number): number {
  if (value !== value) return CODES_MISSING;
  // -0 is kept as a number: a code would give it back as 0.
  return (value | 0) === value && value >= 0 && value < CODES_MISSING && 1 / value > 0 ? value : -1;
}

/**
 * Compression code → the code byte a coded column stores: for codes 1-251 whose value
 * (code − bias) is a whole number 0..254, that number; CODES_MISSING for 255 (system-missing);
 * -1 for the rest (then elementValue says what the element holds).
 */
function codeTable(bias: number): Int16Array {
  const table = new Int16Array(256).fill(-1);
  for (let code = 1; code <= 251; code++) table[code] = codeOf(code - bias);
  table[255] = CODES_MISSING;
  return table;
}

/** A numeric element's value in a bytecode block: code − bias, NaN, or the double (253, 254). */
function elementValue(code: number, values: Float64Array, i: number, bias: number): number {
  return code < 252 ? code - bias : code === 255 ? NaN : values[i]!;
}

/**
 * Copies every `stride`-th element of the block, starting at `at`, into the codes `to` from
 * `first` on: one column of a row-major block, read through its compression codes. The block
 * is still in cache, so the strided reads are cheap while the column is written sequentially.
 * Returns how many rows it copied, fewer than `rows` when it met a value that is no code.
 */
function codesFromCodes(
  codes: Uint8Array,
  table: Int16Array,
  values: Float64Array,
  bias: number,
  at: number,
  stride: number,
  to: Uint8Array,
  first: number,
  rows: number,
): number {
  let i = at;
  for (let r = 0; r < rows; r++) {
    const code = codes[i]!;
    let stored = table[code]!;
    if (stored < 0) {
      stored = codeOf(elementValue(code, values, i, bias));
      if (stored < 0) return r;
    }
    to[first + r] = stored;
    i += stride;
  }
  return rows;
}

/**
 * codesFromCodes for four columns in consecutive elements, as long as all four hold codes the
 * table maps (values 0..254 or system-missing); returns the rows copied.
 */
function codes4FromCodes(
  codes: Uint8Array,
  table: Int16Array,
  at: number,
  stride: number,
  a: Uint8Array,
  b: Uint8Array,
  c: Uint8Array,
  d: Uint8Array,
  first: number,
  rows: number,
): number {
  let i = at;
  for (let r = 0; r < rows; r++) {
    const t0 = table[codes[i]!]!;
    const t1 = table[codes[i + 1]!]!;
    const t2 = table[codes[i + 2]!]!;
    const t3 = table[codes[i + 3]!]!;
    if ((t0 | t1 | t2 | t3) < 0) return r;
    const row = first + r;
    a[row] = t0;
    b[row] = t1;
    c[row] = t2;
    d[row] = t3;
    i += stride;
  }
  return rows;
}

/**
 * codes4FromCodes reading the four codes as one word and mapping them all at once, for a whole
 * bias B from 1 to 127. Per byte b, with l = b & 0x7f, bit 7 of: (l + 128 − B) | b marks b ≥ B,
 * (l + 4) & b marks b ≥ 252, and (~b & 0x7f) + 0x7f | ~b marks b ≠ 255; none of the sums carries
 * into the next byte. When every byte is a code B..251 or 255, subtracting B from each byte
 * borrows nothing, and the 255s are set back to 255 (CODES_MISSING).
 */
function plainCodes4(
  words: DataView,
  bias: number,
  at: number,
  stride: number,
  a: Uint8Array,
  b: Uint8Array,
  c: Uint8Array,
  d: Uint8Array,
  first: number,
  rows: number,
): number {
  const atLeastBias = (128 - bias) * 0x01010101;
  const biases = bias * 0x01010101;
  const high = 0x80808080 | 0;
  let i = at;
  for (let r = 0; r < rows; r++) {
    const x = words.getUint32(i, true);
    const low = x & 0x7f7f7f7f;
    const notMissing = ((~x & 0x7f7f7f7f) + 0x7f7f7f7f) | ~x;
    const plain = (((low + atLeastBias) | x) & ~((low + 0x04040404) & x)) | ~notMissing;
    if ((plain & high) !== high) return r;
    const mapped = (x - biases) | (((~notMissing & high) >>> 7) * 0xff);
    const row = first + r;
    // Typed-array stores keep the low byte.
    a[row] = mapped;
    b[row] = mapped >>> 8;
    c[row] = mapped >>> 16;
    d[row] = mapped >>> 24;
    i += stride;
  }
  return rows;
}

/** codesFromCodes for a block of doubles (uncompressed data). */
function codesFromValues(
  values: Float64Array,
  at: number,
  stride: number,
  to: Uint8Array,
  first: number,
  rows: number,
): number {
  let i = at;
  for (let r = 0; r < rows; r++) {
    const code = codeOf(values[i]!);
    if (code < 0) return r;
    to[first + r] = code;
    i += stride;
  }
  return rows;
}

/** Copies a column of a bytecode block as numbers (NaN for system-missing). */
function numbersFromCodes(
  codes: Uint8Array,
  values: Float64Array,
  bias: number,
  at: number,
  stride: number,
  to: Float64Array,
  first: number,
  rows: number,
): void {
  let i = at;
  for (let r = first, stop = first + rows; r < stop; r++) {
    to[r] = elementValue(codes[i]!, values, i, bias);
    i += stride;
  }
}

/** The first `count` codes as numbers in a Float64 column of `capacity`, 255 becoming NaN. */
function widen(codes: Uint8Array, count: number, capacity: number): Float64Array {
  const wide = new Float64Array(capacity);
  for (let r = 0; r < count; r++) {
    const code = codes[r]!;
    wide[r] = code === CODES_MISSING ? NaN : code;
  }
  return wide;
}

/** Copies every `stride`-th double of the block, starting at `at`, into `to` from `first` on. */
function copyStrided(
  from: Float64Array,
  at: number,
  stride: number,
  to: Float64Array,
  first: number,
  rows: number,
): void {
  let i = at;
  for (let r = first, stop = first + rows; r < stop; r++) {
    to[r] = from[i]!;
    i += stride;
  }
}

/** A starting capacity that trusts the declared count only as far as the file size allows. */
function initialCapacity(layout: SavLayout): number {
  const declared = layout.declaredCases;
  if (declared === null || layout.caseElements === 0) return 1024;
  const dataBytes = Math.max(0, layout.fileSize - layout.dataOffset);
  // Uncompressed cases take 8 bytes per element; bytecode at least one code byte per element.
  // Either way the columns for that many cases take at most 8 times the data's bytes, so that
  // bound is trusted whole and a truthful header costs no regrowth. Deflate (the .zsav layer)
  // can shrink data about 1032-fold, too much to trust, so there the memory is capped until the
  // ZLIB block directory gives a better bound (ColumnBuilder.reserve).
  if (layout.compression === 'none') {
    return Math.max(1, Math.floor(Math.min(declared, dataBytes / (layout.caseElements * 8))));
  }
  if (layout.compression === 'bytecode') {
    return Math.max(1, Math.floor(Math.min(declared, dataBytes / layout.caseElements)));
  }
  const bySize = (dataBytes * 1032) / layout.caseElements;
  const byMemory = PREALLOCATION_BYTES / Math.max(8, layout.columns.length * 8);
  return Math.max(1, Math.floor(Math.min(declared, bySize, byMemory)));
}

/** Reads only the dictionary (variables, labels, missing values, …); does not touch the data. */
export async function readSavDictionary(
  filePath: string,
  options: { encoding?: string } = {},
): Promise<SavDictionary> {
  const fh = await open(filePath, 'r');
  try {
    const { dictionary } = await parseDictionary(fh, filePath, options);
    return dictionary;
  } finally {
    await fh.close();
  }
}

/** Reads the dictionary and every case. Throws SavFormatError for bad or unsupported files. */
export async function readSav(filePath: string, options: ReadSavOptions = {}): Promise<SavFile> {
  const fh = await open(filePath, 'r');
  try {
    const { dictionary, layout } = await parseDictionary(fh, filePath, options);
    const builder = newBuilder(layout, initialCapacity(layout), wideColumns(dictionary));
    const state: DataReadState = { cases: 0, warnings: dictionary.warnings };
    const chunks = readCaseChunks(fh, layout, builder, state, options);
    let step = await chunks.next();
    while (step.done !== true) step = await chunks.next();
    return { dictionary, columns: builder.finish(), cases: builder.count };
  } finally {
    await fh.close();
  }
}

/**
 * Streams the cases in batches of `batchSize` (the last one smaller), for files too large to hold
 * at once. A file without cases yields one empty batch, so the dictionary always arrives.
 * Breaking out of the loop closes the file.
 */
export async function* readSavBatches(
  filePath: string,
  options: ReadSavOptions & { batchSize?: number } = {},
): AsyncGenerator<SavBatch, void, void> {
  const batchSize = Math.max(1, options.batchSize ?? 50_000);
  const fh = await open(filePath, 'r');
  try {
    const { dictionary, layout } = await parseDictionary(fh, filePath, options);
    const capacity = Math.min(batchSize, initialCapacity(layout));
    const state: DataReadState = { cases: 0, warnings: dictionary.warnings };
    const wide = wideColumns(dictionary);
    let builder = newBuilder(layout, capacity, wide);
    // The sink indirection lets each batch start a fresh builder while the decoder keeps going.
    const sink: CaseSink = {
      addCases: (values, bytes, codes, start, rows) =>
        builder.addCases(values, bytes, codes, start, rows),
      get room() {
        return batchSize - builder.count;
      },
    };
    let firstCase = 0;
    let yielded = false;
    for await (const _chunk of readCaseChunks(fh, layout, sink, state, options)) {
      if (builder.count >= batchSize) {
        const cases = builder.count;
        yield { dictionary, firstCase, cases, columns: builder.finish() };
        yielded = true;
        firstCase += cases;
        builder = newBuilder(layout, capacity, wide);
      }
    }
    if (builder.count > 0 || !yielded) {
      yield { dictionary, firstCase, cases: builder.count, columns: builder.finish() };
    }
  } finally {
    await fh.close();
  }
}

/** Format type codes (spec table "Format types") whose values are seconds since 1582-10-14. */
const DATE_FORMATS = new Set([20, 22, 23, 24, 28, 29, 30, 38, 39, 41]);
/** TIME, DTIME, MTIME: durations in seconds rather than points in time. */
const TIME_FORMATS = new Set([21, 25, 40]);
/** Pure calendar formats, shown without a time of day. */
const DAY_FORMATS = new Set([20, 23, 24, 28, 29, 30, 38, 39]);

/**
 * Whether a variable with this print format type holds a date, datetime or time value in
 * seconds: DATE, ADATE, EDATE, JDATE, SDATE, QYR, MOYR, WKYR, DATETIME, YMDHMS, TIME, DTIME,
 * MTIME. WKDAY and MONTH are excluded: their values are day-of-week (1-7) and month (1-12)
 * numbers, not seconds.
 */
export function isDateFormat(formatType: number): boolean {
  return DATE_FORMATS.has(formatType) || TIME_FORMATS.has(formatType);
}

/** Whether the format is a duration (TIME, DTIME, MTIME) rather than a point in time. */
export function isTimeFormat(formatType: number): boolean {
  return TIME_FORMATS.has(formatType);
}

/** Milliseconds from the SPSS epoch (1582-10-14, Gregorian) to the Unix epoch, negated. */
const SPSS_EPOCH_MS = Date.UTC(1582, 9, 14);

/**
 * Converts SPSS seconds since 1582-10-14 00:00 to ISO 8601 without a zone (SPSS dates carry
 * none): 'YYYY-MM-DDTHH:MM:SS' plus '.sss' when there are milliseconds, or 'YYYY-MM-DD' when
 * `formatType` is a calendar-only format such as DATE or ADATE. NaN (system-missing) and values
 * outside JavaScript's date range give null.
 */
export function spssSecondsToIso(seconds: number, formatType?: number): string | null {
  if (!Number.isFinite(seconds)) return null;
  const date = new Date(SPSS_EPOCH_MS + Math.round(seconds * 1000));
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString().replace(/Z$/, '');
  if (formatType !== undefined && DAY_FORMATS.has(formatType))
    return iso.slice(0, iso.indexOf('T'));
  return iso.endsWith('.000') ? iso.slice(0, -4) : iso;
}
