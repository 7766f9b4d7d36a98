import { describe, expect, it } from 'vitest';
import {
  MISSING_U8,
  loadColumn,
  textAt,
  textColumn,
  writeChunk,
} from '../../../../src/main/study/columnStore';
import { createStudyDb, migrateTo } from '../../../support/studyDb';

function studyWithTwoSources() {
  const db = createStudyDb();
  migrateTo(db, 10);
  const insertSource = db.prepare(
    "INSERT INTO sources (id, file_name, file_size, sha256, reader, row_count, imported_at, sort_order) VALUES (?, ?, 1, 'x', 'test', ?, 'now', ?)",
  );
  insertSource.run(1, 'de.sav', 3, 2);
  insertSource.run(2, 'it.sav', 2, 1);
  db.prepare(
    "INSERT INTO variables (id, name, type, storage, sort_order) VALUES (1, 'q1', 'single', 'u8', 1)",
  ).run();
  db.prepare(
    "INSERT INTO variables (id, name, type, storage, sort_order) VALUES (2, 'weight', 'numeric', 'f64', 2)",
  ).run();
  db.prepare(
    "INSERT INTO variables (id, name, type, storage, sort_order) VALUES (3, 'comment', 'text', 'utf8', 3)",
  ).run();
  return db;
}

describe('the column store', () => {
  it('concatenates a variable’s chunks in source order', () => {
    const db = studyWithTwoSources();
    writeChunk(db, 1, 1, { encoding: 'u8', values: Uint8Array.from([1, 2, 3]) });
    writeChunk(db, 1, 2, { encoding: 'u8', values: Uint8Array.from([7, 8]) });
    const column = loadColumn(db, 1, 'u8');
    // it.sav has sort_order 1, so its rows come first.
    expect(column.encoding === 'u8' && Array.from(column.values)).toEqual([7, 8, 1, 2, 3]);
  });

  it('fills rows of a source without the variable with missing values', () => {
    const db = studyWithTwoSources();
    writeChunk(db, 1, 1, { encoding: 'u8', values: Uint8Array.from([1, 2, 3]) });
    writeChunk(db, 2, 2, { encoding: 'f64', values: Float64Array.from([0.5, 1.5]) });
    const codes = loadColumn(db, 1, 'u8');
    expect(codes.encoding === 'u8' && Array.from(codes.values)).toEqual([
      MISSING_U8,
      MISSING_U8,
      1,
      2,
      3,
    ]);
    const weights = loadColumn(db, 2, 'f64');
    expect(weights.encoding === 'f64' && Array.from(weights.values)).toEqual([
      0.5,
      1.5,
      NaN,
      NaN,
      NaN,
    ]);
  });

  it('keeps text exactly, non-Latin scripts included', () => {
    const db = studyWithTwoSources();
    writeChunk(db, 3, 1, textColumn(['Grüße', '', '독일']));
    writeChunk(db, 3, 2, textColumn(['ciao', '😀']));
    const column = loadColumn(db, 3, 'utf8');
    if (column.encoding !== 'utf8') throw new Error('expected text');
    expect([0, 1, 2, 3, 4].map((row) => textAt(column, row))).toEqual([
      'ciao',
      '😀',
      'Grüße',
      '',
      '독일',
    ]);
  });

  it('refuses a chunk whose length disagrees with its source', () => {
    const db = studyWithTwoSources();
    writeChunk(db, 1, 1, { encoding: 'u8', values: Uint8Array.from([1, 2]) });
    expect(() => loadColumn(db, 1, 'u8')).toThrow(/2 u8 rows where 3 u8 rows were expected/);
  });
});
