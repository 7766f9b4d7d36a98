/**
 * The counting loop every table stands on: one pass over respondents that adds each one's weight
 * (and weight², for effective bases) to its (row category, column category) cell, plus a Total
 * column that counts everyone with a valid row value whatever their column. Plain TypeScript; the
 * WebAssembly kernel of the speed work must agree with it exactly.
 */
import { NONE } from './categorize';

export interface CellSums {
  rowCount: number;
  /** Columns of the banner, plus one last column for the Total. */
  columnCount: number;
  n: Float64Array;
  sumW: Float64Array;
  sumW2: Float64Array;
}

export function crosstabCounts(
  rowIndex: Uint16Array,
  rowCount: number,
  columnIndex: Uint16Array | null,
  bannerColumns: number,
  weights: Float64Array | null,
  mask: Uint8Array | null,
): CellSums {
  const columnCount = bannerColumns + 1;
  const size = rowCount * columnCount;
  const n = new Float64Array(size);
  const sumW = new Float64Array(size);
  const sumW2 = new Float64Array(size);
  const total = bannerColumns;
  for (let i = 0; i < rowIndex.length; i++) {
    if (mask !== null && mask[i] === 0) continue;
    const r = rowIndex[i]!;
    if (r === NONE) continue;
    const w = weights === null ? 1 : weights[i]!;
    // A missing or zero weight leaves the respondent out, as SPSS WEIGHT does.
    if (!(w > 0)) continue;
    const base = r * columnCount;
    n[base + total]! += 1;
    sumW[base + total]! += w;
    sumW2[base + total]! += w * w;
    if (columnIndex === null) continue;
    const c = columnIndex[i]!;
    if (c === NONE) continue;
    n[base + c]! += 1;
    sumW[base + c]! += w;
    sumW2[base + c]! += w * w;
  }
  return { rowCount, columnCount, n, sumW, sumW2 };
}
