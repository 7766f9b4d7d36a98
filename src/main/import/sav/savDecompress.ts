/**
 * Streams the data section of a system file into whole cases. The three storage forms (plain
 * 8-byte elements, bytecode compression, and ZLIB blocks of bytecode) all end up as one buffer of
 * `caseElements` 8-byte elements per case handed to a sink, so the column building does not care
 * how the file was compressed. Reads go through the FileHandle a few MiB at a time, and the work
 * is an async generator that yields after each chunk so callers can check for cancellation,
 * report progress, or hand out batches without holding the whole file.
 */
import type { FileHandle } from 'node:fs/promises';
import { inflate } from 'node:zlib';
import { SavFormatError } from './savModel';
import type { SavLayout } from './savRecords';

/** Receives each decoded case: `caseElements * 8` bytes starting at `offset`. */
export interface CaseSink {
  addCase(buf: Buffer, offset: number): void;
  /** When true after a case, decoding pauses (the generator yields) before the next case. */
  readonly full?: boolean;
}

export interface DataReadOptions {
  signal?: AbortSignal;
  /** Bytes of the file consumed so far, and the file size. */
  onProgress?: (done: number, total: number) => void;
}

/** Shared, mutable progress of one data read. */
export interface DataReadState {
  cases: number;
  warnings: string[];
}

const CHUNK_BYTES = 4 * 1024 * 1024;
/** Far above the 0x3ff000 bytes every known writer uses; anything bigger is taken as corruption. */
const MAX_ZLIB_BLOCK = 64 * 1024 * 1024;
const DBL_MAX = Number.MAX_VALUE;

export function abortError(signal: AbortSignal): Error {
  const err = new Error('reading the .sav file was aborted', { cause: signal.reason });
  err.name = 'AbortError';
  return err;
}

async function readFully(
  fh: FileHandle,
  file: string,
  buf: Buffer,
  length: number,
  position: number,
): Promise<void> {
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await fh.read(buf, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  if (filled < length) {
    throw new SavFormatError(
      file,
      position + filled,
      'file ended early (truncated while reading?)',
    );
  }
}

/**
 * Undoes bytecode compression: a block of 8 one-byte codes, then the 8-byte literal values that
 * its 253 codes refer to, repeated. State survives between `feed` calls, so input may be split
 * anywhere on an 8-byte boundary.
 */
class BytecodeDecoder {
  private readonly codes = Buffer.alloc(8);
  private codeIndex = 8;
  private pendingLiteral = false;
  private element = 0;
  private readonly caseBuf: Buffer;
  private readonly sysmis = Buffer.alloc(8);
  private readonly spaces = Buffer.alloc(8, 0x20);
  /** Set once code 252 (end of data) is seen or the declared case count is reached. */
  ended = false;
  /** Set when the sink asked for a pause; cleared by the caller before feeding on. */
  paused = false;

  constructor(
    private readonly layout: SavLayout,
    private readonly sink: CaseSink,
    private readonly state: DataReadState,
    private readonly limit: number,
  ) {
    this.caseBuf = Buffer.alloc(layout.caseElements * 8);
    if (layout.littleEndian) this.sysmis.writeDoubleLE(-DBL_MAX);
    else this.sysmis.writeDoubleBE(-DBL_MAX);
  }

  /** True when a case has been started but not finished. */
  get midCase(): boolean {
    return this.element > 0 || this.pendingLiteral;
  }

  private elementDone(): void {
    this.element++;
    if (this.element === this.layout.caseElements) {
      this.sink.addCase(this.caseBuf, 0);
      this.element = 0;
      this.state.cases++;
      if (this.state.cases >= this.limit) this.ended = true;
      if (this.sink.full === true) this.paused = true;
    }
  }

  /** Consumes whole 8-byte units of buf[start, end); returns where it stopped (pause or end). */
  feed(buf: Buffer, start: number, end: number): number {
    const { bias, littleEndian } = this.layout;
    const caseBuf = this.caseBuf;
    let p = start;
    while (p + 8 <= end && !this.ended && !this.paused) {
      if (this.pendingLiteral) {
        buf.copy(caseBuf, this.element * 8, p, p + 8);
        p += 8;
        this.pendingLiteral = false;
        this.codeIndex++;
        this.elementDone();
        if (this.paused) break;
      } else {
        buf.copy(this.codes, 0, p, p + 8);
        p += 8;
        this.codeIndex = 0;
      }
      while (this.codeIndex < 8 && !this.ended && !this.paused) {
        const code = this.codes[this.codeIndex]!;
        if (code === 0) {
          this.codeIndex++;
          continue;
        }
        if (code === 253) {
          this.pendingLiteral = true;
          break;
        }
        if (code === 252) {
          this.ended = true;
          break;
        }
        const at = this.element * 8;
        if (code === 254) this.spaces.copy(caseBuf, at);
        else if (code === 255) this.sysmis.copy(caseBuf, at);
        // Codes 1-251 are small integers; in a string element value 0 stands for 8 NUL bytes,
        // which is exactly what writing the double 0 produces.
        else if (littleEndian) caseBuf.writeDoubleLE(code - bias, at);
        else caseBuf.writeDoubleBE(code - bias, at);
        this.codeIndex++;
        this.elementDone();
      }
    }
    return p;
  }
}

/**
 * Feeds byte chunks to the decoder, carrying a partial 8-byte unit over to the next chunk, and
 * yields whenever the sink asks for a pause so batches come out exactly sized.
 */
class UnitFeeder {
  carry: Buffer | null = null;
  constructor(private readonly decoder: BytecodeDecoder) {}
  *push(chunk: Buffer): Generator<void, void, void> {
    const data = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    const usable = data.length - (data.length % 8);
    let p = 0;
    while (p < usable && !this.decoder.ended) {
      p = this.decoder.feed(data, p, usable);
      if (this.decoder.paused) {
        this.decoder.paused = false;
        yield;
      }
    }
    this.carry = usable < data.length ? Buffer.from(data.subarray(usable)) : null;
  }
}

function inflateBlock(data: Buffer, expected: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    inflate(data, { maxOutputLength: Math.max(1, expected) }, (err, out) => {
      if (err) reject(err);
      else resolve(out);
    });
  });
}

