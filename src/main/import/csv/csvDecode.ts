/**
 * Turns stored field bytes into strings once the whole file is read, checking every field
 * against the encoding: a byte the encoding cannot decode is an error (or, when the
 * encoding was only assumed from an ASCII start, a reason to detect again), never a silent
 * U+FFFD. The error names the byte's offset in the file and its line, found by re-reading the
 * bytes of the row that held it.
 */
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { ApiError } from '../../../shared/api/apiTypes';
import { invalidByteAt, invalidUtf8At } from './csvEncoding';
import { CODE_TEXT, type CsvColumn } from './csvColumn';

function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

export class FieldDecoder {
  private readonly utf8: boolean;

  constructor(readonly encoding: string) {
    this.utf8 = encoding === 'utf-8';
  }

  /** The text of bytes[start, end), or null when they are not valid in the encoding. */
  decode(bytes: Buffer, start: number, end: number): string | null {
    if (isAscii(bytes, start, end)) return bytes.toString('latin1', start, end);
    if (this.utf8)
      return invalidUtf8At(bytes, start, end) < 0 ? bytes.toString('utf8', start, end) : null;
    const text = iconv.decode(bytes.subarray(start, end), this.encoding);
    return text.includes('\uFFFD') ? null : text;
  }
}

/** Text fields with non-ASCII bytes, up to `limit` bytes: what a detector should look at. */
export function nonAsciiFields(
  columns: CsvColumn[],
  rows: number,
  extra: Uint8Array[],
  limit = 65_536,
): Buffer {
  const parts: Uint8Array[] = [];
  let size = 0;
  const take = (bytes: Uint8Array, start: number, end: number): void => {
    if (size >= limit || isAscii(bytes, start, end)) return;
    parts.push(bytes.subarray(start, end), Buffer.from('\n'));
    size += end - start + 1;
  };
  for (const field of extra) take(field, 0, field.length);
  for (const column of columns) {
    const store = column.text;
    if (!store) continue;
    for (let row = 0; row < rows && size < limit; row++)
      if (column.codes[row] === CODE_TEXT) take(store.bytes, store.start(row), store.ends[row]!);
  }
  return Buffer.concat(parts);
}

async function lineAt(file: string, offset: number): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(4 * 1024 * 1024);
    let line = 1;
    let position = 0;
    while (position < offset) {
      const { bytesRead } = await handle.read(
        chunk,
        0,
        Math.min(chunk.length, offset - position),
        position,
      );
      if (bytesRead === 0) break;
      for (let i = 0; i < bytesRead; i++) {
        const b = chunk[i];
        if (b === 0x0a || (b === 0x0d && (i + 1 < bytesRead ? chunk[i + 1] !== 0x0a : true)))
          line++;
      }
      position += bytesRead;
    }
    return line;
  } finally {
    await handle.close();
  }
}

/**
 * The error for bytes that `encoding` cannot decode in a row starting at `rowOffset` and ending
 * before `rowEnd` (offsets in the file). `what` names the row ("data row 5", "the header").
 */
export async function invalidBytesError(
  file: string,
  encoding: string,
  rowOffset: number,
  rowEnd: number,
  what: string,
): Promise<ApiError> {
  const handle = await open(file, 'r');
  let bytes: Buffer;
  try {
    const length = Math.max(0, Math.min(rowEnd - rowOffset, 512 * 1024 * 1024));
    bytes = Buffer.allocUnsafe(length);
    const { bytesRead } = await handle.read(bytes, 0, length, rowOffset);
    bytes = bytes.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const at = invalidByteAt(bytes, 0, bytes.length, encoding);
  const offset = rowOffset + Math.max(0, at);
  const line = await lineAt(file, offset);
  const byte = bytes[Math.max(0, at)] ?? 0;
  return new ApiError(
    'invalid-input',
    `${file}: byte 0x${byte.toString(16).padStart(2, '0')} at byte offset ${offset} (line ${line}, ${what}) is not valid ${encoding}; choose the file's encoding`,
  );
}
