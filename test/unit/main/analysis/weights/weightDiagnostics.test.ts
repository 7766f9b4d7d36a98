// Kish's effective base and efficiency on weights small enough to work out by hand.
import { describe, expect, it } from 'vitest';
import {
  summarizeWeights,
  weightDiagnostics,
} from '../../../../../src/main/analysis/weights/weightDiagnostics';

describe('summarizeWeights', () => {
  it('equal weights: efficiency 1, effective base n, whatever the scale', () => {
    const s = summarizeWeights(Float64Array.from([2.5, 2.5, 2.5, 2.5]));
    expect(s).toEqual({
      n: 4,
      sum: 10,
      min: 2.5,
      max: 2.5,
      mean: 2.5,
      effectiveBase: 4,
      efficiency: 1,
    });
  });

  it('weights 1, 1, 2, 4: effective base 64 / 22, efficiency (64 / 22) / 4', () => {
    const s = summarizeWeights(Float64Array.from([1, 1, 2, 4]));
    expect(s.effectiveBase).toBeCloseTo(64 / 22, 14);
    expect(s.efficiency).toBeCloseTo(64 / 22 / 4, 14);
    // The same through 1 / (1 + CV²), CV with the population variance (Kish's deff = 1 + CV²).
    const mean = 2;
    const variance = ((1 - mean) ** 2 * 2 + 0 + (4 - mean) ** 2) / 4;
    expect(s.efficiency).toBeCloseTo(1 / (1 + variance / mean ** 2), 14);
    expect([s.min, s.max, s.mean, s.sum]).toEqual([1, 4, 2, 8]);
  });

  it('leaves NaN rows out (n included) and counts zero weights in n', () => {
    const s = summarizeWeights(Float64Array.from([1, Number.NaN, 0, 3]));
    expect(s.n).toBe(3);
    expect(s.sum).toBe(4);
    expect(s.min).toBe(0);
    expect(s.effectiveBase).toBeCloseTo(16 / 10, 14);
    expect(s.efficiency).toBeCloseTo(16 / 10 / 3, 14);
  });

  it('summarizes only the given rows', () => {
    const s = summarizeWeights(Float64Array.from([1, 10, 1, 10]), Int32Array.from([0, 2]));
    expect(s).toMatchObject({ n: 2, sum: 2, max: 1, efficiency: 1 });
  });

  it('no weighted row: NaN figures, n 0', () => {
    const s = summarizeWeights(Float64Array.from([Number.NaN]));
    expect(s.n).toBe(0);
    expect(Number.isNaN(s.efficiency)).toBe(true);
    expect(Number.isNaN(s.mean)).toBe(true);
  });
});

describe('weightDiagnostics', () => {
  it('adds convergence and iterations', () => {
    const d = weightDiagnostics(Float64Array.from([1, 3]), { converged: true, iterations: 7 });
    expect(d).toMatchObject({ converged: true, iterations: 7, n: 2, mean: 2, efficiency: 0.8 });
  });
});
