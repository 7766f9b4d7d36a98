/**
 * The study's master codebook as the mapping proposal sees it: every variable a source could land
 * on (not the system, derived, weight or segment ones), with its labels and value labels in every
 * language the study holds.
 */
import type { VariableType } from '../../shared/domain/study';
import type { ReadableStudyDb } from '../study/studyDb';

export type LabelsByLanguage = Record<string, string>;

export interface CodebookValue {
  code: number;
  labels: LabelsByLanguage;
}

export interface CodebookVariable {
  name: string;
  type: VariableType;
  labels: LabelsByLanguage;
  /** The language the variable's first labels came in; others are translations. */
  sourceLanguage: string | null;
  /** Numeric codes with their labels, in the codebook's order. */
  values: CodebookValue[];
}

export function readCodebook(db: ReadableStudyDb): CodebookVariable[] {
  const variables = db
    .prepare(
      `SELECT id, name, type, labels_json, source_language FROM variables
       WHERE is_system = 0 AND origin = 'imported' ORDER BY sort_order, id`,
    )
    .all() as Array<{
    id: number;
    name: string;
    type: VariableType;
    labels_json: string;
    source_language: string | null;
  }>;
  const valuesOf = db.prepare(
    'SELECT code, labels_json FROM value_labels WHERE variable_id = ? ORDER BY sort_order, code',
  );
  return variables.map((variable) => ({
    name: variable.name,
    type: variable.type,
    labels: JSON.parse(variable.labels_json) as LabelsByLanguage,
    sourceLanguage: variable.source_language,
    values: (valuesOf.all(variable.id) as Array<{ code: string; labels_json: string }>)
      .filter((row) => row.code.trim() !== '' && Number.isFinite(Number(row.code)))
      .map((row) => ({
        code: Number(row.code),
        labels: JSON.parse(row.labels_json) as LabelsByLanguage,
      })),
  }));
}
