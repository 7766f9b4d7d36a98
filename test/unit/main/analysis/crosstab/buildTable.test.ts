import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTable } from '../../../../../src/main/analysis/crosstab/buildTable';
import { runTable } from '../../../../../src/main/analysis/crosstab/runTable';
import type { TableData, TableVariable } from '../../../../../src/main/analysis/crosstab/tableData';
import { describeWithFixtures, fixture } from '../../../../support/fixtures';
import { savTableData } from '../../../../support/savTableData';

const reference = path.resolve(import.meta.dirname, '../../../../reference/crosstab');

/** The Count rows of PSPP's CROSSTABS CSV (saved beside the .sps that produced it). */
function psppCounts(file: string): number[][] {
  const lines = readFileSync(path.join(reference, file), 'utf8').split('\n');
  return lines
    .filter((line) => /,Count,/.test(line) && !line.startsWith('Total'))
    .map((line) => line.split(',').slice(3).map(Number));
}

function literalData(
  columns: Record<
    string,
    { values: number[]; labels?: Array<[number, string]>; missing?: number[] }
  >,
): TableData {
  const rows = Object.values(columns)[0]!.values.length;
  return {
    rows,
    variable(name) {
      const column = columns[name];
      if (!column) throw new Error(`no ${name}`);
      const variable: TableVariable = {
        name,
        type: column.labels ? 'single' : 'numeric',
        label: null,
        valueLabels: (column.labels ?? []).map(([code, label]) => ({ code, label })),
        missing: column.missing ?? [],
        values: Float64Array.from(column.values),
      };
      return variable;
    },
  };
}

describeWithFixtures('cross-tab counts against GNU PSPP CROSSTABS', () => {
  it('counts hotel.sav v1 × v3 exactly as PSPP does, with its row and column percentages', async () => {
    const data = await savTableData(fixture('pspp/examples/hotel.sav'));
    const { result } = buildTable(
      data,
      { rows: ['v1'], columns: [{ variables: ['v3'] }] },
      { weights: null, mask: null },
    );
    const expected = psppCounts('hotel-crosstabs.csv');
    // PSPP prints the banner categories then the row total; ours has Total first.
    const ours = result.rows.map((row) => [
      ...row.cells.slice(1).map((cell) => cell.n),
      row.cells[0]!.n,
    ]);
    expect(ours).toEqual(expected);
    expect(result.rows[0]!.cells[5]!.colPct).toBeCloseTo(80.0, 10);
    expect(result.rows[0]!.cells[5]!.rowPct).toBeCloseTo(80.0, 10);
    expect(result.rows[0]!.cells[0]!.colPct).toBeCloseTo((5 / 17) * 100, 10);
    expect(result.bases[0]).toEqual({ n: 17, wn: 17, effective: 17, lowBase: true });
  });
});

describe('a cross-table built from columns in memory', () => {
  const data = literalData({
    q: {
      values: [1, 1, 2, 2, 2, 9, NaN, 1],
      labels: [
        [1, 'Yes'],
        [2, 'No'],
        [9, 'Refused'],
      ],
      missing: [9],
    },
    country: {
      values: [1, 2, 1, 2, 2, 1, 1, NaN],
      labels: [
        [1, 'DE'],
        [2, 'IT'],
      ],
    },
    w: { values: [1, 2, 1, 0.5, 0.5, 1, 1, 3] },
    age: { values: [20, 30, 40, 50, 60, 70, NaN, 25] },
  });

  it('leaves system- and user-missing answers out and puts Total first', () => {
    const { result } = buildTable(
      data,
      { rows: ['q'], columns: [{ variables: ['country'] }] },
      { weights: null, mask: null },
    );
    expect(result.columns.map((c) => c.label)).toEqual(['Total', 'DE', 'IT']);
    expect(result.columns.map((c) => c.letter)).toEqual([null, 'A', 'B']);
    expect(result.rows.map((r) => r.label)).toEqual(['Yes', 'No']);
    // Total counts everyone with a valid answer, including the respondent without a country.
    expect(result.rows.map((r) => r.cells.map((c) => c.n))).toEqual([
      [3, 1, 1],
      [3, 1, 2],
    ]);
  });

  it('weights counts and reports the effective base (Σw)²/Σw²', () => {
    const { result } = buildTable(
      data,
      { rows: ['q'], columns: [{ variables: ['country'] }] },
      { weights: data.variable('w').values, mask: null },
    );
    expect(result.rows[0]!.cells.map((c) => c.wn)).toEqual([6, 1, 2]);
    expect(result.rows[1]!.cells.map((c) => c.wn)).toEqual([2, 1, 1]);
    // Column DE: respondents 1, 3, 6, 7 (weights 1, 1, 1, 1) → base 4, effective 4.
    expect(result.bases[1]).toMatchObject({ n: 4, wn: 4, effective: 4 });
    // Column IT: weights 2, 0.5, 0.5 → (3)² / (4 + 0.25 + 0.25) = 2.
    expect(result.bases[2]).toMatchObject({ n: 3, wn: 3, effective: 2 });
    // Column % over respondents with a valid answer: IT has Yes 2 of 3.
    expect(result.rows[0]!.cells[2]!.colPct).toBeCloseTo((2 / 3) * 100, 12);
  });

  it('applies a filter mask', () => {
    const mask = Uint8Array.from([1, 1, 1, 0, 0, 1, 1, 1]);
    const { result } = buildTable(
      data,
      { rows: ['q'], columns: [{ variables: ['country'] }] },
      { weights: null, mask },
    );
    expect(result.rows.map((r) => r.cells[0]!.n)).toEqual([3, 1]);
  });

  it('nests a variable within another as one group of combined columns', () => {
    const { result } = buildTable(
      data,
      { rows: ['q'], columns: [{ variables: ['country', 'q'] }] },
      { weights: null, mask: null },
    );
    expect(result.columns.map((c) => c.label)).toEqual([
      'Total',
      'DE › Yes',
      'DE › No',
      'IT › Yes',
      'IT › No',
    ]);
  });

  it('gives mean, standard deviation, standard error and median per column', () => {
    const { result } = buildTable(
      data,
      { rows: [], columns: [{ variables: ['country'] }], means: ['age'] },
      { weights: null, mask: null },
    );
    const [total, de] = result.rows[0]!.cells;
    // Total: 20, 30, 40, 50, 60, 70, 25 → mean 295/7.
    expect(total!.mean).toBeCloseTo(295 / 7, 12);
    // DE: 20, 40, 70 → mean 43.33, sd = sqrt(((20-43.3)²+(40-43.3)²+(70-43.3)²)/2) = 25.166
    expect(de!.mean).toBeCloseTo(130 / 3, 12);
    expect(de!.sd).toBeCloseTo(25.16611478, 7);
    expect(de!.se).toBeCloseTo(25.16611478 / Math.sqrt(3), 7);
    expect(de!.median).toBe(40);
  });
});

