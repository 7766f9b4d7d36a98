// RIM weighting as a specification: what the weights must be on tables small enough to check by
// hand, how shares, counts, missing values, base weights and caps are treated, and that the
// joint-cell method gives exactly what raking row by row gives.
import { describe, expect, it } from 'vitest';
import type { CodeColumn } from '../../../../../src/main/analysis/weights/codeColumn';
import {
  type RimInput,
  type RimTargets,
  rimWeights,
} from '../../../../../src/main/analysis/weights/rimWeights';

const targets = (entries: Record<string, Record<number, number>>): RimTargets =>
  new Map(
    Object.entries(entries).map(([name, t]) => [
      name,
      new Map(Object.entries(t).map(([code, v]) => [Number(code), v])),
    ]),
  );

const columns = (entries: Record<string, CodeColumn>) => new Map(Object.entries(entries));
const f64 = (values: number[]) => Float64Array.from(values);
const sum = (w: Float64Array) => w.reduce((a, b) => (Number.isNaN(b) ? a : a + b), 0);

function weightedMargin(codes: ArrayLike<number>, weights: Float64Array, code: number): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) if (codes[i] === code) total += weights[i] as number;
  return total;
}

/** A seeded xorshift generator: the same rows on every run. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

/** Plain row-by-row raking, the textbook loop the joint-cell method must reproduce exactly. */
function rakeRowByRow(input: RimInput, sweeps: number): Float64Array {
  const n = input.baseWeight?.length ?? [...input.columns.values()][0]?.length ?? 0;
  const w = input.baseWeight ? Float64Array.from(input.baseWeight) : new Float64Array(n).fill(1);
  for (let s = 0; s < sweeps; s++) {
    for (const [name, t] of input.targets) {
      const codes = input.columns.get(name) as CodeColumn;
      const totalTarget = [...t.values()].reduce((a, b) => a + b, 0);
      const sums = new Map<number, number>();
      for (let i = 0; i < n; i++)
        sums.set(codes[i] as number, (sums.get(codes[i] as number) ?? 0) + (w[i] as number));
      const total = sum(w);
      for (let i = 0; i < n; i++) {
        const code = codes[i] as number;
        w[i] =
          (w[i] as number) *
          ((((t.get(code) as number) / totalTarget) * total) / (sums.get(code) as number));
      }
    }
  }
  return w;
}

describe('rimWeights: results checkable by hand', () => {
  it('one variable is post-stratification: 3 men and 1 woman to 50/50', () => {
    const r = rimWeights({
      columns: columns({ gender: f64([1, 1, 1, 2]) }),
      targets: targets({ gender: { 1: 0.5, 2: 0.5 } }),
    });
    expect(r.converged).toBe(true);
    expect([...r.weights].map((w) => +w.toFixed(12))).toEqual(
      [2 / 3, 2 / 3, 2 / 3, 2].map((w) => +w.toFixed(12)),
    );
    expect(r.total).toBe(4);
  });

  it('two variables on a balanced 2 × 2 sample give the product of the margins', () => {
    const r = rimWeights({
      columns: columns({ gender: f64([1, 2, 1, 2]), age: f64([1, 1, 2, 2]) }),
      targets: targets({ gender: { 1: 50, 2: 50 }, age: { 1: 75, 2: 25 } }),
    });
    expect(r.converged).toBe(true);
    expect([...r.weights]).toEqual([1.5, 1.5, 0.5, 0.5]);
  });

  it('meets every margin within the relative tolerance, and reports margins reached', () => {
    const next = rng(7);
    const n = 2000;
    const a = Float64Array.from({ length: n }, () => 1 + Math.floor(next() * 4));
    const b = Float64Array.from({ length: n }, (_, i) =>
      next() < ((a[i] as number) > 2 ? 0.7 : 0.3) ? 1 : 2,
    );
    const r = rimWeights({
      columns: columns({ a, b }),
      targets: targets({ a: { 1: 0.1, 2: 0.2, 3: 0.3, 4: 0.4 }, b: { 1: 0.45, 2: 0.55 } }),
    });
    expect(r.converged).toBe(true);
    expect(r.maxRelativeError).toBeLessThanOrEqual(1e-10);
    for (const [code, share] of [
      [1, 0.1],
      [2, 0.2],
      [3, 0.3],
      [4, 0.4],
    ] as const) {
      expect(Math.abs(weightedMargin(a, r.weights, code) / (share * n) - 1)).toBeLessThan(1e-10);
    }
    const margin = r.margins.find((m) => m.variable === 'b');
    expect(margin?.targets).toEqual([0.45 * n, 0.55 * n]);
    expect(Math.abs((margin?.achieved[0] as number) / (0.45 * n) - 1)).toBeLessThan(1e-10);
  });
});

