/**
 * Splits the joint tables of a fused count back into one table per stub × banner group, with
 * the Total column last (respondents with a valid answer to the stub, whatever their column).
 * Shared by every engine, so the split adds the same numbers in the same order everywhere.
 */
import type { JointCounts } from './jointCount';
import type { JointPlan, Pack } from './jointPlan';

/** One stub × group table: rowCount × columnCount cells, the last column the Total. */
export interface CellSums {
  rowCount: number;
  /** Columns of the banner, plus one last column for the Total. */
  columnCount: number;
  n: Float64Array;
  sumW: Float64Array;
  sumW2: Float64Array;
}

export interface StubCounts {
  /** Per banner group, in the caller's order. */
  groups: CellSums[];
  /** The Total column alone (columnCount 1). */
  total: CellSums;
}

function emptySums(rowCount: number, columnCount: number): CellSums {
  const size = rowCount * columnCount;
  return {
    rowCount,
    columnCount,
    n: new Float64Array(size),
    sumW: new Float64Array(size),
    sumW2: new Float64Array(size),
  };
}

/** Per joint code of a pack: each member's digit. */
function digits(pack: Pack): Uint16Array[] {
  return pack.members.map((_, m) => {
    const stride = pack.strides[m]!;
    const size = pack.categories[m]! + 1;
    const out = new Uint16Array(pack.product);
    for (let code = 0; code < pack.product; code++) out[code] = Math.floor(code / stride) % size;
    return out;
  });
}

/**
 * One stub's margin against one banner pack (a row of `codes` cells per category) gathered into
 * one group's columns: per cell, its joint banner codes in ascending order.
 */
function gather(
  margin: Float64Array,
  at: number,
  rows: number,
  codes: number,
  groupDigits: Uint16Array,
  columns: number,
  target: Float64Array,
): void {
  const width = columns + 1;
  for (let r = 0; r < rows; r++) {
    const from = at + r * codes;
    const to = r * width;
    for (let jb = 0; jb < codes; jb++) {
      const c = groupDigits[jb]!;
      if (c < columns) target[to + c]! += margin[from + jb]!;
    }
  }
}

function rowTotals(
  margin: Float64Array,
  at: number,
  rows: number,
  codes: number,
  target: Float64Array,
) {
  for (let r = 0; r < rows; r++) {
    let total = 0;
    for (let jb = 0; jb < codes; jb++) total += margin[at + r * codes + jb]!;
    target[r] = total;
  }
}

/**
 * Per stub and banner pack, its margin (the joint table summed over the other stubs of its pack,
 * counted by the kernel) summed over the other groups of the banner pack, per group. The Total
 * column sums the first banner pack's codes (dump excluded) in ascending order.
 */
export function splitJoint(
  plan: JointPlan,
  counts: JointCounts,
  stubCategories: readonly number[],
  groupColumns: readonly number[],
): StubCounts[] {
  const packs = plan.bannerPacks.length;
  const bannerDigits = plan.bannerPacks.map(digits);
  const fields = ['n', 'sumW', 'sumW2'] as const;
  const sources = [counts.n, counts.sumW ?? counts.n, counts.sumW2 ?? counts.n];
  return stubCategories.map((categories, stub) => {
    const sums: StubCounts = {
      groups: groupColumns.map((columns) => emptySums(categories, columns + 1)),
      total: emptySums(categories, 1),
    };
    plan.bannerPacks.forEach((bannerPack, b) => {
      const at = plan.margins[stub * packs + b]!;
      fields.forEach((field, k) => {
        const margin = sources[k]!;
        if (b === 0) rowTotals(margin, at, categories, bannerPack.product, sums.total[field]);
        bannerPack.members.forEach((group, g) =>
          gather(
            margin,
            at,
            categories,
            bannerPack.product,
            bannerDigits[b]![g]!,
            bannerPack.categories[g]!,
            sums.groups[group]![field],
          ),
        );
      });
    });
    for (const table of sums.groups) {
      const last = table.columnCount - 1;
      for (let r = 0; r < table.rowCount; r++) {
        const at = r * table.columnCount + last;
        table.n[at] = sums.total.n[r]!;
        table.sumW[at] = sums.total.sumW[r]!;
        table.sumW2[at] = sums.total.sumW2[r]!;
      }
    }
    return sums;
  });
}
