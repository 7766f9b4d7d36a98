/**
 * Runs Lloyd passes on two cores (../shared/PERFORMANCE.md: the k-means target needs the second
 * one). Large inputs go to the WebAssembly pass (src/main/kernels/lloyd/wasmLloyd.ts): the columns
 * are copied once into a shared WebAssembly.Memory and a compute thread runs the second half of
 * the rows while this thread runs the first. Where WebAssembly with SIMD and shared memory is
 * missing, or the columns do not fit its 4 GiB, the written-out JS pass (lloydPass.ts) does the
 * same over the SharedArrayBuffer columns, with a helper thread for the second half.
 *
 * Either way the two halves' sums are added in that order, and the split is always into the same
 * two halves, whatever the machine has, so a seed gives the same clustering everywhere; with one
 * core the halves simply take turns. Both passes equal lloydPassReference on each half, so the
 * WebAssembly and JS runners give the same result bit for bit.
 *
 * The JS helper's code is the short script below, run with `eval: true`, so it needs no bundled
 * entry of its own; the pass it runs is built from the same two integers as this thread's.
 */
import { Worker } from 'node:worker_threads';
import { openLloydSession } from '../../kernels/lloyd/wasmLloyd';
import { lloydPassFor, lloydPassSource, MAX_UNROLLED, type LloydPass } from './lloydPass';

/** Assigns rows and sums them per centre over every row; see LloydPass. */
export interface LloydRunner {
  /** The cluster of every row (shared with the helper when there is one). */
  readonly assign: Uint8Array;
  pass(centres: Float64Array, sums: Float64Array, counts: Float64Array): Promise<number> | number;
  /**
   * Waits (up to the timeout) until the second thread can take its half. Passes need not wait
   * (the WebAssembly runner runs here a half its thread cannot take yet; the JS helper takes its
   * half when it has started); a benchmark waits so as to measure two threads.
   */
  ready?(timeoutMs: number): Promise<void>;
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

export interface LloydRunnerOptions {
  /** 'js' skips the WebAssembly pass (benchmarks and tests compare the two). */
  kernel?: 'wasm' | 'js';
  /** 0 runs both halves of the WebAssembly pass on this thread (a benchmark's one-thread figure). */
  threads?: number;
}

/**
 * A runner for k centres over `columns`: when the columns are shared (the caller wants threads)
 * and the rows many, the WebAssembly pass on two threads, else the JS pass on two threads when it
 * can be written out; otherwise the JS pass on this thread alone.
 */
export function lloydRunner(
  columns: readonly Float64Array[],
  k: number,
  options: LloydRunnerOptions = {},
): LloydRunner {
  const rows = columns[0]?.length ?? 0;
  const dims = columns.length;
  const shared = columns.every((column) => column.buffer instanceof SharedArrayBuffer);
  if (!shared || rows < THREADED_FROM_ROWS) return singleThread(columns, k);
  if (options.kernel !== 'js' && Number.isInteger(k) && k >= 1 && k <= 255 && dims >= 1) {
    const session = openLloydSession(columns, k, options.threads);
    if (session !== null)
      return {
        assign: session.assign,
        pass: (centres, sums, counts) => session.pass(centres, sums, counts),
        ready: (timeoutMs) => session.ready(timeoutMs),
        close: async () => session.close(),
      };
  }
  if (k * dims > MAX_UNROLLED) return singleThread(columns, k);
  const half = Math.floor(rows / 2);
  const assign = new Uint8Array(new SharedArrayBuffer(rows));
  const kernel = lloydPassFor(k, dims);
  const helper = new Worker(HELPER, {
    eval: true,
    workerData: { columns, assign, k, source: lloydPassSource(k, dims), start: half, end: rows },
  });
  helper.unref();
  const online = new Promise<void>((resolve) => helper.once('online', () => resolve()));
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
    ready: (timeoutMs) =>
      Promise.race([
        online,
        new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]),
    close: async () => {
      await helper.terminate();
    },
  };
}
