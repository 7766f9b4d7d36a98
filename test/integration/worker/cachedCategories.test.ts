import { afterEach, beforeEach, expect, it } from 'vitest';
import { runTable } from '../../../src/main/analysis/crosstab/runTable';
import { closeStudyFile } from '../../../src/main/study/studyFile';
import { ColumnCache } from '../../../src/main/worker/columnCache';
import { deriveVariable } from '../../../src/main/worker/studyExpressions';
import { studyTableData } from '../../../src/main/worker/studyTableData';
import { describeWithFixtures, fixture } from '../../support/fixtures';
import { tempFolder } from '../../support/studyDb';
import { createStudy, importInto, writableDb } from '../import/studyHelpers';

// The worker keeps each column's numbers, and the engine its categories, from one table to the
// next. A table after a change to the data must count the new data, never the kept categories.
// hotel.sav v1 (17 respondents) counts per code 1..5, from PSPP CROSSTABS: 5, 4, 3, 4, 1.
describeWithFixtures('categories kept between tables in the worker', () => {
  let folder: string;
  let cleanup: () => void;
  beforeEach(() => ({ folder, cleanup } = tempFolder()));
  afterEach(() => cleanup());

  const counts = (table: ReturnType<typeof runTable>) =>
    table.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.n)]);

  it('counts a redefined derived variable afresh, in the rows and in the banner', async () => {
    const study = createStudy(folder);
    await importInto(study, fixture('pspp/examples/hotel.sav'));
    const cache = new ColumnCache(study.db);
    const define = (expression: string) =>
      deriveVariable(writableDb(study), cache, { name: 'top', expression });
    define('recode(v1, 4..5 -> 1 "Top", 1..3 -> 0 "Rest")');
    const spec = { rows: ['top'], columns: [{ variables: ['top'] }] };
    expect(counts(runTable(studyTableData(study.db, cache), spec))).toEqual([
      ['Rest', 12, 12, 0],
      ['Top', 5, 0, 5],
    ]);

    define('recode(v1, 3..5 -> 1 "Top", 1..2 -> 0 "Rest")');
    expect(counts(runTable(studyTableData(study.db, cache), spec))).toEqual([
      ['Rest', 9, 9, 0],
      ['Top', 8, 0, 8],
    ]);
    closeStudyFile(study);
  });

  it('counts the rows of a newly imported source once the worker drops its columns', async () => {
    const study = createStudy(folder);
    await importInto(study, fixture('pspp/examples/hotel.sav'));
    const cache = new ColumnCache(study.db);
    const spec = { rows: ['v1'], columns: [] };
    const byCode = (table: ReturnType<typeof runTable>) =>
      table.rows.map((row) => [row.code, row.cells[0]!.n]);
    expect(byCode(runTable(studyTableData(study.db, cache), spec))).toEqual([
      [1, 5],
      [2, 4],
      [3, 3],
      [4, 4],
      [5, 1],
    ]);

    await importInto(study, fixture('pspp/examples/hotel.sav'), { country: 'IT' });
    // As the worker does after every import.
    cache.invalidate();
    expect(byCode(runTable(studyTableData(study.db, cache), spec))).toEqual([
      [1, 10],
      [2, 8],
      [3, 6],
      [4, 8],
      [5, 2],
    ]);
    closeStudyFile(study);
  });

  it('drops what it made from a column when the column is dropped', async () => {
    const study = createStudy(folder);
    await importInto(study, fixture('pspp/examples/hotel.sav'));
    const cache = new ColumnCache(study.db);
    const first = studyTableData(study.db, cache).variable('v1').values;
    expect(studyTableData(study.db, cache).variable('v1').values).toBe(first);
    cache.invalidate(['V1']);
    const reloaded = studyTableData(study.db, cache).variable('v1').values;
    expect(reloaded).not.toBe(first);
    expect(Array.from(reloaded)).toEqual(Array.from(first));
    closeStudyFile(study);
  });

  it('counts the numbers it keeps of a coded column in the memory budget, and frees them with it', async () => {
    const study = createStudy(folder);
    await importInto(study, fixture('pspp/examples/hotel.sav'));
    const cache = new ColumnCache(study.db);
    cache.get('v1');
    const codesOnly = cache.bytes;
    studyTableData(study.db, cache).variable('v1');
    // 17 respondents as 8-byte numbers beside their 1-byte codes.
    expect(cache.bytes).toBe(codesOnly + 17 * 8);
    cache.invalidate(['v1']);
    expect(cache.bytes).toBe(0);
    closeStudyFile(study);
  });
});
