/**
 * Linear discriminant analysis (linearDiscriminant.ts, docs/segmentation.md "Golden questions"):
 * by hand on a few numbers, and against R's MASS::lda on iris — priors, class means, every
 * flower's predicted species and posterior probabilities, on all four measurements, on two, and on
 * a hold-out of 50 flowers (test/reference/segmentation/lda-reference.R wrote the numbers; this
 * code never did).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cholesky, choleskySolve } from '../../../../../src/main/analysis/segmentation/cholesky';
import { classSums } from '../../../../../src/main/analysis/segmentation/classSums';
import {
  bestClass,
  CollinearQuestionError,
  fitLda,
  ldaScores,
  posteriors,
} from '../../../../../src/main/analysis/segmentation/linearDiscriminant';
import { questionTerms } from '../../../../../src/main/analysis/segmentation/questionCoding';
import { parseCsv } from '../../../../support/csvText';

const REFERENCE = path.resolve(import.meta.dirname, '../../../../reference/segmentation');

interface RCase {
  variables: string[];
  train: number[];
  predict: number[];
  priors: number[];
  means: number[][];
  class: number[];
  posterior: number[][];
}

const reference = JSON.parse(
  readFileSync(path.join(REFERENCE, 'lda-reference.json'), 'utf8'),
) as Record<'all' | 'sepals' | 'holdout', RCase>;

const [header, ...flowers] = parseCsv(
  readFileSync(path.join(REFERENCE, 'iris-species.csv'), 'utf8').trim(),
);
const MEASUREMENTS = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];
const columns = MEASUREMENTS.map((name) =>
  Float64Array.from(flowers, (row) => Number(row[header!.indexOf(name)])),
);
const species = Int32Array.from(flowers, (row) => Number(row[header!.indexOf('species')]) - 1);

/** R's 1-based rows as our 0-based ones. */
const rows = (oneBased: number[]) => Int32Array.from(oneBased, (row) => row - 1);

describe('Cholesky', () => {
  it('factors [[4, 2], [2, 3]] as [[2, 0], [1, √2]] and solves with it', () => {
    const l = cholesky(Float64Array.of(4, 2, 2, 3), 2);
    expect(Array.from(l)).toEqual([2, 0, 1, Math.SQRT2]);
    // [[4, 2], [2, 3]] · [1, 2] = [8, 8]
    const x = choleskySolve(l, 2, [8, 8]);
    expect(x[0]).toBeCloseTo(1, 14);
    expect(x[1]).toBeCloseTo(2, 14);
  });
});

