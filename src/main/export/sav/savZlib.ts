/**
 * The .zsav data layout (compression 2): the bytecode stream is cut into fixed-size blocks,
 * each deflated separately, framed by a 24-byte header and a trailer indexing every block, so
 * that readers can seek. Blocks are compressed as they fill, keeping memory bounded.
 *
 * Each block is shaped so that PSPP before 2.0 can read it. That reader inflates the data in
 * 4 KiB reads and gives up ("ZLIB stream inconsistency") when a read ends a few bytes into a
 * block, before the first byte of output — with an ordinary deflate stream, whose first
 * Huffman tables take ~100 bytes, that hits about one block boundary in 40. So a block starts
 * with its first byte deflated on its own (output after 4 bytes), and empty stored blocks
 * (5 bytes each, valid deflate) pad the block so the next one never starts within 8 bytes
 * before a 4 KiB read boundary.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { ByteSink } from './savBytecode';
import { COMPRESSION_BIAS } from './savDictionary';

const deflate = promisify(zlib.deflate);
const deflateRaw = promisify(zlib.deflateRaw);

/** Uncompressed bytes per block: the only size SPSS has been seen to use. */
export const ZLIB_BLOCK_SIZE = 0x3ff000;

/** zlib stream header: deflate, 32 KiB window, no dictionary, fastest-level flag (as SPSS). */
const ZLIB_HEADER = Buffer.from([0x78, 0x01]);
/** An empty non-final stored block; after a sync flush the stream is byte-aligned for it. */
const EMPTY_STORED_BLOCK = Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff]);
/** An empty final block with fixed Huffman codes: ends the deflate data. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
/** PSPP < 2.0 reads compressed data in pieces of this size, counted from the first block. */
const READER_CHUNK = 4096;
/** A block start must not fall this close before a read boundary (its output starts at 4). */
const SAFE_HEAD = 8;
/** Below this size a block is deflated plainly: the shaping overhead would not fit PSPP's
 * limit on compressed size (uncompressed + 1/7 + 11 bytes). Only a last block can be this small. */
const SHAPE_MIN_BYTES = 1024;

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 bytes is the most that can be summed before the sums must be reduced (zlib's NMAX).
  for (let start = 0; start < data.length; start += 5552) {
    const end = Math.min(start + 5552, data.length);
    for (let i = start; i < end; i++) {
      a += data[i] ?? 0;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** The file being written, with the current end position and random-access patching. */
export interface PositionedOutput {
  readonly position: number;
  write(chunk: Uint8Array): Promise<void>;
  writeAt(chunk: Uint8Array, position: number): Promise<void>;
}

interface BlockEntry {
  uncompressedOffset: number;
  compressedOffset: number;
  uncompressedSize: number;
  compressedSize: number;
}

export class ZlibBlockSink implements ByteSink {
  private readonly block = Buffer.alloc(ZLIB_BLOCK_SIZE);
  private filled = 0;
  private readonly blocks: BlockEntry[] = [];
  private readonly headerOffset: number;

  private constructor(private readonly output: PositionedOutput) {
    this.headerOffset = output.position;
  }

  /** Starts the zlib data at the output's current position (right after record 999). */
  static async start(output: PositionedOutput): Promise<ZlibBlockSink> {
    const sink = new ZlibBlockSink(output);
    // The header's offsets are only known at the end; reserve its 24 bytes now.
    await output.write(Buffer.alloc(24));
    return sink;
  }

  async write(chunk: Buffer): Promise<void> {
    let from = 0;
    while (from < chunk.length) {
      const take = Math.min(chunk.length - from, ZLIB_BLOCK_SIZE - this.filled);
      chunk.copy(this.block, this.filled, from, from + take);
      this.filled += take;
      from += take;
      if (this.filled === ZLIB_BLOCK_SIZE) await this.compressBlock();
    }
  }

  /** True when a block starting at `offset` begins at, or safely before, a reader boundary. */
  private safeStart(offset: number): boolean {
    const into = (offset - (this.headerOffset + 24)) % READER_CHUNK;
    return into === 0 || READER_CHUNK - into >= SAFE_HEAD;
  }

  private async shapedBlock(data: Buffer, start: number): Promise<Buffer> {
    const sync = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
    const [head, body] = await Promise.all([
      deflateRaw(data.subarray(0, 1), sync),
      deflateRaw(data.subarray(1), sync),
    ]);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(adler32(data));
    const length = ZLIB_HEADER.length + head.length + body.length + FINAL_BLOCK.length + 4;
    let pads = 0;
    while (!this.safeStart(start + length + pads * EMPTY_STORED_BLOCK.length)) pads++;
    return Buffer.concat([
      ZLIB_HEADER,
      head,
      body,
      ...new Array<Buffer>(pads).fill(EMPTY_STORED_BLOCK),
      FINAL_BLOCK,
      checksum,
    ]);
  }

  private async compressBlock(): Promise<void> {
    const data = this.block.subarray(0, this.filled);
    const start = this.output.position;
    const compressed =
      this.filled >= SHAPE_MIN_BYTES ? await this.shapedBlock(data, start) : await deflate(data);
    const previous = this.blocks[this.blocks.length - 1];
    this.blocks.push({
      uncompressedOffset: previous
        ? previous.uncompressedOffset + previous.uncompressedSize
        : this.headerOffset,
      compressedOffset: start,
      uncompressedSize: this.filled,
      compressedSize: compressed.length,
    });
    await this.output.write(compressed);
    this.filled = 0;
  }

  /** Compresses what is left, writes the trailer and fills in the header. */
  async finish(): Promise<void> {
    if (this.filled > 0 || this.blocks.length === 0) await this.compressBlock();
    const trailerOffset = this.output.position;
    const trailer = Buffer.alloc(24 + 24 * this.blocks.length);
    trailer.writeBigInt64LE(BigInt(-COMPRESSION_BIAS), 0);
    trailer.writeBigInt64LE(0n, 8);
    trailer.writeInt32LE(ZLIB_BLOCK_SIZE, 16);
    trailer.writeInt32LE(this.blocks.length, 20);
    this.blocks.forEach((entry, i) => {
      const at = 24 + 24 * i;
      trailer.writeBigInt64LE(BigInt(entry.uncompressedOffset), at);
      trailer.writeBigInt64LE(BigInt(entry.compressedOffset), at + 8);
      trailer.writeInt32LE(entry.uncompressedSize, at + 16);
      trailer.writeInt32LE(entry.compressedSize, at + 20);
    });
    await this.output.write(trailer);

    const header = Buffer.alloc(24);
    header.writeBigInt64LE(BigInt(this.headerOffset), 0);
    header.writeBigInt64LE(BigInt(trailerOffset), 8);
    header.writeBigInt64LE(BigInt(trailer.length), 16);
    await this.output.writeAt(header, this.headerOffset);
  }
}
