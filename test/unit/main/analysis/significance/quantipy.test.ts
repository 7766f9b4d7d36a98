/**
 * The "dimensions" preset against letters quantipy's own test suite publishes
 * (Quantipy/quantipy3 tests/expectations/exp_view_mapper.py: EXP_COLTEST1–3 and 7–9) for its
 * example survey ../shared/fixtures/quantipy/example_data_A.csv: weighted and unweighted, single-
 * and multiple-response banners (overlap correction), proportions and means. Quantipy marks a
 * column with the codes of the columns it is significantly higher than, at one level; some of its
 * levels (80%) are not Dimensions levels, so the letters are read from our unadjusted p-values at
 * quantipy's α (the "dimensions" preset applies no adjustment).
 */
import { expect, it } from 'vitest';
import {
  columnProportionsTest,
  meansTTest,
  type SignificanceResult,
} from '../../../../../src/main/analysis/significance';
import { describeWithFixtures, fixture } from '../../../../support/fixtures';
import { meansGroup, proportionGroup, readDataset } from './quantipyData';

/** Quantipy's notation: per row, per column, '[codes it is higher than]' or 'NONE'. */
function quantipyLists(
  result: SignificanceResult,
  rows: readonly string[],
  columns: readonly string[],
  alpha: number,
): string[][] {
  const higher = rows.map(() => columns.map(() => [] as number[]));
  for (const pair of result.pairs) {
    if (pair.kind !== 'columns' || !(pair.p < alpha)) continue;
    const [winner, loser] = pair.statistic > 0 ? [pair.a, pair.b] : [pair.b, pair.a];
    higher[rows.indexOf(pair.rowKey)]![columns.indexOf(winner)]!.push(Number(loser));
  }
  return higher.map((row) =>
    row.map((codes) =>
      codes.length === 0 ? 'NONE' : `[${codes.sort((a, b) => a - b).join(', ')}]`,
    ),
  );
}

const Q1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 96, 98, 99];
const LOCALITY = [1, 2, 3, 4, 5];
const Q5 = [1, 2, 3, 4, 5, 97, 98];
const Q3 = [1, 2, 3, 4, 5, 6, 7, 8, 97];
const Q9 = [1, 2, 3, 4, 96, 98, 99];
const Q8 = [1, 2, 3, 4, 5, 96, 98];
const strings = (codes: number[]) => codes.map(String);

