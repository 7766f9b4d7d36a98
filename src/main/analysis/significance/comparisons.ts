/**
 * Every comparison of a table, tested or not, as columns of typed arrays (struct of arrays)
 * rather than an object per pair: a 1,000-table banner makes about 200,000 comparisons, and an
 * object (or three) for each was most of the time and garbage of its significance step. The
 * comparisons are kept in the order they are made, so the tested ones and the skipped ones each
 * keep the order the public results list them in.
 */
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
const TEST_CODE = new Map(TESTS.map((test, code) => [test, code]));

/** Status 0 is "tested"; a skipped comparison stores its reason's position here plus one. */
export const SKIP_REASONS: readonly SkipReason[] = [
  'empty-column',
  'zero-or-hundred-percent',
  'identical',
  'no-variance',
  'too-few-cases',
  'no-overlap-data',
];
const SKIP_CODE = new Map(SKIP_REASONS.map((reason, code) => [reason, code + 1]));
export const TESTED = 0;

/** Columns are positions within their group; b = -1 is the Total (its complement, in fact). */
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
  p: Float64Array;
  overlapCorrected: Uint8Array;

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
  }

  /** Room for one more: grows (doubling) only when the caller's estimate was short. */
  private next(kind: number, group: number, row: number, a: number, b: number): number {
    if (this.length === this.kind.length) this.grow();
    const i = this.length++;
    this.kind[i] = kind;
    this.group[i] = group;
    this.row[i] = row;
    this.a[i] = a;
    this.b[i] = b;
    return i;
  }

  tested(
    kind: number,
    group: number,
    row: number,
    a: number,
    b: number,
    test: TestName,
    statistic: number,
    df: number | null,
    p: number,
    overlapCorrected: boolean,
  ): void {
    const i = this.next(kind, group, row, a, b);
    this.status[i] = TESTED;
    this.test[i] = TEST_CODE.get(test)!;
    this.statistic[i] = statistic;
    this.df[i] = df === null ? Number.NaN : df;
    this.p[i] = p;
    this.overlapCorrected[i] = overlapCorrected ? 1 : 0;
  }

  skipped(
    kind: number,
    group: number,
    row: number,
    a: number,
    b: number,
    reason: SkipReason,
  ): void {
    const i = this.next(kind, group, row, a, b);
    this.status[i] = SKIP_CODE.get(reason)!;
  }

  /** The df of comparison i as the results give it: null for a z-test. */
  dfAt(i: number): number | null {
    const df = this.df[i]!;
    return Number.isNaN(df) ? null : df;
  }

  private grow(): void {
    const size = this.kind.length * 2;
    const grown = <T extends Uint8Array | Int32Array | Float64Array>(
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
  }
}
