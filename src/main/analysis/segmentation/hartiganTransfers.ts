/**
 * Polishes a converged Lloyd solution with single-row transfers (J. A. Hartigan, *Clustering
 * Algorithms*, Wiley 1975, ch. 4; the idea behind the Hartigan–Wong algorithm R's kmeans uses).
 * Lloyd stops when every row is nearest its own centre, but moving a row also moves both centres:
 * taking row x out of cluster a (n_a rows) lowers a's sum of squares by n_a/(n_a − 1)·‖x − μ_a‖²,
 * and putting it into b raises b's by n_b/(n_b + 1)·‖x − μ_b‖². When the second is smaller the
 * move lowers the total, which Lloyd cannot see. Sweeps repeat until no row moves; each move
 * strictly lowers the within-cluster sum of squares, so the polish never makes a solution worse.
 *
 * Lloyd's local optima differ from run to run, and on small data sets its restarts keep finding
 * the same few; after this polish the best of a handful of restarts reaches the solutions R's
 * Hartigan–Wong finds (test/unit/main/analysis/segmentation/kMeansReference.test.ts).
 */

/**
 * Moves rows between clusters while that lowers the within-cluster sum of squares. Updates
 * `centres` (k × variables, row-major), `assign` and `sizes` in place; returns the moves made.
 */
export function hartiganTransfers(
  columns: readonly Float64Array[],
  centres: Float64Array,
  assign: Uint8Array,
  sizes: Float64Array,
  maxSweeps = 100,
): number {
  const dims = columns.length;
  const k = sizes.length;
  const n = assign.length;
  const x = new Float64Array(dims);
  let moves = 0;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const a = assign[i]!;
      const na = sizes[a]!;
      if (na <= 1) continue;
      for (let d = 0; d < dims; d++) x[d] = columns[d]![i]!;
      let own = 0;
      for (let d = 0; d < dims; d++) {
        const diff = x[d]! - centres[a * dims + d]!;
        own += diff * diff;
      }
      const removal = (na / (na - 1)) * own;
      let best = -1;
      let bestCost = removal;
      for (let b = 0; b < k; b++) {
        if (b === a) continue;
        const nb = sizes[b]!;
        let distance = 0;
        for (let d = 0; d < dims; d++) {
          const diff = x[d]! - centres[b * dims + d]!;
          distance += diff * diff;
        }
        const cost = (nb / (nb + 1)) * distance;
        if (cost < bestCost) {
          bestCost = cost;
          best = b;
        }
      }
      // A relative margin keeps rounding from moving a row back and forth.
      if (best < 0 || bestCost >= removal * (1 - 1e-12)) continue;
      const nb = sizes[best]!;
      for (let d = 0; d < dims; d++) {
        centres[a * dims + d] = (centres[a * dims + d]! * na - x[d]!) / (na - 1);
        centres[best * dims + d] = (centres[best * dims + d]! * nb + x[d]!) / (nb + 1);
      }
      sizes[a] = na - 1;
      sizes[best] = nb + 1;
      assign[i] = best;
      moved++;
    }
    moves += moved;
    if (moved === 0) break;
  }
  return moves;
}
