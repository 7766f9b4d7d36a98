/**
 * The fused cross-tab kernel as WebAssembly (assembly/crosstab.ts): the same joint tables as
 * jointCount.ts, bit for bit, several times faster, on a shared memory that compute threads
 * (computePool.ts) work on together, one stub pack per task.
 *
 * Memory is one arena: the weights and the joint banner codes, then the stub columns of a batch,
 * one scratch per thread (stub codes and one joint table) and the stubs' margins. The banner and
 * the stub columns stay from one call to the next and are not copied again while the next call
 * has the same ones (the same arrays, which are never changed in place): a consultant changing
 * a table's cells, sort or significance re-counts it without copying ~100 MB of columns. The
 * memory grows to the largest table counted and stays at that size.
 */
import { ComputePool, defaultThreads } from '../computePool';
import { alignToCacheLine as align, reserveWasmMemory, wasmApi, type WasmModule } from '../wasmApi';
import { CROSSTAB_WASM } from './crosstabWasm.generated';
import type { BannerInput, CodedColumn, JointCounts } from './jointCount';
import type { JointPlan, Pack } from './jointPlan';

interface Exports {
  heapBase(): number;
  addDigits(index: number, categories: number, stride: number, out: number, rows: number): void;
  exclusions(weights: number, mask: number, excluded: number, rows: number): void;
  applyDump(codes: number, excluded: number, dump: number, rows: number): void;
  runTask(job: number, task: number, scratch: number): void;
}

export class WasmCrosstab {
  readonly memory = new wasmApi.Memory({ initial: 16, maximum: 65_536, shared: true });
  private readonly exports: Exports;
  private readonly base: number;
  private top: number;
  private pool: ComputePool | null = null;
  private banner: {
    input: BannerInput;
    packs: readonly Pack[];
    weights: number;
    codes: number[];
    end: number;
  } | null = null;
  /** Stub columns copied into memory so far (kept ones are not copied again). */
  stubColumnsCopied = 0;
  /** The stub columns in memory after the banner, when they are still there. */
  private stubsKept: {
    banner: NonNullable<WasmCrosstab['banner']>;
    columns: Uint16Array[];
  } | null = null;

  constructor(
    readonly module: WasmModule,
    private readonly threads: number,
  ) {
    this.exports = new wasmApi.Instance(module, { env: { memory: this.memory } })
      .exports as unknown as Exports;
    this.base = align(this.exports.heapBase());
    this.top = this.base;
  }

  private alloc(bytes: number): number {
    const at = this.top;
    const end = align(at + bytes);
    reserveWasmMemory(this.memory, end, "the table's data");
    this.top = end;
    return at;
  }

  private u16(at: number, length: number): Uint16Array {
    return new Uint16Array(this.memory.buffer, at, length);
  }

  /**
   * Copies the weights and the joint banner codes in, unless they are there from the last call:
   * the same columns (the same arrays, not copies) packed the same way. release() forgets them.
   */
  private prepare(input: BannerInput, packs: readonly Pack[]): NonNullable<WasmCrosstab['banner']> {
    if (this.banner !== null && sameBanner(this.banner, input, packs)) return this.banner;
    this.banner = null;
    // Making the banner's codes uses the memory where the stub columns were.
    this.stubsKept = null;
    const { rows, weights, mask, groups } = input;
    const x = this.exports;
    this.top = this.base;
    let weightsAt = 0;
    if (weights !== null) {
      weightsAt = this.alloc(rows * 8);
      new Float64Array(this.memory.buffer, weightsAt, rows).set(weights.subarray(0, rows));
    }
    const codes = packs.map(() => this.alloc(rows * 2));
    // Needed only while the codes are made: batches start where these begin.
    const end = this.top;
    let maskAt = 0;
    if (mask !== null) {
      maskAt = this.alloc(rows);
      new Uint8Array(this.memory.buffer, maskAt, rows).set(mask.subarray(0, rows));
    }
    const excluded = this.alloc(rows);
    x.exclusions(weightsAt, maskAt, excluded, rows);
    const column = this.alloc(rows * 2);
    packs.forEach((pack, p) => {
      this.u16(codes[p]!, rows).fill(0);
      pack.members.forEach((member, m) => {
        this.u16(column, rows).set(groups[member]!.index.subarray(0, rows));
        x.addDigits(column, pack.categories[m]!, pack.strides[m]!, codes[p]!, rows);
      });
      x.applyDump(codes[p]!, excluded, pack.product, rows);
    });
    this.banner = { input, packs, weights: weightsAt, codes, end };
    return this.banner;
  }

