/**
 * Golden questions: the shortest list of questions from which a segmentation can be told again
 * with a stated accuracy, so a client can type new customers with a handful of questions. Greedy
 * forward selection with linear discriminant analysis (linearDiscriminant.ts), judged by a stated
 * criterion (GoldenCriterion):
 *
 * - `balanced` (the default): balanced accuracy, the mean of the segments' recalls. Overall
 *   accuracy is dominated by the largest segment — on the demo, 91% overall comes with one in
 *   eight of the 4% creators recognised — so every segment weighs the same here.
 * - `every-segment`: the lowest recall of any segment, so each segment reaches the target.
 * - `overall`: the share of all respondents classified into their own segment.
 *
 * The classifier's priors follow the criterion: equal for the two per-segment criteria (the rule
 * for the most correct per segment on average), the training shares for `overall` (the rule for
 * the most correct overall).
 *
 * A question with a few levels enters the classifier as cumulative "at or above level k"
 * indicators, so it can draw thresholds such as "at least monthly"; one with many distinct numbers
 * as one linear term (questionCoding.ts). A question is chosen as a whole: all its indicators
 * enter together, so the client still asks that one question. The pooled covariance has a ridge of
 * RIDGE (linearDiscriminant.ts): an indicator that is exactly the threshold between segments
 * makes it singular without one. A question with no term of any variance (one answer from every
 * training respondent) is left out, and said so.
 *
 * 1. Start with no question. At each step, fit a model on the training respondents for every
 *    remaining candidate added to the questions chosen so far; keep the candidate whose model
 *    scores best on the training respondents by the criterion (ties: the higher balanced
 *    accuracy, then the higher mean posterior probability of the respondents' own segment —
 *    averaged per segment unless the criterion is overall — then the earlier candidate).
 * 2. Score the model with the chosen questions on the hold-out respondents, who took no part in
 *    fitting or choosing; stop as soon as the criterion reaches the target there, or when no
 *    candidate is left.
 *
 * The hold-out decides only when to stop, never which question comes next.
 */
import type { ClassSums } from './classSums';
import { confusionMatrix } from './confusionMatrix';
import {
  bestClass,
  CollinearQuestionError,
  fitLda,
  type LdaModel,
  type LdaPriors,
} from './linearDiscriminant';
import {
  codeQuestion,
  termCount,
  termSums,
  termVaries,
  type CodedQuestion,
  type Term,
} from './questionCoding';
import type { ConfusionMatrix, GoldenCriterion, GoldenStep } from '../../../shared/domain/segments';

/** Each criterion in words, for the report and the CLI. */
export const CRITERION_TEXT: Record<GoldenCriterion, string> = {
  balanced:
    "balanced accuracy: the mean of the segments' recalls (the share of each segment typed into it), so every segment counts the same whatever its size",
  'every-segment':
    'every segment: the lowest recall of any segment (the share of it typed into it), so each segment on its own reaches the target',
  overall:
    'overall accuracy: the share of all respondents typed into their own segment, which the largest segment dominates',
};

/** The priors that suit a criterion: equal when every segment counts the same. */
export function priorsFor(criterion: GoldenCriterion): LdaPriors {
  return criterion === 'overall' ? 'proportional' : 'equal';
}

export interface GoldenInput {
  /** Candidate questions' answers over every respondent (complete on train and test rows). */
  columns: readonly Float64Array[];
  names: readonly string[];
  /**
   * Per question: its answers are codes (a single-coded variable), which always enter by level.
   * Unsaid, a question enters by level when it has at most MAX_NUMERIC_LEVELS distinct answers.
   */
  coded?: readonly boolean[];
  segments: ReadonlyArray<{ code: number; label: string }>;
  /** Segment index per respondent (−1 for none). */
  classOf: Int32Array;
  train: Int32Array;
  test: Int32Array;
  /** The criterion's value to reach on the hold-out, 0–1. */
  target: number;
  criterion: GoldenCriterion;
  /** Called after each model fitted: (fitted, at most this many). */
  progress?: (done: number, total: number) => void;
  /**
   * Awaited after each candidate model: the worker yields to its event loop there, so a Cancel
   * arrives, and throws to stop the search.
   */
  between?: () => Promise<void>;
}

export interface GoldenResult {
  /** How each question entered the classifier: its levels (indicators at or above each but the lowest), or null for one linear term. */
  coding: Array<{ variable: string; levels: number[] | null }>;
  steps: GoldenStep[];
  chosen: string[];
  reached: boolean;
  skipped: Array<{ variable: string; reason: string }>;
  confusion: ConfusionMatrix;
}

