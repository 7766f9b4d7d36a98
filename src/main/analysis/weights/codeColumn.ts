/**
 * Coded columns as the weighting code receives them, and a fast code → category-index lookup.
 * The column store keeps codes as Uint8 (255 = missing), Uint16 (65535 = missing) or Float64
 * (NaN = missing); weighting accepts all three so the worker can pass the stored array without a
 * conversion pass over a million rows. The lookup is a flat table for small non-negative integer
 * codes (the usual case: one array read per row) with a Map behind it for any other code.
 */
import { MISSING_U16, MISSING_U8 } from '../../study/columnStore';

export type CodeColumn = Float64Array | Uint8Array | Uint16Array;

/** Row positions to work on (a group's rows); absent means every row. */
export type RowSubset = Int32Array | Uint32Array;

// Codes up to this value get a slot in the flat table; a sparse 1e9 code falls back to the Map.
const MAX_TABLE_CODE = 1 << 16;

export interface CodeLookup {
  /** Category index by integer code 0…table.length−1; −1 = not a category. */
  readonly table: Int32Array;
  /** Category index of every other code (negative, fractional or large). */
  readonly other: ReadonlyMap<number, number>;
}

/** A lookup that maps `codes[k]` to k; every other value (and missing) maps to −1. */
export function codeLookup(codes: readonly number[]): CodeLookup {
  let maxSmall = -1;
  for (const code of codes) {
    if (Number.isInteger(code) && code >= 0 && code <= MAX_TABLE_CODE && code > maxSmall) {
      maxSmall = code;
    }
  }
  const table = new Int32Array(maxSmall + 1).fill(-1);
  const other = new Map<number, number>();
  codes.forEach((code, k) => {
    if (Number.isInteger(code) && code >= 0 && code <= MAX_TABLE_CODE) table[code] = k;
    else other.set(code, k);
  });
  return { table, other };
}

/** The missing sentinel of a column type (NaN for Float64: NaN !== NaN, so test with isMissing). */
export function isMissingCode(column: CodeColumn, value: number): boolean {
  if (column instanceof Uint8Array) return value === MISSING_U8;
  if (column instanceof Uint16Array) return value === MISSING_U16;
  return Number.isNaN(value);
}

/**
 * The category index of every row (or of every row in `rows`, in that order), −1 where the code
 * is missing or not among the lookup's codes. Written as one loop per column type so each loop
 * reads a single typed-array kind (V8 keeps such loops monomorphic and fast).
 */
export function categoryIndexes(
  column: CodeColumn,
  lookup: CodeLookup,
  rows: RowSubset | null,
  out: Int32Array,
): void {
  const { table, other } = lookup;
  const size = table.length;
  const m = out.length;
  if (column instanceof Float64Array) {
    for (let i = 0; i < m; i++) {
      const v = column[rows === null ? i : (rows[i] as number)] as number;
      const j = v | 0;
      // NaN | 0 is 0, and 0 !== NaN, so missing values take the Map path and find nothing.
      out[i] = j === v && j >= 0 && j < size ? (table[j] as number) : (other.get(v) ?? -1);
    }
    return;
  }
  // Uint8/Uint16 codes are integers ≥ 0; the sentinel is never a target code (checked by callers).
  const sentinel = column instanceof Uint8Array ? MISSING_U8 : MISSING_U16;
  for (let i = 0; i < m; i++) {
    const v = column[rows === null ? i : (rows[i] as number)] as number;
    out[i] = v === sentinel ? -1 : v < size ? (table[v] as number) : (other.get(v) ?? -1);
  }
}

/** How many rows (of `rows`, or all) carry each non-missing code, in ascending code order. */
export function codeCounts(column: CodeColumn, rows: RowSubset | null): Map<number, number> {
  const m = rows === null ? column.length : rows.length;
  const counts = new Map<number, number>();
  if (column instanceof Float64Array) {
    for (let i = 0; i < m; i++) {
      const v = column[rows === null ? i : (rows[i] as number)] as number;
      if (!Number.isNaN(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
  } else {
    // Integer codes: a histogram is far cheaper than a Map per row.
    const histogram = new Float64Array(column instanceof Uint8Array ? 0x100 : 0x10000);
    for (let i = 0; i < m; i++) {
      const v = column[rows === null ? i : (rows[i] as number)] as number;
      histogram[v] = (histogram[v] as number) + 1;
    }
    const sentinel = column instanceof Uint8Array ? MISSING_U8 : MISSING_U16;
    histogram.forEach((n, code) => {
      if (n > 0 && code !== sentinel) counts.set(code, n);
    });
  }
  return new Map([...counts].sort((a, b) => a[0] - b[0]));
}

/**
 * Row positions per category of `column` (codes in `codes` order): a counting sort, so a million
 * rows split into groups in two passes. Rows whose code is missing or not listed are in none.
 */
export function rowsByCode(column: CodeColumn, codes: readonly number[]): Int32Array[] {
  const index = new Int32Array(column.length);
  categoryIndexes(column, codeLookup(codes), null, index);
  const sizes = new Int32Array(codes.length);
  for (let i = 0; i < index.length; i++) {
    const k = index[i] as number;
    if (k >= 0) sizes[k] = (sizes[k] as number) + 1;
  }
  const out = Array.from(sizes, (n) => new Int32Array(n));
  const fill = new Int32Array(codes.length);
  for (let i = 0; i < index.length; i++) {
    const k = index[i] as number;
    if (k < 0) continue;
    const at = fill[k] as number;
    (out[k] as Int32Array)[at] = i;
    fill[k] = at + 1;
  }
  return out;
}
