import { describe, expect, it } from 'vitest';
import {
  addToZone,
  draftFromSpec,
  EMPTY_DRAFT,
  runSpec,
  savedSpec,
} from '../../../../../../src/renderer/src/screens/Study/Tables/tableDraft';

const isNumeric = (name: string) => name === 'age';

describe('the table builder draft', () => {
  it('runs nothing until a variable is in Rows; numeric rows become means rows', () => {
    expect(runSpec({ ...EMPTY_DRAFT, columns: ['country'] }, isNumeric)).toBeNull();
    expect(
      runSpec({ ...EMPTY_DRAFT, rows: ['energy', 'age'], columns: ['country'] }, isNumeric),
    ).toEqual({
      rows: ['energy'],
      columns: [{ variables: ['country'] }],
      means: ['age'],
      sigLevels: [0.95],
      hideEmpty: true,
    });
  });

  it('keeps display-only choices out of the run and the decimals in the saved table', () => {
    const draft = { ...EMPTY_DRAFT, rows: ['energy'], content: 'count' as const, decimals: 1 };
    expect(runSpec(draft, isNumeric)).not.toHaveProperty('decimals');
    expect(savedSpec(draft, isNumeric)?.decimals).toEqual({ percent: 1 });
  });

  it('moves a variable between Rows and Columns rather than showing it twice', () => {
    const draft = addToZone({ ...EMPTY_DRAFT, columns: ['country', 'wave'] }, 'rows', 'country');
    expect(draft.rows).toEqual(['country']);
    expect(draft.columns).toEqual(['wave']);
    expect(addToZone(draft, 'columns', 'energy', 0).columns).toEqual(['energy', 'wave']);
  });

  it('opens a saved spec with its options, the filter as a free expression', () => {
    const draft = draftFromSpec(
      {
        rows: ['energy'],
        means: ['age'],
        columns: [{ variables: ['country'] }],
        filter: 'wave = 2',
        sigLevels: [0.99, 0.95],
        lowBase: 50,
        decimals: { percent: 1 },
      },
      { content: 'colPct', showBases: true },
    );
    expect(draft).toMatchObject({
      rows: ['energy', 'age'],
      columns: ['country'],
      expression: 'wave = 2',
      sig: 1,
      lowBase: 50,
      hideEmpty: false,
      decimals: 1,
    });
  });
});
