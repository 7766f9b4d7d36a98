/**
 * A growable little-endian byte builder for the dictionary part of a system file, which is
 * small enough to assemble in memory before the case data is streamed after it.
 */

export class ByteBuilder {
  private buffer = Buffer.alloc(4096);
  private used = 0;

  get length(): number {
    return this.used;
  }

  /** Makes room for `size` bytes and returns where they go (call before touching `buffer`). */
  private reserve(size: number): number {
    if (this.used + size > this.buffer.length) {
      const next = Buffer.alloc(Math.max(this.buffer.length * 2, this.used + size));
      this.buffer.copy(next, 0, 0, this.used);
      this.buffer = next;
    }
    const at = this.used;
    this.used += size;
    return at;
  }

  int32(value: number): this {
    const at = this.reserve(4);
    this.buffer.writeInt32LE(value, at);
    return this;
  }

  int64(value: number): this {
    const at = this.reserve(8);
    this.buffer.writeBigInt64LE(BigInt(value), at);
    return this;
  }

  float64(value: number): this {
    const at = this.reserve(8);
    this.buffer.writeDoubleLE(value, at);
    return this;
  }

  uint8(value: number): this {
    const at = this.reserve(1);
    this.buffer.writeUInt8(value, at);
    return this;
  }

  bytes(data: Uint8Array): this {
    const at = this.reserve(data.length);
    this.buffer.set(data, at);
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.used));
  }
}
