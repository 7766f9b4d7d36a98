/**
 * Column means t-tests: the variance each preset uses (SPSS pooled over the row's columns,
 * Dimensions pooled over the pair, Q Welch), checked against R (pairwise.t.test, t.test,
 * p.adjust, and weighted formulas by hand in R) and against GNU PSPP T-TEST on a real .sav.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  meansTTest,
  type MeanColumn,
  type MeansInput,
  type PairTest,
  type SignificancePreset,
} from '../../../../../src/main/analysis/significance';
import { describeWithFixtures, fixture } from '../../../../support/fixtures';
import {
  expectClose,
  expectCloseP,
  printedHalfUnit,
  psppNumber,
  psppTables,
  rReference,
  type RMeansTable,
} from './references';

/** Unweighted sums of a list of values. */
function sumsOf(values: readonly number[]): MeanColumn {
  return {
    sumW: values.length,
    sumW2: values.length,
    n: values.length,
    sumWX: values.reduce((s, x) => s + x, 0),
    sumWX2: values.reduce((s, x) => s + x * x, 0),
  };
}

function oneRow(
  columns: readonly MeanColumn[],
  extra: Partial<MeansInput['groups'][0]> = {},
): MeansInput {
  return {
    rowKeys: ['mean'],
    groups: [{ columnIds: columns.map((_, i) => `c${i}`), stats: [columns], ...extra }],
  };
}

describe('meansTTest — presets', () => {
  const a = sumsOf([5, 6, 7, 8, 9, 6, 7]);
  const b = sumsOf([3, 4, 5, 4, 3, 5, 4]);
  const c = sumsOf([1, 9, 2, 8, 3, 7, 5, 6]);

  it('spss: one variance pooled over every column of the row, df = N − k', () => {
    const result = meansTTest(oneRow([a, b, c]));
    expect(result.pairs.every((p) => p.test === 't-pooled-table' && p.df === 22 - 3)).toBe(true);
    expect(result.pairs[0]!.adjustment).toBe('bonferroni');
    expect(result.cells[0]![0]![0]!.letters).toBe('B');
  });

  it('dimensions: variance pooled over the pair, df = n1 + n2 − 2', () => {
    const result = meansTTest(oneRow([a, b, c]), { preset: 'dimensions' });
    expect(result.pairs.map((p) => [p.test, p.df])).toEqual([
      ['t-pooled-pair', 12],
      ['t-pooled-pair', 13],
      ['t-pooled-pair', 13],
    ]);
  });

  it('q: Welch, with fractional Satterthwaite df', () => {
    const result = meansTTest(oneRow([a, b]), { preset: 'q' });
    expect(result.pairs[0]!.test).toBe('t-welch');
    expect(Number.isInteger(result.pairs[0]!.df)).toBe(false);
  });

  it('dimensions does not test equal means; an empty column is not tested', () => {
    const empty: MeanColumn = { sumW: 0, sumW2: 0, n: 0, sumWX: 0, sumWX2: 0 };
    const result = meansTTest(oneRow([a, a, empty]), { preset: 'dimensions' });
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'identical',
      'empty-column',
      'empty-column',
    ]);
  });

  it('multiple-response columns: tested with the overlap term, or not tested without it', () => {
    const without = meansTTest(oneRow([a, b], { multipleResponse: true }));
    expect(without.skipped[0]!.reason).toBe('no-overlap-data');
    const withOverlap = meansTTest(
      oneRow([a, b], {
        multipleResponse: true,
        overlaps: [[{ a: 0, b: 1, sumW: 3, sumW2: 3, n: 3 }]],
      }),
    );
    expect(withOverlap.pairs[0]).toMatchObject({ test: 't-pooled-pair', df: 7 + 7 - 3 - 2 });
    expect(withOverlap.pairs[0]!.overlapCorrected).toBe(true);
  });

  it('marks columns against the rest of the sample and waves against the previous wave', () => {
    const total = sumsOf([5, 6, 7, 8, 9, 6, 7, 3, 4, 5, 4, 3, 5, 4, 20, 21, 22]);
    const result = meansTTest({
      rowKeys: ['mean'],
      groups: [{ columnIds: ['w1', 'w2'], stats: [[a, b]], waves: true }],
      total: { id: 'total', stats: [total] },
    });
    const [w1, w2] = result.cells[0]![0]!;
    expect(w2!.vsPrevious?.symbol).toBe('↓');
    expect(w1!.vsTotal?.symbol ?? null).toBeNull();
    expect(w2!.vsTotal?.symbol).toBe('-');
    expect(w1!.letters).toBe('B');
  });
});

