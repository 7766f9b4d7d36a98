/**
 * Ordered migrations. All pending ones run in one transaction and `PRAGMA user_version` records
 * the result, so a study is never left half-migrated. A file from a newer app, or with a version
 * we never shipped, is refused rather than guessed at.
 */
import type { WritableStudyDb } from '../studyDb';
import { migrateTo0010 } from './0010-initial-schema';
import { migrateTo0020 } from './0020-harmonisation';

export interface Migration {
  version: number;
  migrate: (db: WritableStudyDb) => void;
}

export const migrations: readonly Migration[] = [
  { version: 10, migrate: migrateTo0010 },
  { version: 20, migrate: migrateTo0020 },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]?.version ?? 0;

export class StudyFromNewerVersionError extends Error {
  override readonly name = 'StudyFromNewerVersionError';
  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `${file} was saved by a newer version of the workbench (study schema ${fileVersion}); ` +
        `this version reads schema ${appVersion} and older. Update the workbench to open it.`,
    );
  }
}

export class UnknownSchemaVersionError extends Error {
  override readonly name = 'UnknownSchemaVersionError';
  constructor(
    readonly file: string,
    readonly fileVersion: number,
  ) {
    super(`${file} has study schema ${fileVersion}, which no version of the workbench wrote`);
  }
}

export function assertMonotonic(list: readonly Migration[]): void {
  for (let i = 1; i < list.length; i++) {
    const previous = list[i - 1];
    const current = list[i];
    if (previous && current && current.version <= previous.version) {
      throw new Error(`migrations out of order: ${current.version} after ${previous.version}`);
    }
  }
}

export function readSchemaVersion(db: { pragma: WritableStudyDb['pragma'] }): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Checks a file's version against ours without changing it (used for read-only opens too). */
export function checkSchemaVersion(
  file: string,
  version: number,
  list: readonly Migration[] = migrations,
): void {
  const latest = list[list.length - 1]?.version ?? 0;
  if (version > latest) throw new StudyFromNewerVersionError(file, version, latest);
  if (version !== 0 && !list.some((m) => m.version === version)) {
    throw new UnknownSchemaVersionError(file, version);
  }
}

/** Runs every migration newer than the file's version; returns the version reached. */
export function runMigrations(
  db: WritableStudyDb,
  file: string,
  list: readonly Migration[] = migrations,
): number {
  assertMonotonic(list);
  const current = readSchemaVersion(db);
  checkSchemaVersion(file, current, list);
  const pending = list.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  const target = pending[pending.length - 1]!.version;
  db.transaction(() => {
    for (const migration of pending) migration.migrate(db);
    db.pragma(`user_version = ${target}`);
  })();
  return target;
}
