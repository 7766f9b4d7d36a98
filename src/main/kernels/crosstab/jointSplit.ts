/**
 * Splits the joint tables of a fused count back into one table per stub × banner group, with
 * the Total column last (respondents with a valid answer to the stub, whatever their column).
 * Shared by every engine, so the split adds the same numbers in the same order everywhere: per
 * (stub pack, banner pack), joint stub codes ascending, then joint banner codes ascending. The
 * Total is taken from the first banner pack.
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
  const { n } = counts;
  const sumW = counts.sumW ?? null;
  const sumW2 = counts.sumW2 ?? null;
  const bannerDigits = plan.bannerPacks.map(digits);
  let pair = 0;
  for (const stubPack of plan.stubPacks) {
    const stubDigits = digits(stubPack);
    const stubMembers = stubPack.members.length;
    const valid: number[] = [];
    plan.bannerPacks.forEach((bannerPack, b) => {
      const width = bannerPack.product + 1;
      const offset = plan.offsets[pair++]!;
      const groupDigits = bannerDigits[b]!;
      for (let js = 0; js < stubPack.product; js++) {
        // The stubs of this pack with a valid answer in this joint code, and their categories.
        valid.length = 0;
        for (let m = 0; m < stubMembers; m++) {
          const r = stubDigits[m]![js]!;
          if (r < stubPack.categories[m]!) valid.push(m, r);
        }
        if (valid.length === 0) continue;
        const row = offset + js * width;
        for (let jb = 0; jb < bannerPack.product; jb++) {
          const cell = row + jb;
          const count = n[cell]!;
          if (count === 0) continue;
          const w = sumW === null ? count : sumW[cell]!;
          const w2 = sumW2 === null ? count : sumW2[cell]!;
          for (let v = 0; v < valid.length; v += 2) {
            const stub = result[stubPack.members[valid[v]!]!]!;
            const r = valid[v + 1]!;
            if (b === 0) {
              stub.total.n[r]! += count;
              stub.total.sumW[r]! += w;
              stub.total.sumW2[r]! += w2;
            }
            bannerPack.members.forEach((group, g) => {
              const columns = bannerPack.categories[g]!;
              const c = groupDigits[g]![jb]!;
              if (c >= columns) return;
              const sums = stub.groups[group]!;
              const at = r * (columns + 1) + c;
              sums.n[at]! += count;
              sums.sumW[at]! += w;
              sums.sumW2[at]! += w2;
            });
          }
        }
      }
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
