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
 * coded answers (a single-coded variable) enter by level, up to MAX_CODED_LEVELS codes; a numeric
 * question does when it has at most MAX_NUMERIC_LEVELS distinct answers among the training
 * respondents (a 0–10 scale); any other enters linearly.
 *
 * The levels are the distinct answers of the training respondents, so no indicator is empty and
 * none is constant over them (someone answered the lowest level, someone each higher one). An
 * indicator can still be constant within every segment — the threshold that separates them — or a
 * combination of others within every segment; linearDiscriminant.ts's ridge keeps the pooled
 * covariance invertible then. A hold-out or new respondent with an answer no training respondent
 * gave counts as at or above each level below it.
 *
 * The indicators are never stored as columns (4 per 1–5 question, 8 bytes each per respondent):
 * a coded question keeps, per respondent, how many of its levels above the lowest the answer
 * reaches — cumulative coding makes exactly the first that many indicators 1 — in one byte.
 */
import type { ClassSums } from './classSums';

/** A numeric question with more distinct answers than this (on the training respondents) is one linear term. */
export const MAX_NUMERIC_LEVELS = 11;
/** A coded question with more codes than this is one linear term (its level fits one byte). */
export const MAX_CODED_LEVELS = 256;

/** A question as the classifier sees it. */
export interface CodedQuestion {
  /** The answers, one per respondent (NaN: none). */
  answers: Float64Array;
  /** Ascending levels, each but the lowest an "at or above" indicator; null: one linear term. */
  levels: number[] | null;
  /** With levels: per respondent, how many levels above the lowest the answer reaches (0 if none). */
  reached: Uint8Array | null;
}

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
    if (distinct.size > (coded ? MAX_CODED_LEVELS : MAX_NUMERIC_LEVELS)) return null;
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

/** The question with its levels found on `rows` (the training respondents). */
export function codeQuestion(
  answers: Float64Array,
  rows: Int32Array,
  coded: boolean,
): CodedQuestion {
  const levels = questionLevels(answers, rows, coded);
  if (levels === null) return { answers, levels, reached: null };
  const reached = new Uint8Array(answers.length);
  for (let row = 0; row < answers.length; row++) {
    const value = answers[row]!;
    let count = 0;
    while (count + 1 < levels.length && value >= levels[count + 1]!) count++;
    reached[row] = count;
  }
  return { answers, levels, reached };
}

/** How many terms the question enters the model as. */
export function termCount(question: CodedQuestion): number {
  return question.levels === null ? 1 : question.levels.length - 1;
}

/** Term `t` of the question for respondent `row`: its t-th indicator, or the answer if linear. */
export function termValue(question: CodedQuestion, t: number, row: number): number {
  return question.reached ? (question.reached[row]! > t ? 1 : 0) : question.answers[row]!;
}

/** Whether term `t` of a question takes more than one value over `rows` (else it cannot help). */
export function termVaries(question: CodedQuestion, t: number, rows: Int32Array): boolean {
  for (const row of rows)
    if (termValue(question, t, row) !== termValue(question, t, rows[0]!)) return true;
  return false;
}

/** One term of the model: term `t` of question `question` (an index into the questions). */
export interface Term {
  question: number;
  t: number;
}

/**
 * classSums (classSums.ts) over the terms, read from the questions as it goes: the same two
 * passes, with no column per indicator.
 */
export function termSums(
  questions: readonly CodedQuestion[],
  terms: readonly Term[],
  classOf: Int32Array,
  classes: number,
  rows: Int32Array,
): ClassSums {
  const dims = terms.length;
  const counts = new Float64Array(classes);
  const means = new Float64Array(classes * dims);
  const values = new Float64Array(dims);
  const fill = (row: number) => {
    for (let d = 0; d < dims; d++)
      values[d] = termValue(questions[terms[d]!.question]!, terms[d]!.t, row);
  };
  for (const row of rows) {
    const c = classOf[row]!;
    counts[c]!++;
    fill(row);
    for (let d = 0; d < dims; d++) means[c * dims + d]! += values[d]!;
  }
  for (let c = 0; c < classes; c++)
    for (let d = 0; d < dims; d++) if (counts[c]! > 0) means[c * dims + d]! /= counts[c]!;
  const scatter = new Float64Array(dims * dims);
  for (const row of rows) {
    const c = classOf[row]!;
    fill(row);
    for (let d = 0; d < dims; d++) values[d]! -= means[c * dims + d]!;
    for (let a = 0; a < dims; a++) {
      const da = values[a]!;
      if (da === 0) continue;
      for (let b = 0; b <= a; b++) scatter[a * dims + b]! += da * values[b]!;
    }
  }
  for (let a = 0; a < dims; a++)
    for (let b = 0; b < a; b++) scatter[b * dims + a] = scatter[a * dims + b]!;
  return { classes, dims, n: rows.length, counts, means, scatter };
}
