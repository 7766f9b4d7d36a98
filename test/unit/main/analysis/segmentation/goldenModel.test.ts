/**
 * The golden questions' typing tool in plain terms (goldenModel.ts): per segment a constant and a
 * coefficient per "at or above" indicator (or linear answer), fitted on every respondent who
 * answered the questions; it classifies exactly as the centred discriminant model it comes from,
 * and leaves a respondent with an unanswered question unclassified.
 */
import { describe, expect, it } from 'vitest';
import {
  answeredEvery,
  classifyByGolden,
  fitGoldenModel,
  goldenClasses,
} from '../../../../../src/main/analysis/segmentation/goldenModel';
import { RIDGE } from '../../../../../src/main/analysis/segmentation/goldenQuestions';
import {
  bestClass,
  fitLda,
  ldaScores,
} from '../../../../../src/main/analysis/segmentation/linearDiscriminant';
import {
  questionLevels,
  questionTerms,
} from '../../../../../src/main/analysis/segmentation/questionCoding';
import { classSums } from '../../../../../src/main/analysis/segmentation/classSums';
import { seededRandom } from '../../../../../src/main/analysis/segmentation/seededRandom';

const SEGMENTS = [
  { code: 1, label: 'Creators' },
  { code: 2, label: 'Contributors' },
  { code: 3, label: 'Viewers' },
];

/**
 * 600 respondents: `often` (1–5) sets them apart with thresholds — creators 4–5, contributors
 * 3, viewers 1–2 — blurred by one in ten; `spend` is a number with many values, higher for
 * creators; every 50th respondent left `often` unanswered, every 40th has no segment.
 */
function sample() {
  const random = seededRandom(7);
  const n = 600;
  const classOf = new Int32Array(n);
  const often = new Float64Array(n);
  const spend = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = i % 3;
    classOf[i] = i % 40 === 39 ? -1 : k;
    const blurred = random() < 0.1 ? Math.floor(random() * 3) : k;
    often[i] = blurred === 0 ? 4 + (i % 2) : blurred === 1 ? 3 : 1 + (i % 2);
    if (i % 50 === 49) often[i] = Number.NaN;
    spend[i] = Math.round((k === 0 ? 80 : 40) + 30 * random());
  }
  return { classOf, often, spend };
}

describe('the golden model in plain terms', () => {
  const { classOf, often, spend } = sample();
  const fit = fitGoldenModel({
    columns: [often, spend],
    names: ['often', 'spend'],
    coded: [true, false],
    segments: SEGMENTS,
    classOf,
    priors: 'equal',
    ridge: RIDGE,
  });

  it('has a term "at or above" each level of a coded question but the lowest, and the answer of a number', () => {
    expect(fit.questions).toEqual([
      { variable: 'often', levels: [1, 2, 3, 4, 5] },
      { variable: 'spend', levels: null },
    ]);
    expect(fit.terms).toEqual([
      { variable: 'often', atOrAbove: 2 },
      { variable: 'often', atOrAbove: 3 },
      { variable: 'often', atOrAbove: 4 },
      { variable: 'often', atOrAbove: 5 },
      { variable: 'spend', atOrAbove: null },
    ]);
    expect(fit.segments.map((s) => s.coefficients.length)).toEqual([5, 5, 5]);
  });

  it('is fitted on everyone with a segment who answered every question, and counts those left out', () => {
    const rows = answeredEvery([often, spend], classOf);
    expect(fit.fitted).toBe(rows.length);
    let withSegment = 0;
    for (const c of classOf) if (c >= 0) withSegment++;
    expect(fit.withoutAnswer).toBe(withSegment - rows.length);
    expect(fit.withoutAnswer).toBeGreaterThan(0);
    expect(fit.inSample.n).toBe(rows.length);
  });

  it('classifies as the centred discriminant model on the indicators does', () => {
    const rows = answeredEvery([often, spend], classOf);
    const levels = questionLevels(often, rows, true)!;
    const columns = [...questionTerms(often, levels), spend];
    const lda = fitLda(
      classSums(columns, classOf, 3, rows),
      columns.map((_, d) => d),
      'equal',
      RIDGE,
    );
    const scores = new Float64Array(3);
    const predicted = goldenClasses(fit, [often, spend]);
    for (const row of rows) {
      ldaScores(lda, columns, row, scores);
      expect(predicted[row]).toBe(bestClass(scores));
    }
    expect(fit.inSample.accuracy).toBeGreaterThan(0.85);
  });

  it('gives a score of constant + Σ coefficient × term, the highest winning', () => {
    // A creator who answered 4 and spends 90: indicators 1, 1, 1, 0 and the answer 90.
    const terms = [1, 1, 1, 0, 90];
    const score = fit.segments.map(
      (s) => s.constant! + s.coefficients.reduce((sum, c, a) => sum + c * terms[a]!, 0),
    );
    const typed = classifyByGolden(fit, [Float64Array.of(4), Float64Array.of(90)]);
    expect(typed.codes[0]).toBe(SEGMENTS[score.indexOf(Math.max(...score))]!.code);
    expect(typed.codes[0]).toBe(1);
  });

  it('leaves a respondent with an unanswered question unclassified, saying which', () => {
    const typed = classifyByGolden(fit, [Float64Array.of(Number.NaN, 3), Float64Array.of(50, 50)]);
    expect(typed.codes[0]).toBeNaN();
    expect(typed.reasons[0]).toBe('no answer to often');
    expect(typed.codes[1]).toBe(2);
    expect(typed.reasons[1]).toBeNull();
  });

  it('counts an answer above every level seen as at or above each', () => {
    const typed = classifyByGolden(fit, [Float64Array.of(7), Float64Array.of(90)]);
    const same = classifyByGolden(fit, [Float64Array.of(5), Float64Array.of(90)]);
    expect(typed.codes[0]).toBe(same.codes[0]);
  });
});
