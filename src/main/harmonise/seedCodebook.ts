/**
 * Starts a study's master codebook from a questionnaire: every variable under its study name with
 * its labels and answers in each language the questionnaire was translated into, its user-missing
 * codes, and the industries. Sources imported later map onto these variables and their codes, and
 * the translations are what lets a German or Korean file's labels find them.
 */
import { appendAudit } from '../study/auditLog';
import type { WritableStudyDb } from '../study/studyDb';
import type { ColumnEncoding } from '../study/columnStore';
import { ensureIndustry } from '../import/industryColumn';

type Translations = Record<string, string>;

/** The questionnaire as the codebook needs it (src/main/demo/questionnaire.ts has this shape). */
export interface CodebookSeed {
  languages: readonly string[];
  industries: ReadonlyArray<{ code: string; names: Translations }>;
  variables: ReadonlyArray<{
    name: string;
    type: 'single' | 'numeric' | 'text';
    labels: Translations;
    values: ReadonlyArray<{ code: number; labels: Translations }>;
    missing?: readonly number[];
  }>;
}

function storageFor(type: 'single' | 'numeric' | 'text', codes: readonly number[]): ColumnEncoding {
  if (type === 'text') return 'utf8';
  if (type === 'numeric') return 'f64';
  const largest = Math.max(0, ...codes);
  return Number.isInteger(largest) && largest < 255 ? 'u8' : largest < 65535 ? 'u16' : 'f64';
}

export function seedCodebook(db: WritableStudyDb, seed: CodebookSeed): { variables: number } {
  return db.transaction(() => {
    const existing = (db.prepare('SELECT count(*) AS n FROM variables').get() as { n: number }).n;
    if (existing > 0)
      throw new Error('a codebook can only be started from a questionnaire in an empty study');
    const insertVariable = db.prepare(
      `INSERT INTO variables (name, type, storage, labels_json, source_language, sort_order, origin)
       VALUES (?, ?, ?, ?, 'en', ?, 'imported')`,
    );
    const insertValue = db.prepare(
      'INSERT INTO value_labels (variable_id, code, labels_json, sort_order) VALUES (?, ?, ?, ?)',
    );
    const insertMissing = db.prepare(
      "INSERT INTO missing_codes (variable_id, kind, value) VALUES (?, 'value', ?)",
    );
    seed.variables.forEach((variable, index) => {
      const id = Number(
        insertVariable.run(
          variable.name,
          variable.type,
          storageFor(
            variable.type,
            variable.values.map((value) => value.code),
          ),
          JSON.stringify(variable.labels),
          index + 1,
        ).lastInsertRowid,
      );
      variable.values.forEach((value, order) =>
        insertValue.run(id, String(value.code), JSON.stringify(value.labels), order + 1),
      );
      for (const code of variable.missing ?? []) insertMissing.run(id, String(code));
    });
    for (const industry of seed.industries) {
      const id = ensureIndustry(db, industry.code);
      db.prepare('UPDATE industries SET names_json = ? WHERE id = ?').run(
        JSON.stringify(industry.names),
        id,
      );
    }
    db.prepare(
      "INSERT INTO study_meta (key, value) VALUES ('languages', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(JSON.stringify(seed.languages));
    appendAudit(db, 'codebook.seeded', {
      variables: seed.variables.length,
      industries: seed.industries.length,
    });
    return { variables: seed.variables.length };
  })();
}
