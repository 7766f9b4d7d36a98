/**
 * The pieces of the typing tool's accuracy check and of the golden questions: a seeded hold-out of
 * 30% of every segment, a confusion matrix, and greedy forward selection with linear discriminant
 * analysis judged by a stated criterion — on small made-up segments whose answer is plain from one
 * or two questions.
 */
import { describe, expect, it } from 'vitest';
import { confusionMatrix } from '../../../../../src/main/analysis/segmentation/confusionMatrix';
import { goldenQuestions } from '../../../../../src/main/analysis/segmentation/goldenQuestions';
import { holdOutSplit } from '../../../../../src/main/analysis/segmentation/holdOutSample';
import type { GoldenCriterion } from '../../../../../src/shared/domain/segments';

const SEGMENTS = [
  { code: 1, label: 'Fans' },
  { code: 2, label: 'Sceptics' },
];

describe('the seeded hold-out sample', () => {
  // 10 respondents in segment 0, 20 in segment 1, 5 with none.
  const classOf = Int32Array.from({ length: 35 }, (_, i) => (i < 10 ? 0 : i < 30 ? 1 : -1));

  it('holds out 30% of each segment — 3 of 10 and 6 of 20 — and trains on the rest', () => {
    const { train, test } = holdOutSplit(classOf, 2, 1);
    expect(test.length).toBe(9);
    expect(train.length).toBe(21);
    expect(Array.from(test).filter((row) => classOf[row] === 0)).toHaveLength(3);
    expect(new Set([...train, ...test]).size).toBe(30);
    expect(Array.from(test)).toEqual([...test].sort((a, b) => a - b));
  });

  it('splits a segment of 300,000 respondents (no spread of its rows into one call)', () => {
    const { train, test } = holdOutSplit(new Int32Array(300_000), 1, 1);
    expect([train.length, test.length]).toEqual([210_000, 90_000]);
  });

  it('draws the same sample from the same seed, and another from another seed', () => {
    const first = Array.from(holdOutSplit(classOf, 2, 1).test);
    expect(Array.from(holdOutSplit(classOf, 2, 1).test)).toEqual(first);
    expect(Array.from(holdOutSplit(classOf, 2, 2).test)).not.toEqual(first);
  });
});

describe('the confusion matrix', () => {
  it('counts actual by predicted, with the unclassified apart, and says accuracy, recall, precision', () => {
    // Five fans: 3 right, 1 taken for a sceptic, 1 unclassified. Three sceptics: 2 right, 1 a fan.
    const actual = [0, 0, 0, 0, 0, 1, 1, 1];
    const predicted = [0, 0, 0, 1, -1, 1, 1, 0];
    const matrix = confusionMatrix(
      SEGMENTS,
      Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7),
      actual,
      predicted,
    );
    expect(matrix.counts).toEqual([
      [3, 1],
      [1, 2],
    ]);
    expect(matrix.unclassified).toEqual([1, 0]);
    expect(matrix.accuracy).toBe(5 / 8);
    expect(matrix.balancedAccuracy).toBeCloseTo((3 / 5 + 2 / 3) / 2, 15);
    expect(matrix.bySegment).toEqual([
      { code: 1, n: 5, recall: 3 / 5, precision: 3 / 4 },
      { code: 2, n: 3, recall: 2 / 3, precision: 2 / 3 },
    ]);
  });

  it('leaves a segment with nobody in the rows out of the balanced accuracy', () => {
    const matrix = confusionMatrix(SEGMENTS, Int32Array.of(0, 1), [0, 0], [0, 1]);
    expect(matrix.bySegment[1]!.n).toBe(0);
    expect(matrix.balancedAccuracy).toBe(0.5);
  });
});