describe('rimWeights: shares and counts', () => {
  const cols = () => columns({ g: f64([1, 1, 1, 2, 2, 3]) });

  it('shares summing to 1 or to 100 scale to the row count; counts give their own total', () => {
    const one = rimWeights({
      columns: cols(),
      targets: targets({ g: { 1: 0.2, 2: 0.3, 3: 0.5 } }),
    });
    const hundred = rimWeights({
      columns: cols(),
      targets: targets({ g: { 1: 20, 2: 30, 3: 50 } }),
    });
    const counts = rimWeights({
      columns: cols(),
      targets: targets({ g: { 1: 200, 2: 300, 3: 500 } }),
    });
    expect(one.total).toBe(6);
    expect(one.margins[0]?.kind).toBe('shares');
    for (let i = 0; i < 6; i++) {
      expect(hundred.weights[i]).toBeCloseTo(one.weights[i] as number, 12);
      expect(counts.weights[i]).toBeCloseTo(((one.weights[i] as number) * 1000) / 6, 9);
    }
    expect(counts.margins[0]?.kind).toBe('counts');
    expect(sum(counts.weights)).toBeCloseTo(1000, 9);
  });

  it('rounded percentages (99.9) are shares, scaled to their own sum', () => {
    const r = rimWeights({
      columns: cols(),
      targets: targets({ g: { 1: 33.3, 2: 33.3, 3: 33.3 } }),
    });
    expect(r.margins[0]?.kind).toBe('shares');
    expect(r.margins[0]?.achieved.map((x) => +x.toFixed(9))).toEqual([2, 2, 2]);
  });

  it('targetsAre forces the reading: counts that happen to sum to 100', () => {
    const r = rimWeights({
      columns: cols(),
      targets: targets({ g: { 1: 20, 2: 30, 3: 50 } }),
      options: { targetsAre: 'counts' },
    });
    expect(r.total).toBe(100);
    expect(sum(r.weights)).toBeCloseTo(100, 9);
  });

  it('with a base weight, shares scale to the total base weight', () => {
    const r = rimWeights({
      columns: cols(),
      targets: targets({ g: { 1: 0.5, 2: 0.25, 3: 0.25 } }),
      baseWeight: f64([1, 2, 3, 1, 1, 2]),
    });
    expect(r.total).toBe(10);
    expect(weightedMargin([1, 1, 1, 2, 2, 3], r.weights, 1)).toBeCloseTo(5, 12);
  });

  it('count variables with different totals cannot converge, and say so', () => {
    const r = rimWeights({
      columns: columns({ a: f64([1, 2, 1, 2]), b: f64([1, 1, 2, 2]) }),
      targets: targets({ a: { 1: 10, 2: 10 }, b: { 1: 15, 2: 15 } }),
      options: { maxIterations: 50 },
    });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(50);
    expect(r.maxRelativeError).toBeGreaterThan(0.1);
  });
});

