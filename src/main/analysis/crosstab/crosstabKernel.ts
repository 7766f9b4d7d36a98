/**
 * The counting every table stands on: per (row category, column category) cell, the number of
 * respondents, their summed weight and summed squared weight (for effective bases), plus a Total
 * column that counts everyone with a valid row value whatever their column.
 *
 * crosstabCounts is the plain definition, one pass per table. Tables are built with
 * crosstabCountsForStubs, the fused kernel of ../shared/PERFORMANCE.md (src/main/kernels/crosstab):
 * all stubs × all banner groups from one set of joint tables. Its counts equal crosstabCounts'
 * exactly; its weighted sums are the same sums added in another order (per joint cell, then
 * across joint cells), so they may differ from crosstabCounts' in the last bits.
 */
import { countJoint, type CodedColumn } from '../../kernels/crosstab/jointCount';
import { jointPlan } from '../../kernels/crosstab/jointPlan';
import { splitJoint, type CellSums, type StubCounts } from '../../kernels/crosstab/jointSplit';
import { categorize, NONE, type Categories } from './categorize';
import type { TableData, TableVariable } from './tableData';

export type { CellSums, StubCounts };

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
 * Every stub against every banner group at once: per stub, one table per group (Total column
 * last) and the Total column alone. Stubs are given with their number of categories, groups with
 * their number of columns; an index at or past that number (NONE included) is missing.
 */
export function crosstabCountsForStubs(
  stubs: ReadonlyArray<{ index: Uint16Array; categories: number }>,
  groups: ReadonlyArray<{ index: Uint16Array; columns: number }>,
  weights: Float64Array | null,
  mask: Uint8Array | null,
): StubCounts[] {
  if (stubs.length === 0) return [];
  const rows = stubs[0]!.index.length;
  const stubCategories = stubs.map((stub) => stub.categories);
  const groupColumns = groups.map((group) => group.columns);
  const plan = jointPlan(stubCategories, groupColumns);
  const banner: CodedColumn[] = groups.map((g) => ({ index: g.index, categories: g.columns }));
  const counts = countJoint(plan, stubs, banner, weights, mask, rows);
  return splitJoint(plan, counts, stubCategories, groupColumns);
}

/** One stub against every banner group: per group, its table with the Total column last. */
export function crosstabCountsForGroups(
  rowIndex: Uint16Array,
  rowCount: number,
  groups: ReadonlyArray<{ index: Uint16Array; columns: number }>,
  weights: Float64Array | null,
  mask: Uint8Array | null,
): CellSums[] {
  return crosstabCountsForStubs(
    [{ index: rowIndex, categories: rowCount }],
    groups,
    weights,
    mask,
  )[0]!.groups;
}

/** Stub columns held at once while counting: about 128 MB of category indexes. */
function stubBatch(rows: number): number {
  return Math.max(8, Math.floor((64 * 1024 * 1024) / Math.max(1, rows)));
}

/**
 * The stubs of a table, categorized and counted against the banner groups a batch at a time (all
 * at once up to about 128 MB of category indexes), in the order given.
 */
export function* countStubs(
  data: TableData,
  names: readonly string[],
  groups: ReadonlyArray<{ index: Uint16Array; columns: number }>,
  weights: Float64Array | null,
  mask: Uint8Array | null,
): Generator<{ variable: TableVariable; categories: Categories; counts: StubCounts }> {
  const batch = stubBatch(data.rows);
  for (let first = 0; first < names.length; first += batch) {
    const stubs = names.slice(first, first + batch).map((name) => {
      const variable = data.variable(name);
      return { variable, categories: categorize(variable) };
    });
    const counted = crosstabCountsForStubs(
      stubs.map(({ categories }) => ({
        index: categories.index,
        categories: categories.codes.length,
      })),
      groups,
      weights,
      mask,
    );
    for (const [s, stub] of stubs.entries()) yield { ...stub, counts: counted[s]! };
  }
}
