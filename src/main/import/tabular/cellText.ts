/**
 * What a field's text means, the same for CSV bytes and Excel text cells: a missing marker, a
 * number, or text. Working on bytes lets the CSV parser classify a field without making a string
 * of it; text cells go through the same function so both readers agree to the character.
 *
 * - Missing: empty, `NA` or `.`, ignoring surrounding spaces.
 * - Number: optional sign, digits with an optional decimal point and exponent (`-1.5`, `.5`,
 *   `2e-3`), surrounding spaces allowed. Not numbers, so kept as text: a point with no digit
 *   after it (`1.`, an outline number), leading zeros (`007`,
 *   `01612910137588`: identifiers and postcodes would lose digits), integers of more than 15
 *   digits (a double cannot hold them exactly), thousands separators, decimal commas, `Inf`.
 */

const SPACE = 0x20;
const TAB = 0x09;
const DOT = 0x2e;
const PLUS = 0x2b;
const MINUS = 0x2d;
const ZERO = 0x30;
const N_UPPER = 0x4e;
const A_UPPER = 0x41;
const E_LOWER = 0x65;
const E_UPPER = 0x45;

/** Exact powers of ten: a mantissa below 2^53 divided or multiplied by one rounds correctly. */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

function isBlank(byte: number): boolean {
  return byte === SPACE || byte === TAB;
}

/** Whether bytes[start, end) is a missing marker: empty, NA or `.`, spaces around allowed. */
export function isMissingBytes(bytes: Uint8Array, start: number, end: number): boolean {
  let s = start;
  let e = end;
  while (s < e && isBlank(bytes[s]!)) s++;
  while (e > s && isBlank(bytes[e - 1]!)) e--;
  const length = e - s;
  if (length === 0) return true;
  if (length === 1) return bytes[s] === DOT;
  return length === 2 && bytes[s] === N_UPPER && bytes[s + 1] === A_UPPER;
}

/** The number bytes[start, end) spells under the grammar above, or NaN when it is not one. */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number): number {
  let s = start;
  let e = end;
  while (s < e && isBlank(bytes[s]!)) s++;
  while (e > s && isBlank(bytes[e - 1]!)) e--;
  let i = s;
  let negative = false;
  if (i < e && (bytes[i] === PLUS || bytes[i] === MINUS)) {
    negative = bytes[i] === MINUS;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  const intStart = i;
  while (i < e) {
    const d = bytes[i]! - ZERO;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    digits++;
    i++;
  }
  const intDigits = i - intStart;
  if (intDigits > 1 && bytes[intStart] === ZERO) return Number.NaN;
  let fractionDigits = 0;
  let hasPoint = false;
  if (i < e && bytes[i] === DOT) {
    hasPoint = true;
    i++;
    // "1." is an outline number or an abbreviation more often than a number.
    if (i === e || bytes[i]! - ZERO < 0 || bytes[i]! - ZERO > 9) return Number.NaN;
    while (i < e) {
      const d = bytes[i]! - ZERO;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
      digits++;
      fractionDigits++;
      i++;
    }
  }
  if (digits === 0) return Number.NaN;
  let exponent = 0;
  let hasExponent = false;
  if (i < e && (bytes[i] === E_LOWER || bytes[i] === E_UPPER)) {
    hasExponent = true;
    i++;
    let expNegative = false;
    if (i < e && (bytes[i] === PLUS || bytes[i] === MINUS)) {
      expNegative = bytes[i] === MINUS;
      i++;
    }
    const expStart = i;
    while (i < e) {
      const d = bytes[i]! - ZERO;
      if (d < 0 || d > 9) break;
      if (exponent < 100_000) exponent = exponent * 10 + d;
      i++;
    }
    if (i === expStart) return Number.NaN;
    if (expNegative) exponent = -exponent;
  }
  if (i !== e) return Number.NaN;
  if (!hasPoint && !hasExponent && intDigits > 15) return Number.NaN;
  const scale = exponent - fractionDigits;
  let value: number;
  if (digits <= 15 && scale >= -22 && scale <= 22) {
    // Clinger's fast path: both operands exact, so one IEEE operation rounds correctly.
    value = scale >= 0 ? mantissa * POW10[scale]! : mantissa / POW10[-scale]!;
  } else {
    // Too many digits for the fast path: JavaScript's own parser rounds correctly (sign included).
    return Number(Buffer.from(bytes.buffer, bytes.byteOffset + s, e - s).toString('latin1'));
  }
  return negative ? -value : value;
}

/** isMissingBytes for a string. */
export function isMissingText(text: string): boolean {
  const trimmed = text.replace(/^[ \t]+|[ \t]+$/g, '');
  return trimmed === '' || trimmed === 'NA' || trimmed === '.';
}

/** parseNumberBytes for a string; text outside ASCII is never a number. */
export function parseNumberText(text: string): number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return Number.NaN;
  const bytes = Buffer.from(text, 'latin1');
  return parseNumberBytes(bytes, 0, bytes.length);
}
