import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../../src/main/study/migrations/index';
import { createStudyDb, migrateTo } from '../../support/studyDb';

describe('migration 0020: harmonisation', () => {
  it('adds industries and keeps every source of a version-10 study, with no mapping yet', () => {
    const db = createStudyDb();
    migrateTo(db, 10);
    db.prepare("INSERT INTO waves (code) VALUES ('2025')").run();
    db.prepare(
      `INSERT INTO sources (file_name, file_size, sha256, reader, row_count, wave_id, imported_at, sort_order)
       VALUES ('de.sav', 10, 'x', 'sav', 5, 1, '2025-01-01', 1)`,
    ).run();
    expect(runMigrations(db, 'old.cew')).toBe(20);
    expect(
      db.prepare('SELECT file_name, language, industry_code, mapping_json FROM sources').all(),
    ).toEqual([{ file_name: 'de.sav', language: null, industry_code: null, mapping_json: null }]);
    db.prepare("INSERT INTO industries (code, names_json) VALUES ('telecom', '{}')").run();
    expect(() =>
      db.prepare("INSERT INTO industries (code, names_json) VALUES ('telecom', '{}')").run(),
    ).toThrow(/UNIQUE/);
  });
});
