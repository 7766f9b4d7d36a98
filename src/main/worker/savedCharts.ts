/**
 * Saved charts: a chart spec kept in the study's `charts` table under a name. The spec holds the
 * table it is drawn from, so a saved chart re-draws on whatever data the study holds.
 */
import { ApiError } from '../../shared/api/apiTypes';
import type { SavedChart } from '../../shared/api/charts';
import type { ChartSpec } from '../../shared/domain/chart';
import { appendAudit } from '../study/auditLog';
import type { ReadableStudyDb, WritableStudyDb } from '../study/studyDb';
import { statement } from '../study/statementCache';

/** Saves a chart under a name (names match without regard to case); saving again replaces it. */
export function saveChart(db: WritableStudyDb, name: string, spec: ChartSpec): SavedChart {
  const trimmed = name.trim();
  if (trimmed === '') throw new ApiError('invalid-input', 'name: a saved chart needs a name');
  const now = new Date().toISOString();
  db.transaction(() => {
    const existing = statement(db, 'SELECT id FROM charts WHERE lower(name) = lower(?)').get(
      trimmed,
    ) as { id: number } | undefined;
    if (existing) {
      statement(db, 'UPDATE charts SET name = ?, spec_json = ?, updated_at = ? WHERE id = ?').run(
        trimmed,
        JSON.stringify(spec),
        now,
        existing.id,
      );
    } else {
      statement(
        db,
        'INSERT INTO charts (name, spec_json, created_at, updated_at) VALUES (?, ?, ?, ?)',
      ).run(trimmed, JSON.stringify(spec), now, now);
    }
    appendAudit(db, 'charts.saved', { name: trimmed, kind: spec.kind });
  })();
  return { name: trimmed, spec, updatedAt: now };
}

export function listCharts(db: ReadableStudyDb): SavedChart[] {
  const rows = db
    .prepare('SELECT name, spec_json, updated_at FROM charts ORDER BY name')
    .all() as Array<{ name: string; spec_json: string; updated_at: string }>;
  return rows.map((row) => ({
    name: row.name,
    spec: JSON.parse(row.spec_json) as ChartSpec,
    updatedAt: row.updated_at,
  }));
}

export function savedChart(db: ReadableStudyDb, name: string): SavedChart {
  const chart = listCharts(db).find((c) => c.name.toLowerCase() === name.trim().toLowerCase());
  if (!chart) throw new ApiError('not-found', `no saved chart named ${name}`);
  return chart;
}

export function deleteChart(db: WritableStudyDb, name: string): { deleted: boolean } {
  let deleted = false;
  db.transaction(() => {
    const info = statement(db, 'DELETE FROM charts WHERE lower(name) = lower(?)').run(name.trim());
    deleted = info.changes > 0;
    if (deleted) appendAudit(db, 'charts.deleted', { name: name.trim() });
  })();
  return { deleted };
}
