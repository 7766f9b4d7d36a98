/** The study's audit log: what was done to it and when, so every number can be traced. */
import type { ReadableStudyDb, WritableStudyDb } from './studyDb';

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  details: Record<string, unknown>;
}

export function appendAudit(
  db: WritableStudyDb,
  action: string,
  details: Record<string, unknown> = {},
): void {
  db.prepare('INSERT INTO audit_log (at, action, details_json) VALUES (?, ?, ?)').run(
    new Date().toISOString(),
    action,
    JSON.stringify(details),
  );
}

export function readAudit(db: ReadableStudyDb): AuditEntry[] {
  const rows = db
    .prepare('SELECT id, at, action, details_json AS details FROM audit_log ORDER BY id')
    .all() as Array<{ id: number; at: string; action: string; details: string }>;
  return rows.map((row) => ({
    ...row,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
}
