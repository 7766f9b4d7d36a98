/**
 * Column means tests (t-tests) within each banner group, plus each column against the rest of the
 * sample and each wave against the previous wave.
 *
 * Per column j: W = Σw, Q = Σw², e = W²/Q (effective base), mean m = Σwx / W,
 * SS = Σwx² − (Σwx)²/W (weighted sum of squared deviations), and its degrees of freedom
 * W − Q/W (= n − 1 unweighted), so s² = SS / (W − Q/W) is the unbiased variance with reliability
 * weights and s²/e the variance of the mean.
 *
 * Which variance, per preset (docs/statistics.md has the sources):
 * - "spss": pooled over every testable column of the group in that row (SPSS CTABLES COMPARETEST
 *   TYPE=MEAN, MEANSVARIANCE=ALLCATS, its default): s² = ΣSS / Σ(W − Q/W), df = Σ(e − 1); for
 *   multiple-response columns SPSS pools only the two columns compared, and so do we. Pooling over
 *   the table is what SPSS does and gives more degrees of freedom for small columns.
 * - "dimensions": pooled over the two columns compared, as the Dimensions/quantipy column means
 *   test: s² = (SS1 + SS2) / ((W1 − Q1/W1) + (W2 − Q2/W2)), SE² = s²(1/e1 + 1/e2 − 2e0/(e1e2)),
 *   df = e1 + e2 − e0 − 2.
 * - "q": Welch's unequal-variance t-test, SE² = s1²/e1 + s2²/e2 with Satterthwaite's df, because
 *   Q does not assume equal variances by default; between overlapping multiple-response columns
 *   Welch has no covariance term, so there we fall back to the Dimensions pair test.
 *
 * Sources: IBM SPSS Custom Tables, "Test Statistics Tab" (variance from all categories, or only
 * the compared ones for multiple-response sets); quantipy Test._se_mean_pooled (Dimensions);
 * Welch (1947), Biometrika 34:28–35. Unweighted, the three equal R's pairwise.t.test(pool.sd =
 * TRUE), t.test(var.equal = TRUE) and t.test().
 */
import { assemble } from './assemble';
import { Comparisons, KIND_CODE, SKIP_CODE, TEST_CODE } from './comparisons';
import { studentTTwoSidedP } from './distributions';
import { resolvePreset } from './presets';
import type {
  ColumnOverlap,
  ComparisonKind,
  MeanColumn,
  MeansGroupInput,
  MeansInput,
  SignificanceOptions,
  SignificanceResult,
  SkipReason,
  TestName,
} from './types';

interface Summary {
  readonly mean: number;
  readonly ss: number;
  /** Degrees of freedom of SS: W − Q/W. */
  readonly dof: number;
  readonly e: number;
}

type Outcome =
  { test: TestName; statistic: number; df: number | null; p: number } | { skip: SkipReason };

function summarize(column: MeanColumn): Summary | null {
  if (!(column.sumW > 0 && column.sumW2 > 0)) return null;
  const mean = column.sumWX / column.sumW;
  // Clamped: rounding in Σwx² − (Σwx)²/W can go a hair below zero for constant values.
  const ss = Math.max(0, column.sumWX2 - (column.sumWX * column.sumWX) / column.sumW);
  const dof = column.sumW - column.sumW2 / column.sumW;
  return { mean, ss, dof, e: (column.sumW * column.sumW) / column.sumW2 };
}

function subtract(total: MeanColumn, column: MeanColumn): MeanColumn {
  return {
    sumW: total.sumW - column.sumW,
    sumW2: total.sumW2 - column.sumW2,
    n: total.n - column.n,
    sumWX: total.sumWX - column.sumWX,
    sumWX2: total.sumWX2 - column.sumWX2,
  };
}

function tOutcome(test: TestName, difference: number, variance: number, df: number): Outcome {
  if (!(variance > 0)) return { skip: 'no-variance' };
  if (!(df > 0)) return { skip: 'too-few-cases' };
  const statistic = difference / Math.sqrt(variance);
  return { test, statistic, df, p: studentTTwoSidedP(statistic, df) };
}

/** Variance pooled over the two columns; with the overlap covariance when e0 > 0. */
function pooledPair(one: Summary, two: Summary, e0: number): Outcome {
  const dof = one.dof + two.dof;
  if (!(dof > 0)) return { skip: 'too-few-cases' };
  const s2 = (one.ss + two.ss) / dof;
  const variance = s2 * (1 / one.e + 1 / two.e - (2 * e0) / (one.e * two.e));
  return tOutcome('t-pooled-pair', one.mean - two.mean, variance, one.e + two.e - e0 - 2);
}

function welch(one: Summary, two: Summary): Outcome {
  if (!(one.dof > 0 && two.dof > 0 && one.e > 1 && two.e > 1)) return { skip: 'too-few-cases' };
  const v1 = one.ss / one.dof / one.e;
  const v2 = two.ss / two.dof / two.e;
  const variance = v1 + v2;
  // Welch–Satterthwaite degrees of freedom, with effective bases in place of n.
  const df = (variance * variance) / ((v1 * v1) / (one.e - 1) + (v2 * v2) / (two.e - 1));
  return tOutcome('t-welch', one.mean - two.mean, variance, df);
}

/** SPSS: one variance pooled over every testable column of the group in this row. */
interface TablePool {
  readonly s2: number;
  readonly df: number;
}

