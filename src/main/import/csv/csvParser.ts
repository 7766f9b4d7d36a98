/**
 * The byte-level CSV parser (RFC 4180: quoted fields may hold delimiters, doubled quotes and
 * newlines; rows end in CRLF, LF or CR). It walks the bytes of a read once and writes each field
 * straight into its column: the common case, an unquoted integer, is parsed digit by digit into a
 * Uint8Array with no string made (../shared/PERFORMANCE.md: no string per field). Everything
 * else takes the slower path of cellText.ts.
 *
 * Every column's one-byte codes live in one Uint8Array, column after column (`capacity` rows
 * each): the fast path then writes a field at `at` and steps `at` by `capacity` to the next
 * column, with no lookup of the column's own array — a third faster than an array per column.
 *
 * Reads end anywhere, so parse() consumes whole rows only and returns where the first unfinished
 * row starts; the caller keeps those bytes and calls again with more. Fully empty lines are
 * skipped. A row with more or fewer fields than the header is an error naming its row and line.
 */
import { ApiError } from '../../../shared/api/apiTypes';
import { isMissingBytes, parseNumberBytes } from '../tabular/cellText';
import { CODE_MISSING, CsvColumn } from './csvColumn';

const LF = 0x0a;
const CR = 0x0d;
const ZERO = 0x30;
const DOT = 0x2e;
/** Exact powers of ten up to 10^15 (a mantissa of at most 15 digits divides exactly-rounded). */
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
/** A terminator that is not a byte: the end of the file. */
const EOF = -1;

/** Where a row starts, for messages: its record number in the file and its line. */
export interface RowPlace {
  /** 1-based, counting every record of the file (the header too), not blank lines. */
  record: number;
  /** 1-based physical line. */
  line: number;
}

export interface CsvRecord {
  fields: Uint8Array[];
  /** Index just past the record's end. */
  next: number;
  /** Newlines inside quoted fields. */
  innerLines: number;
}

function countNewlines(bytes: Uint8Array, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === LF || (b === CR && bytes[i + 1] !== LF)) count++;
  }
  return count;
}

/** The end of a quoted field's content (its closing quote), -1 if not in bytes[·, end). */
function closingQuote(bytes: Buffer, from: number, end: number, quote: number): number {
  let q = from;
  for (;;) {
    q = bytes.indexOf(quote, q);
    if (q < 0 || q >= end) return -1;
    if (q + 1 < end && bytes[q + 1] === quote) {
      q += 2;
      continue;
    }
    return q;
  }
}

function unescapeQuotes(bytes: Uint8Array, quote: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    out[n++] = bytes[i]!;
    if (bytes[i] === quote && bytes[i + 1] === quote) i++;
  }
  return out.subarray(0, n);
}

/** A quoted field that is never closed, or bytes after a closing quote; `at` is an index. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly problem: 'unclosed' | 'after-quote',
    readonly at: number,
  ) {
    super(problem);
  }
}

/**
 * One record as raw field bytes (quotes removed), for the header and the rows above it; null
 * when bytes[pos, end) does not hold all of it yet. Assumes pos is not on a blank line.
 */
export function readRecord(
  bytes: Buffer,
  pos: number,
  end: number,
  final: boolean,
  delimiter: number,
  quote: number,
): CsvRecord | null {
  const fields: Uint8Array[] = [];
  let innerLines = 0;
  let p = pos;
  for (;;) {
    let fieldEnd: number;
    if (p < end && bytes[p] === quote) {
      const close = closingQuote(bytes, p + 1, end, quote);
      if (close < 0) {
        if (final) throw new CsvSyntaxError('unclosed', p);
        return null;
      }
      if (close + 1 >= end && !final) return null;
      const after = close + 1 < end ? bytes[close + 1] : undefined;
      if (after !== undefined && after !== delimiter && after !== LF && after !== CR)
        throw new CsvSyntaxError('after-quote', close);
      const content = bytes.subarray(p + 1, close);
      // Copies: the window's bytes are reused by the next read.
      fields.push(
        content.includes(quote) ? unescapeQuotes(content, quote) : Uint8Array.from(content),
      );
      innerLines += countNewlines(bytes, p + 1, close);
      fieldEnd = close + 1;
    } else {
      fieldEnd = p;
      while (fieldEnd < end) {
        const b = bytes[fieldEnd];
        if (b === delimiter || b === LF || b === CR) break;
        fieldEnd++;
      }
      if (fieldEnd === end && !final) return null;
      fields.push(Uint8Array.from(bytes.subarray(p, fieldEnd)));
    }
    const term = fieldEnd < end ? bytes[fieldEnd]! : EOF;
    if (term === delimiter) {
      p = fieldEnd + 1;
      continue;
    }
    if (term === CR) {
      if (fieldEnd + 1 >= end && !final) return null;
      return { fields, next: fieldEnd + (bytes[fieldEnd + 1] === LF ? 2 : 1), innerLines };
    }
    return { fields, next: term === LF ? fieldEnd + 1 : fieldEnd, innerLines };
  }
}