interface Fit {
  /** The criterion's value. */
  value: number;
  accuracy: number;
  balanced: number;
  /** Recall per segment (0 for a segment with nobody in `rows`). */
  recall: number[];
  meanPosterior: number;
}

/**
 * A fitted model as lookups per question. A coded question adds to class k's score a number that
 * depends only on how many of its levels the answer reaches — Σ over its indicators of
 * coefficient × (indicator − x̄) — so a respondent costs one lookup per question, not a multiply
 * per indicator; a linear question adds slope × answer, its −slope · x̄ folded into the constant.
 * The scores are ldaScores' (linearDiscriminant.ts), added up in another order.
 */
interface Scorer {
  classes: number;
  constants: Float64Array;
  /** table[r · classes + k]: class k's part for an answer reaching r levels above the lowest. */
  coded: Array<{ reached: Uint8Array; table: Float64Array }>;
  linear: Array<{ answers: Float64Array; slopes: Float64Array }>;
}

function scorer(
  model: LdaModel,
  questions: readonly CodedQuestion[],
  terms: readonly Term[],
): Scorer {
  const g = model.classes;
  const q = model.use.length;
  const constants = Float64Array.from(model.constants);
  const positions = new Map<number, number[]>();
  model.use.forEach((term, a) => {
    const d = terms[term]!.question;
    positions.set(d, [...(positions.get(d) ?? []), a]);
  });
  const coded: Scorer['coded'] = [];
  const linear: Scorer['linear'] = [];
  for (const [d, at] of positions) {
    const { reached, levels, answers } = questions[d]!;
    if (reached === null || levels === null) {
      const a = at[0]!;
      const slopes = new Float64Array(g);
      for (let k = 0; k < g; k++) {
        slopes[k] = model.coefficients[k * q + a]!;
        constants[k]! -= slopes[k]! * model.centre[a]!;
      }
      linear.push({ answers, slopes });
      continue;
    }
    const table = new Float64Array(levels.length * g);
    for (let r = 0; r < levels.length; r++)
      for (const a of at) {
        const indicator = r > terms[model.use[a]!]!.t ? 1 : 0;
        for (let k = 0; k < g; k++)
          table[r * g + k]! += model.coefficients[k * q + a]! * (indicator - model.centre[a]!);
      }
    coded.push({ reached, table });
  }
  return { classes: g, constants, coded, linear };
}

function scoresOf(scorer: Scorer, row: number, scores: Float64Array): void {
  const g = scorer.classes;
  scores.set(scorer.constants);
  for (const { reached, table } of scorer.coded) {
    const base = reached[row]! * g;
    for (let k = 0; k < g; k++) scores[k]! += table[base + k]!;
  }
  for (const { answers, slopes } of scorer.linear) {
    const x = answers[row]!;
    for (let k = 0; k < g; k++) scores[k]! += slopes[k]! * x;
  }
}

/** How well a model classifies `rows`, by every measure the criteria need. */
function score(
  model: Scorer,
  classOf: Int32Array,
  rows: Int32Array,
  criterion: GoldenCriterion,
  predicted?: Int32Array,
): Fit {
  const g = model.classes;
  const scores = new Float64Array(g);
  const members = new Float64Array(g);
  const correct = new Float64Array(g);
  const posteriorSum = new Float64Array(g);
  for (const row of rows) {
    const actual = classOf[row]!;
    scoresOf(model, row, scores);
    const best = bestClass(scores);
    if (predicted) predicted[row] = best;
    members[actual]!++;
    if (best === actual) correct[actual]!++;
    // The own segment's posterior, softmax(scores) (posteriors()), without an array per respondent.
    let sum = 0;
    for (let k = 0; k < g; k++) sum += Math.exp(scores[k]! - scores[best]!);
    posteriorSum[actual]! += Math.exp(scores[actual]! - scores[best]!) / sum;
  }
  const present = Array.from(members.keys()).filter((k) => members[k]! > 0);
  const recall = Array.from(members, (m, k) => (m > 0 ? correct[k]! / m : 0));
  const mean = (values: number[]) =>
    values.length > 0 ? values.reduce((sum, v) => sum + v, 0) / values.length : 0;
  const total = (values: Float64Array) => values.reduce((sum, v) => sum + v, 0);
  const accuracy = rows.length > 0 ? total(correct) / rows.length : 0;
  const balanced = mean(present.map((k) => recall[k]!));
  const value =
    criterion === 'overall'
      ? accuracy
      : criterion === 'balanced'
        ? balanced
        : present.length > 0
          ? Math.min(...present.map((k) => recall[k]!))
          : 0;
  const meanPosterior =
    criterion === 'overall'
      ? rows.length > 0
        ? total(posteriorSum) / rows.length
        : 0
      : mean(present.map((k) => posteriorSum[k]! / members[k]!));
  return { value, accuracy, balanced, recall, meanPosterior };
}

