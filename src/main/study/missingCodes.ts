/**
 * A variable's user-missing codes (the `missing_codes` table): the one place that reads them, so
 * tables, expressions, segments, exports, data quality and the codebook agree on which answers are
 * missing.
 */
import type { MissingSpec } from '../../shared/domain/dataset';
import { statement } from './statementCache';
import type { ReadableStudyDb } from './studyDb';

/** One declaration as stored: a value (kept as text, so it stays exact) or an inclusive range. */
export interface MissingCodeRow {
  kind: 'value' | 'range';
  value: string | null;
  low: number | null;
  high: number | null;
}

/** A variable's declarations as stored, in the order they were declared. */
export function missingCodeRows(db: ReadableStudyDb, variableId: number): MissingCodeRow[] {
  return statement(
    db,
    'SELECT kind, value, low, high FROM missing_codes WHERE variable_id = ? ORDER BY id',
  ).all(variableId) as MissingCodeRow[];
}

function toSpec(row: MissingCodeRow, text: boolean): MissingSpec {
  if (row.kind === 'range') return { low: row.low, high: row.high };
  return text ? (row.value ?? '') : Number(row.value);
}

/**
 * A variable's user-missing codes and ranges: numbers for a coded or numeric variable, strings
 * for a text one (`text`). Open range ends are null.
 */
export function userMissingSpecs(
  db: ReadableStudyDb,
  variableId: number,
  text = false,
): MissingSpec[] {
  return missingCodeRows(db, variableId).map((row) => toSpec(row, text));
}

/** Every variable's user-missing specs at once (by variable id), for a whole study's catalog. */
export function userMissingByVariable(db: ReadableStudyDb): Map<number, MissingSpec[]> {
  const rows = statement(
    db,
    `SELECT m.variable_id, m.kind, m.value, m.low, m.high, v.type
       FROM missing_codes m JOIN variables v ON v.id = m.variable_id ORDER BY m.id`,
  ).all() as Array<MissingCodeRow & { variable_id: number; type: string }>;
  const byVariable = new Map<number, MissingSpec[]>();
  for (const row of rows) {
    const specs = byVariable.get(row.variable_id);
    const spec = toSpec(row, row.type === 'text');
    if (specs === undefined) byVariable.set(row.variable_id, [spec]);
    else specs.push(spec);
  }
  return byVariable;
}
