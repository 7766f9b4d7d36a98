/**
 * Print/write format checks for the .sav writer. SPSS and PSPP replace an output format they
 * consider invalid (and PSPP warns), so an impossible format in the model is replaced by a
 * default here, with a warning, instead of producing a file that readers complain about.
 * The limits are those PSPP's FORMATS command enforces for output formats.
 */
import type { SavFormat } from '../../import/sav/savModel';

export const FORMAT_A = 1;
export const FORMAT_AHEX = 2;
export const FORMAT_F = 5;

interface NumericRule {
  minWidth: number;
  maxWidth: number;
  /** Most decimals allowed for a given width. */
  maxDecimals: (width: number) => number;
}

const none = (): number => 0;
const upTo16 = (): number => 16;
const minus = (n: number) => (width: number) => Math.min(16, Math.max(0, width - n));

const rule = (
  minWidth: number,
  maxDecimals: (width: number) => number,
  maxWidth = 40,
): NumericRule => ({
  minWidth,
  maxWidth,
  maxDecimals,
});

const NUMERIC_RULES = new Map<number, NumericRule>([
  [3, rule(1, minus(1))], // COMMA
  [4, rule(2, minus(2))], // DOLLAR
  [5, rule(1, minus(1))], // F
  [6, rule(1, upTo16, 8)], // IB
  [7, rule(2, none, 16)], // PIBHEX
  [8, rule(1, upTo16, 16)], // P
  [9, rule(1, upTo16, 8)], // PIB
  [10, rule(1, upTo16, 16)], // PK
  [11, rule(2, none, 8)], // RB
  [12, rule(4, none, 16)], // RBHEX
  [15, rule(1, minus(0))], // Z
  [16, rule(1, minus(0))], // N
  [17, rule(6, minus(7))], // E
  [20, rule(9, none)], // DATE
  [21, rule(5, minus(9))], // TIME
  [22, rule(17, minus(21))], // DATETIME
  [23, rule(8, none)], // ADATE
  [24, rule(5, none)], // JDATE
  [25, rule(8, minus(12))], // DTIME
  [26, rule(2, none)], // WKDAY
  [27, rule(3, none)], // MONTH
  [28, rule(6, none)], // MOYR
  [29, rule(6, none)], // QYR
  [30, rule(8, none)], // WKYR
  [31, rule(2, minus(2))], // PCT
  [32, rule(1, minus(1))], // DOT
  [33, rule(2, minus(1))], // CCA
  [34, rule(2, minus(1))], // CCB
  [35, rule(2, minus(1))], // CCC
  [36, rule(2, minus(1))], // CCD
  [37, rule(2, minus(1))], // CCE
  [38, rule(8, none)], // EDATE
  [39, rule(8, none)], // SDATE
  [40, rule(5, minus(6))], // MTIME
  [41, rule(16, minus(20))], // YMDHMS
]);

export function isValidNumericFormat(format: SavFormat): boolean {
  const { type, width, decimals } = format;
  const limits = NUMERIC_RULES.get(type);
  if (!limits || !Number.isInteger(width) || !Number.isInteger(decimals)) return false;
  if (width < limits.minWidth || width > limits.maxWidth) return false;
  return decimals >= 0 && decimals <= limits.maxDecimals(width);
}

/** A string format must be A of the variable's width or AHEX of twice that. */
export function isValidStringFormat(format: SavFormat, width: number): boolean {
  if (format.decimals !== 0) return false;
  if (format.type === FORMAT_A) return format.width === width;
  return format.type === FORMAT_AHEX && format.width === width * 2;
}

/** The format as the 32-bit word of a variable record: type, width and decimals in bytes 2..0. */
export function packFormat(format: SavFormat): number {
  return ((format.type & 0xff) << 16) | ((format.width & 0xff) << 8) | (format.decimals & 0xff);
}

export function formatName(format: SavFormat): string {
  return `type ${format.type} width ${format.width}.${format.decimals}`;
}
