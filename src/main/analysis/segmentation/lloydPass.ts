/**
 * The hot loop of k-means (../shared/PERFORMANCE.md): one Lloyd pass assigns every row to its
 * nearest centre and sums the rows per centre, over column-major Float64Arrays, in one sweep.
 * Distances are compared as ‖μ‖² − 2x·μ (‖x‖² is the same for every centre), on centred data
 * (standardise.ts) so the form keeps its digits.
 *
 * A generic loop (`lloydPassReference`) reads the centres and the row from typed arrays and takes
 * about 185 ms per pass on 1,000,000 rows × 10 variables × k = 6 here. The fast pass is the same
 * loop written out for one (k, variables) shape: the row's values and every centre coordinate are
 * locals, so V8 keeps them in registers — about 51 ms (`kmeans-iteration/js-one-thread` in
 * `npm run bench -- kmeans-iteration`; lloydThreads.ts halves it on two cores). Large runs use
 * the WebAssembly pass instead (assembly/lloyd.ts, about 14 ms on one thread), which equals the
 * reference too; the written-out pass is its fallback and serves small inputs. It is generated
 * with `new Function` from
 * nothing but the two whole numbers k and the number of variables (no name, label or value from
 * any file reaches the source text), is checked against the reference by the unit tests, and is
 * used up to MAX_UNROLLED terms, beyond which the generic loop serves.
 *
 * Both passes visit centres in order and keep the first of equal distances, and add the terms in
 * the same order, so they agree exactly.
 */

/**
 * Assigns rows start..end-1 to their nearest centre (`assign`), adds each row to its centre's
 * `sums` (k × variables, row-major) and `counts`, and returns how many assignments changed.
 * `sums` and `counts` are added to, not cleared, so row ranges can be summed.
 */
export type LloydPass = (
  columns: readonly Float64Array[],
  centres: Float64Array,
  assign: Uint8Array,
  sums: Float64Array,
  counts: Float64Array,
  start: number,
  end: number,
) => number;

/** k × variables beyond which the written-out pass would be too large to be worth it. */
export const MAX_UNROLLED = 1024;

/** The generic pass: any k and number of variables. */
export const lloydPassReference: LloydPass = (
  columns,
  centres,
  assign,
  sums,
  counts,
  start,
  end,
) => {
  const dims = columns.length;
  const k = centres.length / dims;
  const norms = new Float64Array(k);
  const minusTwice = new Float64Array(k * dims);
  for (let c = 0; c < k; c++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const m = centres[c * dims + d]!;
      norm += m * m;
      minusTwice[c * dims + d] = -2 * m;
    }
    norms[c] = norm;
  }
  const x = new Float64Array(dims);
  let changed = 0;
  for (let i = start; i < end; i++) {
    for (let d = 0; d < dims; d++) x[d] = columns[d]![i]!;
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      let distance = norms[c]!;
      for (let d = 0; d < dims; d++) distance += x[d]! * minusTwice[c * dims + d]!;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    if (assign[i] !== best) {
      assign[i] = best;
      changed++;
    }
    counts[best]!++;
    for (let d = 0; d < dims; d++) sums[best * dims + d]! += x[d]!;
  }
  return changed;
};

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** The source of the written-out pass for k centres over `dims` variables (the body of a LloydPass). */
export function lloydPassSource(k: number, dims: number): string {
  const D = range(dims);
  const K = range(k);
  const lines: string[] = [];
  for (const d of D) lines.push(`const c${d} = columns[${d}];`);
  for (const c of K) {
    lines.push(`let n${c} = 0;`);
    for (const d of D) {
      lines.push(`const m${c}_${d} = -2 * centres[${c * dims + d}];`);
      lines.push(`n${c} += centres[${c * dims + d}] * centres[${c * dims + d}];`);
    }
  }
  lines.push('let changed = 0;');
  lines.push('for (let i = start; i < end; i++) {');
  for (const d of D) lines.push(`  const x${d} = c${d}[i];`);
  const distance = (c: number) => [`n${c}`, ...D.map((d) => `x${d} * m${c}_${d}`)].join(' + ');
  lines.push(`  let best = 0;`);
  lines.push(`  let bestDistance = ${distance(0)};`);
  // Without branches: which centre is nearest is as good as random from row to row, and a
  // mispredicted branch per centre cost more than these few integer operations (≈10%).
  for (const c of K.slice(1)) {
    lines.push(`  const v${c} = ${distance(c)};`);
    lines.push(`  const closer${c} = (v${c} < bestDistance) | 0;`);
    lines.push(`  best += (${c} - best) * closer${c};`);
    lines.push(`  bestDistance = Math.min(bestDistance, v${c});`);
  }
  lines.push('  if (assign[i] !== best) { assign[i] = best; changed++; }');
  lines.push('  counts[best]++;');
  lines.push(`  const o = best * ${dims};`);
  for (const d of D) lines.push(`  sums[o + ${d}] += x${d};`);
  lines.push('}');
  lines.push('return changed;');
  return lines.join('\n');
}

const compiled = new Map<string, LloydPass>();

/** The fastest pass for k centres over `dims` variables. */
export function lloydPassFor(k: number, dims: number): LloydPass {
  if (!Number.isInteger(k) || !Number.isInteger(dims) || k < 1 || dims < 1)
    throw new Error(
      `k-means: k (${k}) and the number of variables (${dims}) must be whole numbers ≥ 1`,
    );
  if (k * dims > MAX_UNROLLED) return lloydPassReference;
  const key = `${k}×${dims}`;
  let pass = compiled.get(key);
  if (!pass) {
    pass = new Function(
      'columns',
      'centres',
      'assign',
      'sums',
      'counts',
      'start',
      'end',
      lloydPassSource(k, dims),
    ) as LloydPass;
    compiled.set(key, pass);
  }
  return pass;
}
