// Combining groups (countries): as weighted, equal totals, or totals proportional to population.
import { describe, expect, it } from 'vitest';
import { combineWeights } from '../../../../../src/main/analysis/weights/combineWeights';
import { summarizeWeights } from '../../../../../src/main/analysis/weights/weightDiagnostics';

// Group 1: three rows summing to 3; group 2: one row of 1; one row without a group (NaN code).
const weights = Float64Array.from([1, 0.5, 1.5, 1, 2]);
const group = Float64Array.from([1, 1, 1, 2, Number.NaN]);

describe('combineWeights', () => {
  it("'weighted' keeps every weight; rows without a group get NaN", () => {
    const r = combineWeights(weights, group, { mode: 'weighted' });
    expect([...r.weights]).toEqual([1, 0.5, 1.5, 1, Number.NaN]);
    expect(r.groups).toEqual([
      { group: 1, before: 3, after: 3, factor: 1 },
      { group: 2, before: 1, after: 1, factor: 1 },
    ]);
  });

  it("'equal' gives each group the same total, keeping the overall total", () => {
    const r = combineWeights(weights, group, { mode: 'equal' });
    expect([...r.weights.subarray(0, 4)]).toEqual([2 / 3, 1 / 3, 1, 2]);
    expect(r.groups.map((g) => g.after)).toEqual([2, 2]);
  });

  it("'population' makes group totals proportional to the figures; total can be set", () => {
    const population = new Map([
      [1, 30],
      [2, 70],
    ]);
    const r = combineWeights(weights, group, { mode: 'population', population });
    expect(r.groups.map((g) => +g.after.toFixed(12))).toEqual([1.2, 2.8]);
    const projected = combineWeights(weights, group, {
      mode: 'population',
      population,
      total: 100,
    });
    expect(projected.groups.map((g) => +g.after.toFixed(10))).toEqual([30, 70]);
    expect(summarizeWeights(projected.weights).sum).toBeCloseTo(100, 10);
  });

  it('leaves shape within a group alone: each group’s efficiency is unchanged', () => {
    const before = summarizeWeights(weights, Int32Array.from([0, 1, 2])).efficiency;
    const r = combineWeights(weights, group, { mode: 'equal' });
    expect(summarizeWeights(r.weights, Int32Array.from([0, 1, 2])).efficiency).toBeCloseTo(
      before,
      14,
    );
  });

  it('ignores groups with no weight (all NaN) when sharing the total', () => {
    const w = Float64Array.from([1, 1, Number.NaN]);
    const g = Uint8Array.from([1, 2, 3]);
    const r = combineWeights(w, g, { mode: 'equal' });
    expect([...r.weights]).toEqual([1, 1, Number.NaN]);
  });

  it('needs a population figure for every group with weight', () => {
    expect(() => combineWeights(weights, group, { mode: 'population' })).toThrow(
      /needs population/,
    );
    expect(() =>
      combineWeights(weights, group, { mode: 'population', population: new Map([[1, 5]]) }),
    ).toThrow(/no population figure for group 2/);
    expect(() =>
      combineWeights(weights, group, {
        mode: 'population',
        population: new Map([
          [1, 5],
          [2, -1],
        ]),
      }),
    ).toThrow(/population -1 of group 2/);
    expect(() => combineWeights(weights, Float64Array.from([1]), { mode: 'equal' })).toThrow(
      /1 group codes/,
    );
  });
});
