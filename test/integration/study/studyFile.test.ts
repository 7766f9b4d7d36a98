import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAudit } from '../../../src/main/study/auditLog';
import {
  closeStudyFile,
  createStudyFile,
  openStudyFile,
  saveStudyCopy,
} from '../../../src/main/study/studyFile';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/study/migrations/index';
import { readStudyMeta } from '../../../src/main/study/studyQueries';
import { tempFolder } from '../../support/studyDb';

describe('the study file', () => {
  let folder: string;
  let cleanup: () => void;
  beforeEach(() => ({ folder, cleanup } = tempFolder()));
  afterEach(() => cleanup());

  it('is created, closed and reopened with its name and schema version', () => {
    const file = path.join(folder, 'Energy 2026.cew');
    const created = createStudyFile(file, 'Energy 2026', '1.0.0');
    expect(created.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    closeStudyFile(created);

    const reopened = openStudyFile(file);
    expect(readStudyMeta(reopened.db).name).toBe('Energy 2026');
    expect(reopened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(reopened.writable).not.toBeNull();
    closeStudyFile(reopened);
  });

  it('runs in WAL mode with foreign keys on while open', () => {
    const study = createStudyFile(path.join(folder, 'a.cew'), 'a', '1');
    expect(study.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(study.db.pragma('foreign_keys', { simple: true })).toBe(1);
    closeStudyFile(study);
  });

  it('stands alone at rest: closing leaves no -wal or -shm file and a rollback journal mode', () => {
    const file = path.join(folder, 'a.cew');
    const study = createStudyFile(file, 'a', '1');
    study.writable!.prepare("INSERT INTO study_meta (key, value) VALUES ('note', 'x')").run();
    closeStudyFile(study);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-shm`)).toBe(false);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(raw.prepare("SELECT value FROM study_meta WHERE key = 'note'").get()).toEqual({
      value: 'x',
    });
    raw.close();
  });

  it('records its creation in the audit log', () => {
    const study = createStudyFile(path.join(folder, 'a.cew'), 'a', '1.2.3');
    expect(readAudit(study.db).map((entry) => entry.action)).toEqual(['study.created']);
    closeStudyFile(study);
  });

  it('refuses to create over an existing file', () => {
    const file = path.join(folder, 'a.cew');
    writeFileSync(file, 'keep me');
    expect(() => createStudyFile(file, 'a', '1')).toThrow(/already exists/);
  });

  it('refuses a file that is not a study, naming it', () => {
    const file = path.join(folder, 'notes.cew');
    writeFileSync(file, 'these are not the bytes of a SQLite database, just text '.repeat(20));
    expect(() => openStudyFile(file)).toThrow(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*not a workbench study`),
    );
  });

  it('refuses an SQLite file without a study schema', () => {
    const file = path.join(folder, 'other.cew');
    const other = new Database(file);
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(() => openStudyFile(file)).toThrow(/not a workbench study/);
  });

  it('refuses a study written by a newer version, naming both versions', () => {
    const file = path.join(folder, 'future.cew');
    closeStudyFile(createStudyFile(file, 'f', '1'));
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 100}`);
    raw.close();
    expect(() => openStudyFile(file)).toThrow(
      new RegExp(
        `newer version.*schema ${LATEST_SCHEMA_VERSION + 100}.*reads schema ${LATEST_SCHEMA_VERSION}`,
      ),
    );
  });

  it('saves a consistent copy that opens on its own, while the original stays open', () => {
    const file = path.join(folder, 'a.cew');
    const copy = path.join(folder, 'a copy.cew');
    const study = createStudyFile(file, 'original', '1');
    saveStudyCopy(study, copy);
    study
      .writable!.prepare("UPDATE study_meta SET value = 'changed later' WHERE key = 'name'")
      .run();
    closeStudyFile(study);

    const opened = openStudyFile(copy);
    expect(readStudyMeta(opened.db).name).toBe('original');
    expect(opened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    closeStudyFile(opened);
    expect(existsSync(`${copy}-wal`)).toBe(false);
  });

  it('opens read-only on request and refuses writes there', () => {
    const file = path.join(folder, 'a.cew');
    closeStudyFile(createStudyFile(file, 'a', '1'));
    const study = openStudyFile(file, { readOnly: true, readOnlyReason: 'another window has it' });
    expect(study.writable).toBeNull();
    expect(study.readOnlyReason).toBe('another window has it');
    expect(() => study.db.prepare("INSERT INTO study_meta VALUES ('k', 'v')").run()).toThrow(
      /readonly/,
    );
    closeStudyFile(study);
  });
});
