/**
 * The rule engine over literal columns: three-valued logic, first match wins, the universe, the
 * else segment and what a missing answer does — every branch with answers worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { SegmentCondition, SegmentScheme } from '../../../../../src/shared/domain/segments';
import {
  applyScheme,
  evaluateCondition,
  NO,
  rolesUsed,
  UNKNOWN,
  YES,
} from '../../../../../src/main/analysis/segmentation/segmentRules';

const M = Number.NaN;

function columns(values: Record<string, number[]>): Map<string, Float64Array> {
  return new Map(Object.entries(values).map(([role, v]) => [role, Float64Array.from(v)]));
}

function truth(condition: SegmentCondition, values: Record<string, number[]>): number[] {
  const cols = columns(values);
  return Array.from(evaluateCondition(condition, cols, cols.values().next().value!.length));
}

describe('conditions', () => {
  it('compares a role with a number and leaves a missing answer undecided', () => {
    expect(truth({ role: 'a', op: '>=', value: 3 }, { a: [2, 3, 5, M] })).toEqual([
      NO,
      YES,
      YES,
      UNKNOWN,
    ]);
    expect(truth({ role: 'a', op: '!=', value: 3 }, { a: [2, 3, M] })).toEqual([YES, NO, UNKNOWN]);
  });

  it('compares two roles, undecided when either is missing', () => {
    const test: SegmentCondition = { role: 'neg', op: '>', value: { role: 'pos' } };
    expect(truth(test, { neg: [5, 3, 2, M, 4], pos: [2, 3, 5, 1, M] })).toEqual([
      YES,
      NO,
      NO,
      UNKNOWN,
      UNKNOWN,
    ]);
  });

  it('tests membership in a list of codes', () => {
    expect(truth({ role: 'a', in: [1, 4] }, { a: [1, 2, 4, M] })).toEqual([YES, NO, YES, UNKNOWN]);
  });

  it('follows three-valued logic: any is true if one part is, all false if one part is', () => {
    // Rows: every pair of (true, false, unknown) for a and b.
    const a = [5, 5, 5, 1, 1, 1, M, M, M];
    const b = [5, 1, M, 5, 1, M, 5, 1, M];
    const parts: SegmentCondition[] = [
      { role: 'a', op: '>=', value: 3 },
      { role: 'b', op: '>=', value: 3 },
    ];
    const T = YES;
    const F = NO;
    const U = UNKNOWN;
    expect(truth({ any: parts }, { a, b })).toEqual([T, T, T, T, F, U, T, U, U]);
    expect(truth({ all: parts }, { a, b })).toEqual([T, F, U, F, F, F, U, F, U]);
    expect(truth({ not: parts[0]! }, { a, b })).toEqual([F, F, F, T, T, T, U, U, U]);
  });

  it('treats a missing answer as not meeting a test under missingAnswers: not-met', () => {
    const cols = columns({ a: [M, 5], b: [1, M] });
    const any = evaluateCondition(
      {
        any: [
          { role: 'a', op: '>=', value: 3 },
          { role: 'b', op: '>=', value: 3 },
        ],
      },
      cols,
      2,
      'not-met',
    );
    expect(Array.from(any)).toEqual([NO, YES]);
  });
});

const scheme: SegmentScheme = {
  name: 'test',
  title: 'Test',
  roles: [
    { name: 'member', label: 'In the universe when 1' },
    { name: 'high', label: 'High activity' },
    { name: 'low', label: 'Low activity' },
  ],
  universe: { role: 'member', op: '=', value: 1 },
  rules: [
    { code: 1, label: 'High', when: { role: 'high', op: '>=', value: 3 } },
    { code: 2, label: 'Low', when: { role: 'low', op: '>=', value: 3 } },
  ],
  else: { code: 3, label: 'Rest' },
};

describe('applying a scheme', () => {
  // row:           0  1  2  3  4  5  6  7
  const member = [1, 1, 1, 1, 2, M, 1, 1];
  const high = [4, 1, 1, 5, 5, 5, M, 1];
  const low = [1, 4, 1, 4, 1, 1, 4, M];

  it('gives the first matching rule, then else, and nothing outside the universe', () => {
    const outcome = applyScheme(scheme, columns({ member, high, low }), 8);
    // 0 high; 1 low; 2 rest; 3 high wins over low; 4 outside; 5 universe undecided: outside;
    // 6 high unknown: undecided; 7 high no, low unknown: undecided.
    expect(Array.from(outcome.codes)).toEqual([1, 2, 3, 1, M, M, M, M]);
    expect(outcome.universe).toBe(6);
    expect(outcome.undecided).toBe(2);
  });

  it('never skips an undecided earlier rule for a later one', () => {
    const outcome = applyScheme(scheme, columns({ member: [1], high: [M], low: [5] }), 1);
    expect(Array.from(outcome.codes)).toEqual([M]);
    expect(outcome.undecided).toBe(1);
  });

  it('lets a missing answer fail its test under missingAnswers: not-met', () => {
    const outcome = applyScheme(
      { ...scheme, missingAnswers: 'not-met' },
      columns({ member, high, low }),
      8,
    );
    expect(Array.from(outcome.codes)).toEqual([1, 2, 3, 1, M, M, 2, 3]);
    expect(outcome.undecided).toBe(0);
  });

  it('narrows the universe to a mask', () => {
    const mask = Uint8Array.from([1, 0, 1, 0, 1, 1, 0, 0]);
    const outcome = applyScheme(scheme, columns({ member, high, low }), 8, mask);
    expect(Array.from(outcome.codes)).toEqual([1, M, 3, M, M, M, M, M]);
    expect(outcome.universe).toBe(2);
  });

  it('puts everyone in the universe when the scheme has none', () => {
    const { universe: _u, ...everyone } = scheme;
    const outcome = applyScheme(everyone, columns({ high: [1, 5], low: [1, 1] }), 2);
    expect(Array.from(outcome.codes)).toEqual([3, 1]);
  });

  it('lists the roles the universe and the rules test', () => {
    expect(rolesUsed(scheme)).toEqual(['member', 'high', 'low']);
  });
});
