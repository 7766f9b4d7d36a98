import { describe, expect, it } from 'vitest';
import { createStudyDb, migrateTo } from '../../support/studyDb';

describe('migration 0010: the initial schema', () => {
  it('creates every table the study file holds', () => {
    const db = createStudyDb();
    migrateTo(db, 10);
    const tables = (
      db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .all() as Array<{ name: string }>
    ).map((row) => row.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'audit_log',
        'charts',
        'column_chunks',
        'countries',
        'missing_codes',
        'multi_response_sets',
        'reports',
        'respondent_types',
        'saved_tables',
        'sources',
        'study_meta',
        'value_labels',
        'variables',
        'waves',
      ]),
    );
  });

  it('knows the two respondent types from the start', () => {
    const db = createStudyDb();
    migrateTo(db, 10);
    const codes = db.prepare('SELECT code FROM respondent_types ORDER BY code').all();
    expect(codes).toEqual([{ code: 'customer' }, { code: 'executive' }]);
  });

  it('loads a variable’s chunks through the (variable, source) index, not a table scan', () => {
    const db = createStudyDb();
    migrateTo(db, 10);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT c.data FROM sources s
         LEFT JOIN column_chunks c ON c.source_id = s.id AND c.variable_id = ?
         ORDER BY s.sort_order, s.id`,
      )
      .all(1) as Array<{ detail: string }>;
    const details = plan.map((row) => row.detail).join('\n');
    expect(details).toMatch(
      /SEARCH c USING INDEX sqlite_autoindex_column_chunks_1 \(variable_id=\? AND source_id=\?\)/,
    );
  });

  it('deletes a source’s column chunks with the source (foreign keys are on)', () => {
    const db = createStudyDb();
    migrateTo(db, 10);
    db.prepare(
      "INSERT INTO sources (id, file_name, file_size, sha256, reader, row_count, imported_at, sort_order) VALUES (1, 'a.sav', 1, 'x', 'sav', 2, 'now', 1)",
    ).run();
    db.prepare(
      "INSERT INTO variables (id, name, type, storage, sort_order) VALUES (1, 'q1', 'single', 'u8', 1)",
    ).run();
    db.prepare(
      "INSERT INTO column_chunks (variable_id, source_id, encoding, row_count, data) VALUES (1, 1, 'u8', 2, x'0102')",
    ).run();
    db.prepare('DELETE FROM sources WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM column_chunks').get()).toEqual({ n: 0 });
  });
});