describe('rimWeights: rows that cannot be raked', () => {
  it('get NaN: missing code (each storage), code without a target, unusable base weight', () => {
    const g = [1, 2, 1, 2, 1, 2, 1, 2];
    const r = rimWeights({
      columns: columns({
        a: f64([1, 1, Number.NaN, 2, 2, 1, 2, 1]),
        b: Uint8Array.from([1, 1, 1, 255, 1, 2, 2, 2]),
        c: Uint16Array.from([5, 5, 5, 5, 65535, 6, 9, 6]),
        g: f64(g),
      }),
      targets: targets({
        a: { 1: 0.5, 2: 0.5 },
        b: { 1: 0.5, 2: 0.5 },
        c: { 5: 0.5, 6: 0.5 },
        g: { 1: 0.5, 2: 0.5 },
      }),
      baseWeight: f64([1, 1, 1, 1, 1, 1, 1, Number.NaN]),
    });
    // Rows 2 (a NaN), 3 (b 255), 4 (c 65535), 6 (c = 9: no target), 7 (base NaN) are out.
    expect([...r.weights].map(Number.isNaN)).toEqual([
      false,
      false,
      true,
      true,
      true,
      false,
      true,
      true,
    ]);
    expect(r.rowsWeighted).toBe(3);
    expect(r.rowsExcluded).toBe(5);
    expect(r.total).toBe(3);
  });

  it('zero base weights stay zero; a zero target gives its rows weight zero', () => {
    const r = rimWeights({
      columns: columns({ g: f64([1, 1, 2, 2, 3]) }),
      targets: targets({ g: { 1: 0.5, 2: 0.5, 3: 0 } }),
      baseWeight: f64([0, 1, 1, 1, 1]),
    });
    expect(r.converged).toBe(true);
    expect(r.weights[0]).toBe(0);
    expect(r.weights[4]).toBe(0);
    expect(r.weights[1]).toBeCloseTo(2, 12);
    expect(r.weights[2]).toBeCloseTo(1, 12);
  });

  it('a target code absent from the data is never met: not converged', () => {
    const r = rimWeights({
      columns: columns({ g: f64([1, 1, 2]) }),
      targets: targets({ g: { 1: 0.4, 2: 0.4, 3: 0.2 } }),
      options: { maxIterations: 20 },
    });
    expect(r.converged).toBe(false);
    expect(r.maxRelativeError).toBe(1);
  });
});

describe('rimWeights: code storage', () => {
  it('Float64, Uint8 and Uint16 codes give identical weights', () => {
    const next = rng(11);
    const n = 500;
    const raw = Array.from({ length: n }, () => 1 + Math.floor(next() * 5));
    const raw2 = Array.from({ length: n }, () => 1 + Math.floor(next() * 3));
    const t = targets({ x: { 1: 10, 2: 20, 3: 30, 4: 25, 5: 15 }, y: { 1: 40, 2: 40, 3: 20 } });
    const w64 = rimWeights({ columns: columns({ x: f64(raw), y: f64(raw2) }), targets: t }).weights;
    const w8 = rimWeights({
      columns: columns({ x: Uint8Array.from(raw), y: Uint8Array.from(raw2) }),
      targets: t,
    }).weights;
    const w16 = rimWeights({
      columns: columns({ x: Uint16Array.from(raw), y: Uint16Array.from(raw2) }),
      targets: t,
    }).weights;
    expect(w8).toEqual(w64);
    expect(w16).toEqual(w64);
  });

  it('negative, fractional and large codes work (Float64 storage)', () => {
    const r = rimWeights({
      columns: columns({ g: f64([-1, -1, 2.5, 1e9]) }),
      targets: targets({ g: { [-1]: 0.5, 2.5: 0.25, 1e9: 0.25 } }),
    });
    expect([...r.weights]).toEqual([1, 1, 1, 1]);
    const other = rimWeights({
      columns: columns({ g: f64([-1, -1, 2.5, 1e9]) }),
      targets: targets({ g: { [-1]: 0.25, 2.5: 0.25, 1e9: 0.5 } }),
    });
    expect([...other.weights]).toEqual([0.5, 0.5, 1, 2]);
  });
});

