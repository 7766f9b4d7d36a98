/**
 * Pearson chi-square per table, against GNU PSPP CROSSTABS on real files (an integer frequency
 * weight, hotel.sav, the Learning.sav survey) and against R's chisq.test(correct = FALSE).
 */
import { describe, expect, it } from 'vitest';
import { chiSquareTest } from '../../../../../src/main/analysis/significance';
import {
  expectClose,
  expectCloseP,
  printedHalfUnit,
  psppNumber,
  psppTables,
  rReference,
} from './references';

describe('chiSquareTest', () => {
  it('leaves out rows and columns with a zero total, as PSPP does with absent categories', () => {
    const full = chiSquareTest([
      [10, 20],
      [30, 5],
    ])!;
    const padded = chiSquareTest([
      [10, 0, 20],
      [0, 0, 0],
      [30, 0, 5],
    ])!;
    expect(padded.chiSquare).toBeCloseTo(full.chiSquare, 12);
    expect(padded.df).toBe(1);
    expect(padded.droppedRows).toEqual([1]);
    expect(padded.droppedColumns).toEqual([1]);
  });

  it('uses weighted counts as they are, never rounded: doubling every count doubles X²', () => {
    const table = [
      [1.4, 2.6, 3.3],
      [3.5, 0.5, 2.2],
    ];
    const once = chiSquareTest(table)!;
    const twice = chiSquareTest(table.map((row) => row.map((v) => 2 * v)))!;
    expect(twice.chiSquare).toBeCloseTo(2 * once.chiSquare, 12);
    expect(once.n).toBeCloseTo(13.5, 12);
  });

  it('counts cells with an expected count below 5 (the SPSS footnote)', () => {
    const result = chiSquareTest([
      [10, 2],
      [8, 30],
    ])!;
    expect(result.cells).toBe(4);
    expect(result.cellsExpectedBelow5).toBe(1);
    // Row totals 12 and 38, column totals 18 and 32: the smallest expected count is 12·18/50.
    expect(result.minExpected).toBeCloseTo((12 * 18) / 50, 12);
  });

  it('has nothing to test below 2 × 2 non-empty, and rejects negative or ragged input', () => {
    expect(chiSquareTest([[1, 2, 3]])).toBeNull();
    expect(
      chiSquareTest([
        [1, 0],
        [2, 0],
      ]),
    ).toBeNull();
    expect(() =>
      chiSquareTest([
        [1, -1],
        [2, 3],
      ]),
    ).toThrow(RangeError);
    expect(() => chiSquareTest([[1, 2], [3]])).toThrow(RangeError);
  });
});

describe('against R chisq.test(correct = FALSE)', () => {
  it.each(rReference().chiSquare)('$name', (reference) => {
    const result = chiSquareTest(reference.table)!;
    expectClose(result.chiSquare, reference.chiSquare, 1e-12);
    expect(result.df).toBe(reference.df);
    expectCloseP(result.p, reference.p);
  });
});

describe('against PSPP CROSSTABS /STATISTICS=CHISQ (pspp-reference.sps)', () => {
  const tables = psppTables('pspp-reference.csv');
  // Each "Chi-Square Tests" table follows its crosstab, whose count rows carry "Count" in the
  // third cell; the last column and the last row are totals.
  const cases = tables.flatMap((table, i) => {
    if (table.title !== 'Chi-Square Tests') return [];
    const crosstab = tables[i - 1]!;
    const counts = crosstab.rows
      .filter((row) => row[2] === 'Count' && row[0] !== 'Total')
      .map((row) => row.slice(3, -1).map(psppNumber));
    const pearson = table.rows.find((row) => row[0] === 'Pearson Chi-Square')!;
    return [{ name: crosstab.title, counts, pearson }];
  });

  it('found the three tables', () => {
    expect(cases.map((c) => c.counts.length)).toEqual([4, 5, 10]);
  });

  it.each(cases)('$name', ({ counts, pearson }) => {
    const result = chiSquareTest(counts)!;
    const [, value, df, sig] = pearson as [string, string, string, string];
    expect(Math.abs(result.chiSquare - psppNumber(value))).toBeLessThanOrEqual(
      printedHalfUnit(value),
    );
    expect(result.df).toBe(psppNumber(df));
    expect(Math.abs(result.p - psppNumber(sig))).toBeLessThanOrEqual(printedHalfUnit(sig));
  });
});
