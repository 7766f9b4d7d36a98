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
 * Builds columns from blocks of decoded cases. Numeric columns are Float64Arrays preallocated from
 * the declared case count as far as the file can hold that many cases (so a truthful header costs
 * no copy at all), and doubled when they fill.
 */
class ColumnBuilder implements CaseSink {
  count = 0;
  readonly room = Infinity;
  private capacity: number;
  private readonly caseElements: number;
  /** Per numeric column: the element it is stored in, and its values. */
  private readonly numericElements: Int32Array;
  /** 1 where numeric columns c to c + 3 sit in consecutive elements, so they copy together. */
  private readonly fourInARow: Uint8Array;
  private numericValues: Float64Array[];
  private readonly strings: Array<{
    layout: SavColumnLayout & { kind: 'string' };
    values: string[];
  }> = [];
  private readonly order: Array<{ kind: 'numeric' | 'string'; index: number }> = [];
  private readonly decoder: TextDecoderFor;
  private readonly utf8: boolean;
  private scratch: Buffer = Buffer.alloc(0);

  constructor(layout: SavLayout, capacity: number) {
    this.capacity = Math.max(1, capacity);
    this.caseElements = layout.caseElements;
    this.decoder = new TextDecoderFor(layout.encoding);
    this.utf8 = layout.encoding === 'utf-8';
    const elements: number[] = [];
    for (const col of layout.columns) {
      if (col.kind === 'numeric') {
        this.order.push({ kind: 'numeric', index: elements.length });
        elements.push(col.offset / 8);
      } else {
        this.order.push({ kind: 'string', index: this.strings.length });
        this.strings.push({ layout: col, values: [] });
        const total = col.segments.reduce((sum, s) => sum + s.length, 0);
        if (col.segments.length > 1 && total > this.scratch.length)
          this.scratch = Buffer.alloc(total);
      }
    }
    this.numericElements = Int32Array.from(elements);
    this.fourInARow = Uint8Array.from(elements, (e, c) =>
      c + 3 < elements.length && elements[c + 3] === e + 3 ? 1 : 0,
    );
    this.numericValues = allocateColumns(elements.length, this.capacity);
  }

  /** Sizes the columns for `cases` cases at once, when no case has arrived yet. */
  reserve(cases: number): void {
    if (this.count > 0 || cases <= this.capacity) return;
    try {
      this.numericValues = allocateColumns(this.numericValues.length, cases);
      this.capacity = cases;
    } catch (e) {
      // A directory promising more than memory allows: keep growing as the data arrives.
      if (!(e instanceof RangeError)) throw e;
    }
  }

  addCases(values: Float64Array, bytes: Buffer, start: number, rows: number): void {
    const first = this.count;
    const stop = first + rows;
    if (stop > this.capacity) this.grow(stop);
    const E = this.caseElements;
    const elements = this.numericElements;
    const fourInARow = this.fourInARow;
    const columns = this.numericValues;
    for (let c = 0; c < columns.length;) {
      const at = start * E + elements[c]!;
      if (fourInARow[c] === 1) {
        const a = columns[c]!;
        const b = columns[c + 1]!;
        copyStrided4(values, at, E, a, b, columns[c + 2]!, columns[c + 3]!, first, rows);
        c += 4;
      } else {
        copyStrided(values, at, E, columns[c]!, first, rows);
        c++;
      }
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
      const next = new Float64Array(this.capacity);
      next.set(values.subarray(0, this.count));
      return next;
    });
  }

  finish(): SavColumn[] {
    const n = this.count;
    return this.order.map((o): SavColumn => {
      if (o.kind === 'string') return { kind: 'string', values: this.strings[o.index]!.values };
      const values = this.numericValues[o.index]!;
      return { kind: 'numeric', values: values.length === n ? values : values.slice(0, n) };
    });
  }
}

/** A builder sized for `capacity` cases, or for few when that much memory is not to be had. */
function newBuilder(layout: SavLayout, capacity: number): ColumnBuilder {
  try {
    return new ColumnBuilder(layout, capacity);
  } catch (e) {
    if (!(e instanceof RangeError) || capacity <= 1024) throw e;
    return new ColumnBuilder(layout, 1024);
  }
}

/**
 * Copies every `stride`-th value of `from`, starting at `at`, into `to` from `first` on: one
 * column of a row-major block. The block (a few hundred KiB) is still in cache, so the strided
 * reads are cheap while the column is written sequentially.
 */
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

/** copyStrided for four columns in consecutive elements: one pass over the block's lines. */
function copyStrided4(
  from: Float64Array,
  at: number,
  stride: number,
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  d: Float64Array,
  first: number,
  rows: number,
): void {
  let i = at;
  for (let r = first, stop = first + rows; r < stop; r++) {
    a[r] = from[i]!;
    b[r] = from[i + 1]!;
    c[r] = from[i + 2]!;
    d[r] = from[i + 3]!;
    i += stride;
  }
}

function allocateColumns(count: number, capacity: number): Float64Array[] {
  return Array.from({ length: count }, () => new Float64Array(capacity));
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
    const builder = newBuilder(layout, initialCapacity(layout));
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
    let builder = newBuilder(layout, capacity);
    // The sink indirection lets each batch start a fresh builder while the decoder keeps going.
    const sink: CaseSink = {
      addCases: (values, bytes, start, rows) => builder.addCases(values, bytes, start, rows),
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
        builder = newBuilder(layout, capacity);
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
