// One Lloyd pass of k-means in AssemblyScript, compiled to WebAssembly by scripts/build-wasm.mjs
// (committed as src/main/kernels/lloyd/lloydWasm.generated.ts; a unit test compiles this
// file again and checks that it matches). It does what lloydPassReference
// (src/main/analysis/segmentation/lloydPass.ts) does, with the same rounding at every step, so
// both give the same assignments, sums and counts bit for bit:
//
// - a row's distance to centre c starts from ‖μ_c‖² and adds x_d · (−2μ_c,d) for d = 0, 1, …
//   in order (a mul then an add, never fused);
// - centres are visited in order and the first of equal distances is kept (a strict <);
// - each row is added to its centre's sums in row order.
//
// f64x2 SIMD holds two ROWS in its two lanes, so each lane does exactly the scalar sequence; four
// rows (two vectors) share each load of a centre coordinate.
//
// Everything lives in one imported, shared WebAssembly.Memory laid out by
// src/main/kernels/lloyd/wasmLloyd.ts: the columns one after another, `stride` bytes
// apart; the assignments (u8 a row); the prepared centres; and per task its output (sums, counts,
// changed). Tasks write disjoint outputs, so compute threads can take them in any order.

/** Where the caller may start laying out memory. */
export function heapBase(): usize {
  return __heap_base;
}

/**
 * Prepared centres at `prep`, 16 bytes a value, each value in both lanes: per centre ‖μ‖² (summed
 * over d in order, as the reference does) then −2μ_d for every d.
 */
export function prepareCentres(centres: usize, k: u32, dims: u32, prep: usize): void {
  let to = prep;
  for (let c: u32 = 0; c < k; c++) {
    const row = centres + ((<usize>c * dims) << 3);
    let norm: f64 = 0;
    for (let d: u32 = 0; d < dims; d++) {
      const m = load<f64>(row + ((<usize>d) << 3));
      norm += m * m;
    }
    v128.store(to, f64x2.splat(norm));
    to += 16;
    for (let d: u32 = 0; d < dims; d++) {
      v128.store(to, f64x2.splat(-2 * load<f64>(row + ((<usize>d) << 3))));
      to += 16;
    }
  }
}

/** Assigns a row to `best` and counts it there; 1 when its assignment changed. */
function count(assign: usize, best: u32, counts: usize): u32 {
  const old = <u32>load<u8>(assign);
  store<u8>(assign, <u8>best);
  const at = counts + ((<usize>best) << 3);
  store<f64>(at, load<f64>(at) + 1);
  return <u32>(old != best);
}

/** Assigns row `at` (its value in column 0) to `best`, adds it to the sums; 1 when it changed. */
function take(
  at: usize,
  stride: usize,
  dims: u32,
  best: u32,
  assign: usize,
  sums: usize,
  counts: usize,
): u32 {
  const changed = count(assign, best, counts);
  let sum = sums + ((<usize>best * dims) << 3);
  let p = at;
  for (let d: u32 = 0; d < dims; d++) {
    store<f64>(sum, load<f64>(sum) + load<f64>(p));
    sum += 8;
    p += stride;
  }
  return changed;
}

/** The reference's loop for one row, for the rows left over after the vectors. */
function nearestScalar(at: usize, stride: usize, dims: u32, k: u32, prep: usize): u32 {
  let best: u32 = 0;
  let bestDistance = Infinity;
  let q = prep;
  for (let c: u32 = 0; c < k; c++) {
    let distance = load<f64>(q);
    q += 16;
    let p = at;
    for (let d: u32 = 0; d < dims; d++) {
      distance += load<f64>(p) * load<f64>(q);
      q += 16;
      p += stride;
    }
    if (distance < bestDistance) {
      bestDistance = distance;
      best = c;
    }
  }
  return best;
}

/**
 * Rows start..end−1 of `dims` columns (column d at columns + d·stride, f64) against k prepared
 * centres: their nearest centres into `assign` (u8 a row, addressed from row 0), the rows added
 * into `sums` (k × dims f64) and `counts` (k f64); returns how many assignments changed.
 */
