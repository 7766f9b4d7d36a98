/**
 * New respondents placed in a saved clustering: each goes to the nearest stored centre on the
 * stored scaling (nearestCentre.ts — exactly how the segment variable is recomputed), and each
 * who cannot be placed is told why: outside the clustering's filter, or an input not answered.
 */
import type { Classified } from './ruleClassification';
import { nearestCentre } from './nearestCentre';
import type { Scaling } from './standardise';

export function classifyByCentres(
  columns: readonly Float64Array[],
  names: readonly string[],
  scaling: readonly Scaling[],
  centres: readonly (readonly number[])[],
  base?: Uint8Array,
): Classified {
  const codes = nearestCentre(columns, scaling, centres, base);
  const reasons = Array.from(codes, (code, i): string | null => {
    if (!Number.isNaN(code)) return null;
    if (base && base[i] !== 1) return "outside the clustering's filter";
    const missing = names.filter((_, d) => Number.isNaN(columns[d]![i]!));
    return `no answer to ${missing.join(', ')}`;
  });
  return { codes, reasons };
}
