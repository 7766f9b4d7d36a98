/**
 * How a golden-question candidate enters linear discriminant analysis (questionCoding.ts): coded
 * answers and numbers with few values as cumulative "at or above level k" indicators, numbers
 * with many values as one linear term.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_NUMERIC_LEVELS,
  questionLevels,
  questionTerms,
} from '../../../../../src/main/analysis/segmentation/questionCoding';

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe('the levels of a question', () => {
  it('are the distinct answers of the rows given, ascending, unanswered left out', () => {
    const answers = Float64Array.of(5, 1, 3, Number.NaN, 1, 5, 2);
    expect(questionLevels(answers, all(7), true)).toEqual([1, 2, 3, 5]);
    // Only the training rows count: 2 is answered by a hold-out respondent alone.
    expect(questionLevels(answers, Int32Array.of(0, 1, 2, 4), true)).toEqual([1, 3, 5]);
  });

  it('are kept for a number with at most 11 values (a 0–10 scale), not for one with more', () => {
    const scale = Float64Array.from({ length: 50 }, (_, i) => i % 11);
    expect(MAX_NUMERIC_LEVELS).toBe(11);
    expect(questionLevels(scale, all(50), false)).toHaveLength(11);
    const spend = Float64Array.from({ length: 50 }, (_, i) => i * 2.5);
    expect(questionLevels(spend, all(50), false)).toBeNull();
  });

  it('are kept for coded answers however many codes there are', () => {
    const country = Float64Array.from({ length: 60 }, (_, i) => i % 30);
    expect(questionLevels(country, all(60), true)).toHaveLength(30);
  });
});

describe('the terms of a question', () => {
  it('are one 0/1 indicator "at or above" each level but the lowest', () => {
    const terms = questionTerms(Float64Array.of(1, 2, 4, 5, Number.NaN), [1, 2, 4, 5]);
    expect(terms.map((term) => Array.from(term))).toEqual([
      [0, 1, 1, 1, Number.NaN],
      [0, 0, 1, 1, Number.NaN],
      [0, 0, 0, 1, Number.NaN],
    ]);
  });

  it('count an answer no training respondent gave as at or above every level below it', () => {
    const [atLeast2, atLeast4] = questionTerms(Float64Array.of(3), [1, 2, 4]);
    expect([atLeast2![0], atLeast4![0]]).toEqual([1, 0]);
  });

  it('are none for a question everyone answered alike, and the answers themselves when linear', () => {
    expect(questionTerms(Float64Array.of(3, 3), [3])).toEqual([]);
    const spend = Float64Array.of(10.5, 99);
    expect(questionTerms(spend, null)).toEqual([spend]);
  });
});
