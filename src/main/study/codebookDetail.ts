/**
 * The codebook as the Variables view reads it: every variable and multiple-response set with its
 * label in one language (falling back as docs/labels.md says, and saying so), and one entry's
 * detail — value labels, missing codes, the sources that hold it, how it was made.
 */
import { ApiError } from '../../shared/api/apiTypes';
import type {
  CodebookEntry,
  MissingCodeDetail,
  VariableDetail,
  VariableOrigin,
  VariableSourceDetail,
} from '../../shared/api/variables';
import { pickLabel, type PickedLabel } from '../../shared/domain/labels';
import type { ShownLabel, VariableType } from '../../shared/domain/study';
import { missingCodeRows } from './missingCodes';
import type { ReadableStudyDb } from './studyDb';
import { statement } from './statementCache';

export interface VariableRow {
  id: number;
  name: string;
  type: VariableType;
  origin: Exclude<VariableOrigin, 'set'>;
  labels_json: string;
  source_language: string | null;
  is_system: number;
  is_identifying: number;
  definition_json: string | null;
}

export interface SetRow {
  id: number;
  name: string;
  type: 'dichotomies' | 'categories';
  counted_value: string | null;
  labels_json: string;
  variables_json: string;
}

const VARIABLE_COLUMNS =
  'id, name, type, origin, labels_json, source_language, is_system, is_identifying, definition_json';

function shown(picked: PickedLabel | null): ShownLabel {
  return {
    label: picked?.text ?? null,
    labelLanguage: picked?.language ?? null,
    labelFallback: picked?.fallback ?? false,
  };
}

export function parseLabels(json: string): Record<string, string> {
  const parsed = JSON.parse(json) as unknown;
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
}

/** The variable named `name` (case-insensitively, as in SPSS), or undefined. */
export function findVariable(db: ReadableStudyDb, name: string): VariableRow | undefined {
  return statement(
    db,
    `SELECT ${VARIABLE_COLUMNS} FROM variables WHERE lower(name) = lower(?) ORDER BY id LIMIT 1`,
  ).get(name) as VariableRow | undefined;
}

/** The response set named `name` (case-insensitively), or undefined. */
export function findSet(db: ReadableStudyDb, name: string): SetRow | undefined {
  return statement(
    db,
    'SELECT id, name, type, counted_value, labels_json, variables_json FROM multi_response_sets WHERE lower(name) = lower(?)',
  ).get(name) as SetRow | undefined;
}

function variableEntry(row: VariableRow, language: string): CodebookEntry {
  return {
    name: row.name,
    type: row.type,
    origin: row.origin,
    ...shown(pickLabel(parseLabels(row.labels_json), language, row.source_language)),
    isSystem: row.is_system === 1,
    isIdentifying: row.is_identifying === 1,
  };
}

function setEntry(row: SetRow, language: string): CodebookEntry {
  return {
    name: row.name,
    type: 'multi',
    origin: 'set',
    ...shown(pickLabel(parseLabels(row.labels_json), language)),
    isSystem: false,
    isIdentifying: false,
  };
}

/** Variables in codebook order, then the response sets. */
export function listCodebook(db: ReadableStudyDb, language: string): CodebookEntry[] {
  const variables = db
    .prepare(`SELECT ${VARIABLE_COLUMNS} FROM variables ORDER BY sort_order, id`)
    .all() as VariableRow[];
  const sets = db
    .prepare(
      'SELECT id, name, type, counted_value, labels_json, variables_json FROM multi_response_sets ORDER BY id',
    )
    .all() as SetRow[];
  return [
    ...variables.map((row) => variableEntry(row, language)),
    ...sets.map((row) => setEntry(row, language)),
  ];
}

