/**
 * Respondent data by column: one typed-array BLOB per (variable, source). Codes that fit in a
 * byte are Uint8 (255 = missing), larger codes Uint16 (65535 = missing), numbers and weights
 * Float64 (NaN = missing), text UTF-8 bytes plus Uint32 offsets. BLOBs are little-endian, the byte
 * order of every platform the app ships on. Loading a variable concatenates its chunks in source
 * order; a source without the variable contributes missing values.
 */
import type { ReadableStudyDb, WritableStudyDb } from './studyDb';
import { statement } from './statementCache';

export const MISSING_U8 = 0xff;
export const MISSING_U16 = 0xffff;

export type ColumnData =
  | { encoding: 'u8'; values: Uint8Array }
  | { encoding: 'u16'; values: Uint16Array }
  | { encoding: 'f64'; values: Float64Array }
  | { encoding: 'utf8'; bytes: Uint8Array; offsets: Uint32Array };

export type ColumnEncoding = ColumnData['encoding'];

export function rowCountOf(column: ColumnData): number {
  return column.encoding === 'utf8' ? column.offsets.length - 1 : column.values.length;
}

function bytesOf(view: ArrayBufferView): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

export function writeChunk(
  db: WritableStudyDb,
  variableId: number,
  sourceId: number,
  column: ColumnData,
): void {
  const data = column.encoding === 'utf8' ? column.bytes : column.values;
  const offsets = column.encoding === 'utf8' ? bytesOf(column.offsets) : null;
  statement(
    db,
    `INSERT INTO column_chunks (variable_id, source_id, encoding, row_count, data, offsets)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(variableId, sourceId, column.encoding, rowCountOf(column), bytesOf(data), offsets);
}

interface ChunkRow {
  encoding: ColumnEncoding;
  row_count: number;
  data: Buffer | null;
  offsets: Buffer | null;
  source_rows: number;
}

/** Copies a BLOB into a fresh, aligned typed array (SQLite's buffers need not be 8-byte aligned). */
function copyInto<T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(
  target: T,
  at: number,
  blob: Buffer,
): void {
  new Uint8Array(
    target.buffer,
    target.byteOffset + at * target.BYTES_PER_ELEMENT,
    blob.byteLength,
  ).set(blob);
}

export class ColumnChunkError extends Error {
  override readonly name = 'ColumnChunkError';
}

/** Loads one variable over all sources, in source order. */
export function loadColumn(
  db: ReadableStudyDb,
  variableId: number,
  encoding: ColumnEncoding,
): ColumnData {
  const rows = db
    .prepare(
      `SELECT c.encoding, c.row_count, c.data, c.offsets, s.row_count AS source_rows
       FROM sources s
       LEFT JOIN column_chunks c ON c.source_id = s.id AND c.variable_id = ?
       ORDER BY s.sort_order, s.id`,
    )
    .all(variableId) as ChunkRow[];
  const total = rows.reduce((sum, row) => sum + row.source_rows, 0);
  for (const row of rows) {
    if (row.data !== null && (row.encoding !== encoding || row.row_count !== row.source_rows)) {
      throw new ColumnChunkError(
        `variable ${variableId}: a chunk holds ${row.row_count} ${row.encoding} rows where ${row.source_rows} ${encoding} rows were expected`,
      );
    }
  }
  if (encoding === 'utf8') return concatText(rows, total);
  const values =
    encoding === 'u8'
      ? new Uint8Array(total).fill(MISSING_U8)
      : encoding === 'u16'
        ? new Uint16Array(total).fill(MISSING_U16)
        : new Float64Array(total).fill(Number.NaN);
  let at = 0;
  for (const row of rows) {
    if (row.data !== null) copyInto(values, at, row.data);
    at += row.source_rows;
  }
  return { encoding, values } as ColumnData;
}

function concatText(rows: ChunkRow[], total: number): ColumnData {
  const byteTotal = rows.reduce((sum, row) => sum + (row.data?.byteLength ?? 0), 0);
  const bytes = new Uint8Array(byteTotal);
  const offsets = new Uint32Array(total + 1);
  let row = 0;
  let byteAt = 0;
  for (const chunk of rows) {
    if (chunk.data === null || chunk.offsets === null) {
      offsets.fill(byteAt, row + 1, row + 1 + chunk.source_rows);
      row += chunk.source_rows;
      continue;
    }
    bytes.set(chunk.data, byteAt);
    const chunkOffsets = new Uint32Array(chunk.source_rows + 1);
    copyInto(chunkOffsets, 0, chunk.offsets);
    for (let i = 1; i <= chunk.source_rows; i++) offsets[row + i] = byteAt + chunkOffsets[i]!;
    row += chunk.source_rows;
    byteAt += chunk.data.byteLength;
  }
  return { encoding: 'utf8', bytes, offsets };
}

/** Builds a UTF-8 text column from strings (null = missing, stored as an empty value). */
export function textColumn(values: ReadonlyArray<string | null>): ColumnData {
  const encoder = new TextEncoder();
  const parts = values.map((value) => encoder.encode(value ?? ''));
  const offsets = new Uint32Array(values.length + 1);
  let total = 0;
  parts.forEach((part, i) => {
    total += part.byteLength;
    offsets[i + 1] = total;
  });
  const bytes = new Uint8Array(total);
  parts.forEach((part, i) => bytes.set(part, offsets[i]!));
  return { encoding: 'utf8', bytes, offsets };
}

export function textAt(column: Extract<ColumnData, { encoding: 'utf8' }>, row: number): string {
  return Buffer.from(
    column.bytes.buffer,
    column.bytes.byteOffset + column.offsets[row]!,
    column.offsets[row + 1]! - column.offsets[row]!,
  ).toString('utf8');
}

/**
 * Replaces a column computed over the whole study (a derived variable, a weight, a segment) with
 * `values`, which hold every respondent in source order: one chunk per source, as imports write.
 */
export function replaceStudyColumn(
  db: WritableStudyDb,
  variableId: number,
  values: Float64Array,
  encode: (part: Float64Array) => ColumnData,
): void {
  statement(db, 'DELETE FROM column_chunks WHERE variable_id = ?').run(variableId);
  const sources = statement(
    db,
    'SELECT id, row_count FROM sources ORDER BY sort_order, id',
  ).all() as Array<{
    id: number;
    row_count: number;
  }>;
  let start = 0;
  for (const source of sources) {
    writeChunk(db, variableId, source.id, encode(values.subarray(start, start + source.row_count)));
    start += source.row_count;
  }
}
