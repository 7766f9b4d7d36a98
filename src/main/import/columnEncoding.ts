/**
 * Chooses how an imported column is stored: whole numbers as Uint8 when every value fits in
 * 0..254 (255 marks missing), Uint16 up to 65534 — codes, and numeric columns of small integers
 * alike (a CSV column of codes is typed numeric) — otherwise Float64; dates as Float64; text as
 * UTF-8. The choice is per variable across all sources, so a later source with larger or
 * fractional values widens the earlier chunks.
 */
import {
  MISSING_U16,
  MISSING_U8,
  textColumn,
  type ColumnData,
  type ColumnEncoding,
} from '../study/columnStore';
import { numbersOf, type ImportedColumn } from './importedDataset';
import type { VariableType } from '../../shared/domain/study';

const WIDTH: Record<ColumnEncoding, number> = { u8: 1, u16: 2, f64: 3, utf8: 4 };

export function widerEncoding(a: ColumnEncoding, b: ColumnEncoding): ColumnEncoding {
  return WIDTH[a] >= WIDTH[b] ? a : b;
}

/** The narrowest encoding that holds every value of this column exactly. */
export function narrowestEncoding(type: VariableType, column: ImportedColumn): ColumnEncoding {
  if (column.kind === 'text') return 'utf8';
  // Integers that fit stay narrow whatever the type (a CSV column of codes is "numeric"); dates do not.
  if (type === 'date' || type === 'text') return 'f64';
  if (column.kind === 'codes') return 'u8';
  let max = 0;
  const { values } = column;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value !== value) continue; // NaN: missing
    // Negative, fractional or beyond int32 (so beyond Uint16 too): only Float64 holds it exactly.
    if (value < 0 || (value | 0) !== value) return 'f64';
    if (value > max) max = value;
  }
  if (max < MISSING_U8) return 'u8';
  if (max < MISSING_U16) return 'u16';
  return 'f64';
}

export function encodeColumn(column: ImportedColumn, encoding: ColumnEncoding): ColumnData {
  if (encoding === 'utf8') {
    if (column.kind !== 'text') throw new Error('a numeric column cannot be stored as text');
    return textColumn(column.values);
  }
  if (column.kind === 'text') throw new Error('a text column cannot be stored as numbers');
  if (column.kind === 'codes' && encoding === 'u8') return { encoding, values: column.values };
  const source = numbersOf(column);
  if (encoding === 'f64')
    return { encoding, values: column.kind === 'codes' ? source : Float64Array.from(source) };
  const values = encoding === 'u8' ? new Uint8Array(source.length) : new Uint16Array(source.length);
  const missing = encoding === 'u8' ? MISSING_U8 : MISSING_U16;
  for (let i = 0; i < source.length; i++) {
    const value = source[i]!;
    values[i] = Number.isNaN(value) ? missing : value;
  }
  return encoding === 'u8'
    ? { encoding, values: values as Uint8Array }
    : { encoding, values: values as Uint16Array };
}

/** Re-encodes a stored chunk into a wider encoding (codes → larger codes or numbers). */
export function widenChunk(chunk: ColumnData, to: ColumnEncoding): ColumnData {
  if (chunk.encoding === to) return chunk;
  if (chunk.encoding === 'utf8' || to === 'utf8')
    throw new Error('text and numbers do not convert');
  const missing =
    chunk.encoding === 'u8' ? MISSING_U8 : chunk.encoding === 'u16' ? MISSING_U16 : Number.NaN;
  const numbers = new Float64Array(chunk.values.length);
  for (let i = 0; i < numbers.length; i++) {
    const value = chunk.values[i]!;
    numbers[i] = value === missing ? Number.NaN : value;
  }
  return encodeColumn({ kind: 'numeric', values: numbers }, to);
}

/** Decodes a stored chunk back to numbers (NaN = missing), whatever its encoding. */
export function chunkToNumbers(chunk: ColumnData): Float64Array {
  if (chunk.encoding === 'utf8') throw new Error('a text column has no numbers');
  if (chunk.encoding === 'f64') return chunk.values;
  const widened = widenChunk(chunk, 'f64');
  return (widened as Extract<ColumnData, { encoding: 'f64' }>).values;
}

/**
 * The column in its narrowest encoding, in one pass when every value is a small code (the common
 * case of a survey: answers coded 1..k), else through narrowestEncoding and encodeColumn.
 */
export function encodeNarrowest(type: VariableType, column: ImportedColumn): ColumnData {
  if (column.kind === 'text') return textColumn(column.values);
  if (column.kind === 'codes' && type !== 'date') return { encoding: 'u8', values: column.values };
  if (column.kind === 'numeric' && type !== 'date') {
    const { values } = column;
    const codes = new Uint8Array(values.length);
    let i = 0;
    for (; i < values.length; i++) {
      const value = values[i]!;
      if (value !== value) codes[i] = MISSING_U8;
      else if (value >= 0 && value < MISSING_U8 && (value | 0) === value) codes[i] = value;
      else break;
    }
    if (i === values.length) return { encoding: 'u8', values: codes };
  }
  return encodeColumn(column, narrowestEncoding(type, column));
}
