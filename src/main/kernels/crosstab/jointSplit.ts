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
 * Adds row `from` of `source` (`length` cells) into row `to` of `target`: the first stage of a
 * split, summing the joint table over the other stubs of the pack.
 */
function addRow(
  source: Float64Array | Uint32Array,
  from: number,
  target: Float64Array,
  to: number,
  length: number,
): void {
  for (let i = 0; i < length; i++) target[to + i]! += source[from + i]!;
}

/**
 * Second stage: per category row of one stub, the sums over joint banner codes (`marginal`, one
 * row of `codes` cells per category) gathered into one group's columns, and the Total.
 */
function gather(
  marginal: Float64Array,
  rows: number,
  codes: number,
  groupDigits: Uint16Array,
  columns: number,
  target: Float64Array,
): void {
  const width = columns + 1;
  for (let r = 0; r < rows; r++) {
    const from = r * codes;
    const to = r * width;
    for (let jb = 0; jb < codes; jb++) {
      const c = groupDigits[jb]!;
      if (c < columns) target[to + c]! += marginal[from + jb]!;
    }
  }
}

function rowTotals(marginal: Float64Array, rows: number, codes: number, target: Float64Array) {
  for (let r = 0; r < rows; r++) {
    let total = 0;
    for (let jb = 0; jb < codes; jb++) total += marginal[r * codes + jb]!;
    target[r] = total;
  }
}

/**
 * Per (stub pack, banner pack): for each stub of the pack, its joint table summed over the other
 * stubs (joint stub codes ascending), then for each group of the banner pack, summed over the
 * other groups (joint banner codes ascending). The Total column sums the first banner pack's
 * codes (dump excluded) in ascending order.
 */
export function splitJoint(
  plan: JointPlan,
  counts: JointCounts,
  stubCategories: readonly number[],
  groupColumns: readonly number[],
): StubCounts[] {
  const result: StubCounts[] = stubCategories.map((categories) => ({
    groups: groupColumns.map((columns) => emptySums(categories, columns + 1)),
    total: emptySums(categories, 1),
  }));
  const sources = [counts.n, counts.sumW ?? counts.n, counts.sumW2 ?? counts.n] as const;
  const bannerDigits = plan.bannerPacks.map(digits);
  let pair = 0;
  for (const stubPack of plan.stubPacks) {
    const stubDigits = digits(stubPack);
    plan.bannerPacks.forEach((bannerPack, b) => {
      const codes = bannerPack.product;
      const width = codes + 1;
      const offset = plan.offsets[pair++]!;
      stubPack.members.forEach((stub, m) => {
        const categories = stubPack.categories[m]!;
        const rowOf = stubDigits[m]!;
        const sums = result[stub]!;
        sources.forEach((source, k) => {
          const marginal = new Float64Array(categories * codes);
          for (let js = 0; js < stubPack.product; js++) {
            const r = rowOf[js]!;
            if (r < categories) addRow(source, offset + js * width, marginal, r * codes, codes);
          }
          const field = (['n', 'sumW', 'sumW2'] as const)[k]!;
          if (b === 0) rowTotals(marginal, categories, codes, sums.total[field]);
          bannerPack.members.forEach((group, g) =>
            gather(
              marginal,
              categories,
              codes,
              bannerDigits[b]![g]!,
              bannerPack.categories[g]!,
              sums.groups[group]![field],
            ),
          );
        });
      });
    });
  }
  for (const stub of result) {
    for (const sums of stub.groups) {
      const last = sums.columnCount - 1;
      for (let r = 0; r < sums.rowCount; r++) {
        const at = r * sums.columnCount + last;
        sums.n[at] = stub.total.n[r]!;
        sums.sumW[at] = stub.total.sumW[r]!;
        sums.sumW2[at] = stub.total.sumW2[r]!;
      }
    }
  }
  return result;
}
