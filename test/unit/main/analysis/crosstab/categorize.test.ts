import { describe, expect, it } from 'vitest';
import { categorize, NONE } from '../../../../../src/main/analysis/crosstab/categorize';
import type { TableVariable } from '../../../../../src/main/analysis/crosstab/tableData';

function variable(values: Float64Array, change: Partial<TableVariable> = {}): TableVariable {
  return {
    name: 'q1',
    type: 'single',
    label: null,
    valueLabels: [
      { code: 1, label: 'Yes' },
      { code: 2, label: 'No' },
    ],
    missing: [],
    values,
    ...change,
  };
}

describe('categorize, kept per column between tables', () => {
  it('gives the kept categories for the same values and codebook', () => {
    const values = Float64Array.from([1, 2, 9, Number.NaN]);
    const first = categorize(variable(values));
    expect(categorize(variable(values))).toBe(first);
    expect(first.codes).toEqual([1, 2, 9]);
    expect(Array.from(first.index)).toEqual([0, 1, 2, NONE]);
  });

  it('categorises new values afresh, even when they are equal to the old', () => {
    const first = categorize(variable(Float64Array.from([1, 2, 9])));
    const changed = categorize(variable(Float64Array.from([2, 2, 1])));
    expect(changed).not.toBe(first);
    expect(changed.codes).toEqual([1, 2]);
    expect(Array.from(changed.index)).toEqual([1, 1, 0]);
  });

  it('categorises afresh when the missing codes or the value labels change', () => {
    const values = Float64Array.from([1, 2, 9]);
    const first = categorize(variable(values));
    const nineMissing = categorize(variable(values, { missing: [9] }));
    expect(nineMissing.codes).toEqual([1, 2]);
    expect(Array.from(nineMissing.index)).toEqual([0, 1, NONE]);
    const relabelled = categorize(
      variable(values, {
        valueLabels: [
          { code: 2, label: 'No' },
          { code: 1, label: 'Yes, surely' },
        ],
      }),
    );
    expect(relabelled.labels).toEqual(['No', 'Yes, surely', '9']);
    expect(Array.from(relabelled.index)).toEqual([1, 0, 2]);
    expect(categorize(variable(values))).toBe(first);
  });

  it('hands out categories nobody can change', () => {
    const kept = categorize(variable(Float64Array.from([1, 2])));
    expect(() => (kept.codes as number[]).push(3)).toThrow();
    expect(() => (kept.labels as string[]).splice(0, 1)).toThrow();
  });
});
