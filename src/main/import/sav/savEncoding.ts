/**
 * Text in a .sav file is raw bytes in whatever code page the writer used, and the file only says
 * which one near the end of the dictionary (record 7.20, or the older character code of record
 * 7.3). This module turns those declarations into an iconv-lite encoding and decodes byte strings,
 * so the record parser can keep bytes until the encoding is known.
 */
import iconv from 'iconv-lite';

type IconvEncoding = Parameters<typeof iconv.decode>[1];

export type EncodingSource = 'record' | 'character-code' | 'default' | 'override';

/**
 * Spellings of the same encoding collapse to one name so callers (and the writer) see a stable
 * value. Plain ASCII declarations become windows-1252: it decodes ASCII identically and still gives
 * something readable when a writer that claimed ASCII stored Latin-1 bytes anyway.
 */
const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  cp65001: 'utf-8',
  cp1252: 'windows-1252',
  'windows-1252': 'windows-1252',
  ascii: 'windows-1252',
  'us-ascii': 'windows-1252',
  'ansi_x3.4-1968': 'windows-1252',
  'iso646-us': 'windows-1252',
  latin1: 'iso-8859-1',
  'iso-8859-1': 'iso-8859-1',
  iso_8859_1: 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
};

/** The iconv-lite name for an encoding name as written in a file or given by a caller, or null. */
export function normalizeEncodingName(name: string): string | null {
  const trimmed = name.replace(/\0+$/, '').trim().toLowerCase();
  if (trimmed === '') return null;
  const alias = ALIASES[trimmed];
  if (alias !== undefined) return alias;
  if (!iconv.encodingExists(trimmed)) return null;
  const iso = /^(?:iso[-_ ]?8859[-_ ]?|iso_8859-)(\d{1,2})(?::\d{4})?$/.exec(trimmed);
  if (iso) return `iso-8859-${iso[1]}`;
  const win = /^(?:windows-?|cp-?|x-cp)(125\d)$/.exec(trimmed);
  if (win) return `windows-${win[1]}`;
  return trimmed;
}

/**
 * The encoding named by record 7.3's character_code. Codes 2 and 3 ("7-bit/8-bit ASCII") were
 * written by old SPSS versions whatever the real code page was, and 1 (EBCDIC) and 4 (DEC Kanji)
 * have no iconv-lite codec, so those say nothing and yield null.
 */
export function encodingForCharacterCode(code: number): string | null {
  switch (code) {
    case 65001:
      return 'utf-8';
    case 20127:
      return 'windows-1252';
    case 819:
    case 28591:
      return 'iso-8859-1';
    case 9066:
      return 'windows-874';
    case 932:
      return 'shift_jis';
    case 936:
      return 'gbk';
    case 949:
      return 'cp949';
    case 950:
      return 'big5';
    case 51949:
      return 'euc-kr';
    default:
      break;
  }
  if (code >= 28592 && code <= 28606) {
    const name = `iso-8859-${code - 28590}`;
    return iconv.encodingExists(name) ? name : null;
  }
  if ((code >= 1250 && code <= 1258) || code === 874) {
    return `windows-${code}`;
  }
  if (code >= 437 && code <= 1258 && iconv.encodingExists(`cp${code}`)) return `cp${code}`;
  return null;
}

/** True when every byte is below 0x80, so any ASCII-compatible decoder gives the same string. */
function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

/** Whether the bytes form valid UTF-8 (used only to guess an undeclared encoding). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return false;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return false;
    }
    i += need + 1;
  }
  return true;
}

/**
 * Decodes byte strings with one encoding. ASCII-only input (the vast majority of names and codes)
 * skips iconv entirely, and UTF-8 uses Node's native decoder.
 */
export class TextDecoderFor {
  readonly encoding: string;
  private readonly codec: IconvEncoding;
  private readonly utf8: boolean;

  constructor(encoding: string) {
    if (!iconv.encodingExists(encoding)) throw new RangeError(`unsupported encoding ${encoding}`);
    this.encoding = encoding;
    this.codec = encoding;
    this.utf8 = encoding === 'utf-8';
  }

  decode(bytes: Buffer, start = 0, end = bytes.length): string {
    if (end <= start) return '';
    if (isAscii(bytes, start, end)) return bytes.toString('latin1', start, end);
    if (this.utf8) return bytes.toString('utf8', start, end);
    return iconv.decode(bytes.subarray(start, end), this.codec);
  }
}

/** The end index after dropping trailing spaces (and, for fixed-size header fields, NULs). */
export function trimEndIndex(
  bytes: Uint8Array,
  start: number,
  end: number,
  nulToo = false,
): number {
  let e = end;
  while (e > start) {
    const b = bytes[e - 1];
    if (b === 0x20 || (nulToo && b === 0)) e--;
    else break;
  }
  return e;
}

/**
 * The end index after dropping a UTF-8 sequence cut short at `end`. Fixed-width fields (8-byte
 * short names, string values cut to their width) can split a multi-byte character; dropping the
 * fragment beats showing U+FFFD.
 */
export function utf8CompleteEnd(bytes: Uint8Array, start: number, end: number): number {
  for (let back = 1; back <= 3 && end - back >= start; back++) {
    const b = bytes[end - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return len > back ? end - back : end;
  }
  return end;
}
