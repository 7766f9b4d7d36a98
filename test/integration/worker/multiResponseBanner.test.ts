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

describeWithFixtures('a multiple-response set as banner columns, in a study file', () => {
  let folder: string;
  let cleanup: () => void;
  beforeEach(() => ({ folder, cleanup } = tempFolder()));
  afterEach(() => cleanup());

  it('has one column per item, based on who chose it, and overlap-corrected tests', async () => {
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
      rows: ['v4'],
      columns: [{ variables: ['$AGREE'] }],
      preset: 'dimensions',
    });
    const file = await savTableData(fixture('pspp/examples/hotel.sav'));
    const chose = (item: string) => file.variable(item).values.filter((x) => x === 4).length;
    expect(table.columns.map((c) => [c.variable, c.code, c.letter])).toEqual([
      ['total', null, null],
      ['$agree', 1, 'A'],
      ['$agree', 2, 'B'],
      ['$agree', 3, 'C'],
    ]);
    expect(table.bases.map((b) => b.n)).toEqual([17, chose('v1'), chose('v2'), chose('v3')]);
    // Every pair compared within the set is a column test; none is left untested for want of overlap counts.
    expect(table.tests.notes.join(' ')).not.toMatch(/without overlap counts/);
    expect(table.tests.pairs.some((p) => p.kind === 'columns' && p.a.startsWith('$agree:'))).toBe(
      true,
    );
    expect(table.tests.chiSquare ?? []).toEqual([]);
    closeStudyFile(study);
  });
});