describe('golden questions by forward selection', () => {
  // 200 respondents, alternately fans and sceptics. `loyalty` tells them apart (fans 4–5,
  // sceptics 1–2); `noise` does not (each block of ten respondents has one value, and every
  // combination of segment and mood once); `age_band` is 3 for everyone; `mood` leans with the
  // segment but overlaps it.
  const n = 200;
  const classOf = Int32Array.from({ length: n }, (_, i) => i % 2);
  const loyalty = Float64Array.from(classOf, (c, i) =>
    c === 0 ? 4 + (i % 4 < 2 ? 1 : 0) : 1 + ((i >> 1) % 2),
  );
  const noise = Float64Array.from({ length: n }, (_, i) => 1 + (Math.floor(i / 10) % 5));
  const ageBand = new Float64Array(n).fill(3);
  const mood = Float64Array.from(classOf, (c, i) => (c === 0 ? 3 : 2) + ((i * 3) % 5) - 2);
  const { train, test } = holdOutSplit(classOf, 2, 1);
  const run = (target: number, columns: Float64Array[], names: string[]) =>
    goldenQuestions({
      columns,
      names,
      segments: SEGMENTS,
      classOf,
      train,
      test,
      target,
      criterion: 'balanced',
    });

  it('picks the one question that tells the segments apart, and stops there at 100% on the hold-out', async () => {
    const result = await run(0.9, [noise, mood, loyalty], ['noise', 'mood', 'loyalty']);
    expect(result.chosen).toEqual(['loyalty']);
    expect(result.steps).toEqual([
      {
        variable: 'loyalty',
        trainAccuracy: 1,
        holdOutAccuracy: 1,
        trainScore: 1,
        holdOutScore: 1,
        holdOutRecall: [1, 1],
      },
    ]);
    expect(result.reached).toBe(true);
    expect(result.confusion.counts).toEqual([
      [30, 0],
      [0, 30],
    ]);
  });

  it('leaves out a question with the same answer from every respondent, and says why', async () => {
    const result = await run(0.9, [ageBand, loyalty], ['age_band', 'loyalty']);
    expect(result.skipped).toEqual([
      { variable: 'age_band', reason: 'the same answer from every respondent' },
    ]);
    expect(result.chosen).toEqual(['loyalty']);
  });

  it('adds questions until none is left when the target cannot be reached, and says so', async () => {
    const result = await run(0.99, [noise, mood], ['noise', 'mood']);
    expect(result.reached).toBe(false);
    expect(result.chosen).toHaveLength(2);
    expect(result.steps[0]!.variable).toBe('mood');
    expect(result.steps.every((step) => step.holdOutScore < 0.99)).toBe(true);
  });
});

describe('golden questions when one segment is small', () => {
  // 200 respondents: 140 Regulars, 50 Fans, 10 Creators (5%). `usage` tells Regulars (1–2) from
  // the others (4) but Creators answer it as Fans do; `makes` gives Creators 5 and everyone else
  // 1–2. Hold-out: 42 Regulars, 15 Fans, 3 Creators.
  const segments = [
    { code: 1, label: 'Regulars' },
    { code: 2, label: 'Fans' },
    { code: 3, label: 'Creators' },
  ];
  const n = 200;
  const classOf = Int32Array.from({ length: n }, (_, i) => (i < 140 ? 0 : i < 190 ? 1 : 2));
  const usage = Float64Array.from(classOf, (c, i) => (c === 0 ? 1 + (i % 2) : 4));
  const makes = Float64Array.from(classOf, (c, i) => (c === 2 ? 5 : 1 + ((i >> 1) % 2)));
  const { train, test } = holdOutSplit(classOf, 3, 1);
  const run = (criterion: GoldenCriterion, target = 0.9) =>
    goldenQuestions({
      columns: [usage, makes],
      names: ['usage', 'makes'],
      segments,
      classOf,
      train,
      test,
      target,
      criterion,
    });

  it('by overall accuracy, stops at 95% with one question that recognises no Creator', async () => {
    const result = await run('overall');
    expect(result.chosen).toEqual(['usage']);
    expect(result.reached).toBe(true);
    expect(result.steps[0]!.holdOutAccuracy).toBe(57 / 60);
    expect(result.steps[0]!.holdOutRecall).toEqual([1, 1, 0]);
    expect(result.confusion.balancedAccuracy).toBeCloseTo(2 / 3, 15);
  });

  it('by balanced accuracy (the mean recall), goes on to the question that recognises the Creators', async () => {
    const result = await run('balanced');
    expect(result.steps[0]!.holdOutScore).toBeLessThan(0.9);
    expect(result.chosen).toHaveLength(2);
    expect(result.reached).toBe(true);
    const last = result.steps.at(-1)!;
    expect(last.holdOutRecall).toEqual([1, 1, 1]);
    expect(last.holdOutScore).toBe(1);
    expect(result.confusion.balancedAccuracy).toBe(1);
  });

  it('scores every step by the criterion: the mean recall, or the lowest', async () => {
    for (const criterion of ['balanced', 'every-segment'] as const) {
      const result = await run(criterion, 1);
      for (const step of result.steps) {
        const { holdOutRecall: recall } = step;
        expect(step.holdOutScore).toBeCloseTo(
          criterion === 'balanced'
            ? recall.reduce((sum, r) => sum + r, 0) / recall.length
            : Math.min(...recall),
          15,
        );
      }
    }
  });

  it('with every segment as the criterion, reaches the target only when the smallest segment does', async () => {
    const result = await run('every-segment');
    expect(result.reached).toBe(true);
    expect(result.chosen).toHaveLength(2);
    expect(Math.min(...result.steps.at(-1)!.holdOutRecall)).toBeGreaterThanOrEqual(0.9);
    expect(Math.min(...result.steps[0]!.holdOutRecall)).toBeLessThan(0.9);
  });
});

