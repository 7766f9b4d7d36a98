/**
 * Checks a study file end to end: SQLite's own quick check, then every column chunk's length
 * against its source's row count. Runs as a job: reports progress per chunk and yields between
 * chunks so a cancel is honoured promptly.
 */
import type { ReadableStudyDb } from './studyDb';

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  chunksChecked: number;
}

const BYTES_PER_ROW = { u8: 1, u16: 2, f64: 8 } as const;

function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function abortError(): Error {
  const error = new Error('cancelled');
  error.name = 'AbortError';
  return error;
}

export async function verifyStudy(
  db: ReadableStudyDb,
  signal: AbortSignal,
  progress: (done: number, total: number) => void,
): Promise<VerifyResult> {
  const problems: string[] = [];
  const quick = db.pragma('quick_check') as Array<{ quick_check: string }>;
  for (const row of quick)
    if (row.quick_check !== 'ok') problems.push(`SQLite: ${row.quick_check}`);
  const foreignKeys = db.pragma('foreign_key_check') as unknown[];
  if (foreignKeys.length > 0) problems.push(`${foreignKeys.length} rows point at missing parents`);

  const chunks = db
    .prepare(
      `SELECT c.id, v.name AS variable, s.file_name AS source, c.encoding, c.row_count,
              s.row_count AS source_rows, length(c.data) AS bytes, length(c.offsets) AS offset_bytes
       FROM column_chunks c JOIN variables v ON v.id = c.variable_id JOIN sources s ON s.id = c.source_id
       ORDER BY c.id`,
    )
    .all() as Array<{
    id: number;
    variable: string;
    source: string;
    encoding: 'u8' | 'u16' | 'f64' | 'utf8';
    row_count: number;
    source_rows: number;
    bytes: number;
    offset_bytes: number | null;
  }>;
  progress(0, chunks.length);
  for (const [index, chunk] of chunks.entries()) {
    if (signal.aborted) throw abortError();
    const where = `${chunk.variable} in ${chunk.source}`;
    if (chunk.row_count !== chunk.source_rows) {
      problems.push(`${where}: ${chunk.row_count} rows where the source has ${chunk.source_rows}`);
    }
    if (chunk.encoding === 'utf8') {
      if (chunk.offset_bytes !== (chunk.row_count + 1) * 4)
        problems.push(`${where}: text offsets do not match the rows`);
    } else if (chunk.bytes !== chunk.row_count * BYTES_PER_ROW[chunk.encoding]) {
      problems.push(`${where}: ${chunk.bytes} bytes for ${chunk.row_count} ${chunk.encoding} rows`);
    }
    progress(index + 1, chunks.length);
    if (index % 64 === 63) await yieldToEvents();
  }
  return { ok: problems.length === 0, problems, chunksChecked: chunks.length };
}
