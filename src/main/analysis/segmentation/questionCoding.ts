/**
 * How a question enters the linear discriminant analysis of the golden questions. A linear model
 * on the answer codes can only weigh a question as "the higher the code, the more (or less)
 * likely this segment", so it cannot draw a threshold such as "at least monthly" on a 1–5
 * frequency scale, let alone "any of four behaviours at least monthly". So, as a factor enters a
 * model in R or a categorical predictor in SPSS's LOGISTIC REGRESSION, a question with a few
 * levels enters as 0/1 indicators — here cumulative: one "at or above level k" per level above the
 * lowest. A threshold on one question is then one indicator, "any of several at or above" a sum of
 * indicators over a cut, both of which a linear classifier draws. The k − 1 indicators of k levels
 * span the same space as one dummy per level against a reference level, and LDA is unchanged by
 * an invertible linear recoding of its inputs, so a nominal code frame (countries, brands) is
 * treated as categories just as well; the cumulative form reads naturally for an ordinal scale.
 *
 * A question with many distinct numbers (an age, a spend) stays one linear term. Which is which:
 * coded answers (a single-coded variable) always enter by level; a numeric question does when it
 * has at most MAX_NUMERIC_LEVELS distinct answers among the training respondents (a 0–10 scale),
 * otherwise it enters linearly.
 *
 * The levels are the distinct answers of the training respondents, so no indicator is empty and
 * none is constant over them (someone answered the lowest level, someone each higher one). An
 * indicator can still be constant within every segment — the threshold that separates them — or a
 * combination of others within every segment; linearDiscriminant.ts's ridge keeps the pooled
 * covariance invertible then. A hold-out or new respondent with an answer no training respondent
 * gave counts as at or above each level below it.
 */

/** A numeric question with more distinct answers than this (on the training respondents) is one linear term. */
export const MAX_NUMERIC_LEVELS = 11;

/**
 * The levels of a question (ascending distinct answers over `rows`), or null when it enters as
 * one linear term. `coded`: the answers are codes of a single-coded variable.
 */
export function questionLevels(
  column: Float64Array,
  rows: Int32Array,
  coded: boolean,
): number[] | null {
  const distinct = new Set<number>();
  for (const row of rows) {
    const value = column[row]!;
    if (Number.isNaN(value)) continue;
    distinct.add(value);
    if (!coded && distinct.size > MAX_NUMERIC_LEVELS) return null;
  }
  return [...distinct].sort((a, b) => a - b);
}

/**
 * The terms a question enters the model as: the column itself when `levels` is null, else one
 * 0/1 column "at or above" each level but the lowest (none when everyone gave one answer). An
 * unanswered question stays unanswered (NaN) in every term.
 */
export function questionTerms(
  column: Float64Array,
  levels: readonly number[] | null,
): Float64Array[] {
  if (levels === null) return [column];
  return levels
    .slice(1)
    .map((level) =>
      Float64Array.from(column, (value) => (Number.isNaN(value) ? value : value >= level ? 1 : 0)),
    );
}