describe('golden questions whose segments are thresholds', () => {
  // Every pair of answers to `watch` and `post` on a 1–5 frequency scale, 8 respondents each, with
  // `spend` (many values, no bearing). Active: either behaviour at least monthly (4 or more) — no
  // straight line in the codes draws it; the "at or above" indicators do.
  const segments = [
    { code: 1, label: 'Quiet' },
    { code: 2, label: 'Active' },
  ];
  const watch: number[] = [];
  const post: number[] = [];
  for (let a = 1; a <= 5; a++)
    for (let b = 1; b <= 5; b++)
      for (let r = 0; r < 8; r++) {
        watch.push(a);
        post.push(b);
      }
  const classOf = Int32Array.from(watch, (a, i) => (a >= 4 || post[i]! >= 4 ? 1 : 0));
  const spend = Float64Array.from(classOf, (_, i) => 10 + ((i * 37) % 101) / 4);
  const { train, test } = holdOutSplit(classOf, 2, 1);
  const run = () =>
    goldenQuestions({
      columns: [spend, Float64Array.from(watch), Float64Array.from(post)],
      names: ['spend', 'watch', 'post'],
      coded: [false, true, true],
      segments,
      classOf,
      train,
      test,
      target: 1,
      criterion: 'balanced',
    });

  it('enters the coded questions as indicators at or above 2, 3, 4 and 5, and the spend as one term', async () => {
    const { coding } = await run();
    expect(coding).toEqual([
      { variable: 'spend', levels: null },
      { variable: 'watch', levels: [1, 2, 3, 4, 5] },
      { variable: 'post', levels: [1, 2, 3, 4, 5] },
    ]);
  });

  it('learns "either at least monthly" exactly from the two questions, each chosen whole', async () => {
    const result = await run();
    expect([...result.chosen].sort()).toEqual(['post', 'watch']);
    expect(result.steps).toHaveLength(2);
    expect(result.reached).toBe(true);
    expect(result.steps.at(-1)!.holdOutRecall).toEqual([1, 1]);
    expect(result.steps.at(-1)!.trainScore).toBe(1);
  });

  it('tells big spenders (over 22.5, the middle of 10–35) by the spend, a linear term, beside the coded questions', async () => {
    const bigSpender = Int32Array.from(spend, (amount) => (amount > 22.5 ? 1 : 0));
    const split = holdOutSplit(bigSpender, 2, 1);
    const result = await goldenQuestions({
      columns: [Float64Array.from(watch), spend],
      names: ['watch', 'spend'],
      coded: [true, false],
      segments,
      classOf: bigSpender,
      train: split.train,
      test: split.test,
      target: 1,
      criterion: 'balanced',
    });
    expect(result.coding[1]).toEqual({ variable: 'spend', levels: null });
    expect(result.chosen).toEqual(['spend']);
    expect(result.steps[0]!.holdOutRecall).toEqual([1, 1]);
  });
});
