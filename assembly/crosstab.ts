// The fused cross-tab kernel in AssemblyScript, compiled to WebAssembly by scripts/build-wasm.mjs
// (the module is committed as src/main/kernels/crosstab/crosstabWasm.generated.ts; a unit test
// compiles this file again and checks that it matches). It does what
// src/main/kernels/crosstab/jointCount.ts does, in the same order, so both give the same bits.
//
// Everything lives in one imported, shared WebAssembly.Memory laid out by wasmEngine.ts; the
// functions take addresses. A task is one stub pack: its joint stub codes, then per banner pack
// one scatter pass into a joint table, which is summed into each stub's margin. The codes and
// the joint table are the calling thread's scratch; tasks write disjoint margins, so compute
// threads can take them in any order.

/** Where the caller may start laying out memory. */
export function heapBase(): usize {
  return __heap_base;
}

/** out[i] += min(index[i], categories) × stride: a digit of a joint code ("missing" past the end). */
export function addDigits(index: usize, categories: u32, stride: u32, out: usize, rows: u32): void {
  const top = i16x8.splat(<i16>categories);
  const step = i16x8.splat(<i16>stride);
  let i: u32 = 0;
  for (; i + 8 <= rows; i += 8) {
    const at = (<usize>i) << 1;
    const digit = i16x8.min_u(v128.load(index + at), top);
    v128.store(out + at, i16x8.add(v128.load(out + at), i16x8.mul(digit, step)));
  }
  for (; i < rows; i++) {
    const at = (<usize>i) << 1;
    const category = <u32>load<u16>(index + at);
    store<u16>(
      out + at,
      <u32>load<u16>(out + at) + (category < categories ? category : categories) * stride,
    );
  }
}

/**
 * excluded[i] = 0xff where the respondent counts in no table: left out by the filter (mask 0;
 * mask 0 = no filter) or with a missing or non-positive weight (weights 0 = unweighted).
 */
export function exclusions(weights: usize, mask: usize, excluded: usize, rows: u32): void {
  for (let i: u32 = 0; i < rows; i++) {
    let out = false;
    if (mask != 0) out = load<u8>(mask + i) == 0;
    if (weights != 0) out = out || !(load<f64>(weights + ((<usize>i) << 3)) > 0);
    store<u8>(excluded + i, out ? 0xff : 0);
  }
}

/** codes[i] = dump where excluded[i] is set. */
export function applyDump(codes: usize, excluded: usize, dump: u32, rows: u32): void {
  const fill = i16x8.splat(<i16>dump);
  let i: u32 = 0;
  for (; i + 8 <= rows; i += 8) {
    const at = codes + ((<usize>i) << 1);
    const lanes = i16x8.extend_low_i8x16_s(v128.load64_zero(excluded + i));
    v128.store(at, v128.bitselect(fill, v128.load(at), lanes));
  }
  for (; i < rows; i++)
    if (load<u8>(excluded + i) != 0) store<u16>(codes + ((<usize>i) << 1), dump);
}

function scatterCounts(stub: usize, banner: usize, width: u32, rows: u32, n: usize): void {
  for (let i: u32 = 0; i < rows; i++) {
    const at = (<usize>i) << 1;
    const cell = <usize>(<u32>load<u16>(stub + at) * width + <u32>load<u16>(banner + at));
    const pn = n + (cell << 2);
    store<u32>(pn, load<u32>(pn) + 1);
  }
}

function scatterWeighted(
  stub: usize,
  banner: usize,
  width: u32,
  rows: u32,
  weights: usize,
  n: usize,
  sumW: usize,
  sumW2: usize,
): void {
  for (let i: u32 = 0; i < rows; i++) {
    const at = (<usize>i) << 1;
    const cell = <usize>(<u32>load<u16>(stub + at) * width + <u32>load<u16>(banner + at));
    const w = load<f64>(weights + ((<usize>i) << 3));
    const pn = n + (cell << 2);
    store<u32>(pn, load<u32>(pn) + 1);
    const pw = sumW + (cell << 3);
    store<f64>(pw, load<f64>(pw) + w);
    const pw2 = sumW2 + (cell << 3);
    store<f64>(pw2, load<f64>(pw2) + w * w);
  }
}

/**
 * Adds a joint table (`codes` stub codes × `width` cells a row, the last one the dump; counts as
 * u32 when `counts`, else f64) into one stub's margin (f64, `categories` rows × `width − 1`):
 * each joint row into the row of the stub's digit in it, in ascending joint code.
 */