export function lloydRange(
  columns: usize,
  stride: usize,
  dims: u32,
  k: u32,
  prep: usize,
  assign: usize,
  start: u32,
  end: u32,
  sums: usize,
  counts: usize,
): u32 {
  const perCentre = (<usize>dims + 1) << 4;
  const infinity = f64x2.splat(Infinity);
  let changed: u32 = 0;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const row = columns + ((<usize>i) << 3);
    let nearA = infinity;
    let nearB = infinity;
    let bestA = i64x2.splat(0);
    let bestB = i64x2.splat(0);
    let q = prep;
    for (let c: u32 = 0; c < k; c++) {
      let a = v128.load(q);
      let b = a;
      const last = q + perCentre;
      q += 16;
      let p = row;
      for (; q + 32 <= last; q += 32) {
        const m = v128.load(q);
        const n = v128.load(q, 16);
        const r = p + stride;
        a = f64x2.add(a, f64x2.mul(v128.load(p), m));
        b = f64x2.add(b, f64x2.mul(v128.load(p, 16), m));
        a = f64x2.add(a, f64x2.mul(v128.load(r), n));
        b = f64x2.add(b, f64x2.mul(v128.load(r, 16), n));
        p = r + stride;
      }
      if (q < last) {
        const m = v128.load(q);
        a = f64x2.add(a, f64x2.mul(v128.load(p), m));
        b = f64x2.add(b, f64x2.mul(v128.load(p, 16), m));
        q += 16;
      }
      const centre = i64x2.splat(<i64>c);
      const closerA = f64x2.lt(a, nearA);
      nearA = v128.bitselect(a, nearA, closerA);
      bestA = v128.bitselect(centre, bestA, closerA);
      const closerB = f64x2.lt(b, nearB);
      nearB = v128.bitselect(b, nearB, closerB);
      bestB = v128.bitselect(centre, bestB, closerB);
    }
    // The four rows into their centres' sums, in row order, two variables at a time: each row's
    // pair of values gathered from the rows-in-lanes vectors and added as one f64x2. (Written
    // here rather than called: binaryen does not inline a function with a loop.)
    const b0 = <u32>i64x2.extract_lane(bestA, 0);
    const b1 = <u32>i64x2.extract_lane(bestA, 1);
    const b2 = <u32>i64x2.extract_lane(bestB, 0);
    const b3 = <u32>i64x2.extract_lane(bestB, 1);
    const to = assign + <usize>i;
    changed +=
      count(to, b0, counts) +
      count(to + 1, b1, counts) +
      count(to + 2, b2, counts) +
      count(to + 3, b3, counts);
    let s0 = sums + ((<usize>b0 * dims) << 3);
    let s1 = sums + ((<usize>b1 * dims) << 3);
    let s2 = sums + ((<usize>b2 * dims) << 3);
    let s3 = sums + ((<usize>b3 * dims) << 3);
    let p = row;
    let d: u32 = 0;
    for (; d + 2 <= dims; d += 2) {
      const r = p + stride;
      const a0 = v128.load(p);
      const a1 = v128.load(r);
      const c0 = v128.load(p, 16);
      const c1 = v128.load(r, 16);
      v128.store(s0, f64x2.add(v128.load(s0), f64x2.shuffle(a0, a1, 0, 2)));
      v128.store(s1, f64x2.add(v128.load(s1), f64x2.shuffle(a0, a1, 1, 3)));
      v128.store(s2, f64x2.add(v128.load(s2), f64x2.shuffle(c0, c1, 0, 2)));
      v128.store(s3, f64x2.add(v128.load(s3), f64x2.shuffle(c0, c1, 1, 3)));
      s0 += 16;
      s1 += 16;
      s2 += 16;
      s3 += 16;
      p = r + stride;
    }
    if (d < dims) {
      store<f64>(s0, load<f64>(s0) + load<f64>(p));
      store<f64>(s1, load<f64>(s1) + load<f64>(p, 8));
      store<f64>(s2, load<f64>(s2) + load<f64>(p, 16));
      store<f64>(s3, load<f64>(s3) + load<f64>(p, 24));
    }
  }
  for (; i < end; i++) {
    const row = columns + ((<usize>i) << 3);
    const best = nearestScalar(row, stride, dims, k, prep);
    changed += take(row, stride, dims, best, assign + <usize>i, sums, counts);
  }
  return changed;
}

// Job layout (u32 words): columns, stride, dims, k, prepared centres, assignments, rows, half,
// then per task (two: rows 0..half−1 and half..rows−1) its sums (f64 k × dims, then counts f64 k)
// and where its changed count goes (u32).

/** Runs half `task` (0 or 1) of the pass described at `job` (no scratch: each half has its output). */
export function runTask(job: usize, task: u32, _scratch: usize): void {
  const columns = <usize>load<u32>(job);
  const stride = <usize>load<u32>(job, 4);
  const dims = load<u32>(job, 8);
  const k = load<u32>(job, 12);
  const prep = <usize>load<u32>(job, 16);
  const assign = <usize>load<u32>(job, 20);
  const rows = load<u32>(job, 24);
  const half = load<u32>(job, 28);
  const out = job + 32 + ((<usize>task) << 3);
  const sums = <usize>load<u32>(out);
  const counts = sums + ((<usize>k * dims) << 3);
  const start = task == 0 ? 0 : half;
  const end = task == 0 ? half : rows;
  memory.fill(sums, 0, (<usize>k * (dims + 1)) << 3);
  const changed = lloydRange(columns, stride, dims, k, prep, assign, start, end, sums, counts);
  store<u32>(<usize>load<u32>(out, 4), changed);
}
