import { describe, expect, it } from 'vitest';
import { runTable } from '../../../../../src/main/analysis/crosstab/runTable';
import type { TableData } from '../../../../../src/main/analysis/crosstab/tableData';

/** 100 respondents in each of two groups: 80% vs 50% say yes. */
function twoGroups(): TableData {
  const answer: number[] = [];
  const group: number[] = [];
  for (let i = 0; i < 100; i++) {
    answer.push(i < 80 ? 1 : 2);
    group.push(1);
  }
  for (let i = 0; i < 100; i++) {
    answer.push(i < 50 ? 1 : 2);
    group.push(2);
  }
  const variables = {
    answer: {
      values: answer,
      labels: [
        [1, 'Yes'],
        [2, 'No'],
      ] as Array<[number, string]>,
    },
    group: {
      values: group,
      labels: [
        [1, 'Germany'],
        [2, 'Italy'],
      ] as Array<[number, string]>,
    },
  };
  return {
    rows: 200,
    variable(name) {
      const v = variables[name as keyof typeof variables];
      return {
        name,
        type: 'single',
        label: null,
        valueLabels: v.labels.map(([code, label]) => ({ code, label })),
        missing: [],
        values: Float64Array.from(v.values),
      };
    },
  };
}

describe('significance on a cross-table', () => {
  it('marks the higher column with the other column’s letter, and keeps the p-value of every pair', () => {
    const table = runTable(twoGroups(), { rows: ['answer'], columns: [{ variables: ['group'] }] });
    const [yes, no] = table.rows;
    expect(yes!.cells.map((cell) => cell.sig)).toEqual(['', 'B', '']);
    expect(no!.cells.map((cell) => cell.sig)).toEqual(['', '', 'A']);
    const pair = table.tests.pairs.find((p) => p.kind === 'columns' && p.row.code === 1)!;
    // Pooled two-proportion z-test, 0.8 vs 0.5 with n = 100 each: z = 4.4475, two-sided
    // p = erfc(|z|/√2) = 8.6877e-6 (computed independently with Python's math.erfc).
    expect(pair.p).toBeCloseTo(8.687711677e-6, 12);
    expect(pair.statistic).toBeCloseTo(4.447495899966608, 10);
  });

  it('uses upper case at the stricter level and lower case at the looser one', () => {
    const table = runTable(twoGroups(), {
      rows: ['answer'],
      columns: [{ variables: ['group'] }],
      sigLevels: [0.99999999, 0.95],
    });
    expect(table.rows[0]!.cells[1]!.sig).toBe('b');
  });

  it('says in the footnote which test and levels stand behind the letters', () => {
    const table = runTable(twoGroups(), { rows: ['answer'], columns: [{ variables: ['group'] }] });
    expect(table.footnote).toMatch(/Unweighted; all respondents; base: 200 respondents/);
    expect(table.footnote).toMatch(/Bonferroni/);
    expect(table.tests.chiSquare?.[0]).toMatchObject({ variable: 'answer', df: 1 });
  });
});
