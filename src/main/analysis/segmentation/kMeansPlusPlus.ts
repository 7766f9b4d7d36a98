/**
 * k-means++ seeding (D. Arthur and S. Vassilvitskii, "k-means++: The Advantages of Careful
 * Seeding", SODA 2007): the first centre is a row drawn uniformly, each next one a row drawn with
 * probability proportional to its squared distance from the nearest centre chosen so far. Seeds
 * spread out this way make Lloyd's iterations start near a good solution and need fewer restarts.
 */
import { randomIndex, type Random } from './seededRandom';

export class TooFewDistinctRowsError extends Error {
  override readonly name = 'TooFewDistinctRowsError';
}

/** k centres (k × variables, row-major) drawn from the rows of `columns`. */
export function kMeansPlusPlus(
  columns: readonly Float64Array[],
  k: number,
  random: Random,
): Float64Array {
  const dims = columns.length;
  const n = columns[0]?.length ?? 0;
  if (n < k)
    throw new TooFewDistinctRowsError(`k-means: ${n} respondents cannot make ${k} clusters`);
  const centres = new Float64Array(k * dims);
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let chosen = randomIndex(random, n);
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < dims; d++) centres[c * dims + d] = columns[d]![chosen]!;
    if (c === k - 1) break;
    let total = 0;
    for (let i = 0; i < n; i++) {
      let distance = 0;
      for (let d = 0; d < dims; d++) {
        const diff = columns[d]![i]! - centres[c * dims + d]!;
        distance += diff * diff;
      }
      if (distance < nearest[i]!) nearest[i] = distance;
      total += nearest[i]!;
    }
    if (!(total > 0))
      throw new TooFewDistinctRowsError(
        `k-means: the respondents have only ${c + 1} distinct combinations of values, fewer than k = ${k}`,
      );
    let target = random() * total;
    chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i]!;
      if (target < 0) {
        chosen = i;
        break;
      }
    }
    // Rounding can leave the walk on a row already chosen (distance 0): take the farthest instead.
    if (!(nearest[chosen]! > 0)) {
      let far = 0;
      for (let i = 1; i < n; i++) if (nearest[i]! > nearest[far]!) far = i;
      chosen = far;
    }
  }
  return centres;
}
