import { describe, expect, it } from 'vitest';
import {
  LATEST_SCHEMA_VERSION,
  StudyFromNewerVersionError,
  UnknownSchemaVersionError,
  assertMonotonic,
  readSchemaVersion,
  runMigrations,
} from '../../../../src/main/study/migrations/index';
import { createStudyDb } from '../../../support/studyDb';

describe('the migration runner', () => {
  it('runs every pending migration and records the version in user_version', () => {
    const db = createStudyDb();
    expect(runMigrations(db, 'new.cew')).toBe(LATEST_SCHEMA_VERSION);
    expect(readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('does nothing on a study that is already current', () => {
    const db = createStudyDb();
    runMigrations(db, 'a.cew');
    expect(runMigrations(db, 'a.cew')).toBe(LATEST_SCHEMA_VERSION);
  });

  it('refuses a file from a newer version, naming the file and both versions', () => {
    const db = createStudyDb();
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    expect(() => runMigrations(db, 'future.cew')).toThrow(StudyFromNewerVersionError);
    expect(() => runMigrations(db, 'future.cew')).toThrow(
      new RegExp(
        `future\\.cew.*schema ${LATEST_SCHEMA_VERSION + 10}.*schema ${LATEST_SCHEMA_VERSION}`,
      ),
    );
  });

  it('refuses a version no release wrote', () => {
    const db = createStudyDb();
    db.pragma('user_version = 5');
    expect(() => runMigrations(db, 'odd.cew')).toThrow(UnknownSchemaVersionError);
  });

  it('leaves the file untouched when a migration fails half-way (one transaction)', () => {
    const db = createStudyDb();
    const failing = [
      { version: 10, migrate: (d: typeof db) => d.exec('CREATE TABLE first_step (x)') },
      {
        version: 20,
        migrate: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => runMigrations(db, 'x.cew', failing)).toThrow('boom');
    expect(readSchemaVersion(db)).toBe(0);
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'first_step'").get(),
    ).toEqual({ n: 0 });
  });

  it('rejects migrations listed out of order', () => {
    expect(() =>
      assertMonotonic([
        { version: 20, migrate: () => undefined },
        { version: 10, migrate: () => undefined },
      ]),
    ).toThrow(/out of order/);
  });
});