function sourcesOf(
  db: ReadableStudyDb,
  variableIds: number[],
  language: string,
): VariableSourceDetail[] {
  if (variableIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT s.file_name AS fileName, s.country_code AS country, w.code AS wave,
              s.respondent_type AS respondentType, s.row_count AS rows, c.names_json AS countryNames
       FROM sources s
       LEFT JOIN waves w ON w.id = s.wave_id
       LEFT JOIN countries c ON c.code = s.country_code
       WHERE s.id IN (SELECT source_id FROM column_chunks
                      WHERE variable_id IN (${variableIds.map(() => '?').join(', ')}))
       ORDER BY s.sort_order, s.id`,
    )
    .all(...variableIds) as Array<
    Omit<VariableSourceDetail, 'countryName'> & { countryNames: string | null }
  >;
  return rows.map(({ countryNames, ...source }) => ({
    ...source,
    countryName:
      countryNames === null ? null : (pickLabel(parseLabels(countryNames), language)?.text ?? null),
  }));
}

function missingCodesOf(db: ReadableStudyDb, variableId: number): MissingCodeDetail[] {
  const rows = missingCodeRows(db, variableId);
  return rows.map((row) =>
    row.kind === 'value'
      ? { kind: 'value', value: row.value ?? '' }
      : { kind: 'range', low: row.low, high: row.high },
  );
}

export interface ValueLabelRow {
  code: string;
  labels_json: string;
  sort_order: number;
}

export function valueLabelRows(db: ReadableStudyDb, variableId: number): ValueLabelRow[] {
  return statement(
    db,
    `SELECT code, labels_json, sort_order FROM value_labels WHERE variable_id = ?
     ORDER BY sort_order, CAST(code AS REAL), code`,
  ).all(variableId) as ValueLabelRow[];
}

/** Why the labels of `row` cannot be edited, or null. */
export function labelsLockedReason(row: VariableRow): string | null {
  return row.is_system === 1
    ? `${row.name} is a system variable: the workbench labels it (countries, waves, sources)`
    : null;
}

function definitionOf(row: VariableRow): { expression: string | null; method: string | null } {
  const definition = row.definition_json
    ? (JSON.parse(row.definition_json) as { expression?: unknown; method?: unknown })
    : {};
  return {
    expression: typeof definition.expression === 'string' ? definition.expression : null,
    method:
      typeof definition.method === 'string'
        ? definition.method
        : row.origin === 'weight'
          ? 'rim'
          : null,
  };
}

/**
 * One variable's or set's detail with labels in `language`. `studyReadOnly` is the study's own
 * read-only reason, which locks every label.
 */
export function variableDetail(
  db: ReadableStudyDb,
  name: string,
  language: string,
  studyReadOnly: string | null,
): VariableDetail {
  const row = findVariable(db, name);
  if (row) {
    const labels = parseLabels(row.labels_json);
    return {
      ...variableEntry(row, language),
      language,
      text: labels[language] ?? '',
      valueLabels: valueLabelRows(db, row.id).map((value) => {
        const valueLabels = parseLabels(value.labels_json);
        return {
          code: value.code,
          text: valueLabels[language] ?? '',
          ...shown(pickLabel(valueLabels, language, row.source_language)),
        };
      }),
      missingCodes: missingCodesOf(db, row.id),
      sources: sourcesOf(db, [row.id], language),
      ...definitionOf(row),
      set: null,
      readOnlyReason: studyReadOnly ?? labelsLockedReason(row),
    };
  }
  const set = findSet(db, name);
  if (!set) throw new ApiError('not-found', `name: the study has no variable or set named ${name}`);
  const members = JSON.parse(set.variables_json) as string[];
  const memberIds = members
    .map((member) => findVariable(db, member)?.id)
    .filter((id): id is number => id !== undefined);
  return {
    ...setEntry(set, language),
    language,
    text: parseLabels(set.labels_json)[language] ?? '',
    valueLabels: [],
    missingCodes: [],
    sources: sourcesOf(db, memberIds, language),
    expression: null,
    method: null,
    set: { type: set.type, countedValue: set.counted_value, variables: members },
    readOnlyReason: studyReadOnly,
  };
}
