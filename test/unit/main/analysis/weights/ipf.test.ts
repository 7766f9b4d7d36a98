// The cell-level IPF core: hand-checkable tables, the rule for stopping, and the ipfn fixture's
// 2-D and 3-D problems against the tables R's stats::loglin fitted from the same seeds
// (test/reference/weights/ipfn-reference.R → ipfn-expected.json).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type IpfMargin, ipf } from '../../../../../src/main/analysis/weights/ipf';
import { describeWithFixtures, fixture } from '../../../../support/fixtures';
import { referenceDir } from './referenceCases';

const margin = (category: number[], targets: number[]): IpfMargin => ({
  category: Int32Array.from(category),
  targets: Float64Array.from(targets),
});

describe('ipf', () => {
  it('fits a 2 × 2 table of ones to its margins in one sweep (the independence table)', () => {
    // cells (r, c) in row-major order: (0,0) (0,1) (1,0) (1,1)
    const fit = ipf(new Float64Array([1, 1, 1, 1]), [
      margin([0, 0, 1, 1], [3, 1]),
      margin([0, 1, 0, 1], [2, 2]),
    ]);
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBe(1);
    expect([...fit.fitted]).toEqual([1.5, 1.5, 0.5, 0.5]);
    expect(fit.maxRelativeError).toBe(0);
  });

  it('keeps the seed’s odds ratio (IPF only rescales rows and columns)', () => {
    const seed = new Float64Array([4, 1, 2, 3]);
    const fit = ipf(seed, [margin([0, 0, 1, 1], [10, 30]), margin([0, 1, 0, 1], [25, 15])]);
    const [a, b, c, d] = fit.fitted as unknown as number[];
    expect(fit.converged).toBe(true);
    expect(((a as number) * (d as number)) / ((b as number) * (c as number))).toBeCloseTo(6, 9);
    expect(seed).toEqual(new Float64Array([4, 1, 2, 3]));
  });

  it('stops at maxIterations and says it did not converge when margins disagree', () => {
    const fit = ipf(
      new Float64Array([1, 1, 1, 1]),
      [margin([0, 0, 1, 1], [2, 2]), margin([0, 1, 0, 1], [3, 3])],
      { maxIterations: 7 },
    );
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(7);
    expect(fit.maxRelativeError).toBeGreaterThan(0.1);
  });

  it('sets cells of a zero target to zero, and cannot reach a target with no cells', () => {
    const zero = ipf(new Float64Array([1, 2, 3]), [margin([0, 0, 1], [0, 6])]);
    expect([...zero.fitted]).toEqual([0, 0, 6]);
    expect(zero.converged).toBe(true);
    const empty = ipf(new Float64Array([0, 0, 3]), [margin([0, 0, 1], [2, 6])], {
      maxIterations: 5,
    });
    expect(empty.converged).toBe(false);
    expect(empty.maxRelativeError).toBe(1);
  });

  it('rejects a margin whose cell count differs from the seed', () => {
    expect(() => ipf(new Float64Array(3), [margin([0, 1], [1, 1])])).toThrow(/2 cells/);
  });
});

interface IpfnInputs {
  numpy_2D: { seed: number[][]; aggregates: Record<string, number[]> };
  numpy_3D: {
    shape: [number, number, number];
    seed_nonzero: Record<string, number>;
    aggregates: Record<string, number[] | number[][]>;
  };
}

const expected = JSON.parse(
  readFileSync(path.join(referenceDir, 'ipfn-expected.json'), 'utf8'),
) as {
  numpy_2D: { fitted: number[][] };
  numpy_3D: { fittedRowMajor: number[] };
};

function expectClose(ours: Float64Array, theirs: number[]): void {
  expect(ours.length).toBe(theirs.length);
  theirs.forEach((t, c) => {
    // Ours stops when margins are within 1e-10 (default tolerance); loglin's eps was 1e-13.
    expect(Math.abs((ours[c] as number) - t) / t).toBeLessThan(1e-9);
  });
}

describeWithFixtures('ipf on the ipfn fixture, against R stats::loglin', () => {
  const inputs = JSON.parse(
    readFileSync(fixture('ipfn/ipfn_test_inputs.json'), 'utf8'),
  ) as IpfnInputs;

  it('numpy_2D: a 3 × 4 seed to row and column totals', () => {
    const { seed, aggregates } = inputs.numpy_2D;
    const rows = seed.length;
    const cols = (seed[0] as number[]).length;
    const cells = Float64Array.from(seed.flat());
    const rowOf = Int32Array.from({ length: rows * cols }, (_, c) => Math.floor(c / cols));
    const colOf = Int32Array.from({ length: rows * cols }, (_, c) => c % cols);
    const fit = ipf(cells, [
      { category: rowOf, targets: Float64Array.from(aggregates['rows (dimension [0])'] ?? []) },
      { category: colOf, targets: Float64Array.from(aggregates['columns (dimension [1])'] ?? []) },
    ]);
    expect(fit.converged).toBe(true);
    expectClose(fit.fitted, expected.numpy_2D.fitted.flat());
  });

  it('numpy_3D: a 2 × 4 × 3 seed to three 1-D and two 2-D margins', () => {
    const { shape, seed_nonzero, aggregates } = inputs.numpy_3D;
    const [ni, nj, nk] = shape;
    const size = ni * nj * nk;
    const cells = new Float64Array(size);
    for (const [key, value] of Object.entries(seed_nonzero)) {
      const [i, j, k] = key.split(',').map(Number) as [number, number, number];
      cells[(i * nj + j) * nk + k] = value;
    }
    const index = (f: (i: number, j: number, k: number) => number) =>
      Int32Array.from({ length: size }, (_, c) =>
        f(Math.floor(c / (nj * nk)), Math.floor(c / nk) % nj, c % nk),
      );
    const flat = (name: string) => Float64Array.from((aggregates[name] ?? []).flat());
    const fit = ipf(cells, [
      { category: index((i) => i), targets: flat('xipp [0]') },
      { category: index((_, j) => j), targets: flat('xpjp [1]') },
      { category: index((_, __, k) => k), targets: flat('xppk [2]') },
      { category: index((i, j) => i * nj + j), targets: flat('xijp [0,1]') },
      { category: index((_, j, k) => j * nk + k), targets: flat('xpjk [1,2]') },
    ]);
    expect(fit.converged).toBe(true);
    expectClose(fit.fitted, expected.numpy_3D.fittedRowMajor);
  });
});
