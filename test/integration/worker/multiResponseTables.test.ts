import { afterEach, beforeEach, expect, it } from 'vitest';
import { runTable } from '../../../src/main/analysis/crosstab/runTable';
import { closeStudyFile } from '../../../src/main/study/studyFile';
import { ColumnCache } from '../../../src/main/worker/columnCache';
import { defineSet } from '../../../src/main/worker/studySets';
import { studyTableData } from '../../../src/main/worker/studyTableData';
import { describeWithFixtures, fixture } from '../../support/fixtures';
import { savTableData } from '../../support/savTableData';
import { tempFolder } from '../../support/studyDb';
import { createStudy, importInto, writableDb } from '../import/studyHelpers';

/** How many respondents gave `code` to `variable`, counted straight from the file. */
async function countOf(variable: string, code: number): Promise<number> {
  const data = await savTableData(fixture('pspp/examples/hotel.sav'));
  return data.variable(variable).values.filter((value) => value === code).length;
}

describeWithFixtures('multiple-response questions as table rows', () => {
  let folder: string;
  let cleanup: () => void;
  beforeEach(() => ({ folder, cleanup } = tempFolder()));
  afterEach(() => cleanup());

  it('tabulates a dichotomy set as one row per item, over everyone who answered', async () => {
    const study = createStudy(folder);
    await importInto(study, fixture('pspp/examples/hotel.sav'));
    defineSet(writableDb(study), {
      name: '$agree',
      label: 'Agrees',
      type: 'dichotomies',
      variables: ['v1', 'v2', 'v3'],
      countedValue: 4,
    });
    const table = runTable(studyTableData(study.db, new ColumnCache(study.db)), {
      rows: ['$agree'],
      columns: [],
    });
    expect(table.rows.map((row) => [row.variable, row.code, row.cells[0]!.n])).toEqual([
      ['$agree', 1, await countOf('v1', 4)],
      ['$agree', 2, await countOf('v2', 4)],
      ['$agree', 3, await countOf('v3', 4)],
    ]);
    // Everyone answered every item, so the base is all 17 and each share is count / 17.
    expect(table.rows[0]!.cells[0]!.colPct).toBeCloseTo(((await countOf('v1', 4)) / 17) * 100, 10);
    expect(table.tests.notes.some((note) => /more than 100%/.test(note))).toBe(true);
    closeStudyFile(study);
  });

  it('tabulates a category set as one row per code, a respondent counted once per code', async () => {
    const study = createStudy(folder);
    await importInto(study, fixture('pspp/examples/hotel.sav'));
    defineSet(writableDb(study), { name: '$any', type: 'categories', variables: ['v1', 'v2'] });
    const table = runTable(studyTableData(study.db, new ColumnCache(study.db)), {
      rows: ['$any'],
      columns: [],
    });
    const data = await savTableData(fixture('pspp/examples/hotel.sav'));
    const v1 = data.variable('v1').values;
    const v2 = data.variable('v2').values;
    const either = (code: number) =>
      v1.filter((value, i) => value === code || v2[i] === code).length;
    expect(table.rows.map((row) => [row.label, row.cells[0]!.n])).toEqual(
      data.variable('v1').valueLabels.map((vl) => [vl.label, either(vl.code)]),
    );
    closeStudyFile(study);
  });
});
