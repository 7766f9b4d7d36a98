/**
 * Inputs and outputs of the significance tests. The tests are pure functions over small summary
 * arrays — the crosstab engine has already counted, so a test never sees respondents, only per
 * column sums of weights (Σw), of squared weights (Σw², for Kish's effective base (Σw)²/Σw²) and
 * unweighted counts. Unweighted data is the special case w = 1 (Σw = Σw² = n), so the same formulas
 * serve both and no "weighted" flag can disagree with the numbers.
 */

/** The test conventions a table follows; each is spelled out in docs/statistics.md. */
export type SignificancePreset = 'spss' | 'dimensions' | 'q';

/** The respondents of one column (or of its base for one row variable). */
export interface ColumnBase {
  /** Σw: the weighted base. */
  readonly sumW: number;
  /** Σw²: with sumW gives the effective base (Σw)²/Σw². */
  readonly sumW2: number;
  /** Respondents (unweighted). */
  readonly n: number;
}

/**
 * Respondents who are in both columns a and b of a multiple-response banner group (the overlap).
 * `a` and `b` are column positions within the group.
 */
export interface ColumnOverlap {
  readonly a: number;
  readonly b: number;
  readonly sumW: number;
  readonly sumW2: number;
  readonly n: number;
  /**
   * Grids only (the same respondent can fall in different rows under a and under b): per table row,
   * Σw of the overlap respondents in the row category under a, under b, and under both. Without it
   * the overlap respondents are taken to be in the same row under both columns (an ordinary
   * multiple-response banner), where the Dimensions correlation term is exactly 1.
   */
  readonly rows?: ReadonlyArray<{
    readonly inA: number;
    readonly inB: number;
    readonly inBoth: number;
  }>;
}

/** One banner group of a table of proportions (column percentages). */
export interface ProportionGroupInput {
  /** Column ids, in banner order; letters follow this order. */
  readonly columnIds: readonly string[];
  /** Per column: its base for this table's row variable. */
  readonly bases: readonly ColumnBase[];
  /** counts[row][column]: Σw of the column's respondents in the row category. */
  readonly counts: ReadonlyArray<readonly number[]>;
  /** Columns may share respondents (a multiple-response banner variable). */
  readonly multipleResponse?: boolean;
  /** Multiple-response groups: the overlap of each pair of columns (missing pairs are not tested). */
  readonly overlaps?: readonly ColumnOverlap[];
  /** The columns are waves in time order: each is also compared with the previous one. */
  readonly waves?: boolean;
}

/** A table's Total column, for comparing each column with the rest of the sample. */
export interface ProportionTotalInput {
  readonly id: string;
  readonly base: ColumnBase;
  /** Per row: Σw of all respondents in the row category. */
  readonly counts: readonly number[];
}

export interface ProportionsInput {
  /** One key per table row (category), used in the list of comparisons. */
  readonly rowKeys: readonly string[];
  readonly groups: readonly ProportionGroupInput[];
  readonly total?: ProportionTotalInput;
}

/** The sums a column contributes to a mean. */
export interface MeanColumn {
  /** Σw of respondents with a valid value. */
  readonly sumW: number;
  /** Σw² of those respondents. */
  readonly sumW2: number;
  /** Those respondents, unweighted. */
  readonly n: number;
  /** Σw·x. */
  readonly sumWX: number;
  /** Σw·x². */
  readonly sumWX2: number;
}

export interface MeansGroupInput {
  readonly columnIds: readonly string[];
  /** stats[row][column]: one row per numeric variable (a "Mean" row of the table). */
  readonly stats: ReadonlyArray<readonly MeanColumn[]>;
  readonly multipleResponse?: boolean;
  /**
   * Multiple-response groups: overlaps[row] lists the pairs' overlaps among respondents with a
   * valid value of that row's variable.
   */
  readonly overlaps?: ReadonlyArray<readonly ColumnOverlap[]>;
  readonly waves?: boolean;
}

export interface MeansInput {
  readonly rowKeys: readonly string[];
  readonly groups: readonly MeansGroupInput[];
  /** The Total column's sums per row, for each column vs the rest of the sample. */
  readonly total?: { readonly id: string; readonly stats: readonly MeanColumn[] };
}

