/**
 * The written-out Lloyd pass (lloydPass.ts) against the generic reference loop: the same
 * assignments, sums, counts and number of changed rows, bit for bit, for shapes on both sides of
 * the unrolling limit — the reference is what the fast pass must equal, as ../shared/PERFORMANCE.md
 * asks of every hot kernel.
 */
import { describe, expect, it } from 'vitest';
import {
  lloydPassFor,
  lloydPassReference,
  MAX_UNROLLED,
} from '../../../../../src/main/analysis/segmentation/lloydPass';
import { seededRandom } from '../../../../../src/main/analysis/segmentation/seededRandom';

function data(rows: number, dims: number, k: number, seed: number) {
  const random = seededRandom(seed);
  const columns = Array.from({ length: dims }, () =>
    Float64Array.from({ length: rows }, () => random() * 4 - 2),
  );
  const centres = Float64Array.from({ length: k * dims }, () => random() * 4 - 2);
  return { columns, centres };
}

function runPass(
  pass: ReturnType<typeof lloydPassFor>,
  columns: Float64Array[],
  centres: Float64Array,
  before: Uint8Array,
) {
  const k = centres.length / columns.length;
  const assign = before.slice();
  const sums = new Float64Array(centres.length);
  const counts = new Float64Array(k);
  const changed = pass(columns, centres, assign, sums, counts, 0, assign.length);
  return { assign, sums, counts, changed };
}

describe('the Lloyd pass', () => {
  for (const [k, dims] of [
    [2, 1],
    [6, 10],
    [7, 3],
    [12, 40],
    [50, 30],
  ] as const) {
    it(`gives what the reference loop gives for k = ${k} over ${dims} variables${k * dims > MAX_UNROLLED ? ' (beyond the unrolling limit)' : ''}`, () => {
      const { columns, centres } = data(5_000, dims, k, k * 100 + dims);
      const before = Uint8Array.from({ length: 5_000 }, (_, i) => i % k);
      const fast = runPass(lloydPassFor(k, dims), columns, centres, before);
      const reference = runPass(lloydPassReference, columns, centres, before);
      expect(fast.changed).toBe(reference.changed);
      expect(fast.assign).toEqual(reference.assign);
      expect(fast.counts).toEqual(reference.counts);
      expect(fast.sums).toEqual(reference.sums);
    });
  }

  it('assigns each row to its nearest centre, the first of equal ones, and counts the changes', () => {
    const columns = [Float64Array.of(0, 1, 9, 5)];
    const centres = Float64Array.of(0, 10);
    const assign = Uint8Array.of(1, 0, 1, 255);
    const sums = new Float64Array(2);
    const counts = new Float64Array(2);
    const changed = lloydPassFor(2, 1)(columns, centres, assign, sums, counts, 0, 4);
    expect(Array.from(assign)).toEqual([0, 0, 1, 0]);
    expect(changed).toBe(2);
    expect(Array.from(sums)).toEqual([6, 9]);
    expect(Array.from(counts)).toEqual([3, 1]);
  });

  it('adds a range of rows to the sums, so parts of the rows can be summed apart', () => {
    const { columns, centres } = data(1_000, 4, 3, 7);
    const pass = lloydPassFor(3, 4);
    const whole = runPass(pass, columns, centres, new Uint8Array(1_000).fill(255));
    const assign = new Uint8Array(1_000).fill(255);
    const sums = new Float64Array(12);
    const counts = new Float64Array(3);
    pass(columns, centres, assign, sums, counts, 0, 400);
    pass(columns, centres, assign, sums, counts, 400, 1_000);
    expect(assign).toEqual(whole.assign);
    expect(Array.from(counts)).toEqual(Array.from(whole.counts));
    for (let i = 0; i < 12; i++) expect(sums[i]).toBeCloseTo(whole.sums[i]!, 9);
  });
});
