/**
 * The golden questions' typing tool: the linear discriminant model on the chosen questions,
 * refitted on every respondent with a segment who answered them (the search fitted its models on
 * the training 70% only, to keep the hold-out honest; the tool a client uses should learn from
 * everyone), and written in plain terms so a spreadsheet or a calculator can apply it:
 *
 *   score_k = constant_k + Σ_a coefficient_ka × term_a,  segment = the k with the highest score
 *
 * where a term is a 0/1 indicator "question at or above level" (questionCoding.ts) or, for a
 * question with many values, the answer itself. This is ldaScores' δ_k with the centring on x̄
 * folded into the constant (constant_k = c_k − Σ_a coefficient_ka · x̄_a), so the model is the same
 * and only the order of the additions differs. Every classification — the in-sample figures here,
 * `cew classify --golden`, and the tests of the Excel sheet — goes through goldenScores, so they
 * agree to the last bit.
 *
 * A respondent who did not answer every question is not classified (never guessed): the scores
 * need every term.
 */
import type {
  GoldenTerm,
  GoldenTypingModel,
  ConfusionMatrix,
} from '../../../shared/domain/segments';
import { confusionMatrix } from './confusionMatrix';
import { bestClass, fitLda, type LdaPriors } from './linearDiscriminant';
import { codeQuestion, termCount, termSums, termVaries, type Term } from './questionCoding';
import type { Classified } from './ruleClassification';

export interface GoldenFitInput {
  /** The chosen questions' answers over every respondent (NaN: none), in the order chosen. */
  columns: readonly Float64Array[];
  names: readonly string[];
  /** Per question: its answers are codes of a single-coded variable (see questionCoding.ts). */
  coded: readonly boolean[];
  segments: ReadonlyArray<{ code: number; label: string }>;
  /** Segment index per respondent (−1 for none). */
  classOf: Int32Array;
  priors: LdaPriors;
  ridge: number;
}

export type GoldenFit = Pick<
  GoldenTypingModel,
  'questions' | 'terms' | 'segments' | 'priors' | 'ridge'
> & {
  fitted: number;
  withoutAnswer: number;
  inSample: ConfusionMatrix;
};

/** The respondents with a segment who answered every one of `columns`. */
export function answeredEvery(columns: readonly Float64Array[], classOf: Int32Array): Int32Array {
  const rows: number[] = [];
  for (let row = 0; row < classOf.length; row++)
    if (classOf[row]! >= 0 && columns.every((column) => !Number.isNaN(column[row]!)))
      rows.push(row);
  return Int32Array.from(rows);
}

/** The model on every respondent with a segment who answered every question. */
export function fitGoldenModel(input: GoldenFitInput): GoldenFit {
  const { columns, names, classOf, segments } = input;
  const rows = answeredEvery(columns, classOf);
  let withSegment = 0;
  for (const c of classOf) if (c >= 0) withSegment++;
  const questions = columns.map((column, d) => codeQuestion(column, rows, input.coded[d]!));
  const terms: Term[] = [];
  const described: GoldenTerm[] = [];
  questions.forEach((question, d) => {
    for (let t = 0; t < termCount(question); t++) {
      // A term constant over the respondents adds nothing and cannot enter (linearDiscriminant.ts).
      if (!termVaries(question, t, rows)) continue;
      terms.push({ question: d, t });
      described.push({
        variable: names[d]!,
        atOrAbove: question.levels === null ? null : question.levels[t + 1]!,
      });
    }
  });
  const sums = termSums(questions, terms, classOf, segments.length, rows);
  const lda = fitLda(
    sums,
    terms.map((_, a) => a),
    input.priors,
    input.ridge,
  );
  const q = terms.length;
  const model: Model = {
    questions: names.map((variable, d) => ({ variable, levels: questions[d]!.levels })),
    terms: described,
    segments: segments.map((segment, k) => {
      const coefficients = Array.from(lda.coefficients.subarray(k * q, (k + 1) * q));
      let constant: number | null = lda.constants[k]!;
      if (constant === Number.NEGATIVE_INFINITY) constant = null;
      else for (let a = 0; a < q; a++) constant -= coefficients[a]! * lda.centre[a]!;
      return { code: segment.code, label: segment.label, constant, coefficients };
    }),
  };
  return {
    ...model,
    priors: input.priors,
    ridge: input.ridge,
    fitted: rows.length,
    withoutAnswer: withSegment - rows.length,
    inSample: confusionMatrix(segments, rows, classOf, goldenClasses(model, columns)),
  };
}

type Model = Pick<GoldenTypingModel, 'questions' | 'terms' | 'segments'>;

/**
 * Each segment's score for one respondent into `scores` (−Infinity for a segment never given);
 * `answer(variable)` is their answer to a question. Returns false when a question is unanswered.
 */
export function goldenScores(
  model: Model,
  answer: (variable: string) => number,
  scores: Float64Array,
): boolean {
  const values = model.terms.map(({ variable, atOrAbove }) => {
    const x = answer(variable);
    return atOrAbove === null ? x : x >= atOrAbove ? 1 : 0;
  });
  if (model.questions.some(({ variable }) => Number.isNaN(answer(variable)))) return false;
  model.segments.forEach((segment, k) => {
    if (segment.constant === null) {
      scores[k] = Number.NEGATIVE_INFINITY;
      return;
    }
    let score = segment.constant;
    for (let a = 0; a < values.length; a++) score += segment.coefficients[a]! * values[a]!;
    scores[k] = score;
  });
  return true;
}

/**
 * The segment index goldenScores gives every respondent (−1 when a question is unanswered);
 * `columns` are the answers to the model's questions, in its order.
 */
export function goldenClasses(model: Model, columns: readonly Float64Array[]): Int32Array {
  const at = new Map(model.questions.map((question, d) => [question.variable, d]));
  const rows = columns[0]?.length ?? 0;
  const out = new Int32Array(rows);
  const scores = new Float64Array(model.segments.length);
  for (let row = 0; row < rows; row++) {
    const answered = goldenScores(model, (variable) => columns[at.get(variable)!]![row]!, scores);
    out[row] = answered ? bestClass(scores) : -1;
  }
  return out;
}

/** New respondents typed with the golden questions alone, each unanswered one told why not. */
export function classifyByGolden(model: Model, columns: readonly Float64Array[]): Classified {
  const classes = goldenClasses(model, columns);
  const codes = Float64Array.from(classes, (k) => (k < 0 ? Number.NaN : model.segments[k]!.code));
  const reasons = Array.from(classes, (k, row): string | null => {
    if (k >= 0) return null;
    const missing = model.questions
      .filter((_, d) => Number.isNaN(columns[d]![row]!))
      .map((question) => question.variable);
    return `no answer to ${missing.join(', ')}`;
  });
  return { codes, reasons };
}
