/**
 * Text handling for the .sav writer. Every string goes out as UTF-8 whatever code page it was
 * read from, and fixed-width fields must be cut without ever splitting a multi-byte sequence,
 * because a broken sequence makes SPSS and PSPP show replacement characters or reject names.
 */
import iconv from 'iconv-lite';

/** The only encoding the writer produces (record 7.20 and character code 65001 say so). */
export const OUTPUT_ENCODING = 'utf-8';
export const OUTPUT_ENCODING_NAME = 'UTF-8';
export const OUTPUT_CHARACTER_CODE = 65001;

const SPACE = 0x20;

export function encodeText(text: string): Buffer {
  return iconv.encode(text, OUTPUT_ENCODING);
}

/** Largest length ≤ maxBytes that ends on a UTF-8 character boundary of `bytes`. */
export function utf8Boundary(bytes: Uint8Array, maxBytes: number): number {
  if (bytes.length <= maxBytes) return bytes.length;
  let end = Math.max(0, maxBytes);
  // A continuation byte (10xxxxxx) at the cut means the cut falls inside a character.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return end;
}

/** `text` encoded and cut at a character boundary to at most maxBytes; `truncated` tells if it was cut. */
export function encodeLimited(
  text: string,
  maxBytes: number,
): { bytes: Buffer; truncated: boolean } {
  const bytes = encodeText(text);
  const end = utf8Boundary(bytes, maxBytes);
  return end === bytes.length
    ? { bytes, truncated: false }
    : { bytes: bytes.subarray(0, end), truncated: true };
}

/** `bytes` in a field of exactly `size` bytes, padded with spaces (the caller has already cut it). */
export function padBytes(bytes: Uint8Array, size: number): Buffer {
  const out = Buffer.alloc(size, SPACE);
  out.set(bytes.subarray(0, size));
  return out;
}

/** Splits text into pieces of at most maxBytes each, cutting only at character boundaries. */
export function splitAtBoundaries(text: string, maxBytes: number): Buffer[] {
  const bytes = encodeText(text);
  const pieces: Buffer[] = [];
  let start = 0;
  while (start < bytes.length) {
    const rest = bytes.subarray(start);
    let end = utf8Boundary(rest, maxBytes);
    // A single character can never be wider than maxBytes here, but never loop forever.
    if (end === 0) end = Math.min(rest.length, maxBytes);
    pieces.push(rest.subarray(0, end));
    start += end;
  }
  return pieces;
}
