/**
 * Column proportions tests: within each banner group, is a row category's share of column a
 * different from its share of column b? Plus each column against the rest of the sample (Total
 * minus the column) and each wave against the previous wave.
 *
 * Notation, per row and pair of columns i = 1, 2 (docs/statistics.md has the sources):
 *   x_i  Σw of column i's respondents in the row category,  W_i = Σw,  Q_i = Σw² of the column;
 *   p_i = x_i / W_i;  e_i = W_i² / Q_i (Kish's effective base; = n_i when unweighted);
 *   p̄ = (x_1 + x_2) / (W_1 + W_2), the pooled proportion, from weighted counts;
 *   overlap (multiple-response columns): e_0 = W_0² / Q_0 of respondents in both, r = 1, or for
 *   grids the correlation of their row membership under the two columns.
 *   V = p̄(1 − p̄) · (1/e_1 + 1/e_2 − 2·r·e_0 / (e_1·e_2))
 * "spss" and "q":  z = (p_1 − p_2) / √V,  p = 2·Φ(−|z|).
 * "dimensions":    t = (p_1 − p_2) / √V,  df = e_1 + e_2 − e_0 − 2,  p = 2·T_df(−|t|).
 *
 * Sources: SPSS — IBM SPSS Custom Tables, CTABLES /COMPARETEST TYPE=PROP (pooled z-test; equal to
 * R prop.test(correct = FALSE) unweighted). Dimensions — IBM SPSS Data Collection Survey Reporter,
 * "Statistical formula for the column proportions test" (pooled proportion, effective bases,
 * overlap covariance, DF = e1 + e2 − e0 − 2), as implemented by quantipy's Test class
 * (_se_prop_pooled, _overlap, _convert_statistic). Q — same z as SPSS, Q's letters and FDR.
 */
import { assemble } from './assemble';
import { Comparisons, KIND_CODE, SKIP_CODE, TEST_CODE } from './comparisons';
import { studentTTwoSidedP } from './distributions';
import { resolvePreset, type PresetRules } from './presets';
import type {
  ColumnOverlap,
  ProportionsInput,
  SignificanceOptions,
  SignificanceResult,
  SignificancePreset,
} from './types';

/**
 * One table's proportions as flat arrays, as the cross-tab engine has them (no array per row):
 * what columnProportionsTest reads from a ProportionsInput, and what a cross-table passes straight.
 */
export interface CompactProportionGroup {
  readonly columns: number;
  /** counts[row · columns + column]: Σw of the column's respondents in the row category. */
  readonly counts: readonly number[];
  /** Per column: Σw and Σw² of its base. */
  readonly sumW: readonly number[];
  readonly sumW2: readonly number[];
  readonly multipleResponse: boolean;
  readonly overlaps?: readonly ColumnOverlap[] | undefined;
  readonly waves: boolean;
}

export interface CompactProportionsInput {
  readonly rows: number;
  readonly groups: readonly CompactProportionGroup[];
  /** The Total column: per row Σw, and its base. */
  readonly total: {
    readonly counts: readonly number[];
    readonly sumW: number;
    readonly sumW2: number;
  } | null;
}

/** Shares this close to 0 or 1 are 0% or 100%: x and W are separate weighted sums. */
const EDGE = 1e-12;

function effectiveBase(w: number, q: number): number {
  return w > 0 && q > 0 ? (w * w) / q : 0;
}

/**
 * The pairwise statistic of each preset (formulas in the module comment) for one side
 * (x1, w1, q1) against the other (x2, w2, q2), with the overlap's e0 and r (both 0 for disjoint
 * columns), recorded as comparison (kind, group, row, a, b).
 */