describe('linear discriminant analysis by hand', () => {
  // Two segments on one question: answers 0, 1, 2 in segment A (mean 1) and 2, 3, 4 in B (mean 3).
  // Pooled variance = (2 + 2) / (6 − 2) = 1, equal priors: the boundary is at 2, the midpoint.
  const answers = [Float64Array.of(0, 1, 2, 2, 3, 4)];
  const segment = Int32Array.of(0, 0, 0, 1, 1, 1);
  const all = Int32Array.of(0, 1, 2, 3, 4, 5);
  const model = fitLda(classSums(answers, segment, 2, all), [0]);

  it('has the class shares as priors and S⁻¹(μ − x̄) as coefficients', () => {
    expect(Array.from(model.priors)).toEqual([0.5, 0.5]);
    expect(Array.from(model.centre)).toEqual([2]);
    expect(Array.from(model.coefficients)).toEqual([-1, 1]);
    // −½ · (∓1)² + ln ½
    expect(model.constants[0]).toBeCloseTo(-0.5 + Math.log(0.5), 14);
  });

  it('with a ridge of 10⁻⁶, adds 10⁻⁶ of the total sum of squares (10) over n − g to S', () => {
    const ridged = fitLda(classSums(answers, segment, 2, all), [0], 'proportional', 1e-6);
    const s = 1 + (1e-6 * 10) / 4;
    expect(ridged.coefficients[0]).toBeCloseTo(-1 / s, 15);
    expect(ridged.coefficients[1]).toBeCloseTo(1 / s, 15);
  });

  it('puts 1.9 in A, 2.1 in B, and gives 2 equal posteriors', () => {
    const scores = new Float64Array(2);
    const at = (x: number) => {
      ldaScores(model, [Float64Array.of(x)], 0, scores);
      return { best: bestClass(scores), posterior: Array.from(posteriors(scores)) };
    };
    expect(at(1.9).best).toBe(0);
    expect(at(2.1).best).toBe(1);
    expect(at(2).posterior).toEqual([0.5, 0.5]);
    // δ_B − δ_A = 2(x − 2): at x = 3, P(B) = e² / (1 + e²).
    expect(at(3).posterior[1]).toBeCloseTo(Math.exp(2) / (1 + Math.exp(2)), 14);
  });

  it('refuses a question that is constant within every segment', () => {
    const constant = [Float64Array.of(1, 1, 1, 5, 5, 5)];
    expect(() => fitLda(classSums(constant, segment, 2, all), [0])).toThrow(CollinearQuestionError);
  });

  it('with a ridge, takes a question constant within every segment and lets it decide', () => {
    const constant = [Float64Array.of(1, 1, 1, 5, 5, 5)];
    const model = fitLda(classSums(constant, segment, 2, all), [0], 'equal', 1e-6);
    const scores = new Float64Array(2);
    for (const [x, expected] of [
      [1, 0],
      [2.9, 0],
      [3.1, 1],
      [5, 1],
    ] as const) {
      ldaScores(model, [Float64Array.of(x)], 0, scores);
      expect(bestClass(scores)).toBe(expected);
    }
  });

  it('with a ridge, still refuses a question with one answer from everybody', () => {
    const same = [Float64Array.of(3, 3, 3, 3, 3, 3)];
    expect(() => fitLda(classSums(same, segment, 2, all), [0], 'equal', 1e-6)).toThrow(
      CollinearQuestionError,
    );
  });
});

describe('linear discriminant analysis on "at or above" indicators', () => {
  // Every pair of answers (x, y) on a 1–5 frequency scale, 4 respondents each. Active: either
  // behaviour at least monthly (4 or more) — an L-shaped region no straight line in (x, y) cuts
  // off, but "I(x ≥ 4) + I(y ≥ 4) ≥ 1" on the indicators.
  const x: number[] = [];
  const y: number[] = [];
  for (let a = 1; a <= 5; a++)
    for (let b = 1; b <= 5; b++)
      for (let r = 0; r < 4; r++) {
        x.push(a);
        y.push(b);
      }
  const active = Int32Array.from(x, (a, i) => (a >= 4 || y[i]! >= 4 ? 1 : 0));
  const rows = Int32Array.from(active.keys());
  const correct = (columns: Float64Array[]) => {
    const model = fitLda(
      classSums(columns, active, 2, rows),
      columns.map((_, d) => d),
      'equal',
      1e-6,
    );
    const scores = new Float64Array(2);
    let right = 0;
    for (const row of rows) {
      ldaScores(model, columns, row, scores);
      if (bestClass(scores) === active[row]) right++;
    }
    return right / rows.length;
  };

  it('cannot draw "either at least monthly" on the 1–5 codes: 3 of the 25 answer pairs go wrong', () => {
    expect(correct([Float64Array.from(x), Float64Array.from(y)])).toBe(22 / 25);
  });

  it('draws it exactly on the indicators "at or above 2, 3, 4, 5" of each question', () => {
    const terms = [x, y].flatMap((column) =>
      questionTerms(Float64Array.from(column), [1, 2, 3, 4, 5]),
    );
    expect(terms).toHaveLength(8);
    expect(correct(terms)).toBe(1);
  });
});

