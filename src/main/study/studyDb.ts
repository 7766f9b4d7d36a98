/**
 * Branded database handles. A `ReadableStudyDb` can only be queried; a `WritableStudyDb` can also
 * be changed. Queries are plain functions taking the handle first, so the type says which ones
 * may run on a study opened read-only (a second window, a locked file).
 */
import type Database from 'better-sqlite3';

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

export type ReadableStudyDb = Database.Database & { readonly [readableBrand]: true };
export type WritableStudyDb = ReadableStudyDb & { readonly [writableBrand]: true };

export function asReadable(db: Database.Database): ReadableStudyDb {
  return db as ReadableStudyDb;
}

export function asWritable(db: Database.Database): WritableStudyDb {
  return db as WritableStudyDb;
}
