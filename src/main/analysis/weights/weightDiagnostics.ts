/**
 * What a set of weights costs in precision, in the figures clients ask for: converged or not,
 * iterations, the range and mean of the weights, and Kish's effective base and weighting
 * efficiency. Kish (1965, Survey Sampling §11.7; 1992, "Weighting for unequal Pᵢ", Journal of
 * Official Statistics 8(2), 183–200): the design effect of unequal weights is
 * deff = n·Σw² / (Σw)² = 1 + CV²(w), so the effective base is n / deff = (Σw)² / Σw² and the
 * efficiency is that over n (a fraction, 1 = all weights equal). Scaling the weights changes
 * neither, so groups can be compared whatever their totals.
 *
 * Rows whose weight is NaN (not weighted) are left out of every figure, n included; zero weights
 * count in n (the row is in the sample and weighted to nothing), as in R's weights(design).
 */
import type { RowSubset } from './codeColumn';

export interface WeightSummary {
  /** Rows with a weight (NaN excluded). */
  readonly n: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Kish effective base (Σw)² / Σw². */
  readonly effectiveBase: number;
  /** effectiveBase / n, a fraction. */
  readonly efficiency: number;
}

export interface WeightDiagnostics extends WeightSummary {
  readonly converged: boolean;
  readonly iterations: number;
}

/** Range, mean and Kish figures of the weights of `rows` (every row when absent). */
export function summarizeWeights(
  weights: Float64Array,
  rows: RowSubset | null = null,
): WeightSummary {
  const m = rows === null ? weights.length : rows.length;
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < m; i++) {
    const w = weights[rows === null ? i : (rows[i] as number)] as number;
    if (Number.isNaN(w)) continue;
    n++;
    sum += w;
    sumSquares += w * w;
    if (w < min) min = w;
    if (w > max) max = w;
  }
  if (n === 0) {
    const nan = Number.NaN;
    return { n, sum, min: nan, max: nan, mean: nan, effectiveBase: nan, efficiency: nan };
  }
  const effectiveBase = sumSquares > 0 ? (sum * sum) / sumSquares : Number.NaN;
  return { n, sum, min, max, mean: sum / n, effectiveBase, efficiency: effectiveBase / n };
}

/** The summary plus how the weights were reached. */
export function weightDiagnostics(
  weights: Float64Array,
  fit: { readonly converged: boolean; readonly iterations: number },
  rows: RowSubset | null = null,
): WeightDiagnostics {
  return {
    converged: fit.converged,
    iterations: fit.iterations,
    ...summarizeWeights(weights, rows),
  };
}