describe('a summary table of a battery', () => {
  const battery = literalData({
    a: {
      values: [5, 4, 1, 2, 3, 5],
      labels: [
        [1, 'Never'],
        [2, 'Rarely'],
        [3, 'Sometimes'],
        [4, 'Often'],
        [5, 'Always'],
      ],
    },
    b: {
      values: [1, 1, 2, 5, NaN, 3],
      labels: [
        [1, 'Never'],
        [2, 'Rarely'],
        [3, 'Sometimes'],
        [4, 'Often'],
        [5, 'Always'],
      ],
    },
  });

  it('gives one row per item with its top-2 box share over those who answered', () => {
    const table = runTable(battery, {
      rows: [],
      columns: [],
      summary: { items: ['a', 'b'], statistic: 'top2' },
    });
    expect(
      table.rows.map((row) => [row.variable, row.label, row.cells[0]!.n, row.cells[0]!.colPct]),
    ).toEqual([
      ['a', 'a: Top 2 box', 3, 50],
      ['b', 'b: Top 2 box', 1, 20],
    ]);
  });

  it('gives one row per item with its mean', () => {
    const table = runTable(battery, {
      rows: [],
      columns: [],
      summary: { items: ['a', 'b'], statistic: 'mean' },
    });
    expect(table.rows.map((row) => [row.variable, row.cells[0]!.mean])).toEqual([
      ['a', 20 / 6],
      ['b', 12 / 5],
    ]);
  });
});

describe('bases of a question not everyone answered', () => {
  it('lists the base each row variable’s percentages stand on, where it differs from the column’s', () => {
    const nan = Number.NaN;
    const data = literalData({
      // Six respondents in two countries; `segment` is missing for two of them (not asked).
      country: {
        values: [1, 1, 1, 2, 2, 2],
        labels: [
          [1, 'DE'],
          [2, 'IT'],
        ],
      },
      segment: {
        values: [1, 2, nan, 1, nan, 1],
        labels: [
          [1, 'Creators'],
          [2, 'Viewers'],
        ],
      },
      gender: {
        values: [1, 2, 1, 2, 1, 2],
        labels: [
          [1, 'Male'],
          [2, 'Female'],
        ],
      },
    });
    const { result } = buildTable(
      data,
      { rows: ['segment', 'gender'], columns: [{ variables: ['country'] }] },
      { weights: null, mask: null },
    );
    expect(result.bases.map((base) => base.n)).toEqual([6, 3, 3]);
    expect(result.stubBases?.map((stub) => stub.variable)).toEqual(['segment']);
    expect(result.stubBases![0]!.bases.map((base) => base.n)).toEqual([4, 2, 2]);
    // 1 of DE's 2 answering respondents is a creator: 50%, not 1 of 3.
    expect(result.rows[0]!.cells[1]!.colPct).toBe(50);
  });
});
