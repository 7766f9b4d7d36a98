import { describe, expect, it } from 'vitest';
import { runTable } from '../../../../../src/main/analysis/crosstab/runTable';
import type { TableData } from '../../../../../src/main/analysis/crosstab/tableData';
import type { TableResult } from '../../../../../src/shared/domain/table';

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

  it('lists the same pairs however the result is read: property, JSON or structured clone', () => {
    const spec = { rows: ['answer'], columns: [{ variables: ['group'] }] };
    const read = runTable(twoGroups(), spec).tests.pairs;
    const json = JSON.stringify(runTable(twoGroups(), spec));
    const viaJson = (JSON.parse(json) as TableResult).tests.pairs;
    const cloned = structuredClone(runTable(twoGroups(), spec)).tests.pairs;
    const table = runTable(twoGroups(), spec);
    expect(read.length).toBeGreaterThan(0);
    expect(viaJson).toEqual(read);
    expect(cloned).toEqual(read);
    // Once read, tests.pairs is a plain array the caller may change or replace.
    table.tests.pairs.push(read[0]!);
    expect(table.tests.pairs).toHaveLength(read.length + 1);
    table.tests.pairs = [];
    expect(table.tests.pairs).toEqual([]);
    const frozen = runTable(twoGroups(), spec);
    Object.freeze(frozen.tests);
    expect(frozen.tests.pairs).toEqual(read);
    expect(frozen.tests.pairs).toBe(frozen.tests.pairs);
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

describe('what a cell carries beside its column percentage', () => {
  it('gives the share of the table, the index against the Total and the 95% margin of error', () => {
    const table = runTable(twoGroups(), { rows: ['answer'], columns: [{ variables: ['group'] }] });
    const yesInA = table.rows[0]!.cells[1]!;
    // 80 of the table's 200 respondents; 80% against the Total's 65%; 1.96·√(0.8·0.2/100) = 7.84 points.
    expect(yesInA.totalPct).toBeCloseTo(40, 12);
    expect(yesInA.index).toBeCloseTo((80 / 65) * 100, 10);
    expect(yesInA.moe).toBeCloseTo(1.959963984540054 * Math.sqrt(0.16 / 100) * 100, 10);
  });

  it('sorts categories by the Total, hides empty ones and blanks low-base columns on request', () => {
    const sorted = runTable(twoGroups(), {
      rows: ['answer'],
      columns: [{ variables: ['group'] }],
      sortByTotal: true,
      hideEmpty: true,
    });
    expect(sorted.rows.map((row) => row.label)).toEqual(['Yes', 'No']);
    const suppressed = runTable(twoGroups(), {
      rows: ['answer'],
      columns: [{ variables: ['group'] }],
      lowBase: 150,
      suppressLowBase: true,
    });
    expect(suppressed.rows[0]!.cells.map((cell) => cell.colPct)).toEqual([65, null, null]);
    expect(suppressed.rows[0]!.cells[1]!.sig).toBe('');
    expect(suppressed.tests.notes).toContain(
      'Numbers are suppressed in columns with a base below 150.',
    );
  });
});
