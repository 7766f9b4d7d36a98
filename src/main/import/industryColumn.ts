/**
 * The system variable `industry` from a file's own `industry` column: each answer is matched to a
 * study industry by its label (in any language the study or the built-in list knows) or by its
 * code text ("banking"); an industry nobody knows yet is added under the file's label.
 */
import { INDUSTRY_NAMES, industryNames } from '../../shared/domain/industries';
import { normaliseLabel } from '../harmonise/labelSimilarity';
import type { ColumnData } from '../study/columnStore';
import { statement } from '../study/statementCache';
import type { WritableStudyDb } from '../study/studyDb';
import { cellValue, type ImportedColumn, type ImportedVariable } from './importedDataset';

const MISSING_U16 = 0xffff;

/** The id (the system variable's code) of an industry, added with its known names if new. */
export function ensureIndustry(db: WritableStudyDb, code: string): number {
  statement(
    db,
    'INSERT INTO industries (code, names_json, sort_order) VALUES (?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM industries)) ON CONFLICT (code) DO NOTHING',
  ).run(code, JSON.stringify(industryNames(code)));
  return (statement(db, 'SELECT id FROM industries WHERE code = ?').get(code) as { id: number }).id;
}

/** The industry code a label or code text names, or a new code made from the label. */
export function industryOfLabel(db: WritableStudyDb, text: string, language: string): number {
  const wanted = normaliseLabel(text);
  const rows = statement(db, 'SELECT id, code, names_json FROM industries').all() as Array<{
    id: number;
    code: string;
    names_json: string;
  }>;
  for (const row of rows) {
    const names = Object.values(JSON.parse(row.names_json) as Record<string, string>);
    if (
      normaliseLabel(row.code) === wanted ||
      names.some((name) => normaliseLabel(name) === wanted)
    )
      return row.id;
  }
  for (const [code, names] of Object.entries(INDUSTRY_NAMES))
    if (code === wanted || Object.values(names).some((name) => normaliseLabel(name) === wanted))
      return ensureIndustry(db, code);
  const slug = wanted.replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  const code = slug === '' ? `industry_${rows.length + 1}` : slug;
  const id = ensureIndustry(db, code);
  statement(db, 'UPDATE industries SET names_json = ? WHERE id = ?').run(
    JSON.stringify({ [language]: text }),
    id,
  );
  return id;
}

export function industryColumn(
  db: WritableStudyDb,
  variable: ImportedVariable,
  column: ImportedColumn,
  language: string,
  fileName: string,
  warnings: string[],
): ColumnData {
  const labels = new Map(variable.valueLabels.map((vl) => [String(vl.code), vl.label]));
  const idOf = new Map<string, number>();
  const values = new Uint16Array(column.values.length);
  for (let row = 0; row < column.values.length; row++) {
    const value = cellValue(column, row);
    if (value === null) {
      values[row] = MISSING_U16;
      continue;
    }
    const key = String(value);
    let id = idOf.get(key);
    if (id === undefined) {
      id = industryOfLabel(db, labels.get(key) ?? key, language);
      idOf.set(key, id);
    }
    values[row] = id;
  }
  if (idOf.size > 0 && labels.size === 0)
    warnings.push(
      `${fileName}: industry has no labels; its values were taken as industry names (${[...idOf.keys()].slice(0, 6).join(', ')})`,
    );
  return { encoding: 'u16', values };
}
