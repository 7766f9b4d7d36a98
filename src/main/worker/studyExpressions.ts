/**
 * The expression language over an open study: a catalog of the study's variables (names in
 * codebook order, value labels in every language, for `country` its ISO codes, and each variable's
 * user-missing codes, which the compiled plan reads as missing), the columns an
 * expression needs from the column cache, filters as masks, and derived variables materialised as
 * column chunks beside their definition so every table, filter and export can use them.
 */
import { ApiError } from '../../shared/api/apiTypes';
import type { VariableType } from '../../shared/domain/study';
import {
  compileExpression,
  evaluate,
  ExpressionError,
  parseExpression,
  VariableCatalog,
  type CatalogVariable,
  type ColumnSet,
  type CompiledExpression,
} from '../analysis/expressions/index';
import {
  chunkToNumbers,
  encodeColumn,
  narrowestEncoding,
  widerEncoding,
} from '../import/columnEncoding';
import { appendAudit } from '../study/auditLog';
import { replaceStudyColumn, textAt, type ColumnEncoding } from '../study/columnStore';
import { userMissingByVariable } from '../study/missingCodes';
import { ownedVariable } from '../study/ownedVariable';
import type { ReadableStudyDb, WritableStudyDb } from '../study/studyDb';
import { statement } from '../study/statementCache';
import type { ColumnCache } from './columnCache';

interface VariableRow {
  id: number;
  name: string;
  type: VariableType;
  storage: ColumnEncoding;
  origin: string;
  definition_json: string | null;
}

export function studyCatalog(db: ReadableStudyDb): VariableCatalog {
  const variables = db
    .prepare('SELECT id, name, type FROM variables ORDER BY sort_order, id')
    .all() as Array<{ id: number; name: string; type: VariableType }>;
  const labels = db
    .prepare('SELECT variable_id, code, labels_json FROM value_labels')
    .all() as Array<{
    variable_id: number;
    code: string;
    labels_json: string;
  }>;
  const byVariable = new Map<number, Map<number, string[]>>();
  for (const label of labels) {
    const code = Number(label.code);
    if (Number.isNaN(code)) continue;
    const texts = Object.values(JSON.parse(label.labels_json) as Record<string, string>);
    let map = byVariable.get(label.variable_id);
    if (!map) byVariable.set(label.variable_id, (map = new Map()));
    map.set(code, texts);
  }
  // The country variable's codes are the countries table's ids: "DE" names one as well as "Germany".
  const countries = db.prepare('SELECT id, code FROM countries').all() as Array<{
    id: number;
    code: string;
  }>;
  // Declared user-missing codes read as missing in expressions, as they do in every table.
  const userMissing = userMissingByVariable(db);
  return new VariableCatalog(
    variables.map((variable): CatalogVariable => {
      const valueLabels = byVariable.get(variable.id) ?? new Map<number, string[]>();
      if (variable.name === 'country') {
        for (const country of countries)
          valueLabels.set(country.id, [
            ...(valueLabels.get(country.id) ?? [country.code]),
            country.code,
          ]);
      }
      return {
        name: variable.name,
        type: variable.type,
        valueLabels,
        userMissing: userMissing.get(variable.id) ?? [],
      };
    }),
  );
}

function compile(
  db: ReadableStudyDb,
  expression: string,
  expect?: 'boolean' | 'number',
): CompiledExpression {
  try {
    return compileExpression(
      parseExpression(expression),
      studyCatalog(db),
      expect ? { expect } : {},
    );
  } catch (error) {
    if (error instanceof ExpressionError) {
      throw new ApiError('invalid-input', `expression: ${error.withCaret(expression)}`);
    }
    throw error;
  }
}

/** The stored columns an expression reads; its plan applies the user-missing codes. */
export function columnsFor(compiled: CompiledExpression, cache: ColumnCache): ColumnSet {
  const set = new Map<string, Float64Array | string[]>();
  for (const name of compiled.needs) {
    const { column } = cache.get(name);
    if (column.encoding === 'utf8') {
      const values: string[] = new Array(column.offsets.length - 1);
      for (let i = 0; i < values.length; i++) values[i] = textAt(column, i);
      set.set(name, values);
    } else {
      set.set(name, chunkToNumbers(column));
    }
  }
  return set;
}