describe('linear discriminant analysis with equal priors', () => {
  // Segment A answers 0, 1, 2 (mean 1); B answers 2, 3, 4 twice (mean 3, twice as many).
  // Pooled variance = (2 + 4) / (9 − 2) = 6/7.
  const answers = [Float64Array.of(0, 1, 2, 2, 3, 4, 2, 3, 4)];
  const segment = Int32Array.of(0, 0, 0, 1, 1, 1, 1, 1, 1);
  const all = Int32Array.from(segment.keys());
  const sums = classSums(answers, segment, 2, all);
  const at = (priors: 'proportional' | 'equal', x: number) => {
    const scores = new Float64Array(2);
    ldaScores(fitLda(sums, [0], priors), [Float64Array.of(x)], 0, scores);
    return posteriors(scores);
  };

  it('takes the shares (⅓, ⅔) unless told, and ½ each when equal', () => {
    expect(Array.from(fitLda(sums, [0]).priors)).toEqual([1 / 3, 2 / 3]);
    expect(Array.from(fitLda(sums, [0], 'equal').priors)).toEqual([0.5, 0.5]);
  });

  it('puts the boundary at the midpoint 2 with equal priors, and towards A with the shares', () => {
    expect(at('equal', 2)[0]).toBeCloseTo(0.5, 14);
    // Shares: δ_B − δ_A = (x − 2) · 2 / (6/7) + ln 2, zero at x = 2 − (3/7) ln 2.
    expect(at('proportional', 2 - (3 / 7) * Math.LN2)[0]).toBeCloseTo(0.5, 14);
    expect(at('proportional', 2)[1]).toBeCloseTo(2 / 3, 14);
  });
});

describe('linear discriminant analysis with equal priors against R MASS::lda', () => {
  it('gives the posteriors of lda(x, g, prior = c(0.5, 0.5)) on 4 answers against 7', () => {
    // R 4.2.2, MASS 7.3.58: library(MASS); x <- c(0, 1, 2, 2, 3, 4, 2, 3, 4, 5, 1);
    // g <- factor(c(1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 1)); m <- lda(data.frame(x = x), g, prior = c(.5, .5));
    // predict(m, data.frame(x = c(1.5, 2.5, 3)))$posterior[, 2]
    const x = Float64Array.of(0, 1, 2, 2, 3, 4, 2, 3, 4, 5, 1);
    const g = Int32Array.of(0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0);
    const model = fitLda(classSums([x], g, 2, Int32Array.from(g.keys())), [0], 'equal');
    const scores = new Float64Array(2);
    const r = [0.197404266362446, 0.68551214972631, 0.866473303807591];
    [1.5, 2.5, 3].forEach((value, i) => {
      ldaScores(model, [Float64Array.of(value)], 0, scores);
      expect(posteriors(scores)[1]).toBeCloseTo(r[i]!, 12);
    });
  });
});

describe('linear discriminant analysis against R MASS::lda on iris', () => {
  for (const name of ['all', 'sepals', 'holdout'] as const) {
    it(`${name}: priors, means, predicted species and posteriors as R's`, () => {
      const r = reference[name];
      const use = r.variables.map((variable) => MEASUREMENTS.indexOf(variable));
      const sums = classSums(columns, species, 3, rows(r.train));
      const model = fitLda(sums, use);
      Array.from(model.priors).forEach((prior, k) => expect(prior).toBeCloseTo(r.priors[k]!, 14));
      r.means.forEach((mean, k) =>
        mean.forEach((value, a) =>
          expect(sums.means[k * sums.dims + use[a]!]).toBeCloseTo(value, 12),
        ),
      );
      const scores = new Float64Array(3);
      const predicted: number[] = [];
      rows(r.predict).forEach((row, i) => {
        ldaScores(model, columns, row, scores);
        predicted.push(bestClass(scores) + 1);
        const posterior = posteriors(scores);
        r.posterior[i]!.forEach((p, k) => expect(posterior[k]).toBeCloseTo(p, 9));
      });
      expect(predicted).toEqual(r.class);
    });
  }

  it('misclassifies 3 of the 150 flowers on all four measurements, as is well known', () => {
    const r = reference.all;
    expect(r.class.filter((c, i) => c !== species[i]! + 1)).toHaveLength(3);
  });
});
