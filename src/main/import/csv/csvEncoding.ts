/**
 * Which encoding a CSV file's bytes are in. Detection goes in a fixed order: a byte-order mark;
 * else valid UTF-8; else jschardet's guess from the lines with non-ASCII bytes (limited to the
 * encodings we support, which makes its guesses on short survey text right; see
 * ../shared/DEPENDENCIES.md §4); else windows-1252. A guess of ISO-8859-1 is read as
 * windows-1252, its superset in practice (’ “ ” € live there). The caller's choice
 * (options.encoding: the wizard's switch after its preview, `--encoding`) overrides detection,
 * as ReadOptions documents; a BOM of that encoding is still skipped.
 *
 * It also says whether the parser may scan the bytes directly: ASCII-compatible encodings whose
 * multi-byte sequences never contain the delimiter, a quote, CR or LF can be split into fields
 * before decoding. UTF-16 (and `|` in Shift_JIS, whose trail bytes include 0x7C) must be
 * transcoded to UTF-8 first.
 */
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { ApiError } from '../../../shared/api/apiTypes';
import { normalizeEncodingName } from '../sav/savEncoding';

export type EncodingSource =
  | 'bom'
  /** options.encoding */
  | 'option'
  /** The sample holds non-ASCII bytes and they are valid UTF-8. */
  | 'utf-8'
  /** The sample is plain ASCII: read as UTF-8 until a byte says otherwise. */
  | 'ascii'
  /** jschardet (or the UTF-16 heuristic) guessed it. */
  | 'guessed'
  /** Nothing to go on: windows-1252. */
  | 'default';

export interface EncodingChoice {
  /** iconv-lite name, as reported in dataset.encoding. */
  encoding: string;
  source: EncodingSource;
  /** Bytes to skip at the start of the file. */
  bomLength: number;
}

/** The encodings jschardet may answer with, in its spelling. */
const DETECTABLE = [
  'UTF-8',
  'Windows-1252',
  'ISO-8859-1',
  'ISO-8859-15',
  'EUC-KR',
  'CP949',
  'SHIFT_JIS',
  'CP932',
];

/** jschardet's answers as the encodings we read with (supersets where one exists). */
const FROM_DETECTOR: Record<string, string> = {
  'utf-8': 'utf-8',
  ascii: 'utf-8',
  'windows-1252': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso-8859-15': 'iso-8859-15',
  iso885915: 'iso-8859-15',
  'iso8859-15': 'iso-8859-15',
  'euc-kr': 'cp949',
  cp949: 'cp949',
  shift_jis: 'shift_jis',
  cp932: 'shift_jis',
};

/** Encodings iconv-lite knows under another name, spelled as users expect. */
const CANONICAL: Record<string, string> = {
  utf16le: 'utf-16le',
  'utf-16le': 'utf-16le',
  ucs2: 'utf-16le',
  'ucs-2': 'utf-16le',
  utf16be: 'utf-16be',
  'utf-16be': 'utf-16be',
  utf16: 'utf-16',
  'utf-16': 'utf-16',
  sjis: 'shift_jis',
  shiftjis: 'shift_jis',
  'shift-jis': 'shift_jis',
  shift_jis: 'shift_jis',
  cp932: 'shift_jis',
  'windows-31j': 'shift_jis',
  euckr: 'euc-kr',
  'euc-kr': 'euc-kr',
  cp949: 'cp949',
  uhc: 'cp949',
  'iso-8859-15': 'iso-8859-15',
  latin9: 'iso-8859-15',
};

/** The reader's name for an encoding given by a caller; ApiError when iconv-lite lacks it. */
export function canonicalEncoding(name: string, file: string): string {
  const lower = name.trim().toLowerCase();
  const canonical = CANONICAL[lower] ?? normalizeEncodingName(lower);
  if (canonical === null || !iconv.encodingExists(canonical))
    throw new ApiError('invalid-input', `${file}: unknown encoding ${JSON.stringify(name)}`);
  return canonical;
}

/** Multi-byte encodings whose bytes below 0x80 are always ASCII and trail bytes ≥ 0x40. */
const SAFE_MULTIBYTE = new Set([
  'utf-8',
  'cp949',
  'euc-kr',
  'shift_jis',
  'gbk',
  'gb2312',
  'cp936',
  'gb18030',
  'big5',
  'cp950',
  'big5hkscs',
  'euc-jp',
]);
/** Of those, the ones whose trail bytes reach 0x7C, the `|` delimiter. */
const TRAIL_HAS_PIPE = new Set([
  'shift_jis',
  'gbk',
  'cp936',
  'gb18030',
  'big5',
  'cp950',
  'big5hkscs',
]);
const ASCII = String.fromCharCode(...Array.from({ length: 128 }, (_, i) => i));
const byteParsable = new Map<string, boolean>();

/** Whether every byte below 0x80 is the ASCII character, whatever surrounds it. */
function isByteParsable(encoding: string): boolean {
  if (SAFE_MULTIBYTE.has(encoding)) return true;
  let known = byteParsable.get(encoding);
  if (known === undefined) {
    // A single-byte encoding decodes each of the 256 bytes to one character on its own.
    const text = iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), encoding);
    known = text.length === 256 && text.slice(0, 128) === ASCII;
    byteParsable.set(encoding, known);
  }
  return known;
}