function int64(buf: Buffer, at: number, le: boolean): number {
  const v = le ? buf.readBigInt64LE(at) : buf.readBigInt64BE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)
    ? NaN
    : Number(v);
}

interface ZBlock {
  compressedOffset: number;
  compressedSize: number;
  uncompressedSize: number;
}

/** Reads and checks the ZLIB header and trailer that frame the compressed blocks. */
async function readZlibDirectory(
  fh: FileHandle,
  layout: SavLayout,
  state: DataReadState,
): Promise<ZBlock[]> {
  const { file, fileSize, dataOffset, littleEndian: le } = layout;
  const fail = (offset: number, reason: string): never => {
    throw new SavFormatError(file, offset, reason);
  };
  if (fileSize - dataOffset < 24) fail(dataOffset, 'file ends inside the ZLIB data header');
  const header = Buffer.alloc(24);
  await readFully(fh, file, header, 24, dataOffset);
  const zheaderOfs = int64(header, 0, le);
  const ztrailerOfs = int64(header, 8, le);
  const ztrailerLen = int64(header, 16, le);
  if (zheaderOfs !== dataOffset) {
    state.warnings.push(`ZLIB header says it is at byte ${zheaderOfs}, but it is at ${dataOffset}`);
  }
  if (
    !(ztrailerOfs >= dataOffset + 24) ||
    !(ztrailerLen >= 24) ||
    ztrailerLen % 24 !== 0 ||
    ztrailerOfs + ztrailerLen > fileSize
  ) {
    fail(
      dataOffset,
      `ZLIB trailer (${ztrailerLen} bytes at byte ${ztrailerOfs}) does not fit in the ${fileSize}-byte file (truncated?)`,
    );
  }
  const trailer = Buffer.alloc(ztrailerLen);
  await readFully(fh, file, trailer, ztrailerLen, ztrailerOfs);
  const intBias = int64(trailer, 0, le);
  if (intBias !== -layout.bias) {
    state.warnings.push(`ZLIB trailer bias ${intBias} does not match header bias ${layout.bias}`);
  }
  const nBlocks = le ? trailer.readInt32LE(20) : trailer.readInt32BE(20);
  if (nBlocks !== (ztrailerLen - 24) / 24) {
    fail(
      ztrailerOfs + 20,
      `ZLIB trailer lists ${nBlocks} blocks but has room for ${(ztrailerLen - 24) / 24}`,
    );
  }
  const blocks: ZBlock[] = [];
  let expectedOffset = dataOffset + 24;
  for (let i = 0; i < nBlocks; i++) {
    const at = 24 + i * 24;
    const compressedOffset = int64(trailer, at + 8, le);
    const uncompressedSize = le ? trailer.readInt32LE(at + 16) : trailer.readInt32BE(at + 16);
    const compressedSize = le ? trailer.readInt32LE(at + 20) : trailer.readInt32BE(at + 20);
    if (
      compressedOffset !== expectedOffset ||
      compressedSize < 0 ||
      compressedOffset + compressedSize > ztrailerOfs ||
      uncompressedSize < 0 ||
      uncompressedSize > MAX_ZLIB_BLOCK
    ) {
      fail(ztrailerOfs + at, `ZLIB block ${i} descriptor is inconsistent`);
    }
    blocks.push({ compressedOffset, compressedSize, uncompressedSize });
    expectedOffset = compressedOffset + compressedSize;
  }
  return blocks;
}

