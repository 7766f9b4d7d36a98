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
import { assemble, type RawSkip, type RawTest } from './assemble';
import { normalTwoSidedP, studentTTwoSidedP } from './distributions';
import { resolvePreset, type PresetRules } from './presets';
import type {
  ColumnOverlap,
  ComparisonKind,
  ProportionGroupInput,
  ProportionsInput,
  SignificanceOptions,
  SignificanceResult,
  SignificancePreset,
  SkipReason,
  TestName,
} from './types';

/** A column's side of one comparison: count in the row, base, Σw² of the base. */
interface Side {
  readonly x: number;
  readonly w: number;
  readonly q: number;
}

/** Overlap of the two sides: effective base e_0 and the correlation factor r. */
interface OverlapTerm {
  readonly e0: number;
  readonly r: number;
}

type PairOutcome =
  { test: TestName; statistic: number; df: number | null; p: number } | { skip: SkipReason };

/** Shares this close to 0 or 1 are 0% or 100%: x and W are separate weighted sums. */
const EDGE = 1e-12;

function effectiveBase(w: number, q: number): number {
  return w > 0 && q > 0 ? (w * w) / q : 0;
}

/** The pairwise statistic of each preset (formulas in the module comment). */
function comparePair(
  preset: SignificancePreset,
  one: Side,
  two: Side,
  overlap: OverlapTerm | null,
): PairOutcome {
  if (!(one.w > 0 && one.q > 0 && two.w > 0 && two.q > 0)) return { skip: 'empty-column' };
  const p1 = one.x / one.w;
  const p2 = two.x / two.w;
  // SPSS CTABLES: a column whose proportion is 0 or 1 is not used in the comparisons of that row.
  if (preset === 'spss' && [p1, p2].some((p) => p <= EDGE || p >= 1 - EDGE)) {
    return { skip: 'zero-or-hundred-percent' };
  }
  // Dimensions: "the test is not performed if the proportions in the two columns are identical".
  if (preset === 'dimensions' && Math.abs(p1 - p2) <= EDGE) return { skip: 'identical' };
  const e1 = effectiveBase(one.w, one.q);
  const e2 = effectiveBase(two.w, two.q);
  const e0 = overlap?.e0 ?? 0;
  const r = overlap?.r ?? 0;
  // Pooled proportion from weighted counts and weighted bases (not effective bases).
  const pooled = (one.x + two.x) / (one.w + two.w);
  // Var(p1 − p2) under H0; respondents in both columns add a covariance, subtracted here
  // (Dimensions "covariance term"; for non-overlapping columns e0 = 0).
  const variance = pooled * (1 - pooled) * (1 / e1 + 1 / e2 - (2 * r * e0) / (e1 * e2));
  if (!(variance > 0)) return { skip: 'no-variance' };
  const statistic = (p1 - p2) / Math.sqrt(variance);
  if (preset === 'dimensions') {
    // Dimensions: DF = e1 + e2 − e0 − 2, two-sided p from Student's t.
    const df = e1 + e2 - e0 - 2;
    if (!(df > 1)) return { skip: 'too-few-cases' };
    return {
      test: 't-dimensions-proportion',
      statistic,
      df,
      p: studentTTwoSidedP(statistic, df),
    };
  }
  // SPSS CTABLES and Q: two-sided p from the standard normal.
  return { test: 'z-pooled-proportion', statistic, df: null, p: normalTwoSidedP(statistic) };
}

/**
 * The overlap term of columns a and b for one row. Dimensions: e0 = W0²/Q0 (or W0 unweighted) and
 * Z = 1 except in grids, where Z is the correlation of "in the row under a" and "in the row under
 * b" among the overlap respondents: (W0·r0 − r1·r2) / √(r1(W0 − r1)·r2(W0 − r2)).
 */
function overlapTerm(overlap: ColumnOverlap, row: number): OverlapTerm {
  const e0 = effectiveBase(overlap.sumW, overlap.sumW2);
  const grid = overlap.rows?.[row];
  if (grid === undefined) return { e0, r: 1 };
  const w0 = overlap.sumW;
  const denominator = Math.sqrt(grid.inA * (w0 - grid.inA) * grid.inB * (w0 - grid.inB));
  const r = denominator > 0 ? (w0 * grid.inBoth - grid.inA * grid.inB) / denominator : 0;
  return { e0, r };
}

function findOverlap(group: ProportionGroupInput, a: number, b: number): ColumnOverlap | null {
  return group.overlaps?.find((o) => (o.a === a && o.b === b) || (o.a === b && o.b === a)) ?? null;
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
  const tests: RawTest[] = [];
  const skips: RawSkip[] = [];
  const record = (
    kind: ComparisonKind,
    group: number,
    row: number,
    a: number,
    b: number,
    outcome: PairOutcome,
    overlapCorrected: boolean,
  ): void => {
    if ('skip' in outcome) skips.push({ kind, group, row, a, b, reason: outcome.skip });
    else tests.push({ kind, group, row, a, b, ...outcome, overlapCorrected });
  };

  input.groups.forEach((group, g) => {
    const side = (row: number, column: number): Side => ({
      x: group.counts[row]![column]!,
      w: group.bases[column]!.sumW,
      q: group.bases[column]!.sumW2,
    });
    const pairWithOverlap = (kind: ComparisonKind, row: number, a: number, b: number): void => {
      let overlap: OverlapTerm | null = null;
      if (group.multipleResponse === true) {
        const found = findOverlap(group, a, b);
        if (found === null) {
          skips.push({ kind, group: g, row, a, b, reason: 'no-overlap-data' });
          return;
        }
        overlap = overlapTerm(found, row);
      }
      const outcome = comparePair(rules.preset, side(row, a), side(row, b), overlap);
      record(kind, g, row, a, b, outcome, overlap !== null && overlap.e0 > 0);
    };
    const columns = group.columnIds.length;
    input.rowKeys.forEach((_, row) => {
      for (let a = 0; a < columns; a++) {
        for (let b = a + 1; b < columns; b++) pairWithOverlap('columns', row, a, b);
      }
      if (group.waves === true) {
        for (let a = 1; a < columns; a++) pairWithOverlap('previous', row, a, a - 1);
      }
      const total = input.total;
      if (total !== undefined) {
        for (let a = 0; a < columns; a++) {
          // The rest of the sample: Total minus the column. Disjoint from the column even when the
          // banner is multiple-response, so no overlap term.
          const column = side(row, a);
          const rest: Side = {
            x: Math.max(0, total.counts[row]! - column.x),
            w: total.base.sumW - column.w,
            q: total.base.sumW2 - column.q,
          };
          const restIsEmpty = rest.w <= EDGE * total.base.sumW || rest.q <= EDGE * total.base.sumW2;
          const outcome: PairOutcome = restIsEmpty
            ? { skip: 'empty-column' }
            : comparePair(rules.preset, column, rest, null);
          record('total', g, row, a, -1, outcome, false);
        }
      }
    });
  });

  const describe =
    rules.preset === 'dimensions'
      ? 'Column proportions: Dimensions t-test (pooled proportion, effective bases)'
      : 'Column proportions: pooled z-test with effective bases';
  return assemble(
    {
      rowKeys: input.rowKeys,
      groups: input.groups,
      totalId: input.total?.id ?? null,
    },
    tests,
    skips,
    rules,
    describe,
  );
}