/** Whether the parser must read UTF-8 transcoded from the file rather than its own bytes. */
export function needsTranscoding(encoding: string, delimiter: number): boolean {
  if (!isByteParsable(encoding)) return true;
  return delimiter === 0x7c && TRAIL_HAS_PIPE.has(encoding);
}

function bomOf(bytes: Uint8Array): EncodingChoice | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', source: 'bom', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { encoding: 'utf-16le', source: 'bom', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { encoding: 'utf-16be', source: 'bom', bomLength: 2 };
  return null;
}

/**
 * Index of the first byte that does not belong to valid UTF-8 in bytes[start, end), or -1. A
 * sequence cut off by `end` counts as valid when `partialEndOk` (a sample's last character).
 */
export function invalidUtf8At(
  bytes: Uint8Array,
  start: number,
  end: number,
  partialEndOk = false,
): number {
  let i = start;
  while (i < end) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0; // overlong
      if (b === 0xed) max = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= end) return partialEndOk ? -1 : i;
      const c = bytes[i + k]!;
      if (k === 1 ? c < min || c > max : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/** UTF-16 without a BOM: most ASCII characters leave every other byte zero. */
function utf16Guess(sample: Uint8Array): string | null {
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** The lines of the sample that hold non-ASCII bytes, up to 64 KiB: what jschardet should see. */
export function nonAsciiLines(sample: Uint8Array, limit = 65_536): Buffer {
  const parts: Uint8Array[] = [];
  let size = 0;
  let lineStart = 0;
  let high = false;
  for (let i = 0; i <= sample.length && size < limit; i++) {
    const b = i < sample.length ? sample[i]! : 0x0a;
    if (b >= 0x80) high = true;
    else if (b === 0x0a || b === 0x0d) {
      if (high) {
        parts.push(sample.subarray(lineStart, i + 1));
        size += i + 1 - lineStart;
      }
      lineStart = i + 1;
      high = false;
    }
  }
  return Buffer.concat(parts);
}

/** jschardet's guess among the supported encodings, mapped to what we read with; or null. */
export function detectEncoding(text: Uint8Array, allowUtf8: boolean): string | null {
  if (text.length === 0) return null;
  const candidates = allowUtf8 ? DETECTABLE : DETECTABLE.filter((name) => name !== 'UTF-8');
  const guess = jschardet.detect(Buffer.from(text.buffer, text.byteOffset, text.length), {
    detectEncodings: candidates,
  });
  if (guess.encoding === null) return null;
  return FROM_DETECTOR[guess.encoding.toLowerCase()] ?? null;
}

/** Decides the encoding from the first bytes of the file (see the module comment). */
export function chooseEncoding(
  sample: Uint8Array,
  requested: string | undefined,
  file: string,
): EncodingChoice {
  const bom = bomOf(sample);
  if (requested !== undefined && requested.trim() !== '') {
    const encoding = canonicalEncoding(requested, file);
    // The caller's choice wins, but a BOM of that same encoding is still not data.
    const bomLength =
      bom !== null &&
      (bom.encoding === encoding || (encoding === 'utf-16' && bom.encoding !== 'utf-8'))
        ? bom.bomLength
        : 0;
    if (encoding === 'utf-16')
      return {
        encoding: bom?.encoding === 'utf-16be' ? 'utf-16be' : 'utf-16le',
        source: 'option',
        bomLength,
      };
    return { encoding, source: 'option', bomLength };
  }
  if (bom) return bom;
  const utf16 = utf16Guess(sample);
  if (utf16) return { encoding: utf16, source: 'guessed', bomLength: 0 };
  if (!hasNonAscii(sample)) return { encoding: 'utf-8', source: 'ascii', bomLength: 0 };
  if (invalidUtf8At(sample, 0, sample.length, true) < 0)
    return { encoding: 'utf-8', source: 'utf-8', bomLength: 0 };
  const guess = detectEncoding(nonAsciiLines(sample), false);
  if (guess) return { encoding: guess, source: 'guessed', bomLength: 0 };
  return { encoding: 'windows-1252', source: 'default', bomLength: 0 };
}

/**
 * Index of the first byte of bytes[start, end) that `encoding` cannot decode, or -1. UTF-8 is
 * checked byte-wise; other encodings decode to U+FFFD where a byte is invalid, and no supported
 * legacy encoding can spell U+FFFD itself.
 */
export function invalidByteAt(
  bytes: Uint8Array,
  start: number,
  end: number,
  encoding: string,
): number {
  if (encoding === 'utf-8') return invalidUtf8At(bytes, start, end);
  const whole = iconv.decode(
    Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start),
    encoding,
  );
  if (!whole.includes('\uFFFD')) return -1;
  // Rare (an error is coming): feed byte by byte to find where the first U+FFFD appears. A
  // lead byte the decoder was holding when it gave up is where the bad sequence starts.
  const decoder = iconv.getDecoder(encoding);
  let sequenceStart = start;
  for (let i = start; i < end; i++) {
    const out = decoder.write(Buffer.from([bytes[i]!]));
    if (out.includes('\uFFFD')) return sequenceStart;
    if (out !== '') sequenceStart = i + 1;
  }
  return sequenceStart;
}
