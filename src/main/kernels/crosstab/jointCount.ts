/**
 * The plain-TypeScript fused counting kernel: joint codes per pack, then per (stub pack × banner
 * pack) one scatter pass adding 1, w and w² to each respondent's joint cell, and per stub of the
 * pack its margin: the joint table summed over the pack's other stubs. It is the reference the
 * WebAssembly kernel must equal bit for bit, so both add in the same order: each joint cell its
 * respondents in row order from 0; each margin cell its joint cells in ascending joint stub code
 * from 0.
 */
import { type JointPlan, type Pack } from './jointPlan';

/** A category index per respondent, with its number of categories; anything ≥ that is missing. */
export interface CodedColumn {
  index: Uint16Array;
  categories: number;
}

/** The banner side of a count: the same for every batch of stubs of one table. */
export interface BannerInput {
  rows: number;
  groups: readonly CodedColumn[];
  weights: Float64Array | null;
  mask: Uint8Array | null;
}

/** Every margin of a plan in one buffer each, at the plan's margin offsets; counts are exact. */
export interface JointCounts {
  n: Float64Array;
  /** Null when unweighted: then Σw = Σw² = n. */
  sumW: Float64Array | null;
  sumW2: Float64Array | null;
}

/** Joint stub codes of a pack: Σ digit × stride, the digit being the category or "missing". */
export function stubCodes(pack: Pack, stubs: readonly CodedColumn[], out: Uint16Array): void {
  out.fill(0);
  pack.members.forEach((member, m) => addDigits(stubs[member]!, pack.strides[m]!, out));
}

function addDigits({ index, categories }: CodedColumn, stride: number, out: Uint16Array): void {
  for (let i = 0; i < out.length; i++) {
    const category = index[i]!;
    out[i]! += (category < categories ? category : categories) * stride;
  }
}

/**
 * Joint banner codes of a pack; respondents left out by the filter or with a missing or
 * non-positive weight (as SPSS WEIGHT leaves them out) get the dump code, the pack's product.
 */
export function bannerCodes(
  pack: Pack,
  groups: readonly CodedColumn[],
  weights: Float64Array | null,
  mask: Uint8Array | null,
  out: Uint16Array,
): void {
  out.fill(0);
  pack.members.forEach((member, m) => addDigits(groups[member]!, pack.strides[m]!, out));
  const dump = pack.product;
  if (mask !== null) for (let i = 0; i < out.length; i++) if (mask[i] === 0) out[i] = dump;
  if (weights !== null) for (let i = 0; i < out.length; i++) if (!(weights[i]! > 0)) out[i] = dump;
}

function scatterCounts(stub: Uint16Array, banner: Uint16Array, width: number, n: Uint32Array) {
  for (let i = 0; i < stub.length; i++) n[stub[i]! * width + banner[i]!]!++;
}

function scatterWeighted(
  stub: Uint16Array,
  banner: Uint16Array,
  width: number,
  weights: Float64Array,
  n: Uint32Array,
  sumW: Float64Array,
  sumW2: Float64Array,
): void {
  for (let i = 0; i < stub.length; i++) {
    const cell = stub[i]! * width + banner[i]!;
    const w = weights[i]!;
    n[cell]!++;
    sumW[cell]! += w;
    sumW2[cell]! += w * w;
  }
}

/**
 * Adds the joint table (`codes` stub codes × `width` cells a row, the last one the dump) into one
 * stub's margin (`categories` rows × `width − 1`): each joint row into the row of the stub's
 * digit in it, in ascending joint code.
 */
function addMargin(
  table: Uint32Array | Float64Array,
  codes: number,
  width: number,
  categories: number,
  stride: number,
  margin: Float64Array,
  at: number,
): void {
  const length = width - 1;
  for (let code = 0; code < codes; code++) {
    const r = Math.floor(code / stride) % (categories + 1);
    if (r >= categories) continue;
    const from = code * width;
    const to = at + r * length;
    for (let jb = 0; jb < length; jb++) margin[to + jb]! += table[from + jb]!;
  }
}

export function countJoint(
  plan: JointPlan,
  stubs: readonly CodedColumn[],
  { rows, groups, weights, mask }: BannerInput,
): JointCounts {
  const n = new Float64Array(plan.marginCells);
  const sumW = weights === null ? null : new Float64Array(plan.marginCells);
  const sumW2 = weights === null ? null : new Float64Array(plan.marginCells);
  const banner = plan.bannerPacks.map((pack) => {
    const codes = new Uint16Array(rows);
    bannerCodes(pack, groups, weights, mask, codes);
    return codes;
  });
  const stub = new Uint16Array(rows);
  const tableN = new Uint32Array(plan.maxTableCells);
  const tableW = new Float64Array(weights === null ? 0 : plan.maxTableCells);
  const tableW2 = new Float64Array(weights === null ? 0 : plan.maxTableCells);
  const packs = plan.bannerPacks.length;
  for (const stubPack of plan.stubPacks) {
    stubCodes(stubPack, stubs, stub);
    plan.bannerPacks.forEach((bannerPack, b) => {
      const width = bannerPack.product + 1;
      const cells = stubPack.product * width;
      tableN.fill(0, 0, cells);
      if (weights === null) scatterCounts(stub, banner[b]!, width, tableN);
      else {
        tableW.fill(0, 0, cells);
        tableW2.fill(0, 0, cells);
        scatterWeighted(stub, banner[b]!, width, weights, tableN, tableW, tableW2);
      }
      stubPack.members.forEach((member, m) => {
        const at = plan.margins[member * packs + b]!;
        const categories = stubPack.categories[m]!;
        const stride = stubPack.strides[m]!;
        addMargin(tableN, stubPack.product, width, categories, stride, n, at);
        if (sumW === null || sumW2 === null) return;
        addMargin(tableW, stubPack.product, width, categories, stride, sumW, at);
        addMargin(tableW2, stubPack.product, width, categories, stride, sumW2, at);
      });
    });
  }
  return { n, sumW, sumW2 };
}