// -----------------------------------------------------------------------------------------------
// Against R.

const reference = rReference();

function inputOf(table: RMeansTable): MeansInput {
  return {
    rowKeys: ['mean'],
    groups: [{ columnIds: table.columns.map(String), stats: [table.stats] }],
    total: { id: 'total', stats: [table.total] },
  };
}

function pairsOf(table: RMeansTable, preset: SignificancePreset): Map<string, PairTest> {
  const result = meansTTest(inputOf(table), { preset });
  return new Map(result.pairs.map((p) => [`${p.kind}|${p.a}|${p.b}`, p]));
}

describe.each(reference.means)('against R: $name', (table) => {
  const key = (a: number, b: number) => `columns|${table.columns[a]}|${table.columns[b]}`;
  const totalKey = (a: number) => `total|${table.columns[a]}|total`;

  it('spss: table-pooled variance as pairwise.t.test(pool.sd = TRUE), Bonferroni', () => {
    const ours = pairsOf(table, 'spss');
    if (table.weighted) {
      for (const r of table.pooledTable!) {
        const pair = ours.get(key(r.a, r.b))!;
        expectClose(pair.statistic, r.statistic!, 1e-9);
        expectClose(pair.df!, r.df!, 1e-12);
        expectCloseP(pair.p, r.p);
        expectCloseP(pair.adjustedP, r.pBonferroni!);
      }
      return;
    }
    for (const r of table.pooledTableNone!) expectCloseP(ours.get(key(r.a, r.b))!.p, r.p);
    for (const r of table.pooledTableBonferroni!) {
      expectCloseP(ours.get(key(r.a, r.b))!.adjustedP, r.p);
    }
    for (const r of table.totalPooled!) {
      const pair = ours.get(totalKey(r.a))!;
      expectClose(pair.statistic, r.statistic, 1e-9);
      expectCloseP(pair.p, r.p);
    }
  });

  it('dimensions: pair-pooled variance as t.test(var.equal = TRUE)', () => {
    const ours = pairsOf(table, 'dimensions');
    for (const r of table.pooledPair) {
      const pair = ours.get(key(r.a, r.b))!;
      expectClose(pair.statistic, r.statistic!, 1e-9);
      expectClose(pair.df!, r.df!, 1e-12);
      expectCloseP(pair.p, r.p);
    }
  });

  it('q: Welch as t.test, Benjamini–Hochberg as p.adjust("BH")', () => {
    const ours = pairsOf(table, 'q');
    for (const r of table.welch) {
      const pair = ours.get(key(r.a, r.b))!;
      expectClose(pair.statistic, r.statistic!, 1e-9);
      expectClose(pair.df!, r.df!, 1e-9);
      expectCloseP(pair.p, r.p);
      if (r.pBH !== undefined) expectCloseP(pair.adjustedP, r.pBH);
    }
    for (const r of table.welchBH ?? []) expectCloseP(ours.get(key(r.a, r.b))!.adjustedP, r.p);
    for (const r of table.totalWelch ?? []) {
      expectClose(ours.get(totalKey(r.a))!.statistic, r.statistic, 1e-9);
      expectCloseP(ours.get(totalKey(r.a))!.p, r.p);
    }
  });
});

// -----------------------------------------------------------------------------------------------
// Against GNU PSPP T-TEST (test/reference/significance/pspp-reference.sps), printed to 2–3
// decimals: our t, df and p must round to what PSPP printed.

function expectPrinted(actual: number, printed: string): void {
  expect(Math.abs(actual - psppNumber(printed))).toBeLessThanOrEqual(
    printedHalfUnit(printed) + 1e-12,
  );
}

