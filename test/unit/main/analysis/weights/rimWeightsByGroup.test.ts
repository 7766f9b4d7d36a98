// Raking per group (country): each group's weights are what raking that group alone gives, rows
// outside every group get none, and diagnostics come per group and overall.
import { describe, expect, it } from 'vitest';
import type { CodeColumn } from '../../../../../src/main/analysis/weights/codeColumn';
import { type RimTargets, rimWeights } from '../../../../../src/main/analysis/weights/rimWeights';
import { rimWeightsByGroup } from '../../../../../src/main/analysis/weights/rimWeightsByGroup';

const targets = (entries: Record<string, Record<number, number>>): RimTargets =>
  new Map(
    Object.entries(entries).map(([name, t]) => [
      name,
      new Map(Object.entries(t).map(([code, v]) => [Number(code), v])),
    ]),
  );

// 12 rows: country 1 (rows 0–5), 2 (rows 6–9), 3 (row 10, no targets); row 11's country missing.
const country = Uint8Array.from([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 255]);
const gender = Float64Array.from([1, 1, 1, 1, 2, 2, 1, 2, 2, 2, 1, 2]);
const age = Float64Array.from([1, 2, 1, 2, 1, 2, 1, 1, 2, 2, 1, 1]);
const columns = new Map<string, CodeColumn>([
  ['gender', gender],
  ['age', age],
]);
const byCountry = new Map<number, RimTargets>([
  [1, targets({ gender: { 1: 0.5, 2: 0.5 }, age: { 1: 0.4, 2: 0.6 } })],
  [2, targets({ gender: { 1: 0.5, 2: 0.5 } })],
]);

describe('rimWeightsByGroup', () => {
  it('rakes each group on its own rows to its own targets', () => {
    const r = rimWeightsByGroup({ columns, group: country, targets: byCountry });
    const alone = rimWeights({
      columns: new Map([
        ['gender', gender.subarray(0, 6)],
        ['age', age.subarray(0, 6)],
      ]),
      targets: byCountry.get(1) as RimTargets,
    });
    for (let i = 0; i < 6; i++) expect(r.weights[i]).toBeCloseTo(alone.weights[i] as number, 14);
    expect([...r.weights.subarray(6, 10)]).toEqual([2, 2 / 3, 2 / 3, 2 / 3]);
    expect(Number.isNaN(r.weights[10])).toBe(true);
    expect(Number.isNaN(r.weights[11])).toBe(true);
    expect(r.rowsWithoutGroup).toBe(2);
  });

  it('gives the same weights from Uint8 codes (the integer fast path over a group’s rows)', () => {
    const asFloat = rimWeightsByGroup({ columns, group: country, targets: byCountry });
    const asBytes = rimWeightsByGroup({
      columns: new Map<string, CodeColumn>([
        ['gender', Uint8Array.from(gender)],
        ['age', Uint8Array.from(age)],
      ]),
      group: country,
      targets: byCountry,
    });
    expect(asBytes.weights).toEqual(asFloat.weights);
  });

  it('reports diagnostics per group and overall', () => {
    const r = rimWeightsByGroup({ columns, group: country, targets: byCountry });
    expect(r.groups.map((g) => g.group)).toEqual([1, 2]);
    const two = r.groups[1];
    expect(two?.rim.converged).toBe(true);
    expect(two?.diagnostics).toMatchObject({ n: 4, min: 2 / 3, max: 2, converged: true });
    expect(two?.diagnostics.efficiency).toBeCloseTo(16 / (4 + 3 * (4 / 9)) / 4, 14);
    expect(r.overall.n).toBe(10);
    expect(r.overall.converged).toBe(true);
    expect(r.overall.iterations).toBe(Math.max(...r.groups.map((g) => g.rim.iterations)));
  });

  it('combines groups: equal totals', () => {
    const r = rimWeightsByGroup({
      columns,
      group: country,
      targets: byCountry,
      combine: { mode: 'equal' },
    });
    expect(r.groups.map((g) => g.diagnostics.sum.toFixed(10))).toEqual([
      '5.0000000000',
      '5.0000000000',
    ]);
    expect(r.overall.sum).toBeCloseTo(10, 12);
  });

  it('overall is not converged when one group is not', () => {
    const r = rimWeightsByGroup({
      columns,
      group: country,
      targets: new Map([...byCountry, [2, targets({ gender: { 1: 0.5, 2: 0.3, 3: 0.2 } })]]),
      options: { maxIterations: 10 },
    });
    expect(r.groups[0]?.diagnostics.converged).toBe(true);
    expect(r.groups[1]?.diagnostics.converged).toBe(false);
    expect(r.overall.converged).toBe(false);
  });

  it('rejects columns whose length differs from the group column', () => {
    expect(() =>
      rimWeightsByGroup({
        columns: new Map([['gender', gender.subarray(0, 5)]]),
        group: country,
        targets: byCountry,
      }),
    ).toThrow(/gender has 5 rows/);
  });
});
