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
// f64x2 SIMD holds two ROWS in its two lanes, so each lane does exactly the scalar sequence. Four
// rows (two vectors) are taken at a time against four centres at a time: each load of the rows
// serves four centres, each load of a centre value serves four rows, and the eight running sums
// are independent, so the adders need not wait on one another (each sum's own additions stay in
// order). Rows left over (fewer than four) take the scalar loop.
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
 * over d in order, as the reference does) then −2μ_d for every d. Centres go in groups of four,
 * their values interleaved (c's ‖μ‖², c+1's, c+2's, c+3's, then c's −2μ_0, …) so that one
 * pointer walks the four; the centres left over make a pair, likewise, and then one.
 */
export function prepareCentres(centres: usize, k: u32, dims: u32, prep: usize): void {
  for (let c: u32 = 0; c < k; c++) {
    const row = centres + ((<usize>c * dims) << 3);
    const step = termStep(c, k);
    let to = termsOf(c, k, dims, prep);
    let norm: f64 = 0;
    for (let d: u32 = 0; d < dims; d++) {
      const m = load<f64>(row + ((<usize>d) << 3));
      norm += m * m;
    }
    v128.store(to, f64x2.splat(norm));
    for (let d: u32 = 0; d < dims; d++) {
      to += step;
      v128.store(to, f64x2.splat(-2 * load<f64>(row + ((<usize>d) << 3))));
    }
  }
}

/** How many centres share c's group in the prepared centres: 4, then a pair, then one. */
function groupSize(c: u32, k: u32): u32 {
  const fours = k & ~3;
  if (c < fours) return 4;
  return k - fours >= 2 && c < fours + 2 ? 2 : 1;
}

/** Where centre c's ‖μ‖² is in the prepared centres; its −2μ_d follow termStep apart. */
function termsOf(c: u32, k: u32, dims: u32, prep: usize): usize {
  const size = groupSize(c, k);
  const first = size == 4 ? c & ~3 : size == 2 ? k & ~3 : c;
  return prep + ((<usize>first * (dims + 1)) << 4) + ((<usize>(c - first)) << 4);
}

function termStep(c: u32, k: u32): usize {
  return (<usize>groupSize(c, k)) << 4;
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
  for (let c: u32 = 0; c < k; c++) {
    const step = termStep(c, k);
    let q = termsOf(c, k, dims, prep);
    let distance = load<f64>(q);
    let p = at;
    for (let d: u32 = 0; d < dims; d++) {
      q += step;
      distance += load<f64>(p) * load<f64>(q);
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
    let c: u32 = 0;
    // Four centres at a time share each load of the rows, and make eight independent sums to
    // keep the adders busy.
    for (; c + 4 <= k; c += 4) {
      let a0 = v128.load(q);
      let b0 = a0;
      let a1 = v128.load(q, 16);
      let b1 = a1;
      let a2 = v128.load(q, 32);
      let b2 = a2;
      let a3 = v128.load(q, 48);
      let b3 = a3;
      q += 64;
      let p = row;
      for (let d: u32 = 0; d < dims; d++) {
        const x0 = v128.load(p);
        const x1 = v128.load(p, 16);
        let m = v128.load(q);
        a0 = f64x2.add(a0, f64x2.mul(x0, m));
        b0 = f64x2.add(b0, f64x2.mul(x1, m));
        m = v128.load(q, 16);
        a1 = f64x2.add(a1, f64x2.mul(x0, m));
        b1 = f64x2.add(b1, f64x2.mul(x1, m));
        m = v128.load(q, 32);
        a2 = f64x2.add(a2, f64x2.mul(x0, m));
        b2 = f64x2.add(b2, f64x2.mul(x1, m));
        m = v128.load(q, 48);
        a3 = f64x2.add(a3, f64x2.mul(x0, m));
        b3 = f64x2.add(b3, f64x2.mul(x1, m));
        p += stride;
        q += 64;
      }
      let centre = i64x2.splat(<i64>c);
      let closer = f64x2.lt(a0, nearA);
      nearA = v128.bitselect(a0, nearA, closer);
      bestA = v128.bitselect(centre, bestA, closer);
      closer = f64x2.lt(b0, nearB);
      nearB = v128.bitselect(b0, nearB, closer);
      bestB = v128.bitselect(centre, bestB, closer);
      centre = i64x2.splat(<i64>(c + 1));
      closer = f64x2.lt(a1, nearA);
      nearA = v128.bitselect(a1, nearA, closer);
      bestA = v128.bitselect(centre, bestA, closer);
      closer = f64x2.lt(b1, nearB);
      nearB = v128.bitselect(b1, nearB, closer);
      bestB = v128.bitselect(centre, bestB, closer);
      centre = i64x2.splat(<i64>(c + 2));
      closer = f64x2.lt(a2, nearA);
      nearA = v128.bitselect(a2, nearA, closer);
      bestA = v128.bitselect(centre, bestA, closer);
      closer = f64x2.lt(b2, nearB);
      nearB = v128.bitselect(b2, nearB, closer);
      bestB = v128.bitselect(centre, bestB, closer);
      centre = i64x2.splat(<i64>(c + 3));
      closer = f64x2.lt(a3, nearA);
      nearA = v128.bitselect(a3, nearA, closer);
      bestA = v128.bitselect(centre, bestA, closer);
      closer = f64x2.lt(b3, nearB);
      nearB = v128.bitselect(b3, nearB, closer);
      bestB = v128.bitselect(centre, bestB, closer);
    }
    if (c + 2 <= k) {
      let a = v128.load(q);
      let b = a;
      let e = v128.load(q, 16);
      let f = e;
      q += 32;
      let p = row;
      let d: u32 = 0;
      for (; d + 2 <= dims; d += 2) {
        const r = p + stride;
        const m = v128.load(q);
        const n = v128.load(q, 16);
        const x0 = v128.load(p);
        const x1 = v128.load(p, 16);
        a = f64x2.add(a, f64x2.mul(x0, m));
        b = f64x2.add(b, f64x2.mul(x1, m));
        e = f64x2.add(e, f64x2.mul(x0, n));
        f = f64x2.add(f, f64x2.mul(x1, n));
        const m2 = v128.load(q, 32);
        const n2 = v128.load(q, 48);
        const y0 = v128.load(r);
        const y1 = v128.load(r, 16);
        a = f64x2.add(a, f64x2.mul(y0, m2));
        b = f64x2.add(b, f64x2.mul(y1, m2));
        e = f64x2.add(e, f64x2.mul(y0, n2));
        f = f64x2.add(f, f64x2.mul(y1, n2));
        p = r + stride;
        q += 64;
      }
      if (d < dims) {
        const m = v128.load(q);
        const n = v128.load(q, 16);
        const x0 = v128.load(p);
        const x1 = v128.load(p, 16);
        a = f64x2.add(a, f64x2.mul(x0, m));
        b = f64x2.add(b, f64x2.mul(x1, m));
        e = f64x2.add(e, f64x2.mul(x0, n));
        f = f64x2.add(f, f64x2.mul(x1, n));
        q += 32;
      }
      let centre = i64x2.splat(<i64>c);
      let closer = f64x2.lt(a, nearA);
      nearA = v128.bitselect(a, nearA, closer);
      bestA = v128.bitselect(centre, bestA, closer);
      closer = f64x2.lt(b, nearB);
      nearB = v128.bitselect(b, nearB, closer);
      bestB = v128.bitselect(centre, bestB, closer);
      centre = i64x2.splat(<i64>(c + 1));
      closer = f64x2.lt(e, nearA);
      nearA = v128.bitselect(e, nearA, closer);
      bestA = v128.bitselect(centre, bestA, closer);
      closer = f64x2.lt(f, nearB);
      nearB = v128.bitselect(f, nearB, closer);
      bestB = v128.bitselect(centre, bestB, closer);
      c += 2;
    }
    if (c < k) {
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

/** Runs half `task` (0 or 1) of the pass at `job` (no scratch: each half has its own output). */
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
