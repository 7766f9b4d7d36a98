/**
 * Opening, creating, copying and closing a study file. A study is one SQLite file the consultant
 * can copy or mail: WAL while open (changes are saved as they happen), and on close the log is
 * checkpointed and the journal switched back to DELETE so the file at rest stands alone.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/apiTypes';
import { appendAudit } from './auditLog';
import {
  LATEST_SCHEMA_VERSION,
  checkSchemaVersion,
  readSchemaVersion,
  runMigrations,
} from './migrations/index';
import { asReadable, asWritable, type ReadableStudyDb, type WritableStudyDb } from './studyDb';

export interface OpenStudyOptions {
  readOnly?: boolean;
  readOnlyReason?: string | null;
  /** Path of a better-sqlite3 addon built for another ABI (Electron's); plain Node uses its own. */
  nativeBinding?: string;
}

export interface OpenStudy {
  path: string;
  db: ReadableStudyDb;
  /** Present only when the study is writable. */
  writable: WritableStudyDb | null;
  schemaVersion: number;
  readOnlyReason: string | null;
}

function connect(file: string, options: OpenStudyOptions, create: boolean): Database.Database {
  try {
    return new Database(file, {
      readonly: options.readOnly === true,
      fileMustExist: !create,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw new ApiError('failed', `${file}: cannot open: ${(error as Error).message}`);
  }
}

function applyPragmas(db: Database.Database, readOnly: boolean): void {
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (!readOnly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
}

export function createStudyFile(
  file: string,
  name: string,
  appVersion: string,
  options: OpenStudyOptions = {},
): OpenStudy {
  if (existsSync(file)) throw new ApiError('conflict', `${file} already exists`);
  if (!existsSync(path.dirname(file))) {
    throw new ApiError('not-found', `${path.dirname(file)}: no such folder`);
  }
  const db = connect(file, { ...options, readOnly: false }, true);
  try {
    // Columns are megabyte BLOBs: 64 KiB pages write and read them in a sixteenth of the pages
    // (and overflow-chain hops) that SQLite's default 4 KiB needs. Fixed when the file is made.
    db.pragma('page_size = 65536');
    applyPragmas(db, false);
    const writable = asWritable(db);
    const version = runMigrations(writable, file);
    const now = new Date().toISOString();
    writable.transaction(() => {
      const insert = writable.prepare('INSERT INTO study_meta (key, value) VALUES (?, ?)');
      insert.run('study_id', randomUUID());
      insert.run('name', name);
      insert.run('created_at', now);
      insert.run('created_by', appVersion);
      appendAudit(writable, 'study.created', { name, appVersion });
    })();
    return { path: file, db: writable, writable, schemaVersion: version, readOnlyReason: null };
  } catch (error) {
    db.close();
    rmSync(file, { force: true });
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    throw error;
  }
}

export function openStudyFile(file: string, options: OpenStudyOptions = {}): OpenStudy {
  if (!existsSync(file)) throw new ApiError('not-found', `${file}: no such study file`);
  const readOnly = options.readOnly === true;
  const db = connect(file, options, false);
  try {
    let version: number;
    try {
      version = readSchemaVersion(db);
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      applyPragmas(db, readOnly);
    } catch (error) {
      throw new ApiError('failed', `${file}: not a workbench study (${(error as Error).message})`);
    }
    if (version === 0) {
      throw new ApiError('failed', `${file}: not a workbench study (no study schema in the file)`);
    }
    checkSchemaVersion(file, version);
    if (readOnly) {
      if (version < LATEST_SCHEMA_VERSION) {
        throw new ApiError(
          'conflict',
          `${file} needs an upgrade from schema ${version} to ${LATEST_SCHEMA_VERSION}, which a read-only view cannot do`,
        );
      }
      return {
        path: file,
        db: asReadable(db),
        writable: null,
        schemaVersion: version,
        readOnlyReason: options.readOnlyReason ?? 'opened read-only',
      };
    }
    const writable = asWritable(db);
    const reached = runMigrations(writable, file);
    return { path: file, db: writable, writable, schemaVersion: reached, readOnlyReason: null };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Checkpoints the log into the file and leaves it standing alone (no -wal or -shm beside it). */
export function closeStudyFile(study: OpenStudy): void {
  if (study.writable) {
    try {
      study.writable.pragma('wal_checkpoint(TRUNCATE)');
      study.writable.pragma('journal_mode = DELETE');
    } catch {
      // Another connection still reads the file; SQLite checkpoints when the last one closes.
    }
  }
  study.db.close();
}

/**
 * A consistent copy, taken while the study stays open (VACUUM INTO), written beside the target
 * and renamed onto it so a failed copy leaves nothing half-written.
 */
export function saveStudyCopy(study: OpenStudy, target: string): void {
  if (path.resolve(target) === path.resolve(study.path)) {
    throw new ApiError('invalid-input', 'path: a copy needs a different file than the open study');
  }
  if (!existsSync(path.dirname(target))) {
    throw new ApiError('not-found', `${path.dirname(target)}: no such folder`);
  }
  const partial = path.join(
    path.dirname(target),
    `.${path.basename(target)}.partial-${randomUUID().slice(0, 8)}`,
  );
  try {
    study.db.prepare('VACUUM INTO ?').run(partial);
    const copy = new Database(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new ApiError(
      'failed',
      `${target}: the copy could not be written (${(error as Error).message})`,
    );
  }
  if (study.writable) appendAudit(study.writable, 'study.copied', { to: target });
}
