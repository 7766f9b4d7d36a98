/**
 * The cross-tab engine's view of an open study: variables by name (case-insensitive, as in
 * SPSS) with their values as numbers, value labels in the chosen language and user-missing codes,
 * served from the worker's column cache so a table loads only the columns it uses.
 */
import type { MissingSpec } from '../../shared/domain/dataset';
import type { VariableType } from '../../shared/domain/study';
import type { TableData, TableVariable } from '../analysis/crosstab/tableData';
import { chunkToNumbers } from '../import/columnEncoding';
import type { ReadableStudyDb } from '../study/studyDb';
import { statement } from '../study/statementCache';
import type { ColumnCache } from './columnCache';

function pickLabel(json: string, language: string): string | null {
  const labels = JSON.parse(json) as Record<string, string>;
  return labels[language] ?? Object.values(labels)[0] ?? null;
}

export function studyTableData(
  db: ReadableStudyDb,
  cache: ColumnCache,
  language = 'en',
): TableData {
  const rows = (
    statement(db, 'SELECT coalesce(sum(row_count), 0) AS n FROM sources').get() as { n: number }
  ).n;
  const variables = new Map<string, TableVariable>();
  return {
    rows,
    variable(name) {
      const key = name.toLowerCase();
      const known = variables.get(key);
      if (known) return known;
      const row = statement(
        db,
        'SELECT id, name, type, labels_json FROM variables WHERE lower(name) = ?',
      ).get(key) as
        { id: number; name: string; type: VariableType; labels_json: string } | undefined;
      if (!row) throw new Error(`no variable named ${name}`);
      if (row.type === 'text')
        throw new Error(`${row.name} is text; only coded and numeric variables can be tabulated`);
      const cached = cache.get(row.name);
      const values = chunkToNumbers(cached.column);
      const valueLabels = (
        statement(
          db,
          'SELECT code, labels_json FROM value_labels WHERE variable_id = ? ORDER BY sort_order, code',
        ).all(row.id) as Array<{
          code: string;
          labels_json: string;
        }>
      ).map((vl) => ({
        code: Number(vl.code),
        label: pickLabel(vl.labels_json, language) ?? vl.code,
      }));
      const missing = (
        statement(
          db,
          'SELECT kind, value, low, high FROM missing_codes WHERE variable_id = ? ORDER BY id',
        ).all(row.id) as Array<{
          kind: 'value' | 'range';
          value: string | null;
          low: number | null;
          high: number | null;
        }>
      ).map((m): MissingSpec =>
        m.kind === 'range' ? { low: m.low, high: m.high } : Number(m.value),
      );
      const variable: TableVariable = {
        name: row.name,
        type: row.type,
        label: pickLabel(row.labels_json, language),
        valueLabels: valueLabels.filter((vl) => !Number.isNaN(vl.code)),
        missing,
        values,
      };
      variables.set(key, variable);
      return variable;
    },
  };
}
