/**
 * The CSV file as a sliding window of bytes: reads of a few MiB straight into one buffer, with
 * the unfinished tail of the previous read moved to the front. When that tail fills half the
 * buffer (a very long row or a 100 MB text field) the buffer doubles and the next read fills the
 * new half, so a field of any size costs linear time, never one concatenation per read. Files
 * whose encoding the parser cannot scan byte-wise (UTF-16) are transcoded to UTF-8 on the way in.
 */
import type { FileHandle } from 'node:fs/promises';
import iconv from 'iconv-lite';

export const READ_SIZE = 4 * 1024 * 1024;

interface ByteSource {
  /** Fills target[offset, offset + length) as far as it can; 0 means the end. */
  read(target: Buffer, offset: number, length: number): Promise<number>;
  /** Bytes of the file consumed so far (for progress). */
  readonly fileBytesRead: number;
}

class FileSource implements ByteSource {
  fileBytesRead = 0;

  constructor(
    private readonly handle: FileHandle,
    private position: number,
  ) {
    this.fileBytesRead = position;
  }

  async read(target: Buffer, offset: number, length: number): Promise<number> {
    const { bytesRead } = await this.handle.read(target, offset, length, this.position);
    this.position += bytesRead;
    this.fileBytesRead = this.position;
    return bytesRead;
  }
}

/** Decodes the file with iconv-lite and hands out its UTF-8 bytes. */
class TranscodingSource implements ByteSource {
  fileBytesRead = 0;
  private readonly decoder: ReturnType<typeof iconv.getDecoder>;
  private readonly chunk = Buffer.allocUnsafe(READ_SIZE);
  private pending: Buffer = Buffer.alloc(0);
  private done = false;

  constructor(
    private readonly handle: FileHandle,
    private position: number,
    encoding: string,
  ) {
    this.fileBytesRead = position;
    this.decoder = iconv.getDecoder(encoding, { stripBOM: false });
  }

  async read(target: Buffer, offset: number, length: number): Promise<number> {
    while (this.pending.length === 0 && !this.done) {
      const { bytesRead } = await this.handle.read(this.chunk, 0, READ_SIZE, this.position);
      this.position += bytesRead;
      this.fileBytesRead = this.position;
      if (bytesRead === 0) {
        this.done = true;
        this.pending = Buffer.from(this.decoder.end() ?? '', 'utf8');
      } else {
        this.pending = Buffer.from(this.decoder.write(this.chunk.subarray(0, bytesRead)), 'utf8');
      }
    }
    const n = Math.min(length, this.pending.length);
    this.pending.copy(target, offset, 0, n);
    this.pending = this.pending.subarray(n);
    return n;
  }
}

export class CsvWindow {
  /** The window: bytes[start, end) are read and not yet consumed. */
  bytes: Buffer;
  start = 0;
  end = 0;
  /** Offset of bytes[0] in the (possibly transcoded) stream. */
  base = 0;
  eof = false;
  private readonly source: ByteSource;

  constructor(handle: FileHandle, skip: number, transcodeFrom: string | null) {
    this.bytes = Buffer.allocUnsafe(READ_SIZE);
    this.source =
      transcodeFrom === null
        ? new FileSource(handle, skip)
        : new TranscodingSource(handle, skip, transcodeFrom);
    // Offsets in messages count from the file's first byte, the BOM included.
    this.base = transcodeFrom === null ? skip : 0;
  }

  get fileBytesRead(): number {
    return this.source.fileBytesRead;
  }

  /** Reads more after what is unconsumed; sets eof when the file has no more. */
  async fill(): Promise<void> {
    if (this.start > 0) {
      this.bytes.copyWithin(0, this.start, this.end);
      this.base += this.start;
      this.end -= this.start;
      this.start = 0;
    }
    if (this.end > this.bytes.length / 2) {
      const bigger = Buffer.allocUnsafe(this.bytes.length * 2);
      this.bytes.copy(bigger, 0, 0, this.end);
      this.bytes = bigger;
    }
    while (this.end < this.bytes.length) {
      const n = await this.source.read(this.bytes, this.end, this.bytes.length - this.end);
      if (n === 0) {
        this.eof = true;
        return;
      }
      this.end += n;
    }
  }
}
