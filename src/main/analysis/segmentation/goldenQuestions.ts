/**
 * Golden questions: the shortest list of questions from which a segmentation can be told again
 * with a stated accuracy, so a client can type new customers with a handful of questions. Greedy
 * forward selection with linear discriminant analysis (linearDiscriminant.ts):
 *
 * 1. Start with no question. At each step, fit a model on the training respondents for every
 *    remaining candidate added to the questions chosen so far; keep the candidate whose model
 *    classifies the training respondents best (ties: the higher mean posterior probability of the
 *    respondents' own segment, then the earlier candidate).
 * 2. Score the model with the chosen questions on the hold-out respondents, who took no part in
 *    fitting or choosing; stop as soon as that accuracy reaches the target, or when no candidate
 *    is left.
 *
 * The hold-out decides only when to stop, never which question comes next.
 */
import { classSums, type ClassSums } from './classSums';
import { confusionMatrix } from './confusionMatrix';
import {
  bestClass,
  CollinearQuestionError,
  fitLda,
  ldaScores,
  posteriors,
  type LdaModel,
} from './linearDiscriminant';
import type { ConfusionMatrix, GoldenStep } from '../../../shared/domain/segments';

export interface GoldenInput {
  /** Candidate questions' answers over every respondent (complete on train and test rows). */
  columns: readonly Float64Array[];
  names: readonly string[];
  segments: ReadonlyArray<{ code: number; label: string }>;
  /** Segment index per respondent (−1 for none). */
  classOf: Int32Array;
  train: Int32Array;
  test: Int32Array;
  /** The accuracy to reach on the hold-out, 0–1. */
  target: number;
  /** Called after each model fitted: (fitted, at most this many). */
  progress?: (done: number, total: number) => void;
  /**
   * Awaited after each candidate model: the worker yields to its event loop there, so a Cancel
   * arrives, and throws to stop the search.
   */
  between?: () => Promise<void>;
}

export interface GoldenResult {
  steps: GoldenStep[];
  chosen: string[];
  reached: boolean;
  skipped: Array<{ variable: string; reason: string }>;
  confusion: ConfusionMatrix;
}

interface Fit {
  correct: number;
  meanPosterior: number;
}

/** How well a model classifies `rows`: count correct, and the mean posterior of the true class. */
function score(
  model: LdaModel,
  columns: readonly Float64Array[],
  classOf: Int32Array,
  rows: Int32Array,
  predicted?: Int32Array,
): Fit {
  const scores = new Float64Array(model.classes);
  let correct = 0;
  let posteriorSum = 0;
  for (const row of rows) {
    ldaScores(model, columns, row, scores);
    const best = bestClass(scores);
    if (predicted) predicted[row] = best;
    if (best === classOf[row]) correct++;
    posteriorSum += posteriors(scores)[classOf[row]!]!;
  }
  return { correct, meanPosterior: rows.length > 0 ? posteriorSum / rows.length : 0 };
}

const better = (a: Fit, b: Fit | null) =>
  !b || a.correct > b.correct || (a.correct === b.correct && a.meanPosterior > b.meanPosterior);

export async function goldenQuestions(input: GoldenInput): Promise<GoldenResult> {
  const { columns, names, classOf, train, test } = input;
  const p = columns.length;
  const sums: ClassSums = classSums(columns, classOf, input.segments.length, train);
  const skipped: GoldenResult['skipped'] = [];
  const remaining = new Set<number>();
  // A question that cannot enter a model on its own never can: say so once, up front.
  for (let d = 0; d < p; d++) {
    try {
      fitLda(sums, [d]);
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
        model = fitLda(sums, [...chosen, candidate]);
      } catch (error) {
        // Collinear with the questions already chosen: it adds nothing they lack.
        if (!(error instanceof CollinearQuestionError)) throw error;
        continue;
      } finally {
        input.progress?.(++done, total);
        await input.between?.();
      }
      const fit = score(model, columns, classOf, train);
      if (better(fit, best?.fit ?? null)) best = { question: candidate, model, fit };
    }
    if (!best) break;
    chosen.push(best.question);
    remaining.delete(best.question);
    const held = score(best.model, columns, classOf, test, predicted);
    const holdOutAccuracy = test.length > 0 ? held.correct / test.length : 0;
    steps.push({
      variable: names[best.question]!,
      trainAccuracy: train.length > 0 ? best.fit.correct / train.length : 0,
      holdOutAccuracy,
    });
    reached = holdOutAccuracy >= input.target;
  }
  // Selection ended short of the target with candidates left: each was collinear with the chosen.
  if (!reached)
    for (const question of remaining)
      skipped.push({ variable: names[question]!, reason: 'collinear with the questions chosen' });
  input.progress?.(total, total);
  return {
    steps,
    chosen: chosen.map((d) => names[d]!),
    reached,
    skipped,
    confusion: confusionMatrix(input.segments, test, classOf, predicted),
  };
}
