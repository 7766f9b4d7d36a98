/**
 * What each preset fixes besides the test statistic: default confidence levels, which levels are
 * allowed, and how p-values are adjusted for multiple comparisons (docs/statistics.md,
 * "Significance tests", gives the sources).
 */
import type { Adjustment, SignificanceOptions, SignificancePreset } from './types';

export interface PresetRules {
  readonly preset: SignificancePreset;
  readonly adjustment: Adjustment;
  /** Strictest first. */
  readonly levels: readonly number[];
  /** α of each level, in the same order. */
  readonly alphas: readonly number[];
}

const DEFAULT_LEVELS: Record<SignificancePreset, readonly number[]> = {
  spss: [0.95],
  // Dimensions' default significance level is 5%.
  dimensions: [0.95],
  // Q's default letters: upper case at p ≤ 0.001, lower case at p ≤ 0.05.
  q: [0.999, 0.95],
};

const ADJUSTMENT: Record<SignificancePreset, Adjustment> = {
  // SPSS CTABLES COMPARETEST ADJUST=BONFERRONI, over the pairs compared within a row of a subtable.
  spss: 'bonferroni',
  // Dimensions tests each pair at the nominal level (no adjustment option in its column tests).
  dimensions: 'none',
  // Q's default multiple comparison correction: false discovery rate.
  q: 'benjamini-hochberg',
};

/** Dimensions offers exactly these significance levels (10%, 5%, 1%). */
const DIMENSIONS_LEVELS = [0.9, 0.95, 0.99];

export function resolvePreset(options: SignificanceOptions = {}): PresetRules {
  const preset = options.preset ?? 'spss';
  if (!(preset in DEFAULT_LEVELS)) throw new RangeError(`unknown significance preset "${preset}"`);
  const requested = options.levels ?? DEFAULT_LEVELS[preset];
  if (requested.length < 1 || requested.length > 2) {
    throw new RangeError(`one or two confidence levels, got ${requested.length}`);
  }
  for (const level of requested) {
    if (!(level > 0 && level < 1)) {
      throw new RangeError(`a confidence level is between 0 and 1 (e.g. 0.95), got ${level}`);
    }
    if (preset === 'dimensions' && !DIMENSIONS_LEVELS.some((l) => Math.abs(l - level) < 1e-9)) {
      throw new RangeError(`the dimensions preset offers 0.90, 0.95 and 0.99, got ${level}`);
    }
  }
  if (requested.length === 2 && Math.abs(requested[0]! - requested[1]!) < 1e-12) {
    throw new RangeError('the two confidence levels must differ');
  }
  const levels = [...requested].sort((a, b) => b - a);
  return { preset, adjustment: ADJUSTMENT[preset], levels, alphas: levels.map(alphaOf) };
}

/** α for a confidence level, cleaned of binary noise (1 − 0.95 = 0.050000000000000044). */
export function alphaOf(level: number): number {
  return Number((1 - level).toPrecision(12));
}

/**
 * The strictest level whose α the adjusted p-value is below (significant when p < α), as its
 * index in rules.levels, else -1.
 */
export function levelIndexMet(adjustedP: number, rules: PresetRules): number {
  for (let i = 0; i < rules.alphas.length; i++) if (adjustedP < rules.alphas[i]!) return i;
  return -1;
}

export function formatLevel(level: number): string {
  return `${Number((level * 100).toPrecision(6))}%`;
}
