/**
 * The cross-tab engine's view of an open study: variables by name (case-insensitive, as in
 * SPSS) with their values as numbers, labels in the chosen language (a fallback marked with the
 * language it is in) and user-missing codes, served from the worker's column cache so a table
 * loads only the columns it uses.
 */
import { fallbackMark, pickLabelJson } from '../../shared/domain/labels';
import type { VariableType } from '../../shared/domain/study';
import type { ResponseSet, ResponseSetSource } from '../analysis/crosstab/multiResponse';
import type { TableData, TableVariable } from '../analysis/crosstab/tableData';
import { chunkToNumbers } from '../import/columnEncoding';
import { textAt } from '../study/columnStore';
import { readLabelLanguage } from '../study/labelLanguage';
import { userMissingSpecs } from '../study/missingCodes';
import type { ReadableStudyDb } from '../study/studyDb';
import { statement } from '../study/statementCache';
import type { ColumnCache } from './columnCache';

/** A label as the engine carries it: the text, and `labelLanguage` only when it fell back. */
function labelled(
  json: string,
  language: string,
  sourceLanguage: string | null,
): { label: string | null; labelLanguage?: string } {
  const picked = pickLabelJson(json, language, sourceLanguage);
  return { label: picked?.text ?? null, ...fallbackMark(picked) };
}

export function studyTableData(
  db: ReadableStudyDb,
  cache: ColumnCache,
  language: string = readLabelLanguage(db),
): TableData & ResponseSetSource {
  const rows = (
    statement(db, 'SELECT coalesce(sum(row_count), 0) AS n FROM sources').get() as { n: number }
  ).n;
  const variables = new Map<string, TableVariable>();
  /** A variable's value labels in codebook order; numeric codes only. */
  const labelsOf = (variableId: number, sourceLanguage: string | null) =>
    (
      statement(
        db,
        'SELECT code, labels_json FROM value_labels WHERE variable_id = ? ORDER BY sort_order, code',
      ).all(variableId) as Array<{ code: string; labels_json: string }>
    )
      .map((vl) => {
        const { label, ...mark } = labelled(vl.labels_json, language, sourceLanguage);
        return { code: Number(vl.code), label: label ?? vl.code, ...mark };
      })
      .filter((vl) => !Number.isNaN(vl.code));

  /** A set's answers from its item variables, or a Triple-S multiple's answers from its codes. */
  function responseSet(this: TableData, name: string): ResponseSet | null {
    const set = statement(
      db,
      'SELECT name, type, counted_value, labels_json, variables_json FROM multi_response_sets WHERE lower(name) = lower(?)',
    ).get(name) as
      | {
          name: string;
          type: 'dichotomies' | 'categories';
          counted_value: string | null;
          labels_json: string;
          variables_json: string;
        }
      | undefined;
    if (set) {
      const items = (JSON.parse(set.variables_json) as string[]).map((item) => this.variable(item));
      const answered = new Uint8Array(rows);
      for (const item of items)
        for (let i = 0; i < rows; i++) if (!Number.isNaN(item.values[i]!)) answered[i] = 1;
      const chosenBy = (test: (row: number) => boolean) => {
        const chosen = new Float64Array(rows);
        for (let i = 0; i < rows; i++) chosen[i] = answered[i] === 0 ? Number.NaN : test(i) ? 1 : 0;
        return chosen;
      };
      const answers =
        set.type === 'dichotomies'
          ? items.map((item, k) => ({
              code: k + 1,
              label: item.label ?? item.name,
              ...(item.label !== null && item.labelLanguage
                ? { labelLanguage: item.labelLanguage }
                : {}),
              chosen: chosenBy((i) => item.values[i] === Number(set.counted_value)),
            }))
          : (items[0]?.valueLabels ?? []).map(({ code, label, labelLanguage }) => ({
              code,
              label,
              ...(labelLanguage ? { labelLanguage } : {}),
              chosen: chosenBy((i) => items.some((item) => item.values[i] === code)),
            }));
      return { name: set.name, ...labelled(set.labels_json, language, null), answers };
    }
    const multi = statement(
      db,
      "SELECT id, name, labels_json, source_language FROM variables WHERE lower(name) = lower(?) AND type = 'multi'",
    ).get(name) as
      { id: number; name: string; labels_json: string; source_language: string | null } | undefined;
    if (!multi) return null;
    const { column } = cache.get(multi.name);
    if (column.encoding !== 'utf8') return null;
    const selections = Array.from({ length: rows }, (_, i) => {
      const text = textAt(column, i);
      return text === '' ? null : new Set(text.split(';').map(Number));
    });
    return {
      name: multi.name,
      ...labelled(multi.labels_json, language, multi.source_language),
      answers: labelsOf(multi.id, multi.source_language).map((answer) => {
        const chosen = new Float64Array(rows);
        for (let i = 0; i < rows; i++)
          chosen[i] = selections[i] === null ? Number.NaN : selections[i]!.has(answer.code) ? 1 : 0;
        return { ...answer, chosen };
      }),
    };
  }

  return {
    rows,
    responseSet,
    variable(name) {
      const key = name.toLowerCase();
      const known = variables.get(key);
      if (known) return known;
      const row = statement(
        db,
        'SELECT id, name, type, labels_json, source_language FROM variables WHERE lower(name) = ?',
      ).get(key) as
        | {
            id: number;
            name: string;
            type: VariableType;
            labels_json: string;
            source_language: string | null;
          }
        | undefined;
      const notAColumn = `${name} is a multiple-response question: it can be the rows of a table, not yet its columns or a weight`;
      if (!row) {
        const isSet = statement(
          db,
          'SELECT 1 FROM multi_response_sets WHERE lower(name) = lower(?)',
        ).get(name);
        throw new Error(isSet ? notAColumn : `no variable named ${name}`);
      }
      if (row.type === 'multi') throw new Error(notAColumn);
      if (row.type === 'text')
        throw new Error(`${row.name} is text; only coded and numeric variables can be tabulated`);
      // Kept with the column so the same array serves every table until the column changes,
      // and what the engine keeps per values array (categories) goes with it.
      const values = cache.derived(
        row.name,
        'numbers',
        (cached) => chunkToNumbers(cached.column),
        // A column stored as numbers is its own numbers: no more memory.
        (numbers, cached) =>
          cached.column.encoding === 'f64' && cached.column.values === numbers
            ? 0
            : numbers.byteLength,
      );
      const missing = userMissingSpecs(db, row.id);
      const variable: TableVariable = {
        name: row.name,
        type: row.type,
        ...labelled(row.labels_json, language, row.source_language),
        valueLabels: labelsOf(row.id, row.source_language),
        missing,
        values,
      };
      variables.set(key, variable);
      return variable;
    },
  };
}