describe('rimWeights: the joint-cell method equals raking row by row', () => {
  it('on seeded data with a base weight and four correlated variables', () => {
    const next = rng(2024);
    const n = 3000;
    const age = f64(Array.from({ length: n }, () => 1 + Math.floor(next() * 4)));
    const gender = f64(Array.from({ length: n }, () => (next() < 0.45 ? 1 : 2)));
    const region = f64(
      Array.from({ length: n }, (_, i) => 1 + Math.floor((next() * 5 + (age[i] as number)) % 5)),
    );
    const net = f64(
      Array.from({ length: n }, (_, i) => (next() < 1 - 0.15 * (age[i] as number) ? 1 : 2)),
    );
    const base = f64(Array.from({ length: n }, () => 0.5 + next()));
    const input: RimInput = {
      columns: columns({ age, gender, region, net }),
      targets: targets({
        age: { 1: 0.2, 2: 0.3, 3: 0.3, 4: 0.2 },
        gender: { 1: 0.49, 2: 0.51 },
        region: { 1: 0.3, 2: 0.2, 3: 0.2, 4: 0.15, 5: 0.15 },
        net: { 1: 0.7, 2: 0.3 },
      }),
      baseWeight: base,
    };
    const ours = rimWeights(input);
    const rows = rakeRowByRow(input, ours.iterations);
    expect(ours.converged).toBe(true);
    expect(ours.cells).toBeLessThanOrEqual(4 * 2 * 5 * 2);
    for (let i = 0; i < n; i++) {
      expect(Math.abs((ours.weights[i] as number) / (rows[i] as number) - 1)).toBeLessThan(1e-12);
    }
  });

  it('keeps only joint cells that occur, so ten 10-category variables still fit', () => {
    const next = rng(99);
    const n = 4000;
    const names = Array.from({ length: 10 }, (_, v) => `v${v}`);
    const cols = columns(
      Object.fromEntries(
        names.map((name) => [name, f64(Array.from({ length: n }, () => Math.floor(next() * 10)))]),
      ),
    );
    const t = targets(
      Object.fromEntries(
        names.map((name) => [
          name,
          Object.fromEntries(Array.from({ length: 10 }, (_, k) => [k, 0.1])) as Record<
            number,
            number
          >,
        ]),
      ),
    );
    const r = rimWeights({ columns: cols, targets: t });
    expect(r.cells).toBeLessThanOrEqual(n);
    expect(r.converged).toBe(true);
  });
});