export interface SignificanceOptions {
  /** Default "spss". */
  readonly preset?: SignificancePreset;
  /**
   * Confidence levels, one or two (e.g. [0.99, 0.95]); upper-case letters at the stricter, lower
   * case at the looser. Defaults per preset: spss and dimensions [0.95], q [0.999, 0.95].
   */
  readonly levels?: readonly number[];
}

/** What was compared: two columns of a group, a column with the rest of the sample, a wave with the previous wave. */
export type ComparisonKind = 'columns' | 'total' | 'previous';

export type TestName =
  /** Pooled-proportion z-test (SPSS CTABLES, Q). */
  | 'z-pooled-proportion'
  /** Pooled-proportion t-test of IBM SPSS Data Collection (Dimensions), df = e1 + e2 − e0 − 2. */
  | 't-dimensions-proportion'
  /** t-test with one variance pooled over all columns of the group in the row (SPSS CTABLES). */
  | 't-pooled-table'
  /** t-test with the variance pooled over the two columns compared. */
  | 't-pooled-pair'
  /** Welch t-test (unequal variances, Satterthwaite df). */
  | 't-welch';

export type Adjustment = 'none' | 'bonferroni' | 'benjamini-hochberg';

export interface PairTest {
  readonly kind: ComparisonKind;
  readonly rowKey: string;
  readonly group: number;
  /** Column id of the first column. */
  readonly a: string;
  /** Column id of the second: for "total" the Total column's id (meaning its complement), for "previous" the previous wave. */
  readonly b: string;
  readonly test: TestName;
  /** z or t; positive when a is higher than b. */
  readonly statistic: number;
  readonly df: number | null;
  readonly p: number;
  readonly adjustedP: number;
  readonly adjustment: Adjustment;
  /** The strictest requested confidence level at which the difference is significant, else null. */
  readonly level: number | null;
  /** The variance was corrected for respondents in both columns. */
  readonly overlapCorrected: boolean;
}

export type SkipReason =
  /** A column has no (weighted) respondents. */
  | 'empty-column'
  /** SPSS does not test a column whose proportion is 0% or 100%. */
  | 'zero-or-hundred-percent'
  /** Dimensions does not test equal proportions or means. */
  | 'identical'
  /** Zero variance: nothing to test (both 0%, both 100%, or constant values). */
  | 'no-variance'
  /** Too few respondents for the degrees of freedom. */
  | 'too-few-cases'
  /** Multiple-response columns without overlap data. */
  | 'no-overlap-data';

export interface SkippedPair {
  readonly kind: ComparisonKind;
  readonly rowKey: string;
  readonly group: number;
  readonly a: string;
  readonly b: string;
  readonly reason: SkipReason;
}

/** A '+'/'−' (vs rest of sample) or arrow (vs previous wave) mark. */
export interface Mark {
  readonly direction: 'higher' | 'lower';
  /** '+' or '-' against the total; '↑' or '↓' against the previous wave. */
  readonly symbol: string;
  /** The strictest requested confidence level met. */
  readonly level: number;
}

export interface CellSignificance {
  /** Letters of the columns this cell is significantly higher than, e.g. "Bc" ("" for none). */
  readonly letters: string;
  readonly higherThan: ReadonlyArray<{
    readonly column: string;
    readonly letter: string;
    readonly level: number;
  }>;
  readonly vsTotal: Mark | null;
  readonly vsPrevious: Mark | null;
}

export interface SignificanceResult {
  readonly preset: SignificancePreset;
  /** The confidence levels used, strictest first. */
  readonly levels: readonly number[];
  /** Per group: each column's letter. */
  readonly letters: ReadonlyArray<readonly string[]>;
  /** cells[group][row][column]. */
  readonly cells: ReadonlyArray<ReadonlyArray<readonly CellSignificance[]>>;
  /** Every comparison made, with its p-value (for "why is this letter here?"). */
  readonly pairs: readonly PairTest[];
  /** Every comparison not made, with the reason. */
  readonly skipped: readonly SkippedPair[];
  /** What was not tested and why, and corrections applied, in words for the table footer. */
  readonly notes: readonly string[];
  /** The test, adjustment and levels in one sentence for the table footer. */
  readonly footnote: string;
}
