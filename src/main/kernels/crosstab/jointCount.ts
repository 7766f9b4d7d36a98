/**
 * The plain-TypeScript fused counting kernel: joint codes per pack, then one scatter pass per
 * (stub pack × banner pack) adding 1, w and w² to the respondent's joint cell. It is the
 * reference the WebAssembly kernel must equal bit for bit: each joint cell sums its respondents
 * in row order, starting from 0, in both.
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

/** Every joint table of a plan in one buffer each, at the plan's offsets. */
export interface JointCounts {
  n: Uint32Array;
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

function scatterCounts(
  stub: Uint16Array,
  banner: Uint16Array,
  width: number,
  offset: number,
  n: Uint32Array,
): void {
  for (let i = 0; i < stub.length; i++) n[offset + stub[i]! * width + banner[i]!]!++;
}

function scatterWeighted(
  stub: Uint16Array,
  banner: Uint16Array,
  width: number,
  offset: number,
  weights: Float64Array,
  n: Uint32Array,
  sumW: Float64Array,
  sumW2: Float64Array,
): void {
  for (let i = 0; i < stub.length; i++) {
    const cell = offset + stub[i]! * width + banner[i]!;
    const w = weights[i]!;
    n[cell]!++;
    sumW[cell]! += w;
    sumW2[cell]! += w * w;
  }
}

export function countJoint(
  plan: JointPlan,
  stubs: readonly CodedColumn[],
  { rows, groups, weights, mask }: BannerInput,
): JointCounts {
  const n = new Uint32Array(plan.cells);
  const sumW = weights === null ? null : new Float64Array(plan.cells);
  const sumW2 = weights === null ? null : new Float64Array(plan.cells);
  const banner = plan.bannerPacks.map((pack) => {
    const codes = new Uint16Array(rows);
    bannerCodes(pack, groups, weights, mask, codes);
    return codes;
  });
  const stub = new Uint16Array(rows);
  let pair = 0;
  for (const stubPack of plan.stubPacks) {
    stubCodes(stubPack, stubs, stub);
    plan.bannerPacks.forEach((bannerPack, b) => {
      const width = bannerPack.product + 1;
      const offset = plan.offsets[pair++]!;
      if (weights === null || sumW === null || sumW2 === null)
        scatterCounts(stub, banner[b]!, width, offset, n);
      else scatterWeighted(stub, banner[b]!, width, offset, weights, n, sumW, sumW2);
    });
  }
  return { n, sumW, sumW2 };
}
