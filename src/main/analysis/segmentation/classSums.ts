/**
 * What linear discriminant analysis needs from the training respondents, computed once for every
 * candidate question together: each segment's size and mean answers, and the pooled within-segment
 * sums of squares and cross-products (deviations from the respondent's own segment's mean). A
 * model on any subset of the questions then reads its covariance from this matrix, so trying one
 * more question in forward selection costs no pass over the respondents.
 */

export interface ClassSums {
  /** Number of segments (classes) g; classes are 0..g-1. */
  classes: number;
  /** Number of questions p. */
  dims: number;
  /** Training respondents. */
  n: number;
  /** Respondents per class. */
  counts: Float64Array;
  /** g × p, row-major. */
  means: Float64Array;
  /** p × p pooled within-class sums of squares and cross-products. */
  scatter: Float64Array;
}

/** Over `rows` (indices into the columns), each respondent in class `classOf[row]`. */
export function classSums(
  columns: readonly Float64Array[],
  classOf: Int32Array,
  classes: number,
  rows: Int32Array,
): ClassSums {
  const dims = columns.length;
  const counts = new Float64Array(classes);
  const means = new Float64Array(classes * dims);
  for (const row of rows) {
    const c = classOf[row]!;
    counts[c]!++;
    for (let d = 0; d < dims; d++) means[c * dims + d]! += columns[d]![row]!;
  }
  for (let c = 0; c < classes; c++)
    for (let d = 0; d < dims; d++) if (counts[c]! > 0) means[c * dims + d]! /= counts[c]!;
  // Second pass on deviations from the class mean: no cancellation of large sums.
  const scatter = new Float64Array(dims * dims);
  const deviation = new Float64Array(dims);
  for (const row of rows) {
    const c = classOf[row]!;
    for (let d = 0; d < dims; d++) deviation[d] = columns[d]![row]! - means[c * dims + d]!;
    for (let a = 0; a < dims; a++) {
      const da = deviation[a]!;
      for (let b = 0; b <= a; b++) scatter[a * dims + b]! += da * deviation[b]!;
    }
  }
  for (let a = 0; a < dims; a++)
    for (let b = 0; b < a; b++) scatter[b * dims + a] = scatter[a * dims + b]!;
  return { classes, dims, n: rows.length, counts, means, scatter };
}
