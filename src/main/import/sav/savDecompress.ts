/**
 * Streams the data section of a system file into blocks of whole cases. The three storage forms
 * (plain 8-byte elements, bytecode compression, and ZLIB blocks of bytecode) all end up as one
 * row-major block of `caseElements` 8-byte elements per case handed to a sink, so the column
 * building does not care how the file was compressed. Bytecode is decoded straight into that
 * block (a code becomes one byte store beside it, the double kept for literals), and a block
 * covers a few hundred KiB so the sink can
 * transpose it into columns while it is still in cache. Reads go through the FileHandle several
 * MiB at a time, the next chunk (or ZLIB block, inflated on the thread pool) being fetched while
 * the current one is decoded. The work is an async generator that yields after each chunk so
 * callers can check for cancellation, report progress, or hand out batches without holding the
 * whole file.
 */
import type { FileHandle } from 'node:fs/promises';
import { inflate } from 'node:zlib';
import { SavFormatError } from './savModel';
import type { SavLayout } from './savRecords';

/** Receives decoded cases, a block at a time. */
export interface CaseSink {
  /**
   * Takes cases `start` to `start + rows - 1` of `values`: row-major, `caseElements` 8-byte
   * elements per case, `bytes` being the same memory. String elements hold the bytes as stored
   * in the file. Numeric elements hold their values as native doubles, system-missing already
   * NaN — except in bytecode, which also gives `codes`, each element's compression code (same
   * layout): there a numeric element's value is code − bias for codes 1-251, system-missing for
   * 255, and only for 253 and 254 the double in `values`, so the common answer is never built
   * as a double.
   * The block is overwritten once the call returns.
   */
  addCases(
    values: Float64Array,
    bytes: Buffer,
    codes: Uint8Array | null,
    start: number,
    rows: number,
  ): void;
  /** Cases the sink takes before decoding must pause (the generator yields); ≥ 1 when fed. */
  readonly room: number;
  /** Says that at most `cases` cases follow, learnt once the ZLIB block directory is read. */
  reserve?(cases: number): void;
}

export interface DataReadOptions {
  signal?: AbortSignal;
  /** Bytes of the file consumed so far, and the file size. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Testing only: bytes per read (and per piece of an inflated ZLIB block fed to the decoder),
   * and bytes per decoded block, so that small files cross many boundaries.
   */
  chunkBytes?: number;
  blockBytes?: number;
}

/** Shared, mutable progress of one data read. */
export interface DataReadState {
  cases: number;
  warnings: string[];
}

const CHUNK_BYTES = 8 * 1024 * 1024;
/** Small enough for the block to stay in L2 while the sink transposes it into columns. */
const BLOCK_BYTES = 256 * 1024;
/** Far above the 0x3ff000 bytes every known writer uses; anything bigger is taken as corruption. */
const MAX_ZLIB_BLOCK = 64 * 1024 * 1024;
/** Deflate cannot expand data more than about 1032-fold; a directory claiming more lies. */
const MAX_DEFLATE_RATIO = 1032;
const DBL_MAX = Number.MAX_VALUE;
/** The double whose 8 bytes are all spaces (code 254), so writing it writes the spaces. */
const SPACES = new Float64Array(new Uint8Array(8).fill(0x20).buffer)[0]!;

const ignore = (): void => undefined;

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

/** A Buffer over a fresh 8-aligned ArrayBuffer, with a Float64Array view of the same bytes. */
function alignedBlock(bytes: number): { values: Float64Array; bytes: Buffer } {
  const values = new Float64Array(Math.ceil(bytes / 8));
  return { values, bytes: Buffer.from(values.buffer, values.byteOffset, bytes) };
}

/**
 * Reads [start, end) of the file in chunks into two alternating buffers: while the caller decodes
 * one chunk, the next one is already being read on the thread pool.
 */
class ChunkReader {
  private readonly buffers: [Buffer, Buffer];
  private turn = 0;
  private pos: number;
  private pending: Promise<void> | null = null;
  private pendingLength = 0;

  constructor(
    private readonly fh: FileHandle,
    private readonly file: string,
    start: number,
    private readonly end: number,
    buffers: [Buffer, Buffer],
  ) {
    this.pos = start;
    this.buffers = buffers;
  }

