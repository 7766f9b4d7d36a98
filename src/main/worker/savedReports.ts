/**
 * Saved reports: a report (pages of saved charts and tables, a template) kept in the study's
 * `reports` table under its name; drawn on the data the study holds whenever it is rendered.
 */
import { ApiError } from '../../shared/api/apiTypes';
import type { SavedReport } from '../../shared/api/reports';
import type { Report } from '../../shared/domain/report';
import { appendAudit } from '../study/auditLog';
import type { ReadableStudyDb, WritableStudyDb } from '../study/studyDb';
import { statement } from '../study/statementCache';

/** Saves a report under its name (names match without regard to case); saving again replaces it. */
export function saveReport(db: WritableStudyDb, report: Report): SavedReport {
  const name = report.name.trim();
  if (name === '') throw new ApiError('invalid-input', 'name: a report needs a name');
  const stored: Report = { ...report, name };
  const now = new Date().toISOString();
  db.transaction(() => {
    const existing = statement(db, 'SELECT id FROM reports WHERE lower(name) = lower(?)').get(
      name,
    ) as { id: number } | undefined;
    if (existing) {
      statement(db, 'UPDATE reports SET name = ?, spec_json = ?, updated_at = ? WHERE id = ?').run(
        name,
        JSON.stringify(stored),
        now,
        existing.id,
      );
    } else {
      statement(
        db,
        'INSERT INTO reports (name, spec_json, created_at, updated_at) VALUES (?, ?, ?, ?)',
      ).run(name, JSON.stringify(stored), now, now);
    }
    appendAudit(db, 'reports.saved', { name, pages: report.pages.length });
  })();
  return { name, report: stored, updatedAt: now };
}

export function listReports(db: ReadableStudyDb): SavedReport[] {
  const rows = db
    .prepare('SELECT name, spec_json, updated_at FROM reports ORDER BY name')
    .all() as Array<{ name: string; spec_json: string; updated_at: string }>;
  return rows.map((row) => ({
    name: row.name,
    report: JSON.parse(row.spec_json) as Report,
    updatedAt: row.updated_at,
  }));
}

export function savedReport(db: ReadableStudyDb, name: string): SavedReport {
  const found = listReports(db).find((r) => r.name.toLowerCase() === name.trim().toLowerCase());
  if (!found) throw new ApiError('not-found', `no saved report named ${name}`);
  return found;
}

export function deleteReport(db: WritableStudyDb, name: string): { deleted: boolean } {
  let deleted = false;
  db.transaction(() => {
    const info = statement(db, 'DELETE FROM reports WHERE lower(name) = lower(?)').run(name.trim());
    deleted = info.changes > 0;
    if (deleted) appendAudit(db, 'reports.deleted', { name: name.trim() });
  })();
  return { deleted };
}
