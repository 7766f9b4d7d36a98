/**
 * One k-means run (Lloyd's algorithm) from k-means++ seeds: assign every row to its nearest
 * centre, move each centre to the mean of its rows, until no row changes centre or the iteration
 * limit is reached. A centre left with no rows is moved to the row farthest from its own centre,
 * the usual repair, so a run always ends with k non-empty clusters when the data allow it.
 * Between iterations the run awaits `between`, where a job yields to its event loop and throws
 * when it was cancelled.
 */
import { hartiganTransfers } from './hartiganTransfers';
import { kMeansPlusPlus } from './kMeansPlusPlus';
import { lloydRunner, type LloydRunner } from './lloydThreads';
import type { Random } from './seededRandom';

export interface KMeansRun {
  k: number;
  /** k × variables, row-major, in the working (scaled) space: the means of the final clusters. */
  centres: Float64Array;
  /** The cluster (0-based) of every row. */
  assign: Uint8Array;
  sizes: Float64Array;
  /** Per cluster, the sum of squared distances to its centre. */
  withinSS: Float64Array;
  totalWithinSS: number;
  iterations: number;
  converged: boolean;
}

export interface KMeansOptions {
  random: Random;
  maxIterations: number;
  between?: () => Promise<void> | void;
  /** Runs the passes (on two threads for large shared columns); made for this run if not given. */
  runner?: LloydRunner;
}

/** Moves the centres of empty clusters onto the rows farthest from their own centres. */
function repairEmpty(
  columns: readonly Float64Array[],
  centres: Float64Array,
  assign: Uint8Array,
  counts: Float64Array,
): void {
  const dims = columns.length;
  const n = assign.length;
  const empty = [...counts.keys()].filter((c) => counts[c] === 0);
  if (empty.length === 0) return;
  const distance = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const o = assign[i]! * dims;
    let sum = 0;
    for (let d = 0; d < dims; d++) {
      const diff = columns[d]![i]! - centres[o + d]!;
      sum += diff * diff;
    }
    distance[i] = sum;
  }
  for (const c of empty) {
    let far = 0;
    for (let i = 1; i < n; i++) if (distance[i]! > distance[far]!) far = i;
    for (let d = 0; d < dims; d++) centres[c * dims + d] = columns[d]![far]!;
    distance[far] = -1;
  }
}

/** The centres and sizes recomputed as plain means, free of incremental rounding. */
function exactCentres(
  columns: readonly Float64Array[],
  centres: Float64Array,
  assign: Uint8Array,
  counts: Float64Array,
): void {
  const dims = columns.length;
  const k = counts.length;
  const sums = new Float64Array(k * dims);
  counts.fill(0);
  for (let i = 0; i < assign.length; i++) counts[assign[i]!]!++;
  for (let d = 0; d < dims; d++) {
    const column = columns[d]!;
    for (let i = 0; i < assign.length; i++) sums[assign[i]! * dims + d]! += column[i]!;
  }
  for (let c = 0; c < k; c++)
    if (counts[c]! > 0)
      for (let d = 0; d < dims; d++) centres[c * dims + d] = sums[c * dims + d]! / counts[c]!;
}

function withinSumsOfSquares(
  columns: readonly Float64Array[],
  centres: Float64Array,
  assign: Uint8Array,
  k: number,
): Float64Array {
  const dims = columns.length;
  const within = new Float64Array(k);
  for (let d = 0; d < dims; d++) {
    const column = columns[d]!;
    for (let i = 0; i < assign.length; i++) {
      const c = assign[i]!;
      const diff = column[i]! - centres[c * dims + d]!;
      within[c]! += diff * diff;
    }
  }
  return within;
}

export async function kMeans(
  columns: readonly Float64Array[],
  k: number,
  options: KMeansOptions,
): Promise<KMeansRun> {
  const dims = columns.length;
  const centres = kMeansPlusPlus(columns, k, options.random);
  const runner = options.runner ?? lloydRunner(columns, k);
  // 255 is no cluster, so the first pass counts every row as changed.
  const assign = runner.assign.fill(255);
  const sums = new Float64Array(k * dims);
  const counts = new Float64Array(k);
  let iterations = 0;
  let converged = false;
  try {
    while (iterations < options.maxIterations) {
      sums.fill(0);
      counts.fill(0);
      const changed = await runner.pass(centres, sums, counts);
      iterations++;
      if (changed === 0) {
        converged = true;
        break;
      }
      for (let c = 0; c < k; c++) {
        if (counts[c] === 0) continue;
        for (let d = 0; d < dims; d++) centres[c * dims + d] = sums[c * dims + d]! / counts[c]!;
      }
      repairEmpty(columns, centres, assign, counts);
      await options.between?.();
    }
  } finally {
    if (!options.runner) await runner.close();
  }
  // The runner's assignments serve the next restart: this run keeps a copy.
  const final = assign.slice();
  if (hartiganTransfers(columns, centres, final, counts) > 0)
    exactCentres(columns, centres, final, counts);
  const withinSS = withinSumsOfSquares(columns, centres, final, k);
  let totalWithinSS = 0;
  for (const ss of withinSS) totalWithinSS += ss;
  return {
    k,
    centres,
    assign: final,
    sizes: counts.slice(),
    withinSS,
    totalWithinSS,
    iterations,
    converged,
  };
}
