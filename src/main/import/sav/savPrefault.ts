/**
 * Fresh Float64Array columns are demand-zero memory: the first write to each 4 KiB page traps
 * into the kernel, which maps and zeroes the page. For a million cases of 200 numeric variables
 * that is 400,000 faults, measured at about 0.6 s, as much as all the decoding, and all of it on
 * the thread that decodes. Reading file bytes into the same memory makes the kernel map those
 * pages on a libuv pool thread instead, so the faults are taken on another core while the main
 * thread decodes. Node offers no madvise or MAP_POPULATE; a read is the portable way to have
 * another thread touch the memory.
 *
 * The bytes read are garbage, so a rows range is prefaulted only before any case is written to
 * it, and the decoder writes only to rows whose prefault has finished (`ensure`). Everything here
 * is an optimization: a failed read is ignored, the memory is writable either way.
 */
import type { FileHandle } from 'node:fs/promises';

/** Prefaulting pays only when the columns are much bigger than the chunks decoded at once. */
export const PREFAULT_MIN_BYTES = 64 * 1024 * 1024;
/** Rows per prefault step: about 8 MiB per 100 numeric columns. */
const RANGE_ROWS = 10_000;

export class ColumnPrefaulter {
  /** Rows [0, done) are safe to write. */
  private done = 0;
  private pending: Promise<void> | null = null;

  constructor(
    private readonly fh: FileHandle,
    private readonly columns: Float64Array[],
    private readonly capacity: number,
    private readonly rangeRows = RANGE_ROWS,
  ) {}

  /** Resolves once rows [0, rows) may be written, and starts on the range after them. */
  async ensure(rows: number): Promise<void> {
    const needed = Math.min(rows, this.capacity);
    while (this.done < needed) {
      if (this.pending === null) this.start(needed);
      await this.pending;
    }
    if (this.pending === null && this.done < this.capacity) this.start(this.done);
  }

  /** Waits for a read still in flight, so the file is not closed under it. */
  async settle(): Promise<void> {
    while (this.pending !== null) await this.pending;
  }

  private start(target: number): void {
    const from = this.done;
    const to = Math.min(this.capacity, Math.max(target, from + this.rangeRows));
    this.pending = this.prefault(from, to).then(() => {
      this.done = to;
      this.pending = null;
    });
  }

  /** One column at a time, so at most one pool thread (of four) is busy with this. */
  private async prefault(from: number, to: number): Promise<void> {
    for (const column of this.columns) {
      try {
        const bytes = new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
        await this.fh.read(bytes, from * 8, (to - from) * 8, 0);
      } catch {
        // Only an optimization; the rows are written normally whatever happened here.
      }
    }
  }
}