function comparePair(
  out: Comparisons,
  kind: number,
  group: number,
  row: number,
  a: number,
  b: number,
  preset: SignificancePreset,
  x1: number,
  w1: number,
  q1: number,
  x2: number,
  w2: number,
  q2: number,
  e0: number,
  r: number,
  overlapCorrected: boolean,
): void {
  if (!(w1 > 0 && q1 > 0 && w2 > 0 && q2 > 0)) {
    out.skipped(kind, group, row, a, b, SKIP_CODE['empty-column']);
    return;
  }
  const p1 = x1 / w1;
  const p2 = x2 / w2;
  // SPSS CTABLES: a column whose proportion is 0 or 1 is not used in the comparisons of that row.
  if (preset === 'spss' && (p1 <= EDGE || p1 >= 1 - EDGE || p2 <= EDGE || p2 >= 1 - EDGE)) {
    out.skipped(kind, group, row, a, b, SKIP_CODE['zero-or-hundred-percent']);
    return;
  }
  // Dimensions: "the test is not performed if the proportions in the two columns are identical".
  if (preset === 'dimensions' && Math.abs(p1 - p2) <= EDGE) {
    out.skipped(kind, group, row, a, b, SKIP_CODE['identical']);
    return;
  }
  const e1 = effectiveBase(w1, q1);
  const e2 = effectiveBase(w2, q2);
  // Pooled proportion from weighted counts and weighted bases (not effective bases).
  const pooled = (x1 + x2) / (w1 + w2);
  // Var(p1 − p2) under H0; respondents in both columns add a covariance, subtracted here
  // (Dimensions "covariance term"; for non-overlapping columns e0 = 0).
  const variance = pooled * (1 - pooled) * (1 / e1 + 1 / e2 - (2 * r * e0) / (e1 * e2));
  if (!(variance > 0)) {
    out.skipped(kind, group, row, a, b, SKIP_CODE['no-variance']);
    return;
  }
  const statistic = (p1 - p2) / Math.sqrt(variance);
  if (preset === 'dimensions') {
    // Dimensions: DF = e1 + e2 − e0 − 2, two-sided p from Student's t.
    const df = e1 + e2 - e0 - 2;
    if (!(df > 1)) {
      out.skipped(kind, group, row, a, b, SKIP_CODE['too-few-cases']);
      return;
    }
    const p = studentTTwoSidedP(statistic, df);
    out.tested(
      kind,
      group,
      row,
      a,
      b,
      TEST_CODE['t-dimensions-proportion'],
      statistic,
      df,
      p,
      overlapCorrected,
    );
    return;
  }
  // SPSS CTABLES and Q: two-sided p = 2·Φ(−|z|) from the standard normal (normalTwoSidedP),
  // computed when it is read (Comparisons.pAt): most are far from any decision and never shown.
  out.tested(
    kind,
    group,
    row,
    a,
    b,
    TEST_CODE['z-pooled-proportion'],
    statistic,
    null,
    Number.NaN,
    overlapCorrected,
  );
}

/**
 * The overlap term of columns a and b for one row. Dimensions: e0 = W0²/Q0 (or W0 unweighted) and
 * Z = 1 except in grids, where Z is the correlation of "in the row under a" and "in the row under
 * b" among the overlap respondents: (W0·r0 − r1·r2) / √(r1(W0 − r1)·r2(W0 − r2)).
 */
function overlapCorrelation(overlap: ColumnOverlap, row: number): number {
  const grid = overlap.rows?.[row];
  if (grid === undefined) return 1;
  const w0 = overlap.sumW;
  const denominator = Math.sqrt(grid.inA * (w0 - grid.inA) * grid.inB * (w0 - grid.inB));
  return denominator > 0 ? (w0 * grid.inBoth - grid.inA * grid.inB) / denominator : 0;
}

function findOverlap(
  overlaps: readonly ColumnOverlap[] | undefined,
  a: number,
  b: number,
): ColumnOverlap | null {
  return overlaps?.find((o) => (o.a === a && o.b === b) || (o.a === b && o.b === a)) ?? null;
}

/** How many comparisons `rows` rows of these groups make (with the Total or not). */
export function comparisonCount(
  rows: number,
  groups: ReadonlyArray<{ readonly columns: number; readonly waves: boolean }>,
  withTotal: boolean,
): number {
  let perRow = 0;
  for (const { columns, waves } of groups) {
    perRow += (columns * (columns - 1)) / 2;
    if (waves) perRow += Math.max(0, columns - 1);
    if (withTotal) perRow += columns;
  }
  return rows * perRow;
}

/**
 * Every comparison of one table (one row variable × the banner groups), tested or skipped, in
 * this order: per group, per row, the column pairs (a < b), each wave against the previous one,
 * each column against the rest of the sample. Because pairs go a < b, each column's losers come
 * in column order. They are added to `out` after any comparisons it holds.
 */