const better = (a: Fit, b: Fit | null) =>
  !b ||
  a.value > b.value ||
  (a.value === b.value &&
    (a.balanced > b.balanced || (a.balanced === b.balanced && a.meanPosterior > b.meanPosterior)));

/**
 * A mean of recalls that is the target in exact arithmetic can land a rounding error below it
 * (0.9 as (0.8 + 1) / 2 = 0.8999…): within this much counts as reached.
 */
const ROUNDING = 1e-12;

/**
 * The ridge on the pooled covariance, relative to each term's total variance: small enough to
 * change no classification that plain LDA can make, large enough that Cholesky's pivots stay
 * above its 10⁻¹⁰ tolerance when a threshold indicator is constant within every segment.
 */
export const RIDGE = 1e-6;

export async function goldenQuestions(input: GoldenInput): Promise<GoldenResult> {
  const { columns, names, classOf, train, test, criterion } = input;
  const priors = priorsFor(criterion);
  const p = columns.length;
  // Each question's terms; the models and ClassSums are on the terms, the search on questions.
  const questions = columns.map((column, d) =>
    codeQuestion(column, train, input.coded?.[d] ?? false),
  );
  const terms: Term[] = [];
  const termsOf = questions.map((question, d) =>
    Array.from({ length: termCount(question) }, (_, t) => terms.push({ question: d, t }) - 1),
  );
  const sums: ClassSums = termSums(questions, terms, classOf, input.segments.length, train);
  const skipped: GoldenResult['skipped'] = [];
  const remaining = new Set<number>();
  const fit = (asked: readonly number[]) =>
    fitLda(
      sums,
      asked.flatMap((d) => termsOf[d]!),
      priors,
      RIDGE,
    );
  for (let d = 0; d < p; d++) {
    // The ridge keeps any term that varies in a model; one that does not adds nothing (and a
    // ridge on rounding noise would weigh it hugely).
    termsOf[d] = termsOf[d]!.filter((t) => termVaries(questions[d]!, terms[t]!.t, train));
    if (termsOf[d]!.length === 0) {
      skipped.push({ variable: names[d]!, reason: 'the same answer from every respondent' });
      continue;
    }
    try {
      fit([d]);
      remaining.add(d);
    } catch (error) {
      if (!(error instanceof CollinearQuestionError)) throw error;
      skipped.push({ variable: names[d]!, reason: 'the same answer within every segment' });
    }
  }
  const total = (remaining.size * (remaining.size + 1)) / 2;
  let done = 0;
  const chosen: number[] = [];
  const steps: GoldenStep[] = [];
  const predicted = new Int32Array(classOf.length).fill(-1);
  let reached = false;
  while (remaining.size > 0 && !reached) {
    let best: { question: number; model: LdaModel; fit: Fit } | null = null;
    for (const candidate of remaining) {
      let model: LdaModel;
      try {
        model = fit([...chosen, candidate]);
      } catch (error) {
        // Collinear with the questions already chosen: it adds nothing they lack.
        if (!(error instanceof CollinearQuestionError)) throw error;
        continue;
      } finally {
        input.progress?.(++done, total);
        await input.between?.();
      }
      const measured = score(scorer(model, questions, terms), classOf, train, criterion);
      if (better(measured, best?.fit ?? null)) best = { question: candidate, model, fit: measured };
    }
    if (!best) break;
    chosen.push(best.question);
    remaining.delete(best.question);
    const held = score(scorer(best.model, questions, terms), classOf, test, criterion, predicted);
    steps.push({
      variable: names[best.question]!,
      trainAccuracy: best.fit.accuracy,
      holdOutAccuracy: held.accuracy,
      trainScore: best.fit.value,
      holdOutScore: held.value,
      holdOutRecall: held.recall,
    });
    reached = test.length > 0 && held.value >= input.target - ROUNDING;
  }
  // Selection ended short of the target with candidates left: each was collinear with the chosen.
  if (!reached)
    for (const question of remaining)
      skipped.push({ variable: names[question]!, reason: 'collinear with the questions chosen' });
  input.progress?.(total, total);
  return {
    coding: names.map((variable, d) => ({ variable, levels: questions[d]!.levels })),
    steps,
    chosen: chosen.map((d) => names[d]!),
    reached,
    skipped,
    confusion: confusionMatrix(input.segments, test, classOf, predicted),
  };
}