  count(plan: JointPlan, stubs: readonly CodedColumn[], input: BannerInput): JointCounts {
    const banner = this.prepare(input, plan.bannerPacks);
    const { rows } = input;
    const weighted = banner.weights !== 0;
    const packs = plan.bannerPacks.length;
    this.top = banner.end;
    const stubAt = stubs.map(() => this.alloc(rows * 2));
    const pool = this.threadPool();
    const capacity = plan.maxTableCells;
    const scratchBytes = align(rows * 2) + align(capacity * (weighted ? 32 : 4));
    const scratch = Array.from({ length: 1 + (pool?.ready ?? 0) }, () => this.alloc(scratchBytes));
    const nAt = this.alloc(plan.marginCells * 8);
    const sumWAt = weighted ? this.alloc(plan.marginCells * 8) : 0;
    const sumW2At = weighted ? this.alloc(plan.marginCells * 8) : 0;
    const bannerAt = this.alloc(packs * 8);
    const packAt = this.alloc(plan.stubPacks.length * 12);
    const membersAt = this.alloc(stubs.length * 16);
    const offsetsAt = this.alloc(stubs.length * packs * 4);
    const job = this.alloc(36);

    const buffer = this.memory.buffer;
    const words = new Uint32Array(buffer);
    words.set(
      [rows, banner.weights, packs, bannerAt, packAt, capacity, nAt, sumWAt, sumW2At],
      job / 4,
    );
    plan.bannerPacks.forEach((pack, b) =>
      words.set([banner.codes[b]!, pack.product + 1], bannerAt / 4 + 2 * b),
    );
    words.set(plan.margins, offsetsAt / 4);
    let member = membersAt / 4;
    plan.stubPacks.forEach((pack, p) => {
      words.set([pack.members.length, member * 4, pack.product], packAt / 4 + 3 * p);
      pack.members.forEach((stub, m) => {
        const offsets = offsetsAt + stub * packs * 4;
        words.set([stubAt[stub]!, pack.categories[m]!, pack.strides[m]!, offsets], member);
        member += 4;
      });
    });

    // The stub columns, a pack (task) at a time: compute threads count the first packs while
    // this thread copies the others; none when they are in place from the last call.
    const kept = this.stubsKept;
    const inPlace =
      kept !== null &&
      kept.banner === banner &&
      kept.columns.length === stubs.length &&
      kept.columns.every((column, s) => column === stubs[s]!.index);
    const tasks = plan.stubPacks.length;
    const copyStubs = (ready: (tasks: number) => void): void => {
      if (inPlace) {
        ready(tasks);
        return;
      }
      this.stubsKept = null;
      plan.stubPacks.forEach((pack, task) => {
        for (const s of pack.members) {
          this.u16(stubAt[s]!, rows).set(stubs[s]!.index.subarray(0, rows));
          this.stubColumnsCopied++;
        }
        ready(task + 1);
      });
      this.stubsKept = { banner, columns: stubs.map((stub) => stub.index) };
    };
    if (pool !== null && scratch.length > 1 && tasks > 1) {
      pool.run(job, tasks, scratch, this.exports.runTask, copyStubs);
    } else {
      copyStubs(() => undefined);
      for (let task = 0; task < tasks; task++) this.exports.runTask(job, task, scratch[0]!);
    }
    const after = this.memory.buffer;
    return {
      n: new Float64Array(after, nAt, plan.marginCells),
      sumW: weighted ? new Float64Array(after, sumWAt, plan.marginCells) : null,
      sumW2: weighted ? new Float64Array(after, sumW2At, plan.marginCells) : null,
    };
  }

  private threadPool(): ComputePool | null {
    if (this.pool === null && this.threads > 0)
      this.pool = new ComputePool(this.module, this.memory, this.threads);
    return this.pool;
  }

  /** Tasks the compute threads (not the calling thread) have run so far. */
  get helperTasks(): number {
    return this.pool?.helperTasks ?? 0;
  }

  /** Starts the compute threads and waits (up to the timeout) until they can take tasks. */
  async threadsReady(timeoutMs: number): Promise<void> {
    await this.threadPool()?.whenReady(this.threads, timeoutMs);
  }

  /** Forgets the banner and stub columns kept from the last call. */
  release(): void {
    this.banner = null;
    this.stubsKept = null;
  }

  close(): Promise<unknown> {
    this.release();
    return this.pool?.close() ?? Promise.resolve();
  }
}

function sameBanner(
  kept: { input: BannerInput; packs: readonly Pack[] },
  input: BannerInput,
  packs: readonly Pack[],
): boolean {
  const a = kept.input;
  if (a.rows !== input.rows || a.weights !== input.weights || a.mask !== input.mask) return false;
  if (a.groups.length !== input.groups.length || kept.packs.length !== packs.length) return false;
  const sameGroups = a.groups.every(
    (group, g) =>
      group.index === input.groups[g]!.index && group.categories === input.groups[g]!.categories,
  );
  const same = (x: readonly number[], y: readonly number[]) =>
    x.length === y.length && x.every((value, i) => value === y[i]);
  return (
    sameGroups &&
    kept.packs.every(
      (pack, p) =>
        same(pack.members, packs[p]!.members) && same(pack.categories, packs[p]!.categories),
    )
  );
}

/** The compiled kernel module (throws where WebAssembly with SIMD and threads is missing). */
export function crosstabModule(): WasmModule {
  return new wasmApi.Module(Buffer.from(CROSSTAB_WASM, 'base64'));
}

let shared: WasmCrosstab | null | undefined;

/**
 * Drops what the process's kernel keeps from its last table (references to that study's columns)
 * without making a kernel that was never used: when a study closes.
 */
export function releaseCrosstabKernel(): void {
  shared?.release();
}

/**
 * The process's WebAssembly kernel, made on first use; null where WebAssembly with SIMD and
 * shared memory is not available (the plain-TypeScript kernel counts instead), or when
 * CEW_KERNEL=ts asks for the reference kernel.
 */
export function wasmCrosstab(): WasmCrosstab | null {
  if (shared !== undefined) return shared;
  shared = null;
  if (process.env.CEW_KERNEL === 'ts') return shared;
  try {
    shared = new WasmCrosstab(crosstabModule(), defaultThreads());
  } catch {
    shared = null;
  }
  return shared;
}
