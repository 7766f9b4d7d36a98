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

/**
 * The same counts for one stub against every banner group in a single pass over respondents: the
 * stub's category is read once per respondent instead of once per group (PERFORMANCE.md's fused
 * idea). Each group's result has the Total column last, as crosstabCounts gives it.
 */
export function crosstabCountsForGroups(
  rowIndex: Uint16Array,
  rowCount: number,
  groups: ReadonlyArray<{ index: Uint16Array; columns: number }>,
  weights: Float64Array | null,
  mask: Uint8Array | null,
): CellSums[] {
  const rows = rowIndex.length;
  // Pass 1: each respondent's weight if they count in this stub (valid answer, kept by the filter,
  // positive weight), else 0 — so the per-group loops below test one number.
  const counted = new Float64Array(rows);
  const totalN = new Float64Array(rowCount);
  const totalW = new Float64Array(rowCount);
  const totalW2 = new Float64Array(rowCount);
  for (let i = 0; i < rows; i++) {
    if (mask !== null && mask[i] === 0) continue;
    const r = rowIndex[i]!;
    if (r === NONE) continue;
    const w = weights === null ? 1 : weights[i]!;
    if (!(w > 0)) continue;
    counted[i] = w;
    totalN[r]! += 1;
    totalW[r]! += w;
    totalW2[r]! += w * w;
  }
  // Pass 2, per group: a tight loop with every array in a local, which V8 keeps monomorphic.
  const sums = groups.map((group) => {
    const columns = group.columns;
    const index = group.index;
    const n = new Float64Array(rowCount * columns);
    const sw = new Float64Array(rowCount * columns);
    const sw2 = new Float64Array(rowCount * columns);
    for (let i = 0; i < rows; i++) {
      const w = counted[i]!;
      if (w === 0) continue;
      const c = index[i]!;
      if (c === NONE) continue;
      const cell = rowIndex[i]! * columns + c;
      n[cell]! += 1;
      sw[cell]! += w;
      sw2[cell]! += w * w;
    }
    return { n, w: sw, w2: sw2 };
  });
  return groups.map((group, k) => {
    const columnCount = group.columns + 1;
    const n = new Float64Array(rowCount * columnCount);
    const sumW = new Float64Array(rowCount * columnCount);
    const sumW2 = new Float64Array(rowCount * columnCount);
    const s = sums[k]!;
    for (let r = 0; r < rowCount; r++) {
      n.set(s.n.subarray(r * group.columns, (r + 1) * group.columns), r * columnCount);
      sumW.set(s.w.subarray(r * group.columns, (r + 1) * group.columns), r * columnCount);
      sumW2.set(s.w2.subarray(r * group.columns, (r + 1) * group.columns), r * columnCount);
      n[r * columnCount + group.columns] = totalN[r]!;
      sumW[r * columnCount + group.columns] = totalW[r]!;
      sumW2[r * columnCount + group.columns] = totalW2[r]!;
    }
    return { rowCount, columnCount, n, sumW, sumW2 };
  });
}