  private startRead(): void {
    const length = Math.min(this.buffers[this.turn]!.length, this.end - this.pos);
    if (length <= 0) {
      this.pending = null;
      return;
    }
    this.pendingLength = length;
    this.pending = readFully(this.fh, this.file, this.buffers[this.turn]!, length, this.pos);
    // Awaited by next() or settle(); this only keeps an early failure from counting as unhandled.
    this.pending.catch(ignore);
  }

  /**
   * The next chunk (valid until the call after), which of the two buffers holds it, and the file
   * position after it; null at the end.
   */
  async next(): Promise<{ chunk: Buffer; buffer: number; after: number } | null> {
    if (this.pending === null) this.startRead();
    const pending = this.pending;
    if (pending === null) return null;
    await pending;
    const buffer = this.turn;
    const chunk = this.buffers[buffer]!.subarray(0, this.pendingLength);
    this.pos += this.pendingLength;
    this.turn ^= 1;
    this.startRead();
    return { chunk, buffer, after: this.pos };
  }

  /** Waits for a read still in flight, so the file is not closed under it. */
  async settle(): Promise<void> {
    if (this.pending !== null) await this.pending.catch(ignore);
  }
}

/** Reverses the 8 bytes at `at`: an element between the file's big-endian and native order. */
function reverse8(b: Buffer, at: number): void {
  let lo = at;
  let hi = at + 7;
  while (lo < hi) {
    const t = b[lo]!;
    b[lo++] = b[hi]!;
    b[hi--] = t;
  }
}

/** 1 for each element of a case that holds string bytes, 0 for numbers. */
function stringElements(layout: SavLayout): Uint8Array {
  const marks = new Uint8Array(layout.caseElements);
  for (const col of layout.columns) {
    if (col.kind !== 'string') continue;
    for (const seg of col.segments) {
      const first = seg.offset / 8;
      marks.fill(1, first, Math.min(layout.caseElements, first + Math.ceil(seg.length / 8)));
    }
  }
  return marks;
}

/**
 * Nonzero when one of the 4 bytes of `word` is no plain code, i.e. is 0 or 252-255. Per byte b:
 * (b & 0x7f) + 0x7f reaches bit 7 unless b & 0x7f is 0, so with b's own bit 7 it marks b ≠ 0;
 * (b & 0x7f) + 4 reaches bit 7 when b & 0x7f ≥ 124, so with b's bit 7 it marks b ≥ 252. Neither
 * sum carries into the next byte.
 */
function noPlainCode(word: number): number {
  const low = word & 0x7f7f7f7f;
  const nonZero = (low + 0x7f7f7f7f) | word;
  const atLeast252 = (low + 0x04040404) & word;
  return (~nonZero | atLeast252) & 0x80808080;
}

/** noPlainCode letting 255 (system-missing) pass too: its code byte is all a number needs. */
function noPlainCodeNorMissing(word: number): number {
  const low = word & 0x7f7f7f7f;
  const nonZero = (low + 0x7f7f7f7f) | word;
  const atLeast252 = (low + 0x04040404) & word;
  const notMissing = ((~word & 0x7f7f7f7f) + 0x7f7f7f7f) | ~word;
  return (~nonZero | (atLeast252 & notMissing)) & 0x80808080;
}

/**
 * Undoes bytecode compression: a group of 8 one-byte codes, then the 8-byte literal values that
 * its 253 codes refer to, repeated. Each code is decoded straight into the next element slot of a
 * block of cases; full blocks go to the sink. State survives between `feed` calls (the current
 * code group is kept when the input ends inside it), so input may be split anywhere on a unit
 * (8-byte) boundary.
 */
class BytecodeDecoder {
  private readonly values: Float64Array;
  private readonly bytes: Buffer;
  /** Each element's compression code (CaseSink). */
  private readonly elementCodes: Uint8Array;
  private readonly codesView: DataView;
  private readonly blockRows: number;
  private readonly caseElements: number;
  private readonly bias: number;
  /** Per slot of the block: 1 where the element holds string bytes. */
  private readonly slotIsString: Uint8Array;
  private readonly hasStrings: boolean;
  private readonly littleEndian: boolean;
  /** The open code group when the last input ended inside it. Buffer, like every input. */
  private readonly codes = Buffer.alloc(8);
  private codeIndex = 8;
  /** Next element slot of the block; the block always starts at a case boundary. */
  private slot = 0;
  /** Set once code 252 (end of data) is seen or the declared case count is reached. */
  ended = false;
  /** Set when the sink has no room left; cleared by the caller before feeding on. */
  paused = false;

