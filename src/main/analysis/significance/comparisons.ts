/**
 * Every comparison of a table, tested or not, as columns of typed arrays (struct of arrays)
 * rather than an object per pair: a 1,000-table banner makes about 200,000 comparisons, and an
 * object (or three) for each was most of the time and garbage of its significance step. The
 * comparisons are kept in the order they are made, so the tested ones and the skipped ones each
 * keep the order the public results list them in.
 */
import { bonferroni } from './adjust';
import { normalTwoSidedP } from './distributions';
import type { ComparisonKind, SkipReason, TestName } from './types';

export const KINDS: readonly ComparisonKind[] = ['columns', 'total', 'previous'];
export const KIND_CODE: Readonly<Record<ComparisonKind, number>> = {
  columns: 0,
  total: 1,
  previous: 2,
};

export const TESTS: readonly TestName[] = [
  'z-pooled-proportion',
  't-dimensions-proportion',
  't-pooled-table',
  't-pooled-pair',
  't-welch',
];
/** Codes of TESTS, for callers that record many comparisons (a constant key is a cheap lookup). */
export const TEST_CODE: Readonly<Record<TestName, number>> = {
  'z-pooled-proportion': 0,
  't-dimensions-proportion': 1,
  't-pooled-table': 2,
  't-pooled-pair': 3,
  't-welch': 4,
};

/** Status 0 is "tested"; a skipped comparison stores its reason's position here plus one. */
export const SKIP_REASONS: readonly SkipReason[] = [
  'empty-column',
  'zero-or-hundred-percent',
  'identical',
  'no-variance',
  'too-few-cases',
  'no-overlap-data',
];
export const SKIP_CODE: Readonly<Record<SkipReason, number>> = {
  'empty-column': 1,
  'zero-or-hundred-percent': 2,
  identical: 3,
  'no-variance': 4,
  'too-few-cases': 5,
  'no-overlap-data': 6,
};
export const TESTED = 0;

/**
 * Columns are positions within their group; b = -1 is the Total (its complement, in fact). One
 * instance may hold several tables one after another (a cross-table's stubs): decide() and the
 * notes take the index where a table starts.
 */
export class Comparisons {
  length = 0;
  kind: Uint8Array;
  group: Int32Array;
  row: Int32Array;
  a: Int32Array;
  b: Int32Array;
  /** TESTED, or 1 + the position of the skip reason in SKIP_REASONS. */
  status: Uint8Array;
  test: Uint8Array;
  statistic: Float64Array;
  /** NaN where the test has no degrees of freedom (a z-test). */
  df: Float64Array;
  /**
   * NaN until needed for a z-test: its p-value is computed when read through pAt(), which
   * decide() does only where the statistic is near a decision. Read p-values through pAt().
   */
  p: Float64Array;
  overlapCorrected: Uint8Array;
  /**
   * Written by decide(): the size of the comparison's Bonferroni family (1 when not adjusted),
   * the adjusted p-value (NaN until read through adjustedAt()) and the index into the preset's
   * levels of the strictest level met, or -1.
   */
  family: Uint32Array;
  adjusted: Float64Array;
  level: Int8Array;

  constructor(capacity = 16) {
    const size = Math.max(1, capacity);
    this.kind = new Uint8Array(size);
    this.group = new Int32Array(size);
    this.row = new Int32Array(size);
    this.a = new Int32Array(size);
    this.b = new Int32Array(size);
    this.status = new Uint8Array(size);
    this.test = new Uint8Array(size);
    this.statistic = new Float64Array(size);
    this.df = new Float64Array(size);
    this.p = new Float64Array(size);
    this.overlapCorrected = new Uint8Array(size);
    this.family = new Uint32Array(size);
    this.adjusted = new Float64Array(size);
    this.level = new Int8Array(size);
  }

  /** Makes room for `more` comparisons at once (a table knows how many it will make). */
  reserve(more: number): void {
    const needed = this.length + more;
    if (needed > this.kind.length) this.grow(Math.max(needed, this.kind.length * 2));
  }

  /** Room for one more: grows (doubling) only when the caller's estimate was short. */
  private next(kind: number, group: number, row: number, a: number, b: number): number {
    if (this.length === this.kind.length) this.grow(this.kind.length * 2);
    const i = this.length++;
    this.kind[i] = kind;
    this.group[i] = group;
    this.row[i] = row;
    this.a[i] = a;
    this.b[i] = b;
    return i;
  }

  /** `test` is a TEST_CODE. */
  tested(
    kind: number,
    group: number,
    row: number,
    a: number,
    b: number,
    test: number,
    statistic: number,
    df: number | null,
    p: number,
    overlapCorrected: boolean,
  ): void {
    const i = this.next(kind, group, row, a, b);
    this.status[i] = TESTED;
    this.test[i] = test;
    this.statistic[i] = statistic;
    this.df[i] = df === null ? Number.NaN : df;
    this.p[i] = p;
    this.overlapCorrected[i] = overlapCorrected ? 1 : 0;
  }

  /** `reason` is a SKIP_CODE. */
  skipped(kind: number, group: number, row: number, a: number, b: number, reason: number): void {
    const i = this.next(kind, group, row, a, b);
    this.status[i] = reason;
  }

  /** The p-value of comparison i, computed on first read for a z-test. */
  pAt(i: number): number {
    let p = this.p[i]!;
    if (Number.isNaN(p) && this.test[i] === TEST_CODE['z-pooled-proportion']) {
      p = normalTwoSidedP(this.statistic[i]!);
      this.p[i] = p;
    }
    return p;
  }

  /** The adjusted p-value of comparison i (after decide()). */
  adjustedAt(i: number): number {
    let adjusted = this.adjusted[i]!;
    if (Number.isNaN(adjusted)) {
      // min(1, p·1) = p: unadjusted comparisons have a family of one.
      adjusted = bonferroni(this.pAt(i), this.family[i]!);
      this.adjusted[i] = adjusted;
    }
    return adjusted;
  }

  /** The df of comparison i as the results give it: null for a z-test. */
  dfAt(i: number): number | null {
    const df = this.df[i]!;
    return Number.isNaN(df) ? null : df;
  }

  private grow(size: number): void {
    const grown = <T extends Int8Array | Uint8Array | Int32Array | Uint32Array | Float64Array>(
      old: T,
      make: (n: number) => T,
    ): T => {
      const fresh = make(size);
      fresh.set(old);
      return fresh;
    };
    this.kind = grown(this.kind, (n) => new Uint8Array(n));
    this.group = grown(this.group, (n) => new Int32Array(n));
    this.row = grown(this.row, (n) => new Int32Array(n));
    this.a = grown(this.a, (n) => new Int32Array(n));
    this.b = grown(this.b, (n) => new Int32Array(n));
    this.status = grown(this.status, (n) => new Uint8Array(n));
    this.test = grown(this.test, (n) => new Uint8Array(n));
    this.statistic = grown(this.statistic, (n) => new Float64Array(n));
    this.df = grown(this.df, (n) => new Float64Array(n));
    this.p = grown(this.p, (n) => new Float64Array(n));
    this.overlapCorrected = grown(this.overlapCorrected, (n) => new Uint8Array(n));
    this.family = grown(this.family, (n) => new Uint32Array(n));
    this.adjusted = grown(this.adjusted, (n) => new Float64Array(n));
    this.level = grown(this.level, (n) => new Int8Array(n));
  }
}
