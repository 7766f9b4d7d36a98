/**
 * Everything a study file holds except its audit log, in a form two snapshots can be compared
 * with `toEqual`: the schema and user_version, then every table's rows (sorted, so row order
 * does not matter) with BLOBs replaced by their length and SHA-256. Used to show that a failed,
 * cancelled or killed import leaves the study exactly as it was.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

export interface StudyContent {
  userVersion: number;
  schema: string[];
  tables: Record<string, string[]>;
}

/** Tables left out: the audit log is the one place a failed import may write to. */
const IGNORED_TABLES = new Set(['audit_log']);

function cell(value: unknown): unknown {
  if (Buffer.isBuffer(value)) {
    return `blob(${value.byteLength}):${createHash('sha256').update(value).digest('hex')}`;
  }
  return typeof value === 'bigint' ? value.toString() : value;
}

/**
 * Reads the study at `file` through its own connection. `readOnly: false` lets SQLite recover a
 * hot WAL left behind by a killed process (a read-only connection may refuse to).
 */
export function studyContent(file: string, { readOnly = true } = {}): StudyContent {
  const db = new Database(file, { readonly: readOnly, fileMustExist: true });
  try {
    const schema = (
      db
        .prepare(
          "SELECT type || ' ' || name || ': ' || coalesce(sql, '') AS entry FROM sqlite_schema ORDER BY type, name",
        )
        .all() as Array<{ entry: string }>
    ).map((row) => row.entry);
    const names = (
      db
        .prepare(
          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all() as Array<{ name: string }>
    )
      .map((row) => row.name)
      .filter((name) => !IGNORED_TABLES.has(name));
    const tables: Record<string, string[]> = {};
    for (const name of names) {
      const rows = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all() as Array<
        Record<string, unknown>
      >;
      tables[name] = rows
        .map((row) =>
          JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cell(v)]))),
        )
        .sort();
    }
    return { userVersion: db.pragma('user_version', { simple: true }) as number, schema, tables };
  } finally {
    db.close();
  }
}

/** PRAGMA integrity_check of the study file: 'ok' when SQLite finds nothing wrong. */
export function integrityCheck(file: string): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}
