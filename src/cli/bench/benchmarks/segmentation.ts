/**
 * Segmentation benchmarks (issue #9, ../shared/PERFORMANCE.md):
 *
 * - `kmeans-iteration`: one Lloyd pass — assign 1,000,000 respondents to the nearest of k = 6
 *   centres over 10 standardised variables and sum them per centre — as clusterAnalysis runs it:
 *   lloydRunner over shared columns, which is the WebAssembly pass on two threads (the JS pass
 *   where WebAssembly is missing). Target ≤ 25 ms, stretch 15 ms; plain row-major JS took
 *   130–210 ms here. Beside it `/one-thread` (the WebAssembly pass, both halves on this thread),
 *   `/js` and `/js-one-thread` (the written-out JS pass, the fallback) and `/generic` (the
 *   generic reference loop).
 * - `segment-demo`: the Customer Energy rules over the demo study (default sizes) with its
 *   columns in the worker's cache, counts and shares by country, industry and wave included —
 *   what the live rule builder asks for on every change.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kMeansPlusPlus } from '../../../main/analysis/segmentation/kMeansPlusPlus';
import {
  lloydPassFor,
  lloydPassReference,
  type LloydPass,
} from '../../../main/analysis/segmentation/lloydPass';
import {
  lloydRunner,
  type LloydRunner,
  type LloydRunnerOptions,
} from '../../../main/analysis/segmentation/lloydThreads';
import { seededRandom } from '../../../main/analysis/segmentation/seededRandom';
import { columnScaling, scaledColumn } from '../../../main/analysis/segmentation/standardise';
import { populateDemoStudy } from '../../../main/demo/demoStudy';
import { closeStudyFile, createStudyFile } from '../../../main/study/studyFile';
import { ColumnCache } from '../../../main/worker/columnCache';
import { previewSegmentation } from '../../../main/worker/studySegments';
import { measure, type BenchResult } from '../benchTiming';
import { generateSurvey } from '../surveyGenerator';

const RESPONDENTS = Number(process.env.CEW_BENCH_RESPONDENTS ?? 1_000_000);
const K = 6;
const VARIABLES = 10;

/** Ten of the survey's coded variables without missing values (every fifth one has some), scaled. */
function workingColumns(): Float64Array[] {
  const survey = generateSurvey(RESPONDENTS, 12);
  const complete = survey.columns
    .filter((_, index) => index % 5 !== 4)
    .slice(0, VARIABLES)
    .map((column) => (column.kind === 'numeric' ? column.values : new Float64Array()));
  const rows = Int32Array.from({ length: RESPONDENTS }, (_, i) => i);
  return complete.map((values, d) =>
    scaledColumn(values, rows, columnScaling(values, rows, true, `q${d + 1}`), true),
  );
}

export async function kmeansIteration(report: (result: BenchResult) => void): Promise<void> {
  const columns = workingColumns();
  const centres = kMeansPlusPlus(columns, K, seededRandom(1, K));
  const assign = new Uint8Array(RESPONDENTS);
  const sums = new Float64Array(K * VARIABLES);
  const counts = new Float64Array(K);
  const pass = (kernel: LloydPass) => () => {
    sums.fill(0);
    counts.fill(0);
    kernel(columns, centres, assign, sums, counts, 0, RESPONDENTS);
  };
  const runnerPass = (runner: LloydRunner) => async () => {
    sums.fill(0);
    counts.fill(0);
    await runner.pass(centres, sums, counts);
  };
  const runners: Array<[string, LloydRunnerOptions, number]> = [
    ['kmeans-iteration', {}, 30],
    ['kmeans-iteration/one-thread', { threads: 0 }, 20],
    ['kmeans-iteration/js', { kernel: 'js' }, 20],
  ];
  for (const [name, options, n] of runners) {
    const runner = lloydRunner(columns, K, options);
    try {
      await runner.ready?.(10_000);
      const result = await measure(name, n, runnerPass(runner), 5);
      report(
        name === 'kmeans-iteration'
          ? ({ ...result, threads: 2, target_ms: 25, stretch_ms: 15 } as BenchResult)
          : result,
      );
    } finally {
      await runner.close();
    }
  }
  report(await measure('kmeans-iteration/js-one-thread', 20, pass(lloydPassFor(K, VARIABLES)), 5));
  report(await measure('kmeans-iteration/generic', 5, pass(lloydPassReference), 1));
}

export async function segmentDemo(report: (result: BenchResult) => void): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'cew-bench-demo-'));
  try {
    const study = createStudyFile(path.join(folder, 'demo.cew'), 'demo', 'bench');
    await populateDemoStudy(
      study.writable!,
      path.join(folder, 'sources'),
      new AbortController().signal,
      () => undefined,
    );
    const cache = new ColumnCache(study.db);
    report(
      await measure(
        'segment-demo',
        20,
        () => previewSegmentation(study.db, cache, { scheme: 'customer-energy', bindings: {} }),
        3,
      ),
    );
    closeStudyFile(study);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Registered in runBench.ts. */
export const segmentationBenchmarks = {
  'kmeans-iteration': kmeansIteration,
  'segment-demo': segmentDemo,
};
