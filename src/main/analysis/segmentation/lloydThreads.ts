/**
 * Runs Lloyd passes on two cores (../shared/PERFORMANCE.md: the k-means target needs the second
 * one). The working columns and the assignments live in SharedArrayBuffers; a helper thread runs
 * the same written-out pass (lloydPass.ts) over the second half of the rows while this thread runs
 * the first, and the two halves' sums are added in that order. The split is always into the same
 * two halves, whatever the machine has, so a seed gives the same clustering everywhere; with one
 * core the halves simply take turns.
 *
 * The helper's code is the short script below, run with `eval: true`, so it needs no bundled entry
 * of its own; the pass it runs is built from the same two integers as this thread's.
 */
import { Worker } from 'node:worker_threads';
import { lloydPassFor, lloydPassSource, MAX_UNROLLED, type LloydPass } from './lloydPass';

/** Assigns rows and sums them per centre over every row; see LloydPass. */
export interface LloydRunner {
  /** The cluster of every row (shared with the helper when there is one). */
  readonly assign: Uint8Array;
  pass(centres: Float64Array, sums: Float64Array, counts: Float64Array): Promise<number> | number;
  close(): Promise<void>;
}

/** Below this many rows a second thread costs more than it saves. */
export const THREADED_FROM_ROWS = 50_000;

const HELPER = `
const { parentPort, workerData } = require('node:worker_threads');
const { columns, assign, k, source, start, end } = workerData;
const pass = new Function('columns', 'centres', 'assign', 'sums', 'counts', 'start', 'end', source);
parentPort.on('message', (centres) => {
  const sums = new Float64Array(centres.length);
  const counts = new Float64Array(k);
  const changed = pass(columns, centres, assign, sums, counts, start, end);
  parentPort.postMessage({ sums, counts, changed }, [sums.buffer, counts.buffer]);
});
`;

interface HelperResult {
  sums: Float64Array;
  counts: Float64Array;
  changed: number;
}

function singleThread(columns: readonly Float64Array[], k: number): LloydRunner {
  const rows = columns[0]?.length ?? 0;
  const kernel: LloydPass = lloydPassFor(k, columns.length);
  const assign = new Uint8Array(rows);
  return {
    assign,
    pass: (centres, sums, counts) => kernel(columns, centres, assign, sums, counts, 0, rows),
    close: async () => undefined,
  };
}

/**
 * A runner for k centres over `columns`: two threads when the columns are shared, the rows many
 * and the pass can be written out; otherwise this thread alone.
 */
export function lloydRunner(columns: readonly Float64Array[], k: number): LloydRunner {
  const rows = columns[0]?.length ?? 0;
  const dims = columns.length;
  const shared = columns.every((column) => column.buffer instanceof SharedArrayBuffer);
  if (!shared || rows < THREADED_FROM_ROWS || k * dims > MAX_UNROLLED)
    return singleThread(columns, k);
  const half = Math.floor(rows / 2);
  const assign = new Uint8Array(new SharedArrayBuffer(rows));
  const kernel = lloydPassFor(k, dims);
  const helper = new Worker(HELPER, {
    eval: true,
    workerData: { columns, assign, k, source: lloydPassSource(k, dims), start: half, end: rows },
  });
  helper.unref();
  let failure: Error | null = null;
  let waiting: { resolve: (result: HelperResult) => void; reject: (error: Error) => void } | null =
    null;
  helper.on('message', (result: HelperResult) => {
    const pending = waiting;
    waiting = null;
    pending?.resolve(result);
  });
  helper.on('error', (error) => {
    failure = error;
    waiting?.reject(error);
    waiting = null;
  });
  return {
    assign,
    pass: async (centres, sums, counts) => {
      if (failure) throw failure;
      const second = new Promise<HelperResult>((resolve, reject) => {
        waiting = { resolve, reject };
      });
      helper.postMessage(centres);
      const firstSums = new Float64Array(sums.length);
      const firstCounts = new Float64Array(counts.length);
      const changed = kernel(columns, centres, assign, firstSums, firstCounts, 0, half);
      const other = await second;
      for (let i = 0; i < sums.length; i++) sums[i]! += firstSums[i]! + other.sums[i]!;
      for (let c = 0; c < counts.length; c++) counts[c]! += firstCounts[c]! + other.counts[c]!;
      return changed + other.changed;
    },
    close: async () => {
      await helper.terminate();
    },
  };
}
