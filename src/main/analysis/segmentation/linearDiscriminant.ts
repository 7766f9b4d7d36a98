/**
 * Linear discriminant analysis (Fisher 1936; as R's MASS::lda and SPSS DISCRIMINANT): every segment is taken as a multivariate normal with its own
 * mean and one covariance shared by all segments — the pooled within-segment covariance
 * S = Σ_k Σ_{i in k} (x_i − μ_k)(x_i − μ_k)ᵀ / (n − g). A respondent goes to the segment with the
 * largest discriminant score
 *
 *   δ_k(x) = (x − x̄)ᵀ S⁻¹ (μ_k − x̄) − ½ (μ_k − x̄)ᵀ S⁻¹ (μ_k − x̄) + ln π_k,
 *
 * the log of prior × density up to a term common to all segments, so softmax(δ) is the posterior
 * probability. (Centring on the overall mean x̄ changes no score difference; it keeps the numbers
 * small.) S⁻¹ is applied through a Cholesky factorisation, never formed. Segments with no training
 * respondent have prior 0 and are never predicted.
 *
 * The priors π_k are either the segments' shares of the training respondents (MASS::lda's default,
 * SPSS PRIORS SIZE) or equal (SPSS PRIORS EQUAL, MASS `prior = rep(1/g, g)`). Shares give the
 * fewest misclassified respondents overall, which a 4% segment barely moves; equal priors weigh
 * every segment alike, the rule for the most correct per segment on average (balanced accuracy).
 *
 * A ridge (regularised discriminant analysis, Friedman 1989, with a vanishing weight) keeps S
 * invertible when a term is constant within every segment or a combination of others there — as
 * a 0/1 indicator that is exactly the threshold between segments is (questionCoding.ts): each
 * term's diagonal entry gains `ridge` times its total variance over the training respondents
 * (between segments as well as within). A term with no variance at all still makes S singular
 * and must be left out by the caller. With a tiny ridge (goldenQuestions.ts uses 10⁻⁶), a
 * direction constant within every segment gets a very large weight — the threshold decides, as it
 * should — and every other score moves by about the ridge. Ridge 0 is plain LDA, as MASS::lda.
 */
import { cholesky, choleskySolve, SingularMatrixError } from './cholesky';
import type { ClassSums } from './classSums';

/** Where the priors π_k come from: the training shares, or the same for every segment. */
export type LdaPriors = 'proportional' | 'equal';

export interface LdaModel {
  /** Which of the ClassSums terms (questions, or a question's indicators) the model uses, in order. */
  use: number[];
  classes: number;
  /** π_k: the class's share of the training respondents, or 1 / (classes with any) if equal. */
  priors: Float64Array;
  /** x̄ over the used terms. */
  centre: Float64Array;
  /** g × q: S⁻¹(μ_k − x̄). */
  coefficients: Float64Array;
  /** g: −½(μ_k − x̄)ᵀS⁻¹(μ_k − x̄) + ln π_k; −Infinity for an empty class. */
  constants: Float64Array;
}

export class CollinearQuestionError extends Error {
  override readonly name = 'CollinearQuestionError';
  /** `term`: the index into the ClassSums of the term whose pivot vanished. */
  constructor(readonly term: number) {
    super(
      'a term is constant within every segment, or a linear combination of the others: its pooled covariance is singular',
    );
  }
}

/** The model on the terms `use` (indices into `sums`); `ridge` as above, 0 for plain LDA. */
export function fitLda(
  sums: ClassSums,
  use: readonly number[],
  priorsFrom: LdaPriors = 'proportional',
  ridge = 0,
): LdaModel {
  const q = use.length;
  const g = sums.classes;
  const present = Array.from(sums.counts).filter((count) => count > 0).length;
  const covariance = new Float64Array(q * q);
  const df = sums.n - present;
  if (df <= 0) throw new Error('linear discriminant analysis needs more respondents than segments');
  for (let a = 0; a < q; a++)
    for (let b = 0; b < q; b++)
      covariance[a * q + b] = sums.scatter[use[a]! * sums.dims + use[b]!]! / df;
  if (ridge > 0)
    for (let a = 0; a < q; a++)
      covariance[a * q + a]! += (ridge * totalScatter(sums, use[a]!)) / df;
  let factor: Float64Array;
  try {
    factor = cholesky(covariance, q);
  } catch (error) {
    if (error instanceof SingularMatrixError) throw new CollinearQuestionError(use[error.row]!);
    throw error;
  }
  const priors = new Float64Array(g);
  const centre = new Float64Array(q);
  for (let k = 0; k < g; k++) {
    // x̄ is the training mean whatever the priors: only score differences matter (see above).
    const share = sums.counts[k]! / sums.n;
    priors[k] = priorsFrom === 'equal' ? (sums.counts[k]! > 0 ? 1 / present : 0) : share;
    for (let a = 0; a < q; a++) centre[a]! += share * sums.means[k * sums.dims + use[a]!]!;
  }
  const coefficients = new Float64Array(g * q);
  const constants = new Float64Array(g).fill(Number.NEGATIVE_INFINITY);
  const offset = new Float64Array(q);
  for (let k = 0; k < g; k++) {
    if (sums.counts[k] === 0) continue;
    for (let a = 0; a < q; a++) offset[a] = sums.means[k * sums.dims + use[a]!]! - centre[a]!;
    const solved = choleskySolve(factor, q, offset);
    let quadratic = 0;
    for (let a = 0; a < q; a++) {
      coefficients[k * q + a] = solved[a]!;
      quadratic += offset[a]! * solved[a]!;
    }
    constants[k] = -0.5 * quadratic + Math.log(priors[k]!);
  }
  return { use: [...use], classes: g, priors, centre, coefficients, constants };
}

/** Σ_i (x_i − x̄)² of term d over the training respondents: within plus between segments. */
function totalScatter(sums: ClassSums, d: number): number {
  let mean = 0;
  for (let k = 0; k < sums.classes; k++) mean += sums.counts[k]! * sums.means[k * sums.dims + d]!;
  mean /= sums.n;
  let between = 0;
  for (let k = 0; k < sums.classes; k++)
    between += sums.counts[k]! * (sums.means[k * sums.dims + d]! - mean) ** 2;
  return sums.scatter[d * sums.dims + d]! + between;
}

/** δ_k for one respondent (`row` of the columns, the ClassSums' terms) into `scores`. */
export function ldaScores(
  model: LdaModel,
  columns: readonly Float64Array[],
  row: number,
  scores: Float64Array,
): void {
  const q = model.use.length;
  for (let k = 0; k < model.classes; k++) {
    let score = model.constants[k]!;
    if (score !== Number.NEGATIVE_INFINITY)
      for (let a = 0; a < q; a++)
        score +=
          model.coefficients[k * q + a]! * (columns[model.use[a]!]![row]! - model.centre[a]!);
    scores[k] = score;
  }
}

/** The class with the largest score (the first of equals). */
export function bestClass(scores: Float64Array): number {
  let best = 0;
  for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[best]!) best = k;
  return best;
}

/** Posterior probabilities: softmax of the scores, computed from the largest down. */
export function posteriors(scores: Float64Array): Float64Array {
  const top = scores[bestClass(scores)]!;
  const out = new Float64Array(scores.length);
  let total = 0;
  for (let k = 0; k < scores.length; k++) total += out[k] = Math.exp(scores[k]! - top);
  for (let k = 0; k < scores.length; k++) out[k]! /= total;
  return out;
}
