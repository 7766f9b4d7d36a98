import { describe, expect, it } from 'vitest';
import { writeChunk } from '../../../../src/main/study/columnStore';
import { ColumnCache } from '../../../../src/main/worker/columnCache';
import { createStudyDb, migrateTo } from '../../../support/studyDb';

function studyWithVariables(count: number, rows: number) {
  const db = createStudyDb();
  migrateTo(db, 10);
  db.prepare(
    "INSERT INTO sources (id, file_name, file_size, sha256, reader, row_count, imported_at, sort_order) VALUES (1, 'a.sav', 1, 'x', 'sav', ?, 'now', 1)",
  ).run(rows);
  for (let v = 1; v <= count; v++) {
    db.prepare(
      "INSERT INTO variables (id, name, type, storage, sort_order) VALUES (?, ?, 'numeric', 'f64', ?)",
    ).run(v, `Q${v}`, v);
    writeChunk(db, v, 1, { encoding: 'f64', values: new Float64Array(rows).fill(v) });
  }
  return db;
}

describe('the column cache', () => {
  it('loads a variable on first use and serves it from memory after', () => {
    const db = studyWithVariables(2, 10);
    const cache = new ColumnCache(db, 1024 * 1024);
    const first = cache.get('Q1');
    expect(cache.get('Q1')).toBe(first);
    expect(cache.size).toBe(1);
  });

  it('matches names case-insensitively, as SPSS does', () => {
    const db = studyWithVariables(1, 4);
    const cache = new ColumnCache(db, 1024);
    expect(cache.get('q1').name).toBe('Q1');
  });

  it('stays within its budget by dropping the least recently used columns', () => {
    const db = studyWithVariables(5, 100); // 800 bytes per column
    const cache = new ColumnCache(db, 2000);
    cache.get('Q1');
    cache.get('Q2');
    cache.get('Q1'); // Q2 is now the least recently used
    cache.get('Q3');
    expect(cache.bytes).toBeLessThanOrEqual(2000);
    expect(cache.size).toBe(2);
    const q1 = cache.get('Q1');
    expect(cache.size).toBe(2);
    expect(q1.column.encoding === 'f64' && q1.column.values[0]).toBe(1);
  });

  it('reloads a column after it was invalidated', () => {
    const db = studyWithVariables(1, 3);
    const cache = new ColumnCache(db, 1024);
    const before = cache.get('Q1');
    cache.invalidate(['q1']);
    expect(cache.bytes).toBe(0);
    expect(cache.get('Q1')).not.toBe(before);
  });

  it('names an unknown variable', () => {
    const cache = new ColumnCache(studyWithVariables(1, 1), 1024);
    expect(() => cache.get('nope')).toThrow(/no variable named nope/);
  });
});