/**
 * Decodes every case into `sink`, yielding after each chunk read. Stops at the declared case
 * count when there is one. A file that ends inside a case is an error; one that ends cleanly
 * between cases but short of the declared count only adds a warning.
 */
export async function* readCaseChunks(
  fh: FileHandle,
  layout: SavLayout,
  sink: CaseSink,
  state: DataReadState,
  options: DataReadOptions = {},
): AsyncGenerator<void, void, void> {
  const { file, fileSize, dataOffset, caseElements, declaredCases } = layout;
  const { signal, onProgress } = options;
  const limit = declaredCases ?? Infinity;
  const checkAbort = (): void => {
    if (signal?.aborted) throw abortError(signal);
  };
  const report = (done: number): void => onProgress?.(Math.min(done, fileSize), fileSize);
  checkAbort();
  if (caseElements === 0 || limit === 0) {
    report(fileSize);
    return;
  }
  const caseBytes = caseElements * 8;

  if (layout.compression === 'none') {
    const perChunk = Math.max(1, Math.floor(CHUNK_BYTES / caseBytes));
    const buf = Buffer.allocUnsafe(perChunk * caseBytes);
    let pos = dataOffset;
    while (state.cases < limit) {
      checkAbort();
      const want = Math.min(buf.length, fileSize - pos, (limit - state.cases) * caseBytes);
      if (want <= 0) break;
      await readFully(fh, file, buf, want, pos);
      const whole = Math.floor(want / caseBytes);
      for (let k = 0; k < whole; k++) {
        sink.addCase(buf, k * caseBytes);
        state.cases++;
        // The buffer is reused for the next chunk, so a pause happens here, not after the read.
        if (sink.full === true && k < whole - 1) yield;
      }
      pos += want;
      const partial = want - whole * caseBytes;
      if (partial > 0) {
        throw new SavFormatError(
          file,
          pos - partial,
          `file ends in the middle of case ${state.cases + 1} (${partial} of ${caseBytes} bytes)`,
        );
      }
      report(pos);
      yield;
    }
  } else {
    const decoder = new BytecodeDecoder(layout, sink, state, limit);
    const feeder = new UnitFeeder(decoder);
    let endOffset = dataOffset;
    if (layout.compression === 'bytecode') {
      const buf = Buffer.allocUnsafe(CHUNK_BYTES);
      let pos = dataOffset;
      while (!decoder.ended && pos < fileSize) {
        checkAbort();
        const want = Math.min(buf.length, fileSize - pos);
        await readFully(fh, file, buf, want, pos);
        yield* feeder.push(buf.subarray(0, want));
        pos += want;
        report(pos);
        yield;
      }
      endOffset = pos;
    } else {
      const blocks = await readZlibDirectory(fh, layout, state);
      for (let i = 0; i < blocks.length && !decoder.ended; i++) {
        checkAbort();
        const block = blocks[i]!;
        const compressed = Buffer.allocUnsafe(block.compressedSize);
        await readFully(fh, file, compressed, block.compressedSize, block.compressedOffset);
        let inflated: Buffer;
        try {
          inflated = await inflateBlock(compressed, block.uncompressedSize);
        } catch (e) {
          throw new SavFormatError(
            file,
            block.compressedOffset,
            `ZLIB block ${i} does not inflate to its declared ${block.uncompressedSize} bytes (${(e as Error).message})`,
          );
        }
        if (inflated.length !== block.uncompressedSize) {
          throw new SavFormatError(
            file,
            block.compressedOffset,
            `ZLIB block ${i} inflates to ${inflated.length} bytes, not the declared ${block.uncompressedSize}`,
          );
        }
        yield* feeder.push(inflated);
        endOffset = block.compressedOffset + block.compressedSize;
        report(endOffset);
        yield;
      }
    }
    if (!decoder.ended && decoder.midCase) {
      throw new SavFormatError(
        file,
        endOffset,
        `compressed data ends in the middle of case ${state.cases + 1}`,
      );
    }
    if (!decoder.ended && feeder.carry !== null) {
      state.warnings.push(`ignored ${feeder.carry.length} stray bytes at the end of the data`);
    }
  }
  // A cancel that arrives while the last chunk is processed still wins over a finished read.
  checkAbort();
  if (declaredCases !== null && state.cases < declaredCases) {
    state.warnings.push(
      `the header declares ${declaredCases} cases but the data holds only ${state.cases}`,
    );
  }
  report(fileSize);
}