function tablePool(summaries: ReadonlyArray<Summary | null>): TablePool | null {
  let ss = 0;
  let dof = 0;
  let df = 0;
  for (const s of summaries) {
    if (s === null) continue;
    ss += s.ss;
    dof += s.dof;
    df += s.e - 1;
  }
  return dof > 0 ? { s2: ss / dof, df } : null;
}

function findOverlap(
  group: MeansGroupInput,
  row: number,
  a: number,
  b: number,
): ColumnOverlap | null {
  return (
    group.overlaps?.[row]?.find((o) => (o.a === a && o.b === b) || (o.a === b && o.b === a)) ?? null
  );
}

function validate(input: MeansInput): void {
  const rows = input.rowKeys.length;
  input.groups.forEach((group, g) => {
    if (group.stats.length !== rows) {
      throw new RangeError(`group ${g}: ${rows} row keys but ${group.stats.length} stat rows`);
    }
    group.stats.forEach((row, r) => {
      if (row.length !== group.columnIds.length) {
        throw new RangeError(
          `group ${g}, row ${r}: ${row.length} columns of stats for ${group.columnIds.length} ids`,
        );
      }
    });
  });
  if (input.total !== undefined && input.total.stats.length !== rows) {
    throw new RangeError(`total: ${rows} row keys but ${input.total.stats.length} stat rows`);
  }
}

/** Pairwise t-tests of column means for one table (mean rows × banner groups). */
export function meansTTest(
  input: MeansInput,
  options: SignificanceOptions = {},
): SignificanceResult {
  validate(input);
  const rules = resolvePreset(options);
  const preset = rules.preset;
  const out = new Comparisons();
  const skip = (
    kind: ComparisonKind,
    group: number,
    row: number,
    a: number,
    b: number,
    reason: SkipReason,
  ): void => out.skipped(KIND_CODE[kind], group, row, a, b, SKIP_CODE[reason]);
  const record = (
    kind: ComparisonKind,
    group: number,
    row: number,
    a: number,
    b: number,
    outcome: Outcome,
    overlapCorrected: boolean,
  ): void => {
    if ('skip' in outcome) skip(kind, group, row, a, b, outcome.skip);
    else {
      const { test, statistic, df, p } = outcome;
      out.tested(
        KIND_CODE[kind],
        group,
        row,
        a,
        b,
        TEST_CODE[test],
        statistic,
        df,
        p,
        overlapCorrected,
      );
    }
  };

  input.groups.forEach((group, g) => {
    const multiple = group.multipleResponse === true;
    input.rowKeys.forEach((_, row) => {
      const summaries = group.stats[row]!.map(summarize);
      const pool = preset === 'spss' && !multiple ? tablePool(summaries) : null;
      const compare = (kind: ComparisonKind, a: number, b: number): void => {
        const one = summaries[a]!;
        const two = summaries[b]!;
        if (one === null || two === null) {
          skip(kind, g, row, a, b, 'empty-column');
          return;
        }
        if (
          preset === 'dimensions' &&
          Math.abs(one.mean - two.mean) <= 1e-12 * Math.abs(one.mean)
        ) {
          skip(kind, g, row, a, b, 'identical');
          return;
        }
        if (multiple) {
          const overlap = findOverlap(group, row, a, b);
          if (overlap === null) {
            skip(kind, g, row, a, b, 'no-overlap-data');
            return;
          }
          const e0 =
            overlap.sumW > 0 && overlap.sumW2 > 0
              ? (overlap.sumW * overlap.sumW) / overlap.sumW2
              : 0;
          record(kind, g, row, a, b, pooledPair(one, two, e0), e0 > 0);
          return;
        }
        if (preset === 'spss') {
          if (pool === null) {
            skip(kind, g, row, a, b, 'too-few-cases');
            return;
          }
          const variance = pool.s2 * (1 / one.e + 1 / two.e);
          record(
            kind,
            g,
            row,
            a,
            b,
            tOutcome('t-pooled-table', one.mean - two.mean, variance, pool.df),
            false,
          );
          return;
        }
        record(
          kind,
          g,
          row,
          a,
          b,
          preset === 'q' ? welch(one, two) : pooledPair(one, two, 0),
          false,
        );
      };
      const columns = group.columnIds.length;
      for (let a = 0; a < columns; a++)
        for (let b = a + 1; b < columns; b++) compare('columns', a, b);
      if (group.waves === true) for (let a = 1; a < columns; a++) compare('previous', a, a - 1);

      const total = input.total;
      if (total !== undefined) {
        for (let a = 0; a < columns; a++) {
          const one = summaries[a]!;
          const rest = summarize(subtract(total.stats[row]!, group.stats[row]![a]!));
          if (one === null || rest === null || rest.e < 1e-9) {
            record('total', g, row, a, -1, { skip: 'empty-column' }, false);
            continue;
          }
          // Column and rest of sample are disjoint: a two-sample test of the preset's kind
          // (the table-pooled variance of SPSS does not apply to this pair).
          record(
            'total',
            g,
            row,
            a,
            -1,
            preset === 'q' ? welch(one, rest) : pooledPair(one, rest, 0),
            false,
          );
        }
      }
    });
  });

  const describe = {
    spss: 'Column means: t-test, variance pooled over the columns of the row, effective bases',
    dimensions: 'Column means: Dimensions t-test (variance pooled over the pair, effective bases)',
    q: 'Column means: Welch t-test with effective bases',
  }[preset];
  return assemble(
    { rowKeys: input.rowKeys, groups: input.groups, totalId: input.total?.id ?? null },
    out,
    rules,
    describe,
  );
}
