/**
 * Variable and set names for the .sav writer. A system file carries each variable twice: an
 * 8-byte short name in the variable record and the long name in record 7.13. Readers reject or
 * rename invalid and duplicate names, so names are made valid and unique here, before anything
 * is written, and short names are derived from long names the way SPSS does it (first 8 bytes,
 * upper case, made unique), including one per extra segment of a very long string.
 */
import { encodeText, utf8Boundary } from './savText';

export const MAX_NAME_BYTES = 64;
export const SHORT_NAME_BYTES = 8;

const RESERVED = new Set([
  'ALL',
  'AND',
  'BY',
  'EQ',
  'GE',
  'GT',
  'LE',
  'LT',
  'NE',
  'NOT',
  'OR',
  'TO',
  'WITH',
]);

/** Non-ASCII characters PSPP accepts anywhere in an identifier (letters, marks, symbols). */
const WIDE_ID_CHAR = /^[\p{L}\p{M}\p{S}]$/u;
const WIDE_DIGIT = /^\p{N}$/u;

function isFirstChar(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x80) return /^[A-Za-z@]$/.test(ch);
  return code !== 0xfffc && code !== 0xfffd && WIDE_ID_CHAR.test(ch);
}

function isLaterChar(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x80) return /^[A-Za-z0-9@#$._]$/.test(ch);
  return isFirstChar(ch) || WIDE_DIGIT.test(ch);
}

function byteLength(text: string): number {
  return encodeText(text).length;
}

/** Cuts text to at most maxBytes of UTF-8 without splitting a character. */
export function truncateText(text: string, maxBytes: number): string {
  const bytes = encodeText(text);
  return bytes.subarray(0, utf8Boundary(bytes, maxBytes)).toString('utf8');
}

/** Case-insensitive key: names differing only in case are the same variable to SPSS. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

/** Whether `name` is a valid variable name for a system-file dictionary. */
export function isValidVariableName(name: string): boolean {
  const chars = Array.from(name);
  const first = chars[0];
  if (first === undefined || !isFirstChar(first)) return false;
  if (!chars.slice(1).every(isLaterChar)) return false;
  if (name.endsWith('.')) return false;
  if (RESERVED.has(name.toUpperCase())) return false;
  return byteLength(name) <= MAX_NAME_BYTES;
}

/**
 * The nearest valid name: invalid characters become `_`, a name that cannot start as it is gets
 * a `v` in front, reserved words get a trailing `_`, and the result fits in 64 bytes.
 */
export function sanitizeName(raw: string, fallback: string): string {
  let chars = Array.from(raw.trim()).map((ch) => (isLaterChar(ch) ? ch : '_'));
  while (chars.length > 0 && chars[chars.length - 1] === '.') chars = chars.slice(0, -1);
  let name = chars.join('');
  if (name === '') name = fallback;
  const first = Array.from(name)[0] ?? '';
  if (!isFirstChar(first)) name = `v${name}`;
  if (RESERVED.has(name.toUpperCase())) name = `${name}_`;
  name = truncateText(name, MAX_NAME_BYTES);
  while (name.endsWith('.')) name = name.slice(0, -1);
  return name;
}

/** Makes `name` unique against `taken` (case-insensitive) by appending `_2`, `_3`, …; claims it. */
export function claimUnique(name: string, taken: Set<string>, maxBytes = MAX_NAME_BYTES): string {
  if (!taken.has(nameKey(name))) {
    taken.add(nameKey(name));
    return name;
  }
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = truncateText(name, maxBytes - suffix.length) + suffix;
    if (!taken.has(nameKey(candidate))) {
      taken.add(nameKey(candidate));
      return candidate;
    }
  }
}

/** First 8 bytes of the upper-cased long name, never ending in a full stop. */
function naturalShortName(longName: string): string {
  let short = truncateText(longName.toUpperCase(), SHORT_NAME_BYTES);
  while (short.endsWith('.')) short = short.slice(0, -1);
  return isValidVariableName(short) ? short : '';
}

/** Letters for collision suffixes: A…Z, AA…ZZ, … (spreadsheet-column style). */
function letters(n: number): string {
  let out = '';
  let rest = n;
  do {
    out = String.fromCharCode(65 + (rest % 26)) + out;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return out;
}

/**
 * Short names for every segment of every variable (`segments[i]` of them for variable i), unique
 * across the file. First segments keep their natural short name when no earlier variable took
 * it; everything else (collisions, extra segments of very long strings) gets a suffix.
 */
export function assignShortNames(longNames: string[], segments: number[]): string[][] {
  const taken = new Set<string>();
  const result: string[][] = longNames.map((_, i) => new Array<string>(segments[i] ?? 1).fill(''));
  const naturals = longNames.map(naturalShortName);

  naturals.forEach((natural, i) => {
    const row = result[i];
    if (row && natural !== '' && !taken.has(natural)) {
      taken.add(natural);
      row[0] = natural;
    }
  });

  const make = (base: string, suffixes: Iterable<string>): string => {
    for (const suffix of suffixes) {
      const candidate = truncateText(base, SHORT_NAME_BYTES - suffix.length) + suffix;
      if (isValidVariableName(candidate) && !taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
    throw new Error('unreachable: suffix space exhausted');
  };

  function* collisionSuffixes(): Generator<string> {
    for (let n = 0; ; n++) yield `_${letters(n)}`;
  }
  function* segmentSuffixes(segment: number): Generator<string> {
    // SPSS names segment k of NAME as NAME plus a digit; fall back to letter suffixes on clashes.
    yield String(segment - 1);
    for (let n = 0; ; n++) yield `${segment - 1}${letters(n)}`;
  }

  result.forEach((row, i) => {
    const base = naturals[i] || `V${i + 1}`;
    if (row[0] === '') row[0] = make(base, collisionSuffixes());
    for (let k = 1; k < row.length; k++) row[k] = make(base, segmentSuffixes(k));
  });
  return result;
}
