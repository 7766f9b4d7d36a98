/**
 * The few WebAssembly JS API calls the kernels use, typed here: the main process's TypeScript
 * library has no WebAssembly declarations (no DOM lib), and declaring them globally would clash
 * where the DOM lib is present.
 */
export interface WasmModule {
  readonly __wasmModule?: never;
}

export interface WasmMemory {
  readonly buffer: SharedArrayBuffer;
  grow(pages: number): number;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number; maximum: number; shared: true }) => WasmMemory;
}

export const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

const PAGE = 65_536;
/** A 32-bit WebAssembly memory holds at most 4 GiB. */
const MAX_BYTES = 65_536 * PAGE;

/** Kernel data starts on cache lines. */
export const alignToCacheLine = (at: number) => Math.ceil(at / 64) * 64;

/**
 * Raised when a kernel's data does not fit a 32-bit WebAssembly memory, or the memory cannot grow
 * that far here: the caller falls back to the TypeScript kernel.
 */
export class TooBigForWasm extends Error {}

/** Grows `memory` to hold `end` bytes; `what` names the data for the message. */
export function reserveWasmMemory(memory: WasmMemory, end: number, what: string): void {
  if (end > MAX_BYTES) throw new TooBigForWasm(`${what} need more than 4 GiB`);
  const have = memory.buffer.byteLength;
  if (end <= have) return;
  try {
    memory.grow(Math.ceil((end - have) / PAGE));
  } catch {
    throw new TooBigForWasm(`${what} need ${end} bytes, more than the system gives`);
  }
}