function addMargin(
  table: usize,
  counts: bool,
  codes: u32,
  width: u32,
  categories: u32,
  stride: u32,
  margin: usize,
): void {
  const length = width - 1;
  memory.fill(margin, 0, (<usize>categories * length) << 3);
  for (let code: u32 = 0; code < codes; code++) {
    const r = (code / stride) % (categories + 1);
    if (r >= categories) continue;
    const to = margin + ((<usize>r * length) << 3);
    const row = <usize>code * width;
    if (counts) {
      const from = table + (row << 2);
      for (let jb: u32 = 0; jb < length; jb++) {
        const at = to + ((<usize>jb) << 3);
        store<f64>(at, load<f64>(at) + <f64>load<u32>(from + ((<usize>jb) << 2)));
      }
    } else {
      const from = table + (row << 3);
      let jb: u32 = 0;
      for (; jb + 2 <= length; jb += 2) {
        const at = to + ((<usize>jb) << 3);
        v128.store(at, f64x2.add(v128.load(at), v128.load(from + ((<usize>jb) << 3))));
      }
      if (jb < length) {
        const at = to + ((<usize>jb) << 3);
        store<f64>(at, load<f64>(at) + load<f64>(from + ((<usize>jb) << 3)));
      }
    }
  }
}

// Job layout (u32 words): rows, weights (0 = unweighted), banner pack count, banner packs, stub
// packs, table capacity (cells), margins of n, Σw, Σw² (f64; the last two 0 when unweighted).
// Banner pack: codes, width (product + 1 for the dump). Stub pack: member count, members,
// product. Member: index, categories, stride, margin offsets (one u32 per banner pack, in cells).
// Scratch: the stub codes (rows u16), then the joint table's n (u32), Σw, Σw² (f64), each
// starting on 64 bytes.

const align = (at: usize): usize => (at + 63) & ~(<usize>63);

/** Counts stub pack `task` of the job into its stubs' margins, using `scratch`. */
export function runTask(job: usize, task: u32, scratch: usize): void {
  const rows = load<u32>(job);
  const weights = <usize>load<u32>(job, 4);
  const bannerCount = load<u32>(job, 8);
  const banners = <usize>load<u32>(job, 12);
  const pack = <usize>load<u32>(job, 16) + <usize>task * 12;
  const capacity = <usize>load<u32>(job, 20);
  const marginN = <usize>load<u32>(job, 24);
  const marginW = <usize>load<u32>(job, 28);
  const marginW2 = <usize>load<u32>(job, 32);
  const memberCount = load<u32>(pack);
  const members = <usize>load<u32>(pack, 4);
  const product = load<u32>(pack, 8);
  const codes = scratch;
  const n = align(codes + ((<usize>rows) << 1));
  const sumW = align(n + (capacity << 2));
  const sumW2 = align(sumW + (capacity << 3));
  memory.fill(codes, 0, (<usize>rows) << 1);
  for (let m: u32 = 0; m < memberCount; m++) {
    const member = members + ((<usize>m) << 4);
    addDigits(<usize>load<u32>(member), load<u32>(member, 4), load<u32>(member, 8), codes, rows);
  }
  for (let b: u32 = 0; b < bannerCount; b++) {
    const banner = banners + ((<usize>b) << 3);
    const width = load<u32>(banner, 4);
    const cells = <usize>product * width;
    memory.fill(n, 0, cells << 2);
    if (weights == 0) {
      scatterCounts(codes, <usize>load<u32>(banner), width, rows, n);
    } else {
      memory.fill(sumW, 0, cells << 3);
      memory.fill(sumW2, 0, cells << 3);
      scatterWeighted(codes, <usize>load<u32>(banner), width, rows, weights, n, sumW, sumW2);
    }
    for (let m: u32 = 0; m < memberCount; m++) {
      const member = members + ((<usize>m) << 4);
      const categories = load<u32>(member, 4);
      const stride = load<u32>(member, 8);
      const at = (<usize>load<u32>(<usize>load<u32>(member, 12) + ((<usize>b) << 2))) << 3;
      addMargin(n, true, product, width, categories, stride, marginN + at);
      if (weights != 0) {
        addMargin(sumW, false, product, width, categories, stride, marginW + at);
        addMargin(sumW2, false, product, width, categories, stride, marginW2 + at);
      }
    }
  }
}