  constructor(
    layout: SavLayout,
    private readonly sink: CaseSink,
    private readonly state: DataReadState,
    private readonly limit: number,
    blockBytes: number,
  ) {
    this.caseElements = layout.caseElements;
    this.bias = layout.bias;
    this.littleEndian = layout.littleEndian;
    const caseBytes = layout.caseElements * 8;
    this.blockRows = Math.max(1, Math.floor(blockBytes / caseBytes));
    ({ values: this.values, bytes: this.bytes } = alignedBlock(this.blockRows * caseBytes));
    this.elementCodes = new Uint8Array(this.blockRows * layout.caseElements);
    this.codesView = new DataView(this.elementCodes.buffer);
    const perCase = stringElements(layout);
    this.hasStrings = perCase.includes(1);
    this.slotIsString = new Uint8Array(this.blockRows * layout.caseElements);
    for (let r = 0; r < this.blockRows; r++) this.slotIsString.set(perCase, r * perCase.length);
  }

  /** True when a case has been started (or a literal announced) but not finished. */
  get midCase(): boolean {
    return this.slot > 0 || this.codeIndex < 8;
  }

  /** The slot at which the block is handed over: full, at the case limit, or the sink's room. */
  private stopSlot(): number {
    const rows = Math.min(this.blockRows, this.limit - this.state.cases, this.sink.room);
    return Math.max(1, rows) * this.caseElements;
  }

  private flush(rows: number): void {
    this.sink.addCases(this.values, this.bytes, this.elementCodes, 0, rows);
    this.state.cases += rows;
    if (this.state.cases >= this.limit) this.ended = true;
    else if (this.sink.room <= 0) this.paused = true;
  }

  /** What a code other than 0, 252 and 253 leaves in a string element: bytes in file order. */
  private stringCode(code: number, k: number): void {
    if (code === 254) {
      this.values[k] = SPACES;
      return;
    }
    // A number in a string element (value 0 is 8 NUL bytes) is stored as the file would.
    this.values[k] = code === 255 ? -DBL_MAX : code - this.bias;
    if (!this.littleEndian) reverse8(this.bytes, k * 8);
  }

  /**
   * Consumes whole 8-byte units of src[start, end); returns where it stopped: at the first unit
   * not wholly there, at the end of data, or when the sink asked for a pause.
   */
  feed(src: Buffer, start: number, end: number): number {
    const bias = this.bias;
    const values = this.values;
    const bytes = this.bytes;
    const elementCodes = this.elementCodes;
    const codesView = this.codesView;
    const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
    const slotIsString = this.slotIsString;
    const hasStrings = this.hasStrings;
    const swapNumbers = !this.littleEndian;
    // Big-endian strings need each code's element kind; everything else can take whole groups.
    const groups = this.littleEndian || !hasStrings;
    let p = start;
    let k = this.slot;
    let ci = this.codeIndex;
    // Codes are read where they are (the input), or from the saved group after a split.
    let codes: Buffer = this.codes;
    let base = 0;
    let stop = this.stopSlot();
    for (;;) {
      if (ci === 8) {
        if (end - p < 8) break;
        if (groups && stop - k >= 8) {
          // The common group: 8 small integers (codes 1-251) or, without string elements to
          // fill, system-missing (255) too, tested and copied as two 4-byte words.
          const lo = view.getUint32(p, true);
          const hi = view.getUint32(p + 4, true);
          const special = hasStrings
            ? noPlainCode(lo) | noPlainCode(hi)
            : noPlainCodeNorMissing(lo) | noPlainCodeNorMissing(hi);
          if (special === 0) {
            codesView.setUint32(k, lo, true);
            codesView.setUint32(k + 4, hi, true);
            if (hasStrings) {
              // In a string element of a little-endian file the double's bytes are what the
              // file means, so no element kind is needed here.
              for (let j = 0; j < 8; j++) values[k + j] = src[p + j]! - bias;
            }
            p += 8;
            k += 8;
            if (k === stop) {
              this.flush(k / this.caseElements);
              k = 0;
              if (this.ended || this.paused) break;
              stop = this.stopSlot();
            }
            continue;
          }
        }
        codes = src;
        base = p;
        p += 8;
        ci = 0;
      }
      const code = codes[base + ci]!;
      ci++;
      if (code === 0) continue;
      if (code === 253) {
        if (end - p < 8) {
          ci--;
          break;
        }
        const at = k * 8;
        if (slotIsString[k] === 1) {
          // Byte copies, so string bytes survive even when they happen to spell a NaN.
          for (let j = 0; j < 8; j++) bytes[at + j] = src[p + j]!;
        } else {
          if (swapNumbers) for (let j = 0; j < 8; j++) bytes[at + j] = src[p + 7 - j]!;
          else for (let j = 0; j < 8; j++) bytes[at + j] = src[p + j]!;
          if (values[k] === -DBL_MAX) values[k] = NaN;
          elementCodes[k] = 253;
        }
        p += 8;
      } else if (code === 252) {
        this.ended = true;
        break;
      } else if (hasStrings && slotIsString[k] === 1) {
        this.stringCode(code, k);
      } else {
        elementCodes[k] = code;
        // Codes 1-251 and 255 are read from elementCodes; 254 leaves the spaces double.
        if (code === 254) values[k] = SPACES;
      }
      if (++k === stop) {
        this.flush(k / this.caseElements);
        k = 0;
        if (this.ended || this.paused) break;
        stop = this.stopSlot();
      }
    }
    if (ci < 8 && codes !== this.codes) this.codes.set(codes.subarray(base, base + 8));
    this.codeIndex = ci;
    // Hand over the whole cases now so the count is current when the generator yields; the
    // started case moves to the front of the block.
    const started = k % this.caseElements;
    const whole = k - started;
    if (whole > 0) {
      this.flush(whole / this.caseElements);
      if (started > 0) {
        values.copyWithin(0, whole, k);
        elementCodes.copyWithin(0, whole, k);
      }
      k = started;
    }
    this.slot = k;
    return p;
  }
}

