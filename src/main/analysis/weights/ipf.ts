/**
 * Iterative proportional fitting on a table of cells: the arithmetic core of RIM weighting, kept
 * apart from respondents so it runs on a few hundred or thousand joint cells instead of a million
 * rows (../shared/PERFORMANCE.md: 30–50 ms on cells against 0.5 s row by row). A margin is any
 * grouping of the cells — one raking variable, or a combination of dimensions as in a classical
 * contingency-table fit — given as the category of every cell plus a target per category.
 *
 * Convergence rule: after a full sweep over the margins, every margin category is within
 * `tolerance` of its target, relative to the target (a zero target must be met exactly, which
 * one adjustment does). This is stricter and more direct than R survey::rake's rule (the largest
 * change of the joint table between sweeps below epsilon), and it is the property users ask for.
 */

export interface IpfMargin {
  /** The category of every cell, 0…targets.length−1. */
  readonly category: Int32Array;
  /** The total each category must reach. */
  readonly targets: Float64Array;
}

export interface IpfOptions {
  /** Every margin within this of its target, relative (default 1e-10). */
  readonly tolerance?: number;
  /** Sweeps over all margins at most (default 1,000). */
  readonly maxIterations?: number;
}

export interface IpfResult {
  /** The fitted cell totals. */
  readonly fitted: Float64Array;
  readonly converged: boolean;
  /** Sweeps done (each adjusts every margin once). */
  readonly iterations: number;
  /** Largest |margin − target| / target after the last sweep (1 for a target no cell can carry). */
  readonly maxRelativeError: number;
}

export const DEFAULT_TOLERANCE = 1e-10;
export const DEFAULT_MAX_ITERATIONS = 1000;

/** Largest relative gap between a margin and its targets; sums is scratch of targets.length. */
function marginError(fitted: Float64Array, margin: IpfMargin, sums: Float64Array): number {
  const { category, targets } = margin;
  sums.fill(0);
  for (let c = 0; c < fitted.length; c++) {
    const k = category[c] as number;
    sums[k] = (sums[k] as number) + (fitted[c] as number);
  }
  let worst = 0;
  for (let k = 0; k < targets.length; k++) {
    const target = targets[k] as number;
    const sum = sums[k] as number;
    const error =
      target > 0 ? Math.abs(sum - target) / target : sum === target ? 0 : Number.POSITIVE_INFINITY;
    if (error > worst) worst = error;
  }
  return worst;
}

/** Largest relative margin error of `fitted` over all margins. */
export function ipfMaxRelativeError(fitted: Float64Array, margins: readonly IpfMargin[]): number {
  let worst = 0;
  for (const margin of margins) {
    const e = marginError(fitted, margin, new Float64Array(margin.targets.length));
    if (e > worst) worst = e;
  }
  return worst;
}

/**
 * Fits `seed` to the margins (the seed is not modified). Sweeps at most `maxIterations` times;
 * `iterations` is the number of sweeps done when the rule first held (or the cap).
 */
export function ipf(
  seed: Float64Array,
  margins: readonly IpfMargin[],
  options: IpfOptions = {},
): IpfResult {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const fitted = Float64Array.from(seed);
  const n = fitted.length;
  for (const margin of margins) {
    if (margin.category.length !== n) {
      throw new Error(`ipf: a margin has ${margin.category.length} cells, the seed has ${n}`);
    }
  }
  const scratch = margins.map((m) => new Float64Array(m.targets.length));
  let iterations = 0;
  let error = ipfMaxRelativeError(fitted, margins);
  while (iterations < maxIterations) {
    iterations++;
    margins.forEach((margin, v) => {
      const { category, targets } = margin;
      const sums = scratch[v] as Float64Array;
      sums.fill(0);
      for (let c = 0; c < n; c++) {
        const k = category[c] as number;
        sums[k] = (sums[k] as number) + (fitted[c] as number);
      }
      // A category with no weight to scale keeps factor 1: its target cannot be reached, and the
      // error check reports it rather than dividing by zero.
      for (let k = 0; k < sums.length; k++) {
        const sum = sums[k] as number;
        sums[k] = sum > 0 ? (targets[k] as number) / sum : 1;
      }
      for (let c = 0; c < n; c++)
        fitted[c] = (fitted[c] as number) * (sums[category[c] as number] as number);
    });
    error = 0;
    margins.forEach((margin, v) => {
      const e = marginError(fitted, margin, scratch[v] as Float64Array);
      if (e > error) error = e;
    });
    if (error <= tolerance) break;
  }
  return { fitted, converged: error <= tolerance, iterations, maxRelativeError: error };
}
