/**
 * The distribution functions the significance tests need, from jstat (../shared/DEPENDENCIES.md §5:
 * exact to 7 digits against closed forms and numerical integration), behind a small typed surface.
 * Nothing here approximates a distribution itself: the only arithmetic is turning a lower-tail CDF
 * into a two-sided or upper-tail p-value.
 */
import jStat from 'jstat';

/**
 * Two-sided p-value of a standard normal statistic: 2·Φ(−|z|). The lower tail is used because
 * 1 − Φ(|z|) loses every digit once Φ(|z|) rounds to 1 (z ≈ 8.3).
 */
export function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (!Number.isFinite(z)) return 0;
  return Math.min(1, 2 * jStat.normal.cdf(-Math.abs(z), 0, 1));
}

/**
 * The |z| at which the two-sided normal p-value is `alpha`: −Φ⁻¹(α/2). Only ever used to skip
 * computing p-values far from a decision (decide() in assemble.ts), never as a p-value.
 */
export function normalTwoSidedCritical(alpha: number): number {
  return -jStat.normal.inv(alpha / 2, 0, 1);
}

/** Two-sided p-value of a Student t statistic with `df` degrees of freedom (df may be fractional). */
export function studentTTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, 2 * jStat.studentt.cdf(-Math.abs(t), df));
}

/** Upper-tail p-value of a chi-square statistic: P(X ≥ x) for X ~ χ²(df). */
export function chiSquareUpperP(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return Number.NaN;
  if (x <= 0) return 1;
  return Math.max(0, 1 - jStat.chisquare.cdf(x, df));
}