export class CsvParser {
  readonly columns: CsvColumn[];
  /** Data rows completed. */
  rows = 0;
  /** File offset of each data row's first byte (for messages about a row's bytes later). */
  rowOffsets: Float64Array;
  /** The record number and line of the next row. */
  record: number;
  line: number;
  private capacity: number;
  /** Every column's `codes`: column c holds bytes [c × capacity, (c + 1) × capacity). */
  private codes: Uint8Array;
  private fieldLines = 0;

  constructor(
    private readonly file: string,
    private readonly ncols: number,
    private readonly delimiter: number,
    private readonly quote: number,
    capacity: number,
    next: RowPlace,
  ) {
    this.capacity = Math.max(16, capacity);
    this.codes = new Uint8Array(this.capacity * ncols);
    this.columns = Array.from({ length: ncols }, (_, c) => new CsvColumn(this.columnCodes(c)));
    this.rowOffsets = new Float64Array(this.capacity);
    this.record = next.record;
    this.line = next.line;
  }

  private columnCodes(c: number): Uint8Array {
    return this.codes.subarray(c * this.capacity, (c + 1) * this.capacity);
  }

  private grow(): void {
    this.capacity *= 2;
    this.codes = new Uint8Array(this.capacity * this.ncols);
    this.columns.forEach((column, c) => column.grow(this.columnCodes(c)));
    const offsets = new Float64Array(this.capacity);
    offsets.set(this.rowOffsets);
    this.rowOffsets = offsets;
  }

  private ragged(fields: string): ApiError {
    return new ApiError(
      'invalid-input',
      `${this.file}: row ${this.record} (line ${this.line}) has ${fields} field${fields === '1' ? '' : 's'}, but the header has ${this.ncols}`,
    );
  }

  /** More fields than the header: count them if the row is all here, for the message. */
  private tooMany(bytes: Buffer, rowStart: number, end: number, final: boolean): ApiError {
    let record: CsvRecord | null = null;
    try {
      record = readRecord(bytes, rowStart, end, final, this.delimiter, this.quote);
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
    }
    return this.ragged(record ? String(record.fields.length) : `more than ${this.ncols}`);
  }

  /** The message for a CsvSyntaxError at bytes[at], `base` being the file offset of bytes[0]. */
  static syntaxMessage(file: string, place: RowPlace, error: CsvSyntaxError, base: number): string {
    const where = `${file}: row ${place.record} (line ${place.line})`;
    return error.problem === 'unclosed'
      ? `${where} has a quoted field, starting at byte offset ${base + error.at}, that is never closed`
      : `${where}: unexpected bytes after a closing quote at byte offset ${base + error.at}`;
  }

