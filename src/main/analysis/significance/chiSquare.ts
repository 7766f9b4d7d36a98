/**
 * Pearson's chi-square test of independence for one table (rows × columns of a single-response
 * banner group): X² = Σ (O − E)² / E with E = row total · column total / N, df = (r − 1)(c − 1),
 * p = P(χ²_df ≥ X²) (Pearson 1900; as SPSS/PSPP CROSSTABS /STATISTICS=CHISQ and R
 * chisq.test(correct = FALSE)).
 *
 * Weighted tables use the weighted counts as they are. SPSS CROSSTABS rounds case weights by
 * default and PSPP truncates or rounds them too; we never round a weight (issue #7), so our
 * statistic matches theirs only for unweighted or integer-weighted data. With non-integer weights
 * the statistic depends on the scale of the weights, which is why the tables use it as a screening
 * statistic; it is not design-based (R survey::svychisq would be).
 *
 * Rows or columns with a zero total are left out (they have no expected counts), as PSPP and SPSS
 * leave out categories that do not occur. Multiple-response banners are not independent samples
 * and are not tested here.
 */
import { chiSquareUpperP } from './distributions';

export interface ChiSquareResult {
  readonly chiSquare: number;
  readonly df: number;
  readonly p: number;
  /** Σ of the counts tested (weighted N). */
  readonly n: number;
  /** Smallest expected count, and how many cells have an expected count below 5 (SPSS footnote). */
  readonly minExpected: number;
  readonly cellsExpectedBelow5: number;
  readonly cells: number;
  /** Row and column indexes left out because their total is zero. */
  readonly droppedRows: readonly number[];
  readonly droppedColumns: readonly number[];
}

/** Chi-square of a rows × columns table of (weighted) counts; null if fewer than 2×2 non-empty. */
export function chiSquareTest(table: ReadonlyArray<readonly number[]>): ChiSquareResult | null {
  // Plain loops, no arrays per step: a cross-table runs this for every stub × banner group.
  const rowCount = table.length;
  const columns = table[0]?.length ?? 0;
  const rowTotals = new Array<number>(rowCount);
  const columnTotals = new Array<number>(columns).fill(0);
  for (let r = 0; r < rowCount; r++) {
    const row = table[r]!;
    if (row.length !== columns)
      throw new RangeError(`row ${r} has ${row.length} cells, not ${columns}`);
    let total = 0;
    for (let c = 0; c < columns; c++) {
      const value = row[c]!;
      if (!(value >= 0) || !Number.isFinite(value)) {
        throw new RangeError(`counts must be finite and non-negative, got ${value} in row ${r}`);
      }
      total += value;
      columnTotals[c] = columnTotals[c]! + value;
    }
    rowTotals[r] = total;
  }
  const keptRows: number[] = [];
  const droppedRows: number[] = [];
  for (let r = 0; r < rowCount; r++) (rowTotals[r]! > 0 ? keptRows : droppedRows).push(r);
  const keptColumns: number[] = [];
  const droppedColumns: number[] = [];
  for (let c = 0; c < columns; c++) (columnTotals[c]! > 0 ? keptColumns : droppedColumns).push(c);
  if (keptRows.length < 2 || keptColumns.length < 2) return null;
  let n = 0;
  for (const r of keptRows) n += rowTotals[r]!;

  let chiSquare = 0;
  let minExpected = Number.POSITIVE_INFINITY;
  let below5 = 0;
  for (const r of keptRows) {
    for (const c of keptColumns) {
      const expected = (rowTotals[r]! * columnTotals[c]!) / n;
      const difference = table[r]![c]! - expected;
      chiSquare += (difference * difference) / expected;
      minExpected = Math.min(minExpected, expected);
      if (expected < 5) below5++;
    }
  }
  const df = (keptRows.length - 1) * (keptColumns.length - 1);
  return {
    chiSquare,
    df,
    p: chiSquareUpperP(chiSquare, df),
    n,
    minExpected,
    cellsExpectedBelow5: below5,
    cells: keptRows.length * keptColumns.length,
    droppedRows,
    droppedColumns,
  };
}