/**
 * Feeds byte chunks to the decoder, carrying a partial 8-byte unit over to the next chunk, and
 * yields whenever the sink asks for a pause so batches come out exactly sized.
 */
class UnitFeeder {
  private readonly carry = Buffer.alloc(8);
  carried = 0;
  constructor(private readonly decoder: BytecodeDecoder) {}

  private *run(src: Buffer, start: number, end: number): Generator<void, number, void> {
    let p = start;
    while (!this.decoder.ended) {
      p = this.decoder.feed(src, p, end);
      if (!this.decoder.paused) break;
      this.decoder.paused = false;
      yield;
    }
    return p;
  }

  *push(chunk: Buffer): Generator<void, void, void> {
    let from = 0;
    if (this.carried > 0) {
      const take = Math.min(8 - this.carried, chunk.length);
      chunk.copy(this.carry, this.carried, 0, take);
      this.carried += take;
      from = take;
      if (this.carried < 8) return;
      this.carried = 0;
      yield* this.run(this.carry, 0, 8);
    }
    if (this.decoder.ended) return;
    const p = yield* this.run(chunk, from, chunk.length);
    if (!this.decoder.ended && p < chunk.length) {
      this.carried = chunk.copy(this.carry, 0, p, chunk.length);
    }
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

/** Reads and inflates one ZLIB block, checking it against its descriptor. */
async function loadZlibBlock(
  fh: FileHandle,
  file: string,
  block: ZBlock,
  index: number,
): Promise<Buffer> {
  const compressed = Buffer.allocUnsafe(block.compressedSize);
  await readFully(fh, file, compressed, block.compressedSize, block.compressedOffset);
  let inflated: Buffer;
  try {
    inflated = await inflateBlock(compressed, block.uncompressedSize);
  } catch (e) {
    throw new SavFormatError(
      file,
      block.compressedOffset,
      `ZLIB block ${index} does not inflate to its declared ${block.uncompressedSize} bytes (${(e as Error).message})`,
    );
  }
  if (inflated.length !== block.uncompressedSize) {
    throw new SavFormatError(
      file,
      block.compressedOffset,
      `ZLIB block ${index} inflates to ${inflated.length} bytes, not the declared ${block.uncompressedSize}`,
    );
  }
  return inflated;
}

/**
 * Turns the numeric elements of `rows` uncompressed cases into what the sink expects, in place:
 * native byte order, system-missing as NaN.
 */
function prepareNumbers(
  values: Float64Array,
  bytes: Buffer,
  rows: number,
  elements: Int32Array,
  caseElements: number,
  swap: boolean,
): void {
  for (let r = 0; r < rows; r++) {
    const base = r * caseElements;
    for (let i = 0; i < elements.length; i++) {
      const at = base + elements[i]!;
      if (swap) reverse8(bytes, at * 8);
      if (values[at] === -DBL_MAX) values[at] = NaN;
    }
  }
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
  const chunkBytes = Math.max(1, Math.floor(options.chunkBytes ?? CHUNK_BYTES));
  const blockBytes = Math.max(1, Math.floor(options.blockBytes ?? BLOCK_BYTES));
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
    const perChunk = Math.max(1, Math.floor(chunkBytes / caseBytes));
    // Cases past the declared count are not read at all.
    const end = Math.min(fileSize, dataOffset + limit * caseBytes);
    const numericElements = Int32Array.from(
      layout.columns.flatMap((col) => (col.kind === 'numeric' ? [col.offset / 8] : [])),
    );
    const one = alignedBlock(perChunk * caseBytes);
    const two = alignedBlock(perChunk * caseBytes);
    const reader = new ChunkReader(fh, file, dataOffset, end, [one.bytes, two.bytes]);
    try {
      for (;;) {
        checkAbort();
        const next = await reader.next();
        if (next === null) break;
        const { chunk, after } = next;
        const values = next.buffer === 0 ? one.values : two.values;
        const whole = Math.floor(chunk.length / caseBytes);
        prepareNumbers(values, chunk, whole, numericElements, caseElements, !layout.littleEndian);
        let done = 0;
        while (done < whole) {
          const rows = Math.min(whole - done, Math.max(1, sink.room));
          sink.addCases(values, chunk, null, done, rows);
          state.cases += rows;
          done += rows;
          // The buffer is reused for the chunk after next, so a pause happens here.
          if (done < whole && sink.room <= 0) yield;
        }
        const partial = chunk.length - whole * caseBytes;
        if (partial > 0) {
          throw new SavFormatError(
            file,
            after - partial,
            `file ends in the middle of case ${state.cases + 1} (${partial} of ${caseBytes} bytes)`,
          );
        }
        report(after);
        yield;
      }
    } finally {
      await reader.settle();
    }
  } else {
    const decoder = new BytecodeDecoder(layout, sink, state, limit, blockBytes);
    const feeder = new UnitFeeder(decoder);
    let endOffset = dataOffset;
    if (layout.compression === 'bytecode') {
      const reader = new ChunkReader(fh, file, dataOffset, fileSize, [
        Buffer.allocUnsafe(Math.min(chunkBytes, Math.max(1, fileSize - dataOffset))),
        Buffer.allocUnsafe(Math.min(chunkBytes, Math.max(1, fileSize - dataOffset))),
      ]);
      try {
        while (!decoder.ended) {
          checkAbort();
          const next = await reader.next();
          if (next === null) break;
          yield* feeder.push(next.chunk);
          endOffset = next.after;
          report(endOffset);
          yield;
        }
      } finally {
        await reader.settle();
      }
    } else {
      const blocks = await readZlibDirectory(fh, layout, state);
      let inflatedTotal = 0;
      let compressedTotal = 0;
      for (const block of blocks) {
        inflatedTotal += block.uncompressedSize;
        compressedTotal += block.compressedSize;
      }
      // The directory bounds the case count, unless it claims more than deflate could produce.
      if (inflatedTotal <= compressedTotal * MAX_DEFLATE_RATIO) {
        sink.reserve?.(Math.min(limit, Math.floor(inflatedTotal / caseElements)));
      }
      // Each block is read and inflated (on the thread pool) while the one before is decoded.
      const load = (i: number): Promise<Buffer> | null => {
        if (i >= blocks.length) return null;
        const loading = loadZlibBlock(fh, file, blocks[i]!, i);
        loading.catch(ignore);
        return loading;
      };
      let loading = load(0);
      try {
        for (let i = 0; i < blocks.length && !decoder.ended; i++) {
          checkAbort();
          const inflated = await loading!;
          loading = load(i + 1);
          for (let at = 0; at < inflated.length && !decoder.ended; at += chunkBytes) {
            yield* feeder.push(inflated.subarray(at, at + chunkBytes));
          }
          const block = blocks[i]!;
          endOffset = block.compressedOffset + block.compressedSize;
          report(endOffset);
          yield;
        }
      } finally {
        if (loading !== null) await loading.catch(ignore);
      }
    }
    if (!decoder.ended && decoder.midCase) {
      throw new SavFormatError(
        file,
        endOffset,
        `compressed data ends in the middle of case ${state.cases + 1}`,
      );
    }
    if (!decoder.ended && feeder.carried > 0) {
      state.warnings.push(`ignored ${feeder.carried} stray bytes at the end of the data`);
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
