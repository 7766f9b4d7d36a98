/**
 * Reads a study back out as one dataset — every source's rows in source order, the file's
 * variables in codebook order, then the system variables — for the data exporters. Labels come in
 * the chosen language (the study's label language unless overridden), falling back as pickLabel
 * does; a fallback is written as plain text, since a .sav or CSV label has no room for a marker.
 */
import { ApiError } from '../../shared/api/apiTypes';
import { pickLabelJson } from '../../shared/domain/labels';
import type { VariableType } from '../../shared/domain/study';
import { chunkToNumbers } from '../import/columnEncoding';
import type {
  ImportedColumn,
  ImportedDataset,
  ImportedMultiResponseSet,
  ImportedVariable,
  MissingSpec,
} from '../import/importedDataset';
import { loadColumn, textAt, type ColumnEncoding } from '../study/columnStore';
import { readLabelLanguage } from '../study/labelLanguage';
import { userMissingSpecs } from '../study/missingCodes';
import type { ReadableStudyDb } from '../study/studyDb';

export interface StudyExportOptions {
  variables?: string[];
  dropIdentifying?: boolean;
  /** The language of the labels written; the study's label language when left out. */
  language?: string;
  /** Rows to keep (1) or leave out (0): a filter already evaluated. */
  mask?: Uint8Array;
}

function keepRows(column: ImportedColumn, mask: Uint8Array): ImportedColumn {
  if (column.kind === 'text')
    return { kind: 'text', values: column.values.filter((_, row) => mask[row] === 1) };
  if (column.kind === 'codes')
    return { kind: 'codes', values: column.values.filter((_, row) => mask[row] === 1) };
  return { kind: 'numeric', values: column.values.filter((_, row) => mask[row] === 1) };
}

interface VariableRow {
  id: number;
  name: string;
  type: VariableType;
  storage: ColumnEncoding;
  labels_json: string;
  source_language: string | null;
  is_system: number;
  is_identifying: number;
  format_attributes_json: string;
}

export interface ExportedVariable extends ImportedVariable {
  isSystem: boolean;
}

export interface StudyDataset extends Omit<ImportedDataset, 'variables'> {
  variables: ExportedVariable[];
}

function readMissing(db: ReadableStudyDb, variableId: number, type: VariableType): MissingSpec[] {
  return userMissingSpecs(db, variableId, type === 'text');
}

function loadValues(db: ReadableStudyDb, row: VariableRow): ImportedColumn {
  const column = loadColumn(db, row.id, row.storage);
  if (column.encoding === 'utf8') {
    const values: string[] = new Array(column.offsets.length - 1);
    for (let i = 0; i < values.length; i++) values[i] = textAt(column, i);
    return { kind: 'text', values };
  }
  return { kind: 'numeric', values: chunkToNumbers(column) };
}

export function studyToDataset(
  db: ReadableStudyDb,
  options: StudyExportOptions = {},
): StudyDataset {
  const language = options.language ?? readLabelLanguage(db);
  const all = db
    .prepare(
      `SELECT id, name, type, storage, labels_json, source_language, is_system, is_identifying, format_attributes_json
       FROM variables ORDER BY is_system, sort_order, id`,
    )
    .all() as VariableRow[];
  let chosen = all;
  if (options.variables && options.variables.length > 0) {
    const byName = new Map(all.map((row) => [row.name, row]));
    const unknown = options.variables.filter((name) => !byName.has(name));
    if (unknown.length > 0)
      throw new ApiError('invalid-input', `variables: no such variable ${unknown.join(', ')}`);
    chosen = options.variables.map((name) => byName.get(name)!);
  }
  if (options.dropIdentifying) chosen = chosen.filter((row) => row.is_identifying === 0);

  const labelsOf = db.prepare(
    'SELECT code, labels_json FROM value_labels WHERE variable_id = ? ORDER BY sort_order, code',
  );
  const variables: ExportedVariable[] = chosen.map((row) => ({
    name: row.name,
    label: pickLabelJson(row.labels_json, language, row.source_language)?.text ?? null,
    type: row.type,
    valueLabels: (labelsOf.all(row.id) as Array<{ code: string; labels_json: string }>).map(
      (vl) => ({
        code: row.type === 'text' ? vl.code : Number(vl.code),
        label: pickLabelJson(vl.labels_json, language, row.source_language)?.text ?? vl.code,
      }),
    ),
    missing: readMissing(db, row.id, row.type),
    formatAttributes: JSON.parse(row.format_attributes_json) as Record<string, unknown>,
    isSystem: row.is_system === 1,
  }));
  const loaded = chosen.map((row) => loadValues(db, row));
  const columns = options.mask ? loaded.map((column) => keepRows(column, options.mask!)) : loaded;
  const exportedNames = new Set(chosen.map((row) => row.name));
  const sets = (
    db
      .prepare(
        'SELECT name, type, counted_value, labels_json, variables_json FROM multi_response_sets ORDER BY id',
      )
      .all() as Array<{
      name: string;
      type: 'categories' | 'dichotomies';
      counted_value: string | null;
      labels_json: string;
      variables_json: string;
    }>
  )
    .map((set): ImportedMultiResponseSet => ({
      name: set.name,
      label: pickLabelJson(set.labels_json, language)?.text ?? '',
      type: set.type,
      ...(set.counted_value !== null ? { countedValue: set.counted_value } : {}),
      variables: JSON.parse(set.variables_json) as string[],
    }))
    .filter((set) => set.variables.every((name) => exportedNames.has(name)));
  const firstSource = db
    .prepare('SELECT attributes_json FROM sources ORDER BY sort_order, id LIMIT 1')
    .get() as { attributes_json: string } | undefined;
  const fileAttributes = firstSource
    ? (JSON.parse(firstSource.attributes_json) as Record<string, unknown>)
    : {};
  const cases =
    columns[0]?.values.length ??
    (options.mask ? options.mask.reduce((sum, keep) => sum + keep, 0) : undefined) ??
    (db.prepare('SELECT coalesce(sum(row_count), 0) AS n FROM sources').get() as { n: number }).n;
  return {
    format: 'study',
    encoding: 'utf-8',
    cases,
    variables,
    columns,
    multiResponseSets: sets,
    warnings: [],
    fileAttributes,
  };
}
