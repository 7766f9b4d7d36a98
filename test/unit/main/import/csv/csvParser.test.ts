/**
 * The byte parser fed in pieces: a read can end anywhere (inside a number, a quoted field, between
 * CR and LF), so for every split of a tricky input into pieces of 1 to 7 bytes, with junk after
 * each piece's end, the parser must produce exactly what it produces from the whole input at once.
 */
import { describe, expect, it } from 'vitest';
import { CsvParser, readRecord } from '../../../../../src/main/import/csv/csvParser';
import { seededRandom } from './surveyCsv';

const COMMA = 0x2c;
const QUOTE = 0x22;
const JUNK = Buffer.from('",\r\n9"x,\n""');

interface Parsed {
  rows: number;
  cells: string[][];
  rowOffsets: number[];
}

/** What the parser stored, as text per column (numbers as numbers, markers spelled out). */
function snapshot(parser: CsvParser): Parsed {
  const cells = parser.columns.map((column) => {
    const numbers = column.numbers(parser.rows);
    if (numbers) return [...numbers.values].map(String);
    return column
      .texts(parser.rows, (bytes, start, end) => bytes.toString('utf8', start, end))
      .values.map((v) => JSON.stringify(v));
  });
  return { rows: parser.rows, cells, rowOffsets: [...parser.rowOffsets.subarray(0, parser.rows)] };
}

function parseWhole(data: Buffer, ncols: number): Parsed {
  const parser = new CsvParser('t.csv', ncols, COMMA, QUOTE, 4, { record: 2, line: 2 });
  expect(parser.parse(data, 0, data.length, true, 0)).toBe(data.length);
  return snapshot(parser);
}

/** Feeds `data` as the window would: unconsumed bytes plus the next piece, junk after the end. */
function parseInPieces(data: Buffer, ncols: number, sizes: () => number): Parsed {
  const parser = new CsvParser('t.csv', ncols, COMMA, QUOTE, 4, { record: 2, line: 2 });
  let consumed = 0;
  let available = 0;
  for (;;) {
    available = Math.min(data.length, available + sizes());
    const final = available === data.length;
    const window = Buffer.concat([data.subarray(consumed, available), JUNK]);
    const next = parser.parse(window, 0, available - consumed, final, consumed);
    consumed += next;
    if (final) break;
  }
  expect(consumed).toBe(data.length);
  return snapshot(parser);
}

const tricky = Buffer.from(
  [
    '1,22,333,"quoted ""x"", y",-4.5',
    '7,,NA,"multi\r\nline",1e3',
    '\r\n',
    '255,252,07,plain text,.',
    '65536,-1,"",é ü 日本,0.125',
    '0,5,12345678901234567890,"a,b",2',
  ].join('\r\n') + '\r',
);

describe('CsvParser', () => {
  it('parses the whole input', () => {
    const whole = parseWhole(tricky, 5);
    expect(whole.rows).toBe(5);
    expect(whole.cells[0]).toEqual(['1', '7', '255', '65536', '0']);
    expect(whole.cells[3]).toEqual([
      '"quoted \\"x\\", y"',
      '"multi\\r\\nline"',
      '"plain text"',
      '"é ü 日本"',
      '"a,b"',
    ]);
    expect(whole.cells[4]).toEqual(['-4.5', '1000', 'NaN', '0.125', '2']);
  });

  it.each([1, 2, 3, 5, 7])('gives the same result fed %i bytes at a time', (size) => {
    expect(parseInPieces(tricky, 5, () => size)).toEqual(parseWhole(tricky, 5));
  });

  it('gives the same result for random piece sizes on random CSV', () => {
    const random = seededRandom(5);
    const fields = ['1', '42', '', 'NA', '"q,""x"""', 'txt', '"a\nb"', '-3.25', '007', '300'];
    const lines: string[] = [];
    for (let r = 0; r < 400; r++)
      lines.push(
        Array.from({ length: 6 }, () => fields[Math.floor(random() * fields.length)]).join(','),
      );
    const data = Buffer.from(lines.join(random() < 0.5 ? '\n' : '\r\n'));
    const whole = parseWhole(data, 6);
    for (let trial = 0; trial < 20; trial++)
      expect(parseInPieces(data, 6, () => 1 + Math.floor(random() * 40))).toEqual(whole);
  });
});

describe('readRecord', () => {
  it('returns null until the whole record is there', () => {
    const data = Buffer.from('a,"b\nc",d\r\nnext');
    expect(readRecord(data, 0, 9, false, COMMA, QUOTE)).toBeNull();
    expect(readRecord(data, 0, 10, false, COMMA, QUOTE)).toBeNull(); // CR: is LF next?
    const record = readRecord(data, 0, 11, false, COMMA, QUOTE)!;
    expect(record.fields.map((field) => Buffer.from(field).toString())).toEqual(['a', 'b\nc', 'd']);
    expect(record.next).toBe(11);
    expect(record.innerLines).toBe(1);
  });
});