describeWithFixtures('dimensions preset against quantipy published letters', () => {
  const data = readDataset(fixture('quantipy/example_data_A.csv'));

  it('EXP_COLTEST7: q1 by locality, weight_a, proportions at 0.20', () => {
    const group = proportionGroup(data, 'q1', Q1, 'locality', LOCALITY, 'weight_a', false);
    const result = columnProportionsTest(
      { rowKeys: strings(Q1), groups: [group] },
      { preset: 'dimensions' },
    );
    expect(quantipyLists(result, strings(Q1), strings(LOCALITY), 0.2)).toEqual([
      ['[2, 3, 4, 5]', '[4]', 'NONE', 'NONE', 'NONE'],
      ['NONE', 'NONE', 'NONE', 'NONE', 'NONE'],
      ['NONE', '[1, 4]', 'NONE', 'NONE', '[4]'],
      ['[2, 5]', 'NONE', '[5]', '[2, 5]', 'NONE'],
      ['NONE', 'NONE', 'NONE', 'NONE', 'NONE'],
      ['NONE', '[1]', '[1]', 'NONE', 'NONE'],
      ['NONE', 'NONE', 'NONE', '[1]', '[1]'],
      ['NONE', 'NONE', 'NONE', 'NONE', 'NONE'],
      ['NONE', 'NONE', 'NONE', 'NONE', 'NONE'],
      ['NONE', 'NONE', 'NONE', 'NONE', 'NONE'],
      ['[2, 3]', 'NONE', 'NONE', 'NONE', '[2, 3]'],
      ['[3]', '[1, 3]', 'NONE', '[3]', '[3]'],
    ]);
  });

  it('EXP_COLTEST8: q5_1 by q3 (multiple response, overlap), unweighted, proportions at 0.05', () => {
    const group = proportionGroup(data, 'q5_1', Q5, 'q3', Q3, null, true);
    const result = columnProportionsTest(
      { rowKeys: strings(Q5), groups: [group] },
      { preset: 'dimensions' },
    );
    // At 95% the preset's own letters are quantipy's too.
    expect(result.pairs.some((p) => p.overlapCorrected)).toBe(true);
    expect(quantipyLists(result, strings(Q5), strings(Q3), 0.05)).toEqual([
      [
        '[2, 3]',
        'NONE',
        'NONE',
        'NONE',
        '[1, 2, 3, 4, 6, 7, 8, 97]',
        'NONE',
        '[2, 3]',
        '[2, 3, 97]',
        'NONE',
      ],
      [
        '[3, 97]',
        '[1, 3, 97]',
        '[97]',
        '[3, 97]',
        '[1, 2, 3, 4, 7, 97]',
        '[1, 2, 3, 4, 7, 97]',
        '[1, 3, 97]',
        '[3, 97]',
        'NONE',
      ],
      [
        '[2, 3, 4, 8, 97]',
        '[8, 97]',
        '[2, 4, 8, 97]',
        '[97]',
        '[97]',
        '[97]',
        '[2, 4, 8, 97]',
        '[97]',
        'NONE',
      ],
      [
        '[3]',
        '[3]',
        'NONE',
        '[1, 2, 3, 5, 6, 7, 97]',
        'NONE',
        'NONE',
        'NONE',
        '[1, 2, 3, 4, 5, 6, 7, 97]',
        '[1, 2, 3, 7]',
      ],
      ['[97]', '[97]', '[97]', '[97]', '[97]', '[97]', '[97]', '[97]', 'NONE'],
      [
        'NONE',
        '[1, 5, 7]',
        '[1, 5, 7]',
        'NONE',
        'NONE',
        'NONE',
        'NONE',
        'NONE',
        '[1, 2, 3, 4, 5, 6, 7, 8]',
      ],
      [
        '[5, 6]',
        '[1, 5, 6, 7, 8]',
        '[1, 2, 4, 5, 6, 7, 8]',
        '[6]',
        'NONE',
        'NONE',
        '[6]',
        'NONE',
        '[1, 2, 3, 4, 5, 6, 7, 8]',
      ],
    ]);
    const letters = result.cells[0]!.map((row) => row.map((cell) => cell.letters));
    // Column 5 (q3 code 5) in row 1 is higher than codes 1, 2, 3, 4, 6, 7, 8, 97: A B C D F G H I.
    expect(letters[0]![4]).toBe('ABCDFGHI');
  });

  it('EXP_COLTEST9: q9 by q8 (both multiple response), weight_a, proportions at 0.01', () => {
    const group = proportionGroup(data, 'q9', Q9, 'q8', Q8, 'weight_a', true);
    const result = columnProportionsTest(
      { rowKeys: strings(Q9), groups: [group] },
      { preset: 'dimensions', levels: [0.99] },
    );
    expect(quantipyLists(result, strings(Q9), strings(Q8), 0.01)).toEqual([
      ['NONE', 'NONE', 'NONE', 'NONE', 'NONE', 'NONE', 'NONE'],
      ['NONE', 'NONE', '[1, 96]', '[96]', '[96]', 'NONE', 'NONE'],
      ['NONE', 'NONE', '[4]', 'NONE', 'NONE', 'NONE', 'NONE'],
      ['NONE', 'NONE', '[98]', 'NONE', 'NONE', 'NONE', 'NONE'],
      ['NONE', 'NONE', 'NONE', 'NONE', 'NONE', 'NONE', 'NONE'],
      ['NONE', '[3]', 'NONE', 'NONE', 'NONE', 'NONE', 'NONE'],
      ['NONE', 'NONE', 'NONE', 'NONE', 'NONE', 'NONE', 'NONE'],
    ]);
  });

  it('EXP_COLTEST1: mean of q5_1 (all codes) by locality, weight_a, at 0.05', () => {
    const group = meansGroup(data, 'q5_1', Q5, 'locality', LOCALITY, 'weight_a', false);
    const result = meansTTest({ rowKeys: ['mean'], groups: [group] }, { preset: 'dimensions' });
    expect(quantipyLists(result, ['mean'], strings(LOCALITY), 0.05)).toEqual([
      ['NONE', 'NONE', 'NONE', '[1, 2]', '[1, 2, 3]'],
    ]);
  });

  it('EXP_COLTEST2: mean of q5_1 without 97/98 by locality, weight_a, at 0.20', () => {
    const group = meansGroup(
      data,
      'q5_1',
      [1, 2, 3, 4, 5],
      'locality',
      LOCALITY,
      'weight_a',
      false,
    );
    const result = meansTTest({ rowKeys: ['mean'], groups: [group] }, { preset: 'dimensions' });
    expect(quantipyLists(result, ['mean'], strings(LOCALITY), 0.2)).toEqual([
      ['NONE', '[1, 3]', 'NONE', 'NONE', 'NONE'],
    ]);
  });

  it('EXP_COLTEST3: mean of q5_1 without 97/98 by q3 (multiple response), at 0.10', () => {
    const group = meansGroup(data, 'q5_1', [1, 2, 3, 4, 5], 'q3', Q3, null, true);
    const result = meansTTest({ rowKeys: ['mean'], groups: [group] }, { preset: 'dimensions' });
    expect(quantipyLists(result, ['mean'], strings(Q3), 0.1)).toEqual([
      ['[5]', '[5]', '[1, 2, 5, 6, 7, 97]', '[5]', 'NONE', '[5]', '[5]', '[5]', 'NONE'],
    ]);
  });
});
