/**
 * The Lloyd pass of k-means as WebAssembly (assembly/lloyd.ts): the same assignments, sums and
 * counts as lloydPassReference, bit for bit, about twice as fast as the written-out JS pass on one
 * thread, on a shared memory that a compute thread (computePool.ts) works on too
 * (../shared/PERFORMANCE.md).
 *
 * A session copies the working columns into the memory once, when it starts (one per clustering
 * run of a k); each pass then writes only the k centres. A pass is two tasks, always the same two
 * halves of the rows, each summed into its own output; the caller adds the halves in that order,
 * as lloydThreads.ts does in JS, so the result is the same whichever thread ran which half, on any
 * machine, and the same as the JS fallback's.
 *
 * An engine (memory, instance, compute thread) serves one session at a time and is kept for the
 * next; its memory grows to the largest data set clustered and stays at that size.
 */
import { ComputePool, defaultThreads } from '../computePool';
import {
  alignToCacheLine as align,
  reserveWasmMemory,
  TooBigForWasm,
  wasmApi,
  type WasmModule,
} from '../wasmApi';
import { LLOYD_WASM } from './lloydWasm.generated';

interface Exports {
  heapBase(): number;
  prepareCentres(centres: number, k: number, dims: number, prep: number): void;
  runTask(job: number, task: number, scratch: number): void;
}

/** A clustering run's columns in WebAssembly memory, ready for passes with k centres. */
export interface LloydSession {
  /** The cluster of every row, in the shared memory. */
  readonly assign: Uint8Array;
  /** Adds the pass's sums and counts into `sums` and `counts`; returns how many rows changed. */
  pass(centres: Float64Array, sums: Float64Array, counts: Float64Array): number;
  /** Waits (up to the timeout) until the compute thread can take a half; passes need not wait. */
  ready(timeoutMs: number): Promise<void>;
  close(): void;
}

export class WasmLloyd {
  readonly memory = new wasmApi.Memory({ initial: 16, maximum: 65_536, shared: true });
  private readonly exports: Exports;
  private readonly base: number;
  private pool: ComputePool | null = null;
  private busy = false;

  constructor(
    readonly module: WasmModule,
    private readonly threads: number,
  ) {
    this.exports = new wasmApi.Instance(module, { env: { memory: this.memory } })
      .exports as unknown as Exports;
    this.base = align(this.exports.heapBase());
  }

  get idle(): boolean {
    return !this.busy;
  }

  private reserve(end: number): void {
    reserveWasmMemory(this.memory, end, 'the columns');
  }

  /**
   * Copies the columns in and lays out a session for k centres; `threads: 0` runs both halves on
   * the calling thread. Throws TooBigForWasm when they do not fit.
   */
  open(columns: readonly Float64Array[], k: number, threads = this.threads): LloydSession {
    if (this.busy) throw new Error('k-means: this WebAssembly engine is already in use');
    const rows = columns[0]?.length ?? 0;
    const dims = columns.length;
    // Columns a whole number of cache lines apart, an odd number of lines, so that the `dims`
    // rows read together fall in different sets of the cache instead of fighting for one.
    let stride = align(rows * 8);
    if (stride % 128 === 0) stride += 64;
    let top = this.base;
    const take = (bytes: number) => {
      const at = top;
      top = align(top + bytes);
      return at;
    };
    const columnsAt = take(dims * stride);
    const assignAt = take(rows);
    const centresAt = take(k * dims * 8);
    const prepAt = take(k * (dims + 1) * 16);
    const outAt = [take(k * (dims + 1) * 8), take(k * (dims + 1) * 8)];
    const changedAt = take(8);
    const job = take(48);
    this.reserve(top);

    const buffer = this.memory.buffer;
    columns.forEach((column, d) =>
      new Float64Array(buffer, columnsAt + d * stride, rows).set(column.subarray(0, rows)),
    );
    const half = Math.floor(rows / 2);
    new Uint32Array(buffer, job, 12).set([
      columnsAt,
      stride,
      dims,
      k,
      prepAt,
      assignAt,
      rows,
      half,
      outAt[0]!,
      changedAt,
      outAt[1]!,
      changedAt + 4,
    ]);
    const assign = new Uint8Array(buffer, assignAt, rows);
    const centresView = new Float64Array(buffer, centresAt, k * dims);
    const halves = outAt.map((at) => new Float64Array(buffer, at, k * (dims + 1)));
    const changed = new Uint32Array(buffer, changedAt, 2);
    const x = this.exports;
    const pool = threads > 0 ? this.threadPool() : null;
    this.busy = true;
    let open = true;
    return {
      assign,
      pass: (centres, sums, counts) => {
        if (!open) throw new Error('k-means: the pass was closed');
        centresView.set(centres);
        x.prepareCentres(centresAt, k, dims, prepAt);
        if (pool !== null) pool.run(job, 2, [0, 0], x.runTask);
        else for (let task = 0; task < 2; task++) x.runTask(job, task, 0);
        const [first, second] = halves as [Float64Array, Float64Array];
        const cells = k * dims;
        for (let i = 0; i < cells; i++) sums[i]! += first[i]! + second[i]!;
        for (let c = 0; c < k; c++) counts[c]! += first[cells + c]! + second[cells + c]!;
        return changed[0]! + changed[1]!;
      },
      ready: (timeoutMs) => (pool === null ? Promise.resolve() : this.threadsReady(timeoutMs)),
      close: () => {
        if (!open) return;
        open = false;
        this.busy = false;
      },
    };
  }

