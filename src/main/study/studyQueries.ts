/** Read queries over the study's metadata: what the describe command and the overview show. */
import type {
  SourceSummary,
  StudyDescription,
  StudySummary,
  VariableSummary,
  VariableType,
} from '../../shared/domain/study';
import { pickLabelJson, type PickedLabel } from '../../shared/domain/labels';
import { readLabelLanguage, studyLanguages } from './labelLanguage';
import type { ReadableStudyDb } from './studyDb';

export function readStudyMeta(db: ReadableStudyDb): Record<string, string> {
  const rows = db.prepare('SELECT key, value FROM study_meta').all() as Array<{
    key: string;
    value: string;
  }>;
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

export function summarizeStudy(
  db: ReadableStudyDb,
  file: string,
  schemaVersion: number,
  readOnlyReason: string | null,
): StudySummary {
  const meta = readStudyMeta(db);
  return {
    path: file,
    name: meta.name ?? '',
    studyId: meta.study_id ?? '',
    schemaVersion,
    createdAt: meta.created_at ?? '',
    readOnly: readOnlyReason !== null,
    readOnlyReason,
    labelLanguage: readLabelLanguage(db),
    languages: studyLanguages(db),
  };
}

export function listSources(db: ReadableStudyDb): SourceSummary[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.file_name AS fileName, s.file_size AS fileSize, s.sha256, s.reader,
              s.row_count AS rowCount, w.code AS wave, s.country_code AS country,
              s.respondent_type AS respondentType, s.imported_at AS importedAt,
              s.attributes_json AS attributes
       FROM sources s LEFT JOIN waves w ON w.id = s.wave_id
       ORDER BY s.sort_order, s.id`,
    )
    .all() as Array<Omit<SourceSummary, 'validation'> & { attributes: string }>;
  return rows.map(({ attributes, ...source }) => ({
    ...source,
    validation:
      (JSON.parse(attributes) as { validation?: SourceSummary['validation'] }).validation ?? [],
  }));
}

/** A label with the marker every listing carries: which language is shown, and whether it fell back. */
function shownLabel(picked: PickedLabel | null): {
  label: string | null;
  labelLanguage: string | null;
  labelFallback: boolean;
} {
  return {
    label: picked?.text ?? null,
    labelLanguage: picked?.language ?? null,
    labelFallback: picked?.fallback ?? false,
  };
}

export function listVariables(db: ReadableStudyDb, language: string): VariableSummary[] {
  const rows = db
    .prepare(
      'SELECT name, type, labels_json, source_language, is_system, is_identifying FROM variables ORDER BY sort_order, id',
    )
    .all() as Array<{
    name: string;
    type: VariableType;
    labels_json: string;
    source_language: string | null;
    is_system: number;
    is_identifying: number;
  }>;
  return rows.map((row) => ({
    name: row.name,
    type: row.type,
    ...shownLabel(pickLabelJson(row.labels_json, language, row.source_language)),
    isSystem: row.is_system === 1,
    isIdentifying: row.is_identifying === 1,
  }));
}

/** What the study holds, with every label in `language` (by default the study's label language). */
export function describeStudy(
  db: ReadableStudyDb,
  summary: StudySummary,
  language: string = summary.labelLanguage,
): StudyDescription {
  const sources = listSources(db);
  const waves = (
    db.prepare('SELECT code FROM waves ORDER BY sort_order, code').all() as Array<{
      code: string;
    }>
  ).map((row) => row.code);
  const countries = (
    db.prepare('SELECT code, names_json FROM countries ORDER BY code').all() as Array<{
      code: string;
      names_json: string;
    }>
  ).map((row) => ({
    code: row.code,
    name: pickLabelJson(row.names_json, language)?.text ?? row.code,
  }));
  return {
    study: summary,
    language,
    sources,
    waves,
    countries,
    variables: listVariables(db, language),
    responseSets: (
      db
        .prepare('SELECT name, type, labels_json FROM multi_response_sets ORDER BY id')
        .all() as Array<{
        name: string;
        type: 'dichotomies' | 'categories';
        labels_json: string;
      }>
    ).map((set) => ({
      name: set.name,
      ...shownLabel(pickLabelJson(set.labels_json, language)),
      type: set.type,
    })),
    respondents: sources.reduce((sum, source) => sum + source.rowCount, 0),
  };
}
