/**
 * The study's label language (issue #8): which translation of every label the study shows — in
 * describe, tables, weight reports and data exports — kept in the study file so a colleague who
 * opens the copy sees the same tables. Also which languages the study holds labels in, for the
 * language select.
 */
import { sortLanguages } from '../../shared/domain/languages';
import { appendAudit } from './auditLog';
import type { ReadableStudyDb, WritableStudyDb } from './studyDb';

export const LABEL_LANGUAGE_KEY = 'label_language';
export const DEFAULT_LABEL_LANGUAGE = 'en';

export function readLabelLanguage(db: ReadableStudyDb): string {
  const row = db.prepare('SELECT value FROM study_meta WHERE key = ?').get(LABEL_LANGUAGE_KEY) as
    { value: string } | undefined;
  return row?.value ?? DEFAULT_LABEL_LANGUAGE;
}

/**
 * The languages of the study's own labels: variables, their value labels and response sets, the
 * languages its sources were imported in and those its questionnaire declared (study_meta
 * 'languages'), plus the chosen one. The system variables are left out: their labels are the
 * workbench's (country names come in every language it ships), not the study's.
 */
export function studyLanguages(db: ReadableStudyDb): string[] {
  const keys = db
    .prepare(
      `SELECT j.key AS language FROM variables v, json_each(v.labels_json) j WHERE v.is_system = 0
       UNION SELECT j.key FROM value_labels l JOIN variables v ON v.id = l.variable_id, json_each(l.labels_json) j
         WHERE v.is_system = 0
       UNION SELECT j.key FROM multi_response_sets s, json_each(s.labels_json) j
       UNION SELECT language FROM sources WHERE language IS NOT NULL`,
    )
    .all() as Array<{ language: string }>;
  const declared = db.prepare("SELECT value FROM study_meta WHERE key = 'languages'").get() as
    { value: string } | undefined;
  const listed = declared ? (JSON.parse(declared.value) as unknown) : [];
  return sortLanguages([
    ...keys.map((row) => row.language),
    ...(Array.isArray(listed)
      ? listed.filter((code): code is string => typeof code === 'string')
      : []),
    readLabelLanguage(db),
  ]);
}

export function writeLabelLanguage(db: WritableStudyDb, language: string): void {
  db.transaction(() => {
    db.prepare(
      'INSERT INTO study_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(LABEL_LANGUAGE_KEY, language);
    appendAudit(db, 'study.labelLanguageSet', { language });
  })();
}
