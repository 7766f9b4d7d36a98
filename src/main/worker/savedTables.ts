/**
 * Saved tables and tab plans: a table spec (or a named set of them) kept in the study, so the
 * same tables re-run unchanged on the next wave — the numbers come from whatever data the study
 * holds when they run.
 */
import { ApiError } from '../../shared/api/apiTypes';
import type { TableSpec } from '../../shared/domain/table';
import { appendAudit } from '../study/auditLog';
import type { ReadableStudyDb, WritableStudyDb } from '../study/studyDb';
import { statement } from '../study/statementCache';

export interface SavedPlan {
  name: string;
  tables: TableSpec[];
  updatedAt: string;
}

/** Saves a plan (one table or several) under a name; saving again replaces it. */
export function saveTablePlan(db: WritableStudyDb, name: string, tables: TableSpec[]): SavedPlan {
  if (name.trim() === '') throw new ApiError('invalid-input', 'name: a saved table needs a name');
  const now = new Date().toISOString();
  db.transaction(() => {
    const existing = statement(db, 'SELECT id FROM saved_tables WHERE name = ?').get(name) as
      { id: number } | undefined;
    if (existing) {
      statement(db, 'UPDATE saved_tables SET spec_json = ?, updated_at = ? WHERE id = ?').run(
        JSON.stringify({ tables }),
        now,
        existing.id,
      );
    } else {
      statement(
        db,
        'INSERT INTO saved_tables (name, spec_json, created_at, updated_at) VALUES (?, ?, ?, ?)',
      ).run(name, JSON.stringify({ tables }), now, now);
    }
    appendAudit(db, 'tables.saved', { name, tables: tables.length });
  })();
  return { name, tables, updatedAt: now };
}

export function listTablePlans(db: ReadableStudyDb): SavedPlan[] {
  const rows = db
    .prepare('SELECT name, spec_json, updated_at FROM saved_tables ORDER BY name')
    .all() as Array<{
    name: string;
    spec_json: string;
    updated_at: string;
  }>;
  return rows.map((row) => ({
    name: row.name,
    tables: (JSON.parse(row.spec_json) as { tables: TableSpec[] }).tables,
    updatedAt: row.updated_at,
  }));
}

export function tablePlan(db: ReadableStudyDb, name: string): SavedPlan {
  const plan = listTablePlans(db).find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (!plan) throw new ApiError('not-found', `no saved table or tab plan named ${name}`);
  return plan;
}