describe('rimWeights: caps', () => {
  // 10 rows of group 1 and 90 of group 2 raked to 50/50: uncapped weights 5 and 0.556.
  const g = f64(Array.from({ length: 100 }, (_, i) => (i < 10 ? 1 : 2)));
  const h = f64(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 1 : 2)));
  const t = targets({ g: { 1: 0.5, 2: 0.5 } });

  it('uncapped the small group gets weight 5', () => {
    const r = rimWeights({ columns: columns({ g }), targets: t });
    expect(r.weights[0]).toBeCloseTo(5, 12);
    expect(r.capRounds).toBe(1);
  });

  it('caps that cannot hold together with the targets: not converged, iteration cap respected', () => {
    const r = rimWeights({
      columns: columns({ g }),
      targets: t,
      options: { cap: { min: 0.2, max: 3 } },
    });
    expect(r.converged).toBe(false);
    expect(r.capsHold).toBe(false);
    expect(r.iterations).toBeLessThanOrEqual(1000);
    // The weights returned meet the targets (the last raking), not the caps.
    expect(weightedMargin(g, r.weights, 1)).toBeCloseTo(50, 6);
  });

  it('binding but feasible caps hold, and the margins still hold', () => {
    const next = rng(5);
    const n = 400;
    const a = f64(Array.from({ length: n }, () => (next() < 0.15 ? 1 : 2)));
    const b = f64(
      Array.from({ length: n }, (_, i) => (next() < ((a[i] as number) === 1 ? 0.2 : 0.6) ? 1 : 2)),
    );
    const tt = targets({ a: { 1: 0.3, 2: 0.7 }, b: { 1: 0.5, 2: 0.5 } });
    const uncapped = rimWeights({ columns: columns({ a, b }), targets: tt });
    const max = Math.max(...uncapped.weights);
    const cap = { min: 0.3, max: max * 0.9 };
    const r = rimWeights({ columns: columns({ a, b }), targets: tt, options: { cap } });
    expect(r.converged).toBe(true);
    expect(r.capsHold).toBe(true);
    expect(r.capRounds).toBeGreaterThan(1);
    expect(r.maxRelativeError).toBeLessThanOrEqual(1e-10);
    const mean = r.total / r.rowsWeighted;
    for (const w of r.weights) {
      expect(w).toBeLessThanOrEqual(cap.max * mean * (1 + 1e-10));
      expect(w).toBeGreaterThanOrEqual(cap.min * mean * (1 - 1e-10));
    }
    // Same with a base weight (the loop then runs on rows, not cells).
    const base = f64(Array.from({ length: n }, () => 0.8 + 0.4 * next()));
    const rb = rimWeights({
      columns: columns({ a, b }),
      targets: tt,
      baseWeight: base,
      options: { cap },
    });
    expect(rb.converged).toBe(true);
    // Caps are relative to the mean weight: here the total base weight over the rows.
    const baseMean = rb.total / rb.rowsWeighted;
    expect(Math.max(...rb.weights)).toBeLessThanOrEqual(cap.max * baseMean * (1 + 1e-10));
    expect(Math.min(...rb.weights)).toBeGreaterThanOrEqual(cap.min * baseMean * (1 - 1e-10));
  });

  it('caps already satisfied change nothing', () => {
    const r = rimWeights({
      columns: columns({ h }),
      targets: targets({ h: { 1: 0.5, 2: 0.5 } }),
      options: { cap: { min: 0.5, max: 2 } },
    });
    expect(r.converged).toBe(true);
    expect(r.capRounds).toBe(1);
    expect([...new Set(r.weights)]).toEqual([1]);
  });
});

describe('rimWeights: input errors are thrown, not weighted', () => {
  const ok = { columns: columns({ g: f64([1, 2]) }), targets: targets({ g: { 1: 0.5, 2: 0.5 } }) };
  it.each([
    ['no variables', { ...ok, targets: new Map() }, /no raking variables/],
    [
      'unknown column',
      { ...ok, targets: targets({ x: { 1: 1 } }) },
      /no column for raking variable x/,
    ],
    ['negative target', { ...ok, targets: targets({ g: { 1: -1, 2: 2 } }) }, /not a number ≥ 0/],
    [
      'target for the missing code',
      {
        columns: columns({ g: Uint8Array.from([1, 2]) }),
        targets: targets({ g: { 1: 0.5, 255: 0.5 } }),
      },
      /missing-value code/,
    ],
    ['base weight length', { ...ok, baseWeight: f64([1]) }, /base weight has 1 rows/],
    [
      'column length',
      {
        columns: columns({ g: f64([1, 2]), h: f64([1]) }),
        targets: targets({ g: { 1: 1, 2: 1 }, h: { 1: 2 } }),
      },
      /h has 1 rows/,
    ],
    [
      'cap above 1 for the minimum',
      { ...ok, options: { cap: { min: 1.5, max: 3 } } },
      /min ≤ 1 ≤ max/,
    ],
    ['tolerance 0', { ...ok, options: { tolerance: 0 } }, /tolerance/],
    ['maxIterations 0', { ...ok, options: { maxIterations: 0 } }, /maxIterations/],
  ] as [string, RimInput, RegExp][])('%s', (_, input, message) => {
    expect(() => rimWeights(input)).toThrow(message);
  });
});