export function studyRows(db: ReadableStudyDb): number {
  return (
    statement(db, 'SELECT coalesce(sum(row_count), 0) AS n FROM sources').get() as { n: number }
  ).n;
}

/** A saved filter's expression when `text` names one, else `text` itself. */
export function resolveFilter(db: ReadableStudyDb, text: string): string {
  const saved = statement(db, 'SELECT expression FROM filters WHERE lower(name) = lower(?)').get(
    text.trim(),
  ) as { expression: string } | undefined;
  return saved?.expression ?? text;
}

/** The rows a filter keeps (1) or drops (0); missing conditions drop, as SPSS FILTER does. */
export function filterMask(db: ReadableStudyDb, cache: ColumnCache, text: string): Uint8Array {
  const compiled = compile(db, resolveFilter(db, text), 'boolean');
  if (compiled.kind !== 'boolean')
    throw new ApiError('invalid-input', 'a filter must be a condition');
  return evaluate(compiled, columnsFor(compiled, cache), studyRows(db));
}

export interface DerivedDefinition {
  name: string;
  expression: string;
  label?: string;
}

export interface DerivedSummary {
  name: string;
  type: VariableType;
  rows: number;
  valid: number;
}

const NAME = /^[A-Za-z_@#$][A-Za-z0-9_.@#$]{0,63}$/;

type LabelsByLanguage = Record<string, string>;

/**
 * A derived variable's labels after it is computed again. Labels the user edited or translated
 * (the Variables view) survive: a new definition's English labels replace only the English ones,
 * and a recompute after an import keeps every stored label, filling in only new codes.
 */
function mergedLabels(
  stored: LabelsByLanguage | undefined,
  computed: LabelsByLanguage,
  keepStored: boolean,
): LabelsByLanguage {
  return keepStored ? { ...computed, ...stored } : { ...stored, ...computed };
}

function storedLabels(
  db: WritableStudyDb,
  variableId: number,
): { variable: LabelsByLanguage; values: Map<string, LabelsByLanguage> } {
  const variable = JSON.parse(
    (
      statement(db, 'SELECT labels_json FROM variables WHERE id = ?').get(variableId) as {
        labels_json: string;
      }
    ).labels_json,
  ) as LabelsByLanguage;
  const values = new Map<string, LabelsByLanguage>();
  for (const row of statement(
    db,
    'SELECT code, labels_json FROM value_labels WHERE variable_id = ?',
  ).all(variableId) as Array<{ code: string; labels_json: string }>)
    values.set(row.code, JSON.parse(row.labels_json) as LabelsByLanguage);
  return { variable, values };
}

/**
 * Evaluates a definition over every respondent and stores it as the variable's column chunks.
 * `recompute`: the same definition on new data, so the stored labels stay as they are.
 */
function materialise(
  db: WritableStudyDb,
  cache: ColumnCache,
  variableId: number,
  definition: DerivedDefinition,
  recompute = false,
): DerivedSummary {
  const compiled = compile(db, definition.expression);
  const rows = studyRows(db);
  const columns = columnsFor(compiled, cache);
  const values =
    compiled.kind === 'boolean'
      ? Float64Array.from(evaluate(compiled, columns, rows))
      : evaluate(compiled, columns, rows);
  const labels: Array<[number, string]> =
    compiled.kind === 'boolean'
      ? [
          [0, 'No'],
          [1, 'Yes'],
        ]
      : [...(compiled.valueLabels ?? new Map<number, string>()).entries()];
  const type: VariableType = labels.length > 0 ? 'single' : 'numeric';
  const column = { kind: 'numeric' as const, values };
  const previous = statement(db, 'SELECT storage FROM variables WHERE id = ?').get(variableId) as {
    storage: ColumnEncoding;
  };
  const storage = widerEncoding(
    narrowestEncoding(type, column),
    previous.storage === 'utf8' ? 'u8' : previous.storage,
  );
  const stored = storedLabels(db, variableId);
  statement(db, 'DELETE FROM column_chunks WHERE variable_id = ?').run(variableId);
  statement(db, 'DELETE FROM value_labels WHERE variable_id = ?').run(variableId);
  statement(
    db,
    'UPDATE variables SET type = ?, storage = ?, labels_json = ?, definition_json = ? WHERE id = ?',
  ).run(
    type,
    storage,
    JSON.stringify(
      mergedLabels(stored.variable, definition.label ? { en: definition.label } : {}, recompute),
    ),
    JSON.stringify({ expression: definition.expression }),
    variableId,
  );
  labels.forEach(([code, label], order) =>
    statement(
      db,
      'INSERT INTO value_labels (variable_id, code, labels_json, sort_order) VALUES (?, ?, ?, ?)',
    ).run(
      variableId,
      String(code),
      JSON.stringify(mergedLabels(stored.values.get(String(code)), { en: label }, recompute)),
      order + 1,
    ),
  );
  replaceStudyColumn(db, variableId, values, (part) =>
    encodeColumn({ kind: 'numeric', values: part }, storage),
  );
  let valid = 0;
  for (const value of values) if (!Number.isNaN(value)) valid++;
  return { name: definition.name, type, rows, valid };
}

export function deriveVariable(
  db: WritableStudyDb,
  cache: ColumnCache,
  definition: DerivedDefinition,
): DerivedSummary {
  if (!NAME.test(definition.name)) {
    throw new ApiError(
      'invalid-input',
      `name: ${JSON.stringify(definition.name)} is not a variable name (letters, digits, _ . @ # $; up to 64)`,
    );
  }
  const summary = db.transaction(() => {
    const { id, existed } = ownedVariable(db, definition.name, 'derived', {
      type: 'numeric',
      storage: 'u8',
    });
    cache.invalidate([definition.name]);
    const result = materialise(db, cache, id, definition);
    appendAudit(db, existed ? 'derive.updated' : 'derive.created', { ...definition });
    return result;
  })();
  cache.invalidate([definition.name]);
  return summary;
}

/**
 * Recomputes every derived variable in codebook order (a later one may use an earlier one), for
 * when sources change. Runs inside the caller's transaction with a cache of its own, so it sees
 * the rows just written.
 */
export function recomputeDerived(db: WritableStudyDb, cache: ColumnCache): string[] {
  const derived = db
    .prepare(
      "SELECT id, name, type, storage, origin, definition_json FROM variables WHERE origin = 'derived' ORDER BY sort_order, id",
    )
    .all() as VariableRow[];
  for (const variable of derived) {
    const definition = JSON.parse(variable.definition_json ?? '{}') as { expression?: string };
    if (!definition.expression) continue;
    cache.invalidate([variable.name]);
    materialise(
      db,
      cache,
      variable.id,
      { name: variable.name, expression: definition.expression },
      true,
    );
    cache.invalidate([variable.name]);
  }
  return derived.map((variable) => variable.name);
}

export function saveFilter(
  db: WritableStudyDb,
  cache: ColumnCache,
  name: string,
  expression: string,
): { name: string; kept: number; rows: number } {
  if (!NAME.test(name))
    throw new ApiError('invalid-input', `name: ${JSON.stringify(name)} is not a filter name`);
  const mask = filterMask(db, cache, expression);
  const now = new Date().toISOString();
  db.transaction(() => {
    statement(
      db,
      `INSERT INTO filters (name, expression, created_at, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET expression = excluded.expression, updated_at = excluded.updated_at`,
    ).run(name, expression, now, now);
    appendAudit(db, 'filter.saved', { name, expression });
  })();
  let kept = 0;
  for (const value of mask) kept += value;
  return { name, kept, rows: mask.length };
}