  private threadPool(): ComputePool | null {
    if (this.pool === null && this.threads > 0)
      this.pool = new ComputePool(this.module, this.memory, this.threads);
    return this.pool;
  }

  /** Starts the compute thread and waits (up to the timeout) until it can take a half. */
  async threadsReady(timeoutMs: number): Promise<void> {
    await this.threadPool()?.whenReady(1, timeoutMs);
  }

  close(): Promise<unknown> {
    return this.pool?.close() ?? Promise.resolve();
  }
}

/**
 * Lets the kept engine go once a clustering has finished: a WebAssembly memory never shrinks, so
 * keeping it would pin the last run's columns (160 MB for 1M rows × 20 variables) and its
 * compute thread for the life of the process. The next clustering makes a new one.
 */
export function releaseLloydEngine(): void {
  if (kept === null || !kept.idle) return;
  void kept.close();
  kept = null;
}

/** The compiled kernel module (throws where WebAssembly with SIMD and threads is missing). */
export function lloydModule(): WasmModule {
  return new wasmApi.Module(Buffer.from(LLOYD_WASM, 'base64'));
}

let module: WasmModule | null | undefined;
let kept: WasmLloyd | null = null;

/**
 * A session over `columns` for k centres on an idle engine (the kept one, or a new one when it is
 * busy with another run), or null where WebAssembly with SIMD and shared memory is missing, the
 * columns do not fit, or CEW_KERNEL=ts asks for the JS pass. One helper thread at most: a pass is
 * two halves.
 */
export function openLloydSession(
  columns: readonly Float64Array[],
  k: number,
  threads = Math.min(1, defaultThreads()),
): LloydSession | null {
  if (process.env.CEW_KERNEL === 'ts') return null;
  if (module === undefined) {
    try {
      module = lloydModule();
    } catch {
      module = null;
    }
  }
  if (module === null) return null;
  let engine: WasmLloyd;
  try {
    engine = kept !== null && kept.idle ? kept : new WasmLloyd(module, 1);
  } catch {
    return null;
  }
  kept ??= engine;
  // An engine made because the kept one was busy serves this session only.
  const spare = engine !== kept;
  let session: LloydSession;
  try {
    session = engine.open(columns, k, threads);
  } catch (error) {
    if (spare) void engine.close();
    if (error instanceof TooBigForWasm) return null;
    throw error;
  }
  if (!spare) return session;
  return {
    assign: session.assign,
    pass: (centres, sums, counts) => session.pass(centres, sums, counts),
    ready: (timeoutMs) => session.ready(timeoutMs),
    close: () => {
      session.close();
      void engine.close();
    },
  };
}