  /**
   * Parses the complete rows of bytes[start, end) into the columns. `base` is the file offset of
   * bytes[0]; `final` says nothing follows `end`. Returns the index where the first incomplete
   * row starts (end when none is).
   */
  parse(bytes: Buffer, start: number, end: number, final: boolean, base: number): number {
    const delimiter = this.delimiter;
    const ncols = this.ncols;
    const columns = this.columns;
    let codes = this.codes;
    let capacity = this.capacity;
    // The fast path reads up to 3 bytes past a field's start without checking `end`.
    const fastEnd = end - 3;
    const lastColumn = ncols - 1;
    let pos = start;
    let row = this.rows;
    rows: while (pos < end) {
      const rowStart = pos;
      const first = bytes[pos]!;
      if (first === LF || first === CR) {
        if (first === CR && pos + 1 >= end && !final) break;
        pos += first === CR && bytes[pos + 1] === LF ? 2 : 1;
        this.line++;
        continue;
      }
      if (row === capacity) {
        this.grow();
        codes = this.codes;
        capacity = this.capacity;
      }
      this.rowOffsets[row] = base + rowStart;
      let c = 0;
      let innerLines = 0;
      for (;;) {
        if (c === ncols) throw this.tooMany(bytes, rowStart, end, final);
        // Fastest path, most survey fields: empty, or one or two digits then the delimiter, in
        // any column but the last. It writes the code without asking what the column holds
        // (see csvColumn.ts), and stays in this loop while fields keep to that shape.
        let at = c * capacity + row;
        const lastAt = lastColumn * capacity;
        while (pos < fastEnd && at < lastAt) {
          const d0 = bytes[pos]! - ZERO;
          if (d0 >>> 0 <= 9) {
            const b1 = bytes[pos + 1]!;
            if (b1 === delimiter) {
              codes[at] = d0;
              at += capacity;
              pos += 2;
              continue;
            }
            const d1 = b1 - ZERO;
            if (d1 >>> 0 <= 9 && d0 !== 0 && bytes[pos + 2] === delimiter) {
              codes[at] = d0 * 10 + d1;
              at += capacity;
              pos += 3;
              continue;
            }
          } else if (d0 === delimiter - ZERO) {
            codes[at] = CODE_MISSING;
            at += capacity;
            pos++;
            continue;
          }
          break;
        }
        c = (at - row) / capacity;
        const column = columns[c]!;
        let p = pos;
        let value = 0;
        while (p < end) {
          const digit = bytes[p]! - ZERO;
          if (digit >>> 0 > 9) break;
          value = value * 10 + digit;
          p++;
        }
        let term = p < end ? bytes[p]! : EOF;
        const length = p - pos;
        // A plain decimal (a weight: 1.234567) in a column of numbers: its digits as one whole
        // number over an exact power of ten, which rounds as parseNumberBytes would.
        let decimal = false;
        if (
          term === DOT &&
          length > 0 &&
          (length === 1 || bytes[pos] !== ZERO) &&
          !column.hasText
        ) {
          let q = p + 1;
          let mantissa = value;
          while (q < end) {
            const digit = bytes[q]! - ZERO;
            if (digit >>> 0 > 9) break;
            mantissa = mantissa * 10 + digit;
            q++;
          }
          const decimals = q - p - 1;
          const after = q < end ? bytes[q]! : EOF;
          if (
            decimals > 0 &&
            length + decimals <= 15 &&
            (after === delimiter || after === LF || after === CR || after === EOF)
          ) {
            value = mantissa / POW10[decimals]!;
            p = q;
            term = after;
            decimal = true;
          }
        }
        if (term === EOF && !final) {
          pos = rowStart;
          break rows;
        }
        const ended = term === delimiter || term === LF || term === CR || term === EOF;
        if (
          decimal ||
          (ended && length > 0 && length <= 15 && (length === 1 || bytes[pos] !== ZERO))
        ) {
          column.putNumber(row, value);
        } else if (ended && length === 0) {
          column.putMissing(row);
        } else {
          p = this.field(bytes, pos, end, final, column, row, base);
          if (p < 0) {
            pos = rowStart;
            break rows;
          }
          innerLines += this.fieldLines;
          term = p < end ? bytes[p]! : EOF;
        }
        pos = p;
        if (term === delimiter) {
          pos++;
          c++;
          continue;
        }
        if (c + 1 !== ncols) throw this.ragged(String(c + 1));
        if (term === CR) {
          if (pos + 1 >= end && !final) {
            pos = rowStart;
            break rows;
          }
          pos += bytes[pos + 1] === LF ? 2 : 1;
        } else if (term === LF) pos++;
        break;
      }
      row++;
      this.rows = row;
      this.record++;
      this.line += 1 + innerLines;
    }
    // An unfinished row (pos is its start) is parsed again once more bytes are in.
    return pos;
  }

  /**
   * A field the fast path does not take: quoted, negative, decimal, text, missing marker.
   * Returns the index of its terminator, or -1 when the field runs past `end`.
   */
  private field(
    bytes: Buffer,
    pos: number,
    end: number,
    final: boolean,
    column: CsvColumn,
    row: number,
    base: number,
  ): number {
    const quote = this.quote;
    const delimiter = this.delimiter;
    this.fieldLines = 0;
    if (bytes[pos] === quote) {
      const close = closingQuote(bytes, pos + 1, end, quote);
      if (close < 0) {
        if (!final) return -1;
        throw new ApiError(
          'invalid-input',
          CsvParser.syntaxMessage(this.file, this, new CsvSyntaxError('unclosed', pos), base),
        );
      }
      const after = close + 1;
      const term = after < end ? bytes[after]! : EOF;
      if (term === EOF && !final) return -1;
      if (term !== delimiter && term !== LF && term !== CR && term !== EOF)
        throw new ApiError(
          'invalid-input',
          CsvParser.syntaxMessage(this.file, this, new CsvSyntaxError('after-quote', close), base),
        );
      this.fieldLines = countNewlines(bytes, pos + 1, close);
      const escaped = bytes.indexOf(quote, pos + 1) < close;
      if (escaped) column.putUnescaped(row, bytes, pos + 1, close, quote);
      else this.store(column, row, bytes, pos + 1, close);
      return after;
    }
    let p = pos;
    while (p < end) {
      const b = bytes[p];
      if (b === delimiter || b === LF || b === CR) break;
      p++;
    }
    if (p === end && !final) return -1;
    this.store(column, row, bytes, pos, p);
    return p;
  }

  private store(column: CsvColumn, row: number, bytes: Buffer, start: number, end: number): void {
    if (isMissingBytes(bytes, start, end)) {
      column.putMissing(row);
      return;
    }
    // Once a column holds text, later numbers are kept as written ("2.50", not 2.5).
    if (!column.hasText) {
      const value = parseNumberBytes(bytes, start, end);
      if (!Number.isNaN(value)) {
        column.putNumber(row, value);
        return;
      }
    }
    column.putText(row, bytes, start, end);
  }
}
