/** Helpers for migration tests: an empty study database, migrated to a chosen version. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrations } from '../../src/main/study/migrations/index';
import { asWritable, type WritableStudyDb } from '../../src/main/study/studyDb';

export function createStudyDb(): WritableStudyDb {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return asWritable(db);
}

export function migrateTo(db: WritableStudyDb, version: number): void {
  db.transaction(() => {
    for (const migration of migrations) if (migration.version <= version) migration.migrate(db);
    db.pragma(`user_version = ${version}`);
  })();
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempFolder(prefix = 'cew-test-'): { folder: string; cleanup: () => void } {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  return { folder, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

export const builtWorkerPath = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'out',
  'main',
  'studyWorker.js',
);
export const builtCliPath = path.resolve(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');
export const builtWebPath = path.resolve(import.meta.dirname, '..', '..', 'out', 'main', 'web.js');
