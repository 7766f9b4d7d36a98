/**
 * What a set of RIM targets means: shares or counts, and the total the weights must reach. Shared
 * by the weighting itself and by the pre-check, so both read the same targets the same way.
 *
 * The rule: a variable's numbers are shares when they sum to 1 or to 100, otherwise
 * counts. Shares typed from a report are rounded (33.3 + 33.3 + 33.3 = 99.9), so "sums to 1 or
 * 100" allows ±0.5 %; shares are then divided by their own sum so every variable's margins add up
 * to the same total. Counts are taken as given: the weights sum to their total, and count
 * variables whose totals differ cannot all be met (the pre-check reports it; raking then does not
 * converge).
 */

export type TargetKind = 'shares' | 'counts';

/** Variable name → code → target (share or count). Iteration order is the raking order. */
export type RimTargets = ReadonlyMap<string, ReadonlyMap<number, number>>;

// Relative slack when recognising shares by their sum (rounded percentages).
export const SHARE_SUM_SLACK = 0.005;

// Relative gap beyond which two count totals are "inconsistent".
export const COUNT_TOTAL_TOLERANCE = 1e-9;

export function targetSum(values: Iterable<number>): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum;
}

/** Shares or counts for one variable, by the rule unless the caller says which. */
export function targetKind(sum: number, targetsAre?: TargetKind): TargetKind {
  if (targetsAre) return targetsAre;
  const near = (unit: number) => Math.abs(sum / unit - 1) <= SHARE_SUM_SLACK;
  return near(1) || near(100) ? 'shares' : 'counts';
}

export interface ResolvedTargets {
  readonly name: string;
  readonly kind: TargetKind;
  /** The target codes, in the map's order. */
  readonly codes: number[];
  /** The targets as given. */
  readonly given: number[];
  /** Sum of the given targets. */
  readonly sum: number;
}

export function resolveTargets(targets: RimTargets, targetsAre?: TargetKind): ResolvedTargets[] {
  return [...targets].map(([name, map]) => {
    const codes = [...map.keys()];
    const given = [...map.values()];
    const sum = targetSum(given);
    return { name, kind: targetKind(sum, targetsAre), codes, given, sum };
  });
}

/**
 * The total the weights sum to: the first count variable's total when there is one (counts fix
 * the total), else `baseTotal` (sum of base weights, or row count, of the rows being weighted).
 * `consistent` is false when count variables disagree on the total.
 */
export function weightTotal(
  resolved: readonly ResolvedTargets[],
  baseTotal: number,
): { total: number; consistent: boolean } {
  const counts = resolved.filter((r) => r.kind === 'counts');
  const first = counts[0];
  if (!first) return { total: baseTotal, consistent: true };
  const consistent = counts.every(
    (r) => Math.abs(r.sum - first.sum) <= COUNT_TOTAL_TOLERANCE * Math.abs(first.sum),
  );
  return { total: first.sum, consistent };
}

/** The targets in absolute terms: counts as given, shares scaled to `total`. */
export function absoluteTargets(resolved: ResolvedTargets, total: number): Float64Array {
  const out = Float64Array.from(resolved.given);
  if (resolved.kind === 'shares' && resolved.sum > 0) {
    for (let k = 0; k < out.length; k++) out[k] = ((out[k] as number) / resolved.sum) * total;
  }
  return out;
}
