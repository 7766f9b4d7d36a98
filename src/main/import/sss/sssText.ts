/**
 * Bytes to text for the two files of a Triple-S survey. The metadata is XML and says how it is
 * encoded (a byte-order mark, else the XML declaration, else UTF-8 as XML itself prescribes); the
 * data file says nothing, so it is read by its byte-order mark, else the record's
 * `data-file-encoding` (a MIPro extension), else UTF-8 when the bytes are valid UTF-8, else the
 * metadata's single-byte code page. A caller's encoding overrides every guess but not a byte-order
 * mark, which cannot be wrong about the file it starts.
 */
import iconv from 'iconv-lite';
import { ApiError } from '../../../shared/api/apiTypes';

type IconvEncoding = Parameters<typeof iconv.decode>[1];

/**
 * Spellings collapse to one name. Latin-1 and ASCII declarations are read as windows-1252, their
 * superset in practice (’ “ ” € live there), as issue 5 asks of every reader.
 */
const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  utf16: 'utf-16',
  'utf-16': 'utf-16',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  ucs2: 'utf-16le',
  'ucs-2': 'utf-16le',
  ascii: 'windows-1252',
  'us-ascii': 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  iso_8859_1: 'windows-1252',
  'iso8859-1': 'windows-1252',
  cp1252: 'windows-1252',
  'windows-1252': 'windows-1252',
};

/** The iconv-lite name for an encoding as written in a file or given by a caller, or null. */
export function normalizeEncoding(name: string): string | null {
  const key = name.trim().toLowerCase();
  if (key === '') return null;
  const alias = ALIASES[key];
  if (alias !== undefined) return alias;
  return iconv.encodingExists(key) ? key : null;
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without a BOM still shows itself: ASCII text leaves every other byte zero. */
function sniffUtf16(bytes: Uint8Array): string | null {
  if (bytes.length < 2) return null;
  if (bytes[0] !== 0 && bytes[1] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] !== 0) return 'utf-16be';
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decode(bytes: Uint8Array, encoding: string): string {
  // iconv-lite strips a leading BOM for the Unicode encodings, so positions count from the data.
  return iconv.decode(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    encoding as IconvEncoding,
  );
}

/** A caller's encoding name, checked once so both files fail the same way on a typo. */
export function overrideEncoding(name: string | undefined): string | null {
  if (name === undefined) return null;
  const normalized = normalizeEncoding(name);
  if (normalized === null || normalized === 'utf-16')
    throw new ApiError('invalid-input', `unknown encoding ${JSON.stringify(name)}`);
  return normalized;
}

export interface DecodedText {
  text: string;
  encoding: string;
  warnings: string[];
}

export function decodeMetadata(
  file: string,
  bytes: Uint8Array,
  override: string | null,
): DecodedText {
  const warnings: string[] = [];
  const bom = bomEncoding(bytes);
  if (bom !== null) return { text: decode(bytes, bom), encoding: bom, warnings };
  if (override !== null) return { text: decode(bytes, override), encoding: override, warnings };
  const utf16 = sniffUtf16(bytes);
  if (utf16 !== null) return { text: decode(bytes, utf16), encoding: utf16, warnings };
  // The declaration is ASCII in every ASCII-compatible encoding, so Latin-1 reads it safely.
  const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']/.exec(head)?.[1];
  let encoding = 'utf-8';
  if (declared !== undefined) {
    const normalized = normalizeEncoding(declared);
    if (normalized === null)
      warnings.push(`${file}: declares the unknown encoding ${declared}; read as UTF-8`);
    // A UTF-16 declaration on bytes without zeros is wrong about the bytes; they are 8-bit.
    else if (!normalized.startsWith('utf-16')) encoding = normalized;
  }
  return { text: decode(bytes, encoding), encoding, warnings };
}

export function decodeData(
  bytes: Uint8Array,
  override: string | null,
  recordEncoding: string | null,
  metadataEncoding: string,
): { text: string; encoding: string } {
  const choose = (): string => {
    const bom = bomEncoding(bytes);
    if (bom !== null) return bom;
    if (override !== null) return override;
    const utf16 = sniffUtf16(bytes);
    if (utf16 !== null) return utf16;
    const declared = recordEncoding === null ? null : normalizeEncoding(recordEncoding);
    if (declared !== null && declared !== 'utf-16') return declared;
    if (isValidUtf8(bytes)) return 'utf-8';
    // UTF-16 metadata says nothing about an 8-bit data file; windows-1252 is the usual one then.
    return metadataEncoding.startsWith('utf-') ? 'windows-1252' : metadataEncoding;
  };
  const encoding = choose();
  return { text: decode(bytes, encoding), encoding };
}