describe('against PSPP: T-TEST GROUPS=sex(0,1) on physiology.sav', () => {
  const tables = psppTables('pspp-reference.csv');
  const sums = tables.find((t) => t.title === 'Data List')!;
  const tests = tables.filter((t) => t.title === 'Independent Samples Test')[0]!;
  const header = sums.rows[0]!;
  const value = (row: string[], name: string) => psppNumber(row[header.indexOf(name)]!);

  it.each([
    ['height', 'Height in millimeters'],
    ['weight', 'Weight in kilograms'],
    ['temperature', 'Internal body temperature'],
  ])('%s: pooled and Welch t, df, p', (variable, label) => {
    const stats = sums.rows.slice(1).map((row) => ({
      sumW: value(row, 'n'),
      sumW2: value(row, 'n'),
      n: value(row, 'n'),
      sumWX: value(row, `sum${variable}`),
      sumWX2: value(row, `sum${variable}2`),
    }));
    const start = tests.rows.findIndex((row) => row[0]!.startsWith(label));
    const pooledRow = tests.rows[start]!;
    const welchRow = tests.rows[start + 1]!;
    const input: MeansInput = {
      rowKeys: [variable],
      groups: [{ columnIds: ['0', '1'], stats: [stats] }],
    };
    const pooled = meansTTest(input, { preset: 'dimensions' }).pairs[0]!;
    const welch = meansTTest(input, { preset: 'q' }).pairs[0]!;
    // Columns: t, df, Sig. (2-tailed) at indexes 4, 5, 6.
    expectPrinted(pooled.statistic, pooledRow[4]!);
    expectPrinted(pooled.df!, pooledRow[5]!);
    expectPrinted(pooled.p, pooledRow[6]!);
    expectPrinted(welch.statistic, welchRow[4]!);
    expectPrinted(welch.df!, welchRow[5]!);
    expectPrinted(welch.p, welchRow[6]!);
    // Two columns: SPSS's table-pooled variance is the pair's.
    expect(meansTTest(input).pairs[0]!.p).toBeCloseTo(pooled.p, 14);
  });
});

describeWithFixtures('against PSPP: T-TEST on its own test data (ttest_groups.csv)', () => {
  it.each([
    ['DEP1', 2],
    ['DEP2', 3],
  ])('%s: t, df and p as PSPP printed', (variable, index) => {
    const lines = readFileSync(fixture('pspp/inline/ttest_groups.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(',').map(Number));
    const group = (indep: number) =>
      sumsOf(lines.filter((l) => l[1] === indep).map((l) => l[index]!));
    const input: MeansInput = {
      rowKeys: [variable],
      groups: [{ columnIds: ['1.1', '2.1'], stats: [[group(1.1), group(2.1)]] }],
    };
    const tests = psppTables('pspp-reference.csv').filter(
      (t) => t.title === 'Independent Samples Test',
    )[1]!;
    const row = tests.rows.find((r) => r[0] === variable)!;
    const pooled = meansTTest(input, { preset: 'dimensions' }).pairs[0]!;
    expectPrinted(pooled.statistic, row[4]!);
    expectPrinted(pooled.df!, row[5]!);
    expectPrinted(pooled.p, row[6]!);
  });
});

// -----------------------------------------------------------------------------------------------
// Published expss letters: the vignette "Tables with labels in R" (expss, 2018-01-24) shows
// mtcars means by transmission with tab_last_sig_means(subtable_marks = "both"): Welch t-tests
// (expss's default var_equal = FALSE) at 5%, unadjusted. Published marks: mpg "17.1 < B" /
// "24.4 > A"; disp "290.4 > B" / "143.5 < A"; hp none; wt "3.8 > B" / "2.4 < A"; qsec none.

describeWithFixtures('against published expss letters (mtcars, means by am)', () => {
  it('our Welch p-values at 5% give the same marks', () => {
    const lines = readFileSync(fixture('expss-mtcars/mtcars.csv'), 'utf8').trim().split(/\r?\n/);
    const header = lines[0]!.split(',').map((h) => h.replaceAll('"', ''));
    const rows = lines.slice(1).map((line) => line.split(','));
    const valueOf = (row: string[], name: string) => Number(row[header.indexOf(name)]);
    const variables = ['mpg', 'disp', 'hp', 'wt', 'qsec'];
    const stats = variables.map((v) =>
      [0, 1].map((am) =>
        sumsOf(rows.filter((r) => valueOf(r, 'am') === am).map((r) => valueOf(r, v))),
      ),
    );
    const result = meansTTest(
      { rowKeys: variables, groups: [{ columnIds: ['Automatic', 'Manual'], stats }] },
      { preset: 'q' },
    );
    // expss marks a pair when the unadjusted Welch p < 0.05; the higher column gets "> other".
    const marks = variables.map((v) => {
      const pair = result.pairs.find((p) => p.rowKey === v)!;
      if (!(pair.p < 0.05)) return ['', ''];
      return pair.statistic > 0 ? ['> B', '< A'] : ['< B', '> A'];
    });
    expect(marks).toEqual([
      ['< B', '> A'],
      ['> B', '< A'],
      ['', ''],
      ['> B', '< A'],
      ['', ''],
    ]);
  });
});
