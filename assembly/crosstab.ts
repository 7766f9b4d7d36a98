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

// A weighted joint cell is 32 bytes: Σw and Σw² (f64x2) at 0, n (u32) at 16. One cache line
// holds all three, and one f64x2 add updates both sums: about 30% faster than three arrays.

function addRow(
  stub: usize,
  banner: usize,
  width: u32,
  weights: usize,
  table: usize,
  i: u32,
): void {
  const at = (<usize>i) << 1;
  const cell =
    table + ((<usize>(<u32>load<u16>(stub + at) * width + <u32>load<u16>(banner + at))) << 5);
  const w = load<f64>(weights + ((<usize>i) << 3));
  v128.store(cell, f64x2.add(v128.load(cell), f64x2.replace_lane(f64x2.splat(w), 1, w * w)));
  store<u32>(cell, load<u32>(cell, 16) + 1, 16);
}

function scatterWeighted(
  stub: usize,
  banner: usize,
  width: u32,
  rows: u32,
  weights: usize,
  table: usize,
): void {
  let i: u32 = 0;
  for (; i + 4 <= rows; i += 4) {
    addRow(stub, banner, width, weights, table, i);
    addRow(stub, banner, width, weights, table, i + 1);
    addRow(stub, banner, width, weights, table, i + 2);
    addRow(stub, banner, width, weights, table, i + 3);
  }
  for (; i < rows; i++) addRow(stub, banner, width, weights, table, i);
}

/**
 * Adds a joint table (`codes` stub codes × `width` cells a row, the last one the dump) into one
 * stub's margins (f64, `categories` rows × `width − 1`): each joint row into the row of the
 * stub's digit in it, in ascending joint code. Weighted tables hold 32-byte cells (see above) and
 * fill three margins; unweighted ones hold n (u32) and fill `marginN` only.
 */
function addMargins(
  table: usize,
  weighted: bool,
  codes: u32,
  width: u32,
  categories: u32,
  stride: u32,
  marginN: usize,
  marginW: usize,
  marginW2: usize,
): void {
  const length = width - 1;
  const bytes = (<usize>categories * length) << 3;
  memory.fill(marginN, 0, bytes);
  if (weighted) {
    memory.fill(marginW, 0, bytes);
    memory.fill(marginW2, 0, bytes);
  }
  for (let code: u32 = 0; code < codes; code++) {
    const r = (code / stride) % (categories + 1);
    if (r >= categories) continue;
    const to = (<usize>r * length) << 3;
    const row = <usize>code * width;
    for (let jb: u32 = 0; jb < length; jb++) {
      const at = to + ((<usize>jb) << 3);
      if (weighted) {
        const cell = table + ((row + jb) << 5);
        store<f64>(marginN + at, load<f64>(marginN + at) + <f64>load<u32>(cell, 16));
        store<f64>(marginW + at, load<f64>(marginW + at) + load<f64>(cell));
        store<f64>(marginW2 + at, load<f64>(marginW2 + at) + load<f64>(cell, 8));
      } else {
        const cell = table + ((row + jb) << 2);
        store<f64>(marginN + at, load<f64>(marginN + at) + <f64>load<u32>(cell));
      }
    }
  }
}

// Job layout (u32 words): rows, weights (0 = unweighted), banner pack count, banner packs, stub
// packs, table capacity (cells), margins of n, Σw, Σw² (f64; the last two 0 when unweighted).
// Banner pack: codes, width (product + 1 for the dump). Stub pack: member count, members,
// product. Member: index, categories, stride, margin offsets (one u32 per banner pack, in cells).
// Scratch: the stub codes (rows u16), then the joint table (capacity cells of 32 bytes, or of 4
// bytes when unweighted) on 64 bytes.

/** Counts stub pack `task` of the job into its stubs' margins, using `scratch`. */
export function runTask(job: usize, task: u32, scratch: usize): void {
  const rows = load<u32>(job);
  const weights = <usize>load<u32>(job, 4);
  const bannerCount = load<u32>(job, 8);
  const banners = <usize>load<u32>(job, 12);
  const pack = <usize>load<u32>(job, 16) + <usize>task * 12;
  const marginN = <usize>load<u32>(job, 24);
  const marginW = <usize>load<u32>(job, 28);
  const marginW2 = <usize>load<u32>(job, 32);
  const memberCount = load<u32>(pack);
  const members = <usize>load<u32>(pack, 4);
  const product = load<u32>(pack, 8);
  const weighted = weights != 0;
  const codes = scratch;
  const table = (codes + ((<usize>rows) << 1) + 63) & ~(<usize>63);
  memory.fill(codes, 0, (<usize>rows) << 1);
  for (let m: u32 = 0; m < memberCount; m++) {
    const member = members + ((<usize>m) << 4);
    addDigits(<usize>load<u32>(member), load<u32>(member, 4), load<u32>(member, 8), codes, rows);
  }
  for (let b: u32 = 0; b < bannerCount; b++) {
    const banner = banners + ((<usize>b) << 3);
    const bannerCodes = <usize>load<u32>(banner);
    const width = load<u32>(banner, 4);
    const cells = <usize>product * width;
    if (weighted) {
      memory.fill(table, 0, cells << 5);
      scatterWeighted(codes, bannerCodes, width, rows, weights, table);
    } else {
      memory.fill(table, 0, cells << 2);
      scatterCounts(codes, bannerCodes, width, rows, table);
    }
    for (let m: u32 = 0; m < memberCount; m++) {
      const member = members + ((<usize>m) << 4);
      const at = (<usize>load<u32>(<usize>load<u32>(member, 12) + ((<usize>b) << 2))) << 3;
      addMargins(
        table,
        weighted,
        product,
        width,
        load<u32>(member, 4),
        load<u32>(member, 8),
        marginN + at,
        marginW + at,
        marginW2 + at,
      );
    }
  }
}
