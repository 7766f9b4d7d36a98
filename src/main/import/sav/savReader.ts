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
}

export interface SavBatch {
  dictionary: SavDictionary;
  /** 0-based index of the batch's first case in the file. */
  firstCase: number;
  cases: number;
  columns: SavColumn[];
}

const DBL_MAX = Number.MAX_VALUE;
/** Upper bound for memory preallocated from a (possibly wrong) declared case count. */
const PREALLOCATION_BYTES = 64 * 1024 * 1024;

/**
 * Builds columns case by case. Numeric columns are Float64Arrays preallocated from the declared
 * case count when the file is big enough to hold that many cases, and doubled when they fill.
 */
class ColumnBuilder implements CaseSink {
  count = 0;
  private capacity: number;
  private readonly numeric: Array<{ offset: number; values: Float64Array }> = [];
  private readonly strings: Array<{
    layout: SavColumnLayout & { kind: 'string' };
    values: string[];
  }> = [];
  private readonly order: Array<{ kind: 'numeric' | 'string'; index: number }> = [];
  private readonly decoder: TextDecoderFor;
  private readonly littleEndian: boolean;
  private readonly utf8: boolean;
  private scratch: Buffer = Buffer.alloc(0);

  constructor(layout: SavLayout, capacity: number) {
    this.capacity = Math.max(1, capacity);
    this.decoder = new TextDecoderFor(layout.encoding);
    this.littleEndian = layout.littleEndian;
    this.utf8 = layout.encoding === 'utf-8';
    for (const col of layout.columns) {
      if (col.kind === 'numeric') {
        this.order.push({ kind: 'numeric', index: this.numeric.length });
        this.numeric.push({ offset: col.offset, values: new Float64Array(this.capacity) });
      } else {
        this.order.push({ kind: 'string', index: this.strings.length });
        this.strings.push({ layout: col, values: [] });
        const total = col.segments.reduce((sum, s) => sum + s.length, 0);
        if (col.segments.length > 1 && total > this.scratch.length)
          this.scratch = Buffer.alloc(total);
      }
    }
  }

  addCase(buf: Buffer, offset: number): void {
    const row = this.count;
    if (row === this.capacity) this.grow();
    const le = this.littleEndian;
    for (const col of this.numeric) {
      const at = offset + col.offset;
      const v = le ? buf.readDoubleLE(at) : buf.readDoubleBE(at);
      col.values[row] = v === -DBL_MAX ? NaN : v;
    }
    for (const col of this.strings) col.values.push(this.readString(buf, offset, col.layout));
    this.count = row + 1;
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

  private grow(): void {
    this.capacity *= 2;
    for (const col of this.numeric) {
      const next = new Float64Array(this.capacity);
      next.set(col.values);
      col.values = next;
    }
  }

  finish(): SavColumn[] {
    const n = this.count;
    return this.order.map((o): SavColumn => {
      if (o.kind === 'string') return { kind: 'string', values: this.strings[o.index]!.values };
      const values = this.numeric[o.index]!.values;
      return { kind: 'numeric', values: values.length === n ? values : values.slice(0, n) };
    });
  }
}

/** A starting capacity that trusts the declared count only as far as the file size allows. */
function initialCapacity(layout: SavLayout): number {
  const declared = layout.declaredCases;
  if (declared === null || layout.caseElements === 0) return 1024;
  const dataBytes = Math.max(0, layout.fileSize - layout.dataOffset);
  // Uncompressed cases take 8 bytes per element; bytecode at least one code byte per element,
  // which deflate (the .zsav layer) can shrink at most about 1032-fold.
  const bySize =
    layout.compression === 'none'
      ? dataBytes / (layout.caseElements * 8)
      : layout.compression === 'bytecode'
        ? dataBytes / layout.caseElements
        : (dataBytes * 1032) / layout.caseElements;
  const perCase = Math.max(8, layout.columns.length * 8);
  const byMemory = PREALLOCATION_BYTES / perCase;
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
    const builder = new ColumnBuilder(layout, initialCapacity(layout));
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
    let builder = new ColumnBuilder(layout, capacity);
    // The sink indirection lets each batch start a fresh builder while the decoder keeps going.
    const sink: CaseSink = {
      addCase: (buf, offset) => builder.addCase(buf, offset),
      get full() {
        return builder.count >= batchSize;
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
        builder = new ColumnBuilder(layout, capacity);
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
