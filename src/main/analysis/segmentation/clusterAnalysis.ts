/**
 * k-means as the consultant asks for it: on the chosen variables, over the respondents who
 * answered all of them (the others are counted as `excluded`, never silently dropped), scaled
 * (standardise.ts), for one k or a range of k. For each k, several runs from k-means++ seeds keep
 * the one with the smallest within-cluster sum of squares; the mean silhouette is computed on one
 * seeded sample shared by every k, so the diagnostics compare like with like.
 *
 * Each k draws from its own stream of the seed, so k = 4 alone gives exactly what k = 4 gives in
 * the range 2..8. Clusters are numbered by size, largest first (ties by centre), so the ids of a
 * solution do not depend on the order the seeds happened to fall in.
 */
import type { KMeansCluster, KMeansReport, KMeansSolution } from '../../../shared/domain/segments';
import { kMeans, type KMeansRun } from './kMeans';
import { releaseLloydEngine } from '../../kernels/lloyd/wasmLloyd';
import { lloydRunner, THREADED_FROM_ROWS } from './lloydThreads';
import { seededRandom } from './seededRandom';
import { meanSilhouette, sampleRows, SILHOUETTE_SAMPLE } from './silhouette';
import { columnScaling, scaledColumn, type Scaling } from './standardise';

export interface ClusterInput {
  /** The inputs over every respondent, NaN where missing. */
  columns: readonly Float64Array[];
  names: readonly string[];
  /** 1 = in the base (e.g. a filter); without it everyone is. */
  base?: Uint8Array;
  ks: readonly number[];
  seed: number;
  restarts: number;
  maxIterations: number;
  standardize: boolean;
  /** Cluster names in id order; default "Cluster 1", "Cluster 2", … */
  labels?: readonly string[];
  progress?: (done: number, total: number) => void;
  /** Awaited between iterations: where a job yields and stops when cancelled. */
  between?: () => Promise<void> | void;
}

/** A solution with what saving it needs: the centres in the scaled space, in id order. */
export interface ClusterSolution extends KMeansSolution {
  centres: number[][];
}

export interface ClusterAnalysis extends Omit<KMeansReport, 'solutions' | 'saved'> {
  solutions: ClusterSolution[];
}

/** Rows in the base with a value on every input. */
function completeRows(
  columns: readonly Float64Array[],
  rows: number,
  base?: Uint8Array,
): { included: Int32Array; excluded: number } {
  const keep: number[] = [];
  let excluded = 0;
  for (let i = 0; i < rows; i++) {
    if (base && base[i] !== 1) continue;
    let complete = true;
    for (const column of columns) {
      const value = column[i]!;
      if (value !== value) {
        complete = false;
        break;
      }
    }
    if (complete) keep.push(i);
    else excluded++;
  }
  return { included: Int32Array.from(keep), excluded };
}

/** The run's clusters renumbered by size, largest first, ties by centre coordinates. */
function clusterOrder(run: KMeansRun, dims: number): number[] {
  return [...run.sizes.keys()].sort((a, b) => {
    if (run.sizes[b] !== run.sizes[a]) return run.sizes[b]! - run.sizes[a]!;
    for (let d = 0; d < dims; d++) {
      const diff = run.centres[a * dims + d]! - run.centres[b * dims + d]!;
      if (diff !== 0) return diff;
    }
    return a - b;
  });
}

/**
 * The centres in the variables' own units, as plain means of the answers: the same as undoing the
 * scaling of the working centres, without the rounding that adds (10.400000000000006 for 10.4).
 */
function rawCentres(
  columns: readonly Float64Array[],
  included: Int32Array,
  run: KMeansRun,
): Float64Array {
  const dims = columns.length;
  const sums = new Float64Array(run.k * dims);
  for (let d = 0; d < dims; d++) {
    const column = columns[d]!;
    for (let i = 0; i < included.length; i++)
      sums[run.assign[i]! * dims + d]! += column[included[i]!]!;
  }
  for (let c = 0; c < run.k; c++)
    for (let d = 0; d < dims; d++) sums[c * dims + d]! /= run.sizes[c]!;
  return sums;
}

export async function clusterAnalysis(input: ClusterInput): Promise<ClusterAnalysis> {
  const dims = input.columns.length;
  const rows = input.columns[0]?.length ?? 0;
  const { included, excluded } = completeRows(input.columns, rows, input.base);
  const scaling: Scaling[] = input.columns.map((column, d) =>
    columnScaling(column, included, input.standardize, input.names[d]!),
  );
  // Large inputs go to shared memory, where a second thread can run half of each pass.
  const shared = included.length >= THREADED_FROM_ROWS;
  const working = input.columns.map((column, d) =>
    scaledColumn(column, included, scaling[d]!, shared),
  );
  const maxK = Math.max(...input.ks);
  if (included.length < maxK)
    throw new Error(
      `k-means: ${included.length} respondents have a value on every input, too few for ${maxK} clusters`,
    );
  let totalSS = 0;
  for (const column of working) for (const z of column) totalSS += z * z;
  const sample = sampleRows(
    included.length,
    Math.min(SILHOUETTE_SAMPLE, included.length),
    seededRandom(input.seed, 0),
  );
  const steps = input.ks.length * (input.restarts + 1);
  let done = 0;
  input.progress?.(done, steps);
  const solutions: ClusterSolution[] = [];
  try {
    for (const k of input.ks) {
      const random = seededRandom(input.seed, k);
      let best: KMeansRun | null = null;
      const runner = lloydRunner(working, k);
      try {
        for (let restart = 0; restart < input.restarts; restart++) {
          const run = await kMeans(working, k, {
            random,
            maxIterations: input.maxIterations,
            between: input.between,
            runner,
          });
          if (!best || run.totalWithinSS < best.totalWithinSS) best = run;
          input.progress?.(++done, steps);
        }
      } finally {
        await runner.close();
      }
      const run = best!;
      await input.between?.();
      const silhouette = meanSilhouette(working, run.assign, k, sample);
      input.progress?.(++done, steps);
      const order = clusterOrder(run, dims);
      const raw = rawCentres(input.columns, included, run);
      const clusters: KMeansCluster[] = order.map((c, id) => ({
        id: id + 1,
        label: input.labels?.[id] ?? `Cluster ${id + 1}`,
        size: run.sizes[c]!,
        withinSS: run.withinSS[c]!,
        center: Object.fromEntries(input.names.map((name, d) => [name, raw[c * dims + d]!])),
      }));
      solutions.push({
        k,
        clusters,
        withinSS: run.totalWithinSS,
        totalSS,
        silhouette,
        iterations: run.iterations,
        converged: run.converged,
        centres: order.map((c) => Array.from(run.centres.subarray(c * dims, (c + 1) * dims))),
      });
    }
  } finally {
    releaseLloydEngine();
  }
  return {
    variables: [...input.names],
    standardize: input.standardize,
    scaling: input.names.map((variable, d) => ({ variable, ...scaling[d]! })),
    seed: input.seed,
    restarts: input.restarts,
    included: included.length,
    excluded,
    silhouetteSample: sample.length,
    solutions,
  };
}
