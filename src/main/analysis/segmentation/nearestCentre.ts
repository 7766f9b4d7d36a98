/**
 * Places respondents in a saved clustering: each respondent with a value on every input goes to
 * the nearest centre (Euclidean, on the clustering's stored scaling), the others are missing. This
 * is how a clustering is saved as a segment variable and recomputed when new sources arrive, and
 * what a typing tool does with new respondents: the clusters themselves never move.
 */
import type { Scaling } from './standardise';

/** Cluster ids 1..k per respondent (NaN where an input is missing or the row is outside `base`). */
export function nearestCentre(
  columns: readonly Float64Array[],
  scaling: readonly Scaling[],
  centres: readonly (readonly number[])[],
  base?: Uint8Array,
): Float64Array {
  const dims = columns.length;
  const rows = columns[0]?.length ?? 0;
  const codes = new Float64Array(rows).fill(Number.NaN);
  const z = new Float64Array(dims);
  for (let i = 0; i < rows; i++) {
    if (base && base[i] !== 1) continue;
    let complete = true;
    for (let d = 0; d < dims; d++) {
      const value = columns[d]![i]!;
      if (value !== value) {
        complete = false;
        break;
      }
      z[d] = (value - scaling[d]!.mean) / scaling[d]!.sd;
    }
    if (!complete) continue;
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let c = 0; c < centres.length; c++) {
      const centre = centres[c]!;
      let distance = 0;
      for (let d = 0; d < dims; d++) {
        const diff = z[d]! - centre[d]!;
        distance += diff * diff;
      }
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    codes[i] = best + 1;
  }
  return codes;
}
