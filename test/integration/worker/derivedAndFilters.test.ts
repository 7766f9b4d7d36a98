import { afterEach, beforeEach, expect, it } from 'vitest';
import { runTable } from '../../../src/main/analysis/crosstab/runTable';
import { closeStudyFile } from '../../../src/main/study/studyFile';
import { ColumnCache } from '../../../src/main/worker/columnCache';
import {
  deriveVariable,
  filterMask,
  recomputeDerived,
  saveFilter,
} from '../../../src/main/worker/studyExpressions';
import { studyTableData } from '../../../src/main/worker/studyTableData';
import { describeWithFixtures, fixture } from '../../support/fixtures';
import { tempFolder } from '../../support/studyDb';
import { createStudy, importInto, writableDb } from '../import/studyHelpers';

// hotel.sav v1 (17 respondents) counts per code 1..5, from PSPP CROSSTABS
// (test/reference/crosstab/hotel-crosstabs.csv): 5, 4, 3, 4, 1.
describeWithFixtures('derived variables and filters in a study', () => {
  let folder: string;
  let cleanup: () => void;
  beforeEach(() => ({ folder, cleanup } = tempFolder()));
  afterEach(() => cleanup());

  it('materialises a recode with its labels and tabulates it', async () => {
    const study = createStudy(folder);
    await importInto(study, fixture('pspp/examples/hotel.sav'));
    const cache = new ColumnCache(study.db);
    const summary = deriveVariable(writableDb(study), cache, {
      name: 'top2',
      expression: 'recode(v1, 4..5 -> 1 "Top 2", 1..3 -> 0 "Rest")',
      label: 'Satisfied',
    });
    expect(summary).toEqual({ name: 'top2', type: 'single', rows: 17, valid: 17 });
    const table = runTable(studyTableData(study.db, cache), { rows: ['TOP2'], columns: [] });
    expect(table.rows.map((row) => [row.label, row.cells[0]!.n])).toEqual([
      ['Rest', 12],
      ['Top 2', 5],
    ]);
    closeStudyFile(study);
  });

  it('recomputes derived variables over the rows of a new source, in the import transaction', async () => {
    const study = createStudy(folder);
    await importInto(study, fixture('pspp/examples/hotel.sav'));
    deriveVariable(writableDb(study), new ColumnCache(study.db), {
      name: 'happy',
      expression: 'v1 >= 4',
    });
    await importInto(study, fixture('pspp/examples/hotel.sav'), {
      country: 'IT',
      afterWrite: (db) => void recomputeDerived(db, new ColumnCache(db)),
    });
    const table = runTable(studyTableData(study.db, new ColumnCache(study.db)), {
      rows: ['happy'],
      columns: [{ variables: ['country'] }],
    });
    expect(table.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.n)])).toEqual([
      ['No', 24, 12, 12],
      ['Yes', 10, 5, 5],
    ]);
    closeStudyFile(study);
  });

  it('keeps labels edited or translated by the user when a new source recomputes a derived variable', async () => {
    const study = createStudy(folder);
    await importInto(study, fixture('pspp/examples/hotel.sav'));
    deriveVariable(writableDb(study), new ColumnCache(study.db), {
      name: 'top2',
      expression: 'recode(v1, 4..5 -> 1 "Top 2", 1..3 -> 0 "Rest")',
      label: 'Satisfied',
    });
    const labelsOf = () => {
      const variable = study.db
        .prepare("SELECT id, labels_json FROM variables WHERE name = 'top2'")
        .get() as { id: number; labels_json: string };
      const values = study.db
        .prepare('SELECT code, labels_json FROM value_labels WHERE variable_id = ? ORDER BY code')
        .all(variable.id) as Array<{ code: string; labels_json: string }>;
      return [variable.labels_json, ...values.map((v) => `${v.code} ${v.labels_json}`)];
    };
    // What the Variables view stores for an English edit and a German translation.
    writableDb(study)
      .prepare(
        `UPDATE variables SET labels_json = '{"en":"Happy guests","de":"Zufrieden"}' WHERE name = 'top2'`,
      )
      .run();
    writableDb(study)
      .prepare(
        `UPDATE value_labels SET labels_json = '{"en":"Top two","de":"Top 2 (de)"}' WHERE code = '1' AND variable_id = (SELECT id FROM variables WHERE name = 'top2')`,
      )
      .run();
    const edited = labelsOf();

    await importInto(study, fixture('pspp/examples/hotel.sav'), {
      country: 'IT',
      afterWrite: (db) => void recomputeDerived(db, new ColumnCache(db)),
    });
    expect(labelsOf()).toEqual(edited);

    // Redefining it on purpose replaces the English labels and keeps the translations.
    deriveVariable(writableDb(study), new ColumnCache(study.db), {
      name: 'top2',
      expression: 'recode(v1, 4..5 -> 1 "Top box", 1..3 -> 0 "Rest")',
      label: 'Satisfied guests',
    });
    expect(labelsOf()).toEqual([
      '{"en":"Satisfied guests","de":"Zufrieden"}',
      '0 {"en":"Rest"}',
      '1 {"en":"Top box","de":"Top 2 (de)"}',
    ]);
    closeStudyFile(study);
  });

  it('filters a table with a condition or a saved filter, matching countries by code or name', async () => {
    const study = createStudy(folder);
    await importInto(study, fixture('pspp/examples/hotel.sav'), { country: 'DE' });
    await importInto(study, fixture('pspp/examples/hotel.sav'), { country: 'IT' });
    const cache = new ColumnCache(study.db);
    expect(filterMask(study.db, cache, 'country = "DE"').reduce((a, b) => a + b, 0)).toBe(17);
    expect(filterMask(study.db, cache, 'country = "Italia"').reduce((a, b) => a + b, 0)).toBe(17);
    expect(saveFilter(writableDb(study), cache, 'unhappy', 'v1 in (1, 2)')).toEqual({
      name: 'unhappy',
      kept: 18,
      rows: 34,
    });
    const table = runTable(
      studyTableData(study.db, cache),
      { rows: ['v1'], columns: [], filter: 'unhappy' },
      {
        filterMask: (expression) => filterMask(study.db, cache, expression),
      },
    );
    expect(table.rows.map((row) => row.cells[0]!.n)).toEqual([10, 8, 0, 0, 0]);
    closeStudyFile(study);
  });

  it('points at the column of a mistake in an expression', async () => {
    const study = createStudy(folder);
    await importInto(study, fixture('pspp/examples/hotel.sav'));
    expect(() =>
      deriveVariable(writableDb(study), new ColumnCache(study.db), {
        name: 'x',
        expression: 'v1 in (4,5',
      }),
    ).toThrow(/^expression: column 11: expected '\)'/);
    expect(() => filterMask(study.db, new ColumnCache(study.db), 'nosuch = 1')).toThrow(
      /column 1: .*nosuch/,
    );
    closeStudyFile(study);
  });
});
