import { afterEach, beforeEach, expect, it } from 'vitest';
import { runTable } from '../../../src/main/analysis/crosstab/runTable';
import { closeStudyFile } from '../../../src/main/study/studyFile';
import { ColumnCache } from '../../../src/main/worker/columnCache';
import { listTablePlans, saveTablePlan, tablePlan } from '../../../src/main/worker/savedTables';
import { studyTableData } from '../../../src/main/worker/studyTableData';
import { describeWithFixtures, fixture } from '../../support/fixtures';
import { tempFolder } from '../../support/studyDb';
import { createStudy, importInto, writableDb } from '../import/studyHelpers';

describeWithFixtures('saved tables and tab plans', () => {
  let folder: string;
  let cleanup: () => void;
  beforeEach(() => ({ folder, cleanup } = tempFolder()));
  afterEach(() => cleanup());

  it('re-run unchanged on the next wave, which then appears as a column', async () => {
    const study = createStudy(folder);
    await importInto(study, fixture('pspp/examples/hotel.sav'), { wave: '2025' });
    saveTablePlan(writableDb(study), 'core', [
      { rows: ['v1'], columns: [{ variables: ['wave'] }] },
    ]);
    await importInto(study, fixture('pspp/examples/hotel.sav'), { wave: '2026' });
    const [spec] = tablePlan(study.db, 'CORE').tables;
    const table = runTable(studyTableData(study.db, new ColumnCache(study.db)), spec!);
    expect(table.columns.map((column) => column.label)).toEqual(['Total', '2025', '2026']);
    expect(table.bases.map((base) => base.n)).toEqual([34, 17, 17]);
    closeStudyFile(study);
  });

  it('replaces a plan saved again under the same name', async () => {
    const study = createStudy(folder);
    await importInto(study, fixture('pspp/examples/hotel.sav'));
    saveTablePlan(writableDb(study), 'plan', [{ rows: ['v1'], columns: [] }]);
    saveTablePlan(writableDb(study), 'plan', [
      { rows: ['v1'], columns: [] },
      { rows: ['v2'], columns: [] },
    ]);
    expect(listTablePlans(study.db).map((plan) => [plan.name, plan.tables.length])).toEqual([
      ['plan', 2],
    ]);
    expect(() => tablePlan(study.db, 'nope')).toThrow(/no saved table or tab plan named nope/);
    closeStudyFile(study);
  });
});
