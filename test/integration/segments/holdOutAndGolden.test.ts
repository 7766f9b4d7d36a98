/**
 * The typing tool's accuracy on a seeded 30% hold-out (`segments.holdOut`) and the golden
 * questions (`segments.golden`, `cew segment --golden`): on the demo study, Customer Energy's
 * rules reproduce themselves exactly; judged by overall accuracy, two of the nine behaviour
 * questions reach 90% while barely one creator (4%) in eight is recognised, so the golden
 * questions are judged by balanced accuracy (the mean of the segments' recalls); with the 1–5
 * frequency answers entering the classifier as "at or above" indicators, five questions reach the
 * default 90% and recognise nine creators in ten; a k-means clustering of three plainly separate groups is found again from 70% of its
 * respondents, every held-out one placed back in its own cluster.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { populateDemoStudy } from '../../../src/main/demo/demoStudy';
import { closeStudyFile, type OpenStudy } from '../../../src/main/study/studyFile';
import { ColumnCache } from '../../../src/main/worker/columnCache';
import {
  goldenQuestionsFor,
  holdOutAccuracy,
  runKMeans,
} from '../../../src/main/worker/studySegments';
import { goldenInput, holdOutInput } from '../../../src/shared/api/segments';
import { tempFolder } from '../../support/studyDb';
import { cli, createStudy, importInto, writableDb } from '../import/studyHelpers';
import { BEHAVIOURS as DEMO_BEHAVIOURS } from '../../../src/main/demo/questionnaire';

/** The demo's behaviour questions: the candidates for golden questions. */
const BEHAVIOURS: string[] = [...DEMO_BEHAVIOURS];
const signal = new AbortController().signal;
const quiet = () => undefined;

let folder: string;
let cleanup: () => void;
let demo: OpenStudy;

beforeAll(async () => {
  ({ folder, cleanup } = tempFolder('cew-holdout-'));
  demo = createStudy(folder, 'demo');
  await populateDemoStudy(writableDb(demo), path.join(folder, 'sources'), signal, quiet);
}, 300_000);

afterAll(() => {
  closeStudyFile(demo);
  cleanup();
});

