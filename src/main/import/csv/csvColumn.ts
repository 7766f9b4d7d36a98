/**
 * One CSV column while the file streams in, as narrow as its values allow: every row has one
 * byte in `codes` — the value itself for integers 0..252, or a marker saying the row is missing,
 * holds a wider number (kept in `wide`, a Float64Array made on first need), or holds text (kept
 * as raw bytes in a TextStore). The parser's fast path can then write a small integer without
 * asking what the column has become, so a 1,000,000-row column of survey codes costs 1 MB, not
 * 8, and no field becomes a string until the end. Values are written by row index, so re-parsing
 * a row cut off at the end of a read overwrites it rather than appending twice.
 *
 * At the end the column is numbers (Uint8Array codes, else Int32Array, else Float64Array) or, as
 * soon as one row held text, text: the numbers read before then keep their JavaScript text form.
 */
import { I32_MISSING, U8_MISSING, type RawColumn } from '../tabular/columnTyping';

/** Codes 0..MAX_CODE are values; the three above are markers. */
export const MAX_CODE = 252;
export const CODE_TEXT = 253;
export const CODE_WIDE = 254;
export const CODE_MISSING = U8_MISSING;

/** Field bytes back to back, with the end of each row's bytes (rows without text are empty). */
export class TextStore {
  bytes: Buffer;
  byteLength = 0;
  ends: Float64Array;
  rows = 0;

  constructor(capacity: number) {
    this.bytes = Buffer.allocUnsafe(Math.max(1024, capacity * 4));
    this.ends = new Float64Array(capacity);
  }

  grow(capacity: number): void {
    const ends = new Float64Array(capacity);
    ends.set(this.ends.subarray(0, this.rows));
    this.ends = ends;
  }

  /** Positions the store at `row`: forgets rows from there (a re-parsed row) or fills a gap. */
  private seek(row: number): void {
    if (row < this.rows) {
      this.rows = row;
      this.byteLength = row === 0 ? 0 : this.ends[row - 1]!;
    }
    while (this.rows < row) this.ends[this.rows++] = this.byteLength;
  }

  private reserve(extra: number): void {
    const needed = this.byteLength + extra;
    if (needed <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < needed) size *= 2;
    const bytes = Buffer.allocUnsafe(size);
    this.bytes.copy(bytes, 0, 0, this.byteLength);
    this.bytes = bytes;
  }

  put(row: number, source: Uint8Array, start: number, end: number): void {
    this.seek(row);
    this.reserve(end - start);
    this.bytes.set(source.subarray(start, end), this.byteLength);
    this.byteLength += end - start;
    this.ends[row] = this.byteLength;
    this.rows = row + 1;
  }

  /** A quoted field's content with each doubled quote written once. */
  putUnescaped(row: number, source: Uint8Array, start: number, end: number, quote: number): void {
    this.seek(row);
    this.reserve(end - start);
    let out = this.byteLength;
    let from = start;
    for (let i = start; i < end; i++) {
      if (source[i] === quote) {
        // Inside a quoted field a quote only ever appears doubled: copy one, skip the other.
        this.bytes.set(source.subarray(from, i + 1), out);
        out += i + 1 - from;
        i++;
        from = i + 1;
      }
    }
    this.bytes.set(source.subarray(from, end), out);
    out += end - from;
    this.byteLength = out;
    this.ends[row] = out;
    this.rows = row + 1;
  }

  start(row: number): number {
    return row === 0 ? 0 : this.ends[row - 1]!;
  }
}

export class CsvColumn {
  wide: Float64Array | null = null;
  text: TextStore | null = null;
  /** Whether some row holds text: then the column is text. */
  hasText = false;
  private capacity: number;

  /** `codes` has one byte per row the column can hold (the parser lays all columns out together). */
  constructor(public codes: Uint8Array) {
    this.capacity = codes.length;
  }

  /** Moves to a larger `codes`, keeping every row so far. */
  grow(codes: Uint8Array): void {
    const capacity = codes.length;
    codes.set(this.codes);
    this.codes = codes;
    if (this.wide) {
      const wide = new Float64Array(capacity);
      wide.set(this.wide);
      this.wide = wide;
    }
    this.text?.grow(capacity);
    this.capacity = capacity;
  }

  /** A number the fast path did not take (negative, decimal, large, quoted, spaced). */
  putNumber(row: number, value: number): void {
    if (value >= 0 && value <= MAX_CODE && Number.isInteger(value) && !Object.is(value, -0)) {
      this.codes[row] = value;
      return;
    }
    this.wide ??= new Float64Array(this.capacity);
    this.wide[row] = value;
    this.codes[row] = CODE_WIDE;
  }

  putMissing(row: number): void {
    this.codes[row] = CODE_MISSING;
  }

  /** A field that is not a number: the column becomes text. */
  putText(row: number, source: Uint8Array, start: number, end: number): void {
    this.text ??= new TextStore(this.capacity);
    this.hasText = true;
    this.text.put(row, source, start, end);
    this.codes[row] = CODE_TEXT;
  }

  putUnescaped(row: number, source: Uint8Array, start: number, end: number, quote: number): void {
    this.text ??= new TextStore(this.capacity);
    this.hasText = true;
    this.text.putUnescaped(row, source, start, end, quote);
    this.codes[row] = CODE_TEXT;
  }

  /** The number of the first `rows` rows, narrowest type that holds them; null for text. */
  numbers(rows: number): RawColumn | null {
    if (this.hasText) return null;
    const codes = this.codes.subarray(0, rows);
    const wide = this.wide;
    if (!wide) return { kind: 'number', values: codes };
    let int32 = true;
    for (let row = 0; row < rows && int32; row++) {
      if (codes[row] !== CODE_WIDE) continue;
      const value = wide[row]!;
      int32 = Number.isInteger(value) && value > I32_MISSING && value <= 0x7fffffff;
    }
    const values = int32 ? new Int32Array(rows) : new Float64Array(rows);
    const missing = int32 ? I32_MISSING : Number.NaN;
    for (let row = 0; row < rows; row++) {
      const code = codes[row]!;
      values[row] = code === CODE_WIDE ? wide[row]! : code === CODE_MISSING ? missing : code;
    }
    return { kind: 'number', values };
  }

  /**
   * The first `rows` rows as text: `decode` turns a text row's bytes into a string (null when
   * they are invalid in the encoding); numbers read before the column turned text keep their
   * JavaScript text form. Returns the first invalid row too (-1 when none).
   */
  texts(
    rows: number,
    decode: (bytes: Buffer, start: number, end: number) => string | null,
  ): { values: Array<string | null>; invalidRow: number } {
    const values = new Array<string | null>(rows);
    const store = this.text!;
    let invalidRow = -1;
    for (let row = 0; row < rows; row++) {
      const code = this.codes[row]!;
      if (code === CODE_TEXT) {
        const text = decode(store.bytes, store.start(row), store.ends[row]!);
        if (text === null && invalidRow < 0) invalidRow = row;
        values[row] = text;
      } else if (code === CODE_MISSING) values[row] = null;
      else values[row] = String(code === CODE_WIDE ? this.wide![row]! : code);
    }
    return { values, invalidRow };
  }
}
