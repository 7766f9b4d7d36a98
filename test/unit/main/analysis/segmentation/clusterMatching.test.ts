/** Matching refitted clusters to saved ones: the assignment that shares the most respondents. */
import { describe, expect, it } from 'vitest';
import { maximumAssignment } from '../../../../../src/main/analysis/segmentation/clusterMatching';

describe('maximum assignment (Hungarian method)', () => {
  it('matches each refitted cluster to the saved one it shares most with, when that is plain', () => {
    // Refitted 1 is mostly saved 3, refitted 2 saved 1, refitted 3 saved 2.
    expect(
      maximumAssignment([
        [1, 2, 40],
        [30, 1, 0],
        [2, 25, 3],
      ]),
    ).toEqual([2, 0, 1]);
  });

  it('gives up a greedy first choice when the total is larger otherwise', () => {
    // Greedy takes 10 (row 0 → column 0) and is left with 1: total 11. The best is 9 + 8 = 17.
    expect(
      maximumAssignment([
        [10, 9],
        [8, 1],
      ]),
    ).toEqual([1, 0]);
  });

  it('finds the best of all 24 assignments of a 4 × 4 table', () => {
    const weights = [
      [7, 53, 183, 439],
      [497, 383, 563, 79],
      [627, 343, 773, 959],
      [447, 283, 463, 29],
    ];
    const permutations = (items: number[]): number[][] =>
      items.length <= 1
        ? [items]
        : items.flatMap((item, i) =>
            permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [
              item,
              ...rest,
            ]),
          );
    const total = (match: number[]) =>
      match.reduce((sum, column, row) => sum + weights[row]![column]!, 0);
    const best = Math.max(...permutations([0, 1, 2, 3]).map(total));
    expect(total(maximumAssignment(weights))).toBe(best);
  });
});