describe('Customer Energy on the demo study', () => {
  const golden = (options: { seed?: number; accuracy?: number; criterion?: string } = {}) =>
    goldenQuestionsFor(
      demo.db,
      new ColumnCache(demo.db),
      goldenInput.parse({ segmentation: 'energy', candidates: BEHAVIOURS, ...options }),
      signal,
      quiet,
    );
  const CREATORS = 0;

  it('is reproduced exactly by its rules on the hold-out', async () => {
    const report = await holdOutAccuracy(
      demo.db,
      new ColumnCache(demo.db),
      holdOutInput.parse({ segmentation: 'energy' }),
      signal,
      quiet,
    );
    expect(report.accuracy).toBe(1);
    // 30% of each segment: 264 creators, 1,199 contributors, 4,690 viewers (docs/segmentation.md).
    expect(report.confusion.bySegment.map((s) => s.n)).toEqual([79, 360, 1407]);
    expect(report.sample).toMatchObject({ train: 4307, test: 1846, share: 0.3, seed: 1 });
  });

  it('by overall accuracy, reaches 90% with rate and recommend while recognising few creators', async () => {
    const report = await golden({ criterion: 'overall' });
    expect(report.criterion).toBe('overall');
    expect(report.chosen).toEqual(['rate', 'recommend']);
    expect(report.reached).toBe(true);
    expect(report.steps.at(-1)!.holdOutAccuracy).toBeGreaterThanOrEqual(0.9);
    // 10 of the 79 held-out creators (docs/segmentation.md).
    expect(report.confusion.bySegment[CREATORS]!.recall).toBeLessThan(0.2);
    expect(report.confusion.balancedAccuracy).toBeLessThan(0.65);
  });

  it('is judged by balanced accuracy unless told, with equal priors, and says so', async () => {
    const report = await golden();
    expect(report.criterion).toBe('balanced');
    expect(report.criterionText).toMatch(/^balanced accuracy: the mean of the segments' recalls/);
    expect(report.classifier).toMatch(/equal priors/);
    for (const step of report.steps)
      expect(step.holdOutScore).toBeCloseTo(
        step.holdOutRecall.reduce((sum, recall) => sum + recall, 0) / 3,
        12,
      );
    expect(report.confusion.accuracy).toBe(report.steps.at(-1)!.holdOutAccuracy);
    expect(report.confusion.balancedAccuracy).toBeCloseTo(report.steps.at(-1)!.holdOutScore, 12);
    expect(report.confusion.n).toBe(report.sample.test);
    expect(report.chosen.every((name) => BEHAVIOURS.includes(name))).toBe(true);
  });

  it('enters each 1–5 behaviour question as indicators "at or above" 2, 3, 4 and 5', async () => {
    const report = await golden();
    expect(report.coding).toEqual(
      BEHAVIOURS.map((variable) => ({ variable, levels: [1, 2, 3, 4, 5] })),
    );
    expect(report.classifier).toMatch(/"at or above" indicators, one per level above the lowest/);
    expect(report.skipped).toEqual([]);
  });

  it('reaches the default 90% balanced accuracy with five questions, nine creators in ten recognised', async () => {
    // "Any of four behaviours at least monthly" is a sum of indicators over a cut, which a linear
    // classifier draws; on the 1–5 codes it peaked at 89.8% with seven (docs/segmentation.md).
    const report = await golden();
    expect(report.reached).toBe(true);
    expect(report.chosen).toEqual([
      'comment',
      'create_review',
      'rate',
      'create_video',
      'create_idea',
    ]);
    expect(report.steps.slice(0, -1).every((step) => step.holdOutScore < 0.9)).toBe(true);
    const last = report.steps.at(-1)!;
    expect(last.holdOutScore).toBeGreaterThanOrEqual(0.9);
    // Creators 72 of 79, contributors 309 of 360, viewers 1,407 of 1,407.
    expect(report.confusion.bySegment.map((segment) => segment.n)).toEqual([79, 360, 1407]);
    expect(report.confusion.counts.map((row, k) => row[k])).toEqual([72, 309, 1407]);
    expect(Math.min(...last.holdOutRecall)).toBeGreaterThan(0.85);
    expect(last.holdOutAccuracy).toBeGreaterThan(0.95);
  });

  it('reaches 90% with five or six questions on other seeds too', async () => {
    for (const seed of [2, 5]) {
      const report = await golden({ seed });
      expect(report.reached).toBe(true);
      expect(report.chosen.length).toBeLessThanOrEqual(6);
    }
  });

  it('gives the same questions from the same seed', async () => {
    expect((await golden({ seed: 1 })).steps).toEqual((await golden({ seed: 1 })).steps);
  });

  it('stops when cancelled, between two candidate models', async () => {
    const cancel = new AbortController();
    let fitted = 0;
    const run = goldenQuestionsFor(
      demo.db,
      new ColumnCache(demo.db),
      goldenInput.parse({ segmentation: 'energy', candidates: BEHAVIOURS }),
      cancel.signal,
      () => {
        if (++fitted === 3) cancel.abort();
      },
    );
    await expect(run).rejects.toThrow(/cancel|abort/i);
    expect(fitted).toBe(3);
  });

  it('prints the questions in order with the accuracy after each step (cew segment --golden)', async () => {
    const { code, stdout, stderr } = cli(
      ['segment', demo.path, '--golden', 'energy', '--candidates', BEHAVIOURS.join(','), '--json'],
      folder,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(await golden())));
    const text = (criterion: string, accuracy: string) =>
      cli(
        [
          'segment',
          demo.path,
          '--golden',
          'energy',
          '--candidates',
          BEHAVIOURS.join(','),
          '--criterion',
          criterion,
          '--accuracy',
          accuracy,
        ],
        folder,
      ).stdout;
    const balanced = text('balanced', '0.85');
    expect(balanced).toMatch(
      /^ {2}criterion: balanced accuracy: the mean of the segments' recalls/m,
    );
    expect(balanced).toMatch(
      /train balanced +hold-out balanced +hold-out overall +Creators recall/,
    );
    expect(balanced).toMatch(
      /85\.0% balanced accuracy reached on the hold-out with \d questions: .+ \(overall accuracy \d+\.\d%\)/,
    );
    expect(balanced).toMatch(/Confusion matrix on the hold-out:/);
    expect(balanced).toMatch(
      /accuracy \d+\.\d%, balanced accuracy \d+\.\d% \(the mean of the recalls\)/,
    );
    const overall = text('overall', '0.9');
    expect(overall).toMatch(
      /90\.0% overall accuracy reached on the hold-out with 2 questions: rate, recommend/,
    );
    expect(overall).toMatch(/Warning: only \d+\.\d% of Creators are recognised as Creators/);
    expect(text('balanced', '0.9')).toMatch(
      /^ {2}entered as indicators at or above 2, 3, 4, 5: create_video, create_blog, .+, compare_prices$/m,
    );
  });
});

describe('a k-means clustering of three separate groups', () => {
  it('is found again from 70% of the respondents: every held-out respondent back in its cluster', async () => {
    // 30 respondents around each of (1, 1), (9, 1) and (1, 9), at most 0.4 from the centre.
    const lines = ['id,x,y'];
    const centres = [
      [1, 1],
      [9, 1],
      [1, 9],
    ];
    centres.forEach(([cx, cy], c) => {
      for (let i = 0; i < 30; i++)
        lines.push(`${c * 30 + i + 1},${cx! + ((i % 5) - 2) * 0.2},${cy! + ((i % 3) - 1) * 0.3}`);
    });
    const file = path.join(folder, 'blobs.csv');
    writeFileSync(file, lines.join('\n'));
    const study = createStudy(folder, 'blobs');
    try {
      await importInto(study, file);
      await runKMeans(
        study.db,
        writableDb(study),
        new ColumnCache(study.db),
        {
          variables: ['x', 'y'],
          k: 3,
          seed: 1,
          standardize: true,
          restarts: 10,
          maxIterations: 100,
          name: 'blob',
        },
        signal,
        quiet,
      );
      const report = await holdOutAccuracy(
        study.db,
        new ColumnCache(study.db),
        holdOutInput.parse({ segmentation: 'blob', seed: 7 }),
        signal,
        quiet,
      );
      expect(report.method).toBe('kmeans');
      expect(report.accuracy).toBe(1);
      expect(report.confusion.counts).toEqual([
        [9, 0, 0],
        [0, 9, 0],
        [0, 0, 9],
      ]);
      expect(report.matching).toHaveLength(3);
    } finally {
      closeStudyFile(study);
    }
  });
});
