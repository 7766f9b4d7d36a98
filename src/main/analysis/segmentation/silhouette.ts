/**
 * Mean silhouette width (P. J. Rousseeuw, "Silhouettes: a graphical aid to the interpretation and
 * validation of cluster analysis", J. Comput. Appl. Math. 20, 1987), with Euclidean distances as R's
 * `cluster::silhouette(km$cluster, dist(x))` uses. For row i, a is its mean distance to the other
 * rows of its cluster, b the smallest mean distance to the rows of another cluster, and
 * s = (b − a) / max(a, b); a row alone in its cluster has s = 0.
 *
 * Every pair of rows is compared, so the cost grows with the square of the rows: the silhouette is
 * computed over a seeded sample (at most SILHOUETTE_SAMPLE rows, both the rows scored and the rows
 * they are compared with), and results say how large the sample was. Below that size it is exact.
 */
import type { Random } from './seededRandom';

export const SILHOUETTE_SAMPLE = 10_000;

/** `size` distinct row numbers of 0..n-1 drawn without replacement, in increasing order. */
export function sampleRows(n: number, size: number, random: Random): Int32Array {
  if (size >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const rows = Int32Array.from({ length: n }, (_, i) => i);
  // A partial Fisher–Yates shuffle: the first `size` places end up a uniform sample.
  for (let i = 0; i < size; i++) {
    const j = i + Math.min(n - i - 1, Math.floor(random() * (n - i)));
    const swap = rows[i]!;
    rows[i] = rows[j]!;
    rows[j] = swap;
  }
  return rows.slice(0, size).sort();
}

/** The mean silhouette of the clustering `assign` (0-based clusters, k of them) over `rows`. */
export function meanSilhouette(
  columns: readonly Float64Array[],
  assign: Uint8Array,
  k: number,
  rows: Int32Array,
): number {
  const m = rows.length;
  const dims = columns.length;
  if (m < 2) return 0;
  // Row-major copy of the sample: the pair loop reads one row after another.
  const points = new Float64Array(m * dims);
  const cluster = new Uint8Array(m);
  const members = new Float64Array(k);
  for (let s = 0; s < m; s++) {
    const row = rows[s]!;
    for (let d = 0; d < dims; d++) points[s * dims + d] = columns[d]![row]!;
    cluster[s] = assign[row]!;
    members[assign[row]!]!++;
  }
  // sums[s * k + c]: total distance from sample row s to the sample rows of cluster c.
  const sums = new Float64Array(m * k);
  for (let s = 0; s < m; s++) {
    const so = s * dims;
    const cs = cluster[s]!;
    for (let t = s + 1; t < m; t++) {
      const to = t * dims;
      let squared = 0;
      for (let d = 0; d < dims; d++) {
        const diff = points[so + d]! - points[to + d]!;
        squared += diff * diff;
      }
      const distance = Math.sqrt(squared);
      sums[s * k + cluster[t]!]! += distance;
      sums[t * k + cs]! += distance;
    }
  }
  let total = 0;
  for (let s = 0; s < m; s++) {
    const own = cluster[s]!;
    if (members[own]! <= 1) continue; // s = 0
    const a = sums[s * k + own]! / (members[own]! - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      if (c === own || members[c] === 0) continue;
      b = Math.min(b, sums[s * k + c]! / members[c]!);
    }
    if (b === Number.POSITIVE_INFINITY) continue; // one cluster only: s = 0
    const larger = Math.max(a, b);
    if (larger > 0) total += (b - a) / larger;
  }
  return total / m;
}
