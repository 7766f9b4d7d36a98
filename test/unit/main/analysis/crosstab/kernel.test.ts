import { describe, expect, it } from 'vitest';
import { NONE } from '../../../../../src/main/analysis/crosstab/categorize';
import {
  crosstabCounts,
  crosstabCountsForGroups,
  crosstabCountsForStubs,
  type CellSums,
} from '../../../../../src/main/analysis/crosstab/crosstabKernel';
import { jointPlan, packVariables } from '../../../../../src/main/kernels/crosstab/jointPlan';

/** mulberry32, so every run draws the same cases. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface KernelCase {
  rows: number;
  stubs: Array<{ index: Uint16Array; categories: number }>;
  groups: Array<{ index: Uint16Array; columns: number }>;
  weights: Float64Array | null;
  mask: Uint8Array | null;
}

/**
 * A random counting problem: skewed answers, missing values (NONE; with `pastEnd`, now and then
 * an index just past the categories, which the kernels count as missing), now and then a big
 * variable; weights absent, dyadic (every sum exact in any order), or real, with zero, negative
 * and NaN weights; a filter or none.
 */
export function randomCase(
  random: () => number,
  weighting: 'none' | 'dyadic' | 'real',
  pastEnd = false,
): KernelCase {
  const rows = Math.floor(random() * 3000);
  const size = () =>
    random() < 0.08 ? 100 + Math.floor(random() * 300) : Math.floor(random() * 14);
  const column = (categories: number) => {
    const index = new Uint16Array(rows);
    const missing = random() * 0.2;
    for (let i = 0; i < rows; i++) {
      const u = random();
      if (u < missing) index[i] = pastEnd && random() < 0.2 ? categories : NONE;
      else index[i] = categories === 0 ? NONE : Math.floor(random() * random() * categories);
    }
    return index;
  };
  const stubs = Array.from({ length: 1 + Math.floor(random() * 8) }, () => {
    const categories = size();
    return { index: column(categories), categories };
  });
  const groups = Array.from({ length: Math.floor(random() * 7) }, () => {
    const columns = size();
    return { index: column(columns), columns };
  });
  let weights: Float64Array | null = null;
  if (weighting !== 'none') {
    weights = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      const u = random();
      if (u < 0.02) weights[i] = 0;
      else if (u < 0.04) weights[i] = -1;
      else if (u < 0.05) weights[i] = Number.NaN;
      else
        weights[i] =
          weighting === 'dyadic' ? Math.floor(random() * 40) / 8 + 0.125 : 0.05 + random() * 3;
    }
  }
  let mask: Uint8Array | null = null;
  if (random() < 0.5) {
    mask = new Uint8Array(rows);
    for (let i = 0; i < rows; i++) mask[i] = random() < 0.8 ? 1 : random() < 0.5 ? 0 : 2;
  }
  return { rows, stubs, groups, weights, mask };
}

/** Bit for bit (Object.is, so 0 and −0 differ), reporting the first cell that differs. */
export function expectIdentical(actual: ArrayLike<number>, expected: ArrayLike<number>) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    if (!Object.is(actual[i], expected[i]))
      expect({ cell: i, value: actual[i] }).toEqual({ cell: i, value: expected[i] });
  }
}

/** Counts exactly; sums exactly when `exact`, else to 12 significant digits. */
function expectSame(actual: CellSums, expected: CellSums, exact: boolean) {
  expect(actual.rowCount).toBe(expected.rowCount);
  expect(actual.columnCount).toBe(expected.columnCount);
  expectIdentical(actual.n, expected.n);
  if (exact) {
    expectIdentical(actual.sumW, expected.sumW);
    expectIdentical(actual.sumW2, expected.sumW2);
    return;
  }
  for (const key of ['sumW', 'sumW2'] as const) {
    let worst = 0;
    actual[key].forEach((value, i) => {
      const want = expected[key][i]!;
      worst = Math.max(worst, Math.abs(value - want) / Math.max(Math.abs(want), 1e-300));
    });
    expect(worst).toBeLessThanOrEqual(1e-12);
  }
}

describe('packing variables into joint codes', () => {
  it('packs every variable once, keeps each pack under the limit and a big variable alone', () => {
    const categories = [7, 1, 12, 300, 0, 4, 4, 2, 169, 11];
    const packs = packVariables(categories, 170);
    expect(packs.flatMap((p) => p.members).sort((a, b) => a - b)).toEqual(
      categories.map((_, i) => i),
    );
    for (const pack of packs) {
      if (pack.members.length > 1) expect(pack.product).toBeLessThanOrEqual(170);
      expect(pack.product).toBe(pack.categories.reduce((p, c) => p * (c + 1), 1));
      pack.members.forEach((member, m) => expect(pack.categories[m]).toBe(categories[member]));
    }
    expect(packs.find((p) => p.members.includes(3))!.members).toEqual([3]);
    expect(jointPlan([3], []).bannerPacks).toEqual([
      { members: [], categories: [], strides: [], product: 1 },
    ]);
  });
});

describe('the fused counting kernel', () => {
  it.each(['none', 'dyadic', 'real'] as const)(
    'equals one pass per table on random inputs (%s weights)',
    (weighting) => {
      const random = seeded(weighting.length * 7919);
      for (let trial = 0; trial < 60; trial++) {
        const { stubs, groups, weights, mask } = randomCase(random, weighting);
        const counted = crosstabCountsForStubs(stubs, groups, weights, mask);
        expect(counted).toHaveLength(stubs.length);
        stubs.forEach((stub, s) => {
          const exact = weighting !== 'real';
          expectSame(
            counted[s]!.total,
            crosstabCounts(stub.index, stub.categories, null, 0, weights, mask),
            exact,
          );
          groups.forEach((group, g) =>
            expectSame(
              counted[s]!.groups[g]!,
              crosstabCounts(
                stub.index,
                stub.categories,
                group.index,
                group.columns,
                weights,
                mask,
              ),
              exact,
            ),
          );
        });
      }
    },
  );

  it('counts one stub against its groups as before', () => {
    const index = Uint16Array.from([0, 1, 1, NONE, 2, 0]);
    const group = { index: Uint16Array.from([1, 0, 1, 1, NONE, 1]), columns: 2 };
    const weights = Float64Array.from([1, 2, 0.5, 1, 3, Number.NaN]);
    const [sums] = crosstabCountsForGroups(index, 3, [group], weights, null);
    // Rows 0..2, columns [0, 1, Total].
    expect(Array.from(sums!.n)).toEqual([0, 1, 1, 1, 1, 2, 0, 0, 1]);
    expect(Array.from(sums!.sumW)).toEqual([0, 1, 1, 2, 0.5, 2.5, 0, 0, 3]);
    expect(Array.from(sums!.sumW2)).toEqual([0, 1, 1, 4, 0.25, 4.25, 0, 0, 9]);
  });
});