export function compareProportions(
  input: CompactProportionsInput,
  rules: PresetRules,
  out = new Comparisons(),
): Comparisons {
  out.reserve(comparisonCount(input.rows, input.groups, input.total !== null));
  const { preset } = rules;
  const total = input.total;
  input.groups.forEach((group, g) => {
    const { columns, counts, sumW, sumW2 } = group;
    const multiple = group.multipleResponse;
    const pair = (kind: number, row: number, a: number, b: number): void => {
      let e0 = 0;
      let r = 0;
      if (multiple) {
        const found = findOverlap(group.overlaps, a, b);
        if (found === null) {
          out.skipped(kind, g, row, a, b, SKIP_CODE['no-overlap-data']);
          return;
        }
        e0 = effectiveBase(found.sumW, found.sumW2);
        r = overlapCorrelation(found, row);
      }
      const at = row * columns;
      comparePair(
        out,
        kind,
        g,
        row,
        a,
        b,
        preset,
        counts[at + a]!,
        sumW[a]!,
        sumW2[a]!,
        counts[at + b]!,
        sumW[b]!,
        sumW2[b]!,
        e0,
        r,
        multiple && e0 > 0,
      );
    };
    for (let row = 0; row < input.rows; row++) {
      for (let a = 0; a < columns; a++) {
        for (let b = a + 1; b < columns; b++) pair(KIND_CODE.columns, row, a, b);
      }
      if (group.waves) {
        for (let a = 1; a < columns; a++) pair(KIND_CODE.previous, row, a, a - 1);
      }
      if (total === null) continue;
      for (let a = 0; a < columns; a++) {
        // The rest of the sample: Total minus the column. Disjoint from the column even when the
        // banner is multiple-response, so no overlap term.
        const x = counts[row * columns + a]!;
        const w = sumW[a]!;
        const q = sumW2[a]!;
        const restX = Math.max(0, total.counts[row]! - x);
        const restW = total.sumW - w;
        const restQ = total.sumW2 - q;
        if (restW <= EDGE * total.sumW || restQ <= EDGE * total.sumW2) {
          out.skipped(KIND_CODE.total, g, row, a, -1, SKIP_CODE['empty-column']);
          continue;
        }
        comparePair(
          out,
          KIND_CODE.total,
          g,
          row,
          a,
          -1,
          preset,
          x,
          w,
          q,
          restX,
          restW,
          restQ,
          0,
          0,
          false,
        );
      }
    }
  });
  return out;
}

function validate(input: ProportionsInput): void {
  const rows = input.rowKeys.length;
  input.groups.forEach((group, g) => {
    const columns = group.columnIds.length;
    if (group.bases.length !== columns) {
      throw new RangeError(`group ${g}: ${columns} column ids but ${group.bases.length} bases`);
    }
    if (group.counts.length !== rows) {
      throw new RangeError(`group ${g}: ${rows} row keys but ${group.counts.length} count rows`);
    }
    group.counts.forEach((row, r) => {
      if (row.length !== columns) {
        throw new RangeError(`group ${g}, row ${r}: ${row.length} counts for ${columns} columns`);
      }
    });
  });
  if (input.total !== undefined && input.total.counts.length !== rows) {
    throw new RangeError(`total: ${rows} row keys but ${input.total.counts.length} counts`);
  }
}

export function describeProportionsTest(rules: PresetRules): string {
  return rules.preset === 'dimensions'
    ? 'Column proportions: Dimensions t-test (pooled proportion, effective bases)'
    : 'Column proportions: pooled z-test with effective bases';
}

/**
 * Column proportions tests of one table (one row variable × the banner groups).
 * Letters compare columns within a group; the Total comparison and the wave comparison are marks.
 */
export function columnProportionsTest(
  input: ProportionsInput,
  options: SignificanceOptions = {},
): SignificanceResult {
  validate(input);
  const rules: PresetRules = resolvePreset(options);
  const compact: CompactProportionsInput = {
    rows: input.rowKeys.length,
    groups: input.groups.map((group) => ({
      columns: group.columnIds.length,
      counts: group.counts.flat(),
      sumW: group.bases.map((base) => base.sumW),
      sumW2: group.bases.map((base) => base.sumW2),
      multipleResponse: group.multipleResponse === true,
      overlaps: group.overlaps,
      waves: group.waves === true,
    })),
    total:
      input.total === undefined
        ? null
        : {
            counts: input.total.counts,
            sumW: input.total.base.sumW,
            sumW2: input.total.base.sumW2,
          },
  };
  return assemble(
    { rowKeys: input.rowKeys, groups: input.groups, totalId: input.total?.id ?? null },
    compareProportions(compact, rules),
    rules,
    describeProportionsTest(rules),
  );
}
