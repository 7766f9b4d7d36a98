/**
 * Report export benchmarks (issue #11); times only, targets follow once measured:
 *
 * - `export-demo-pptx`: the demo report "Customer energy in Europe" on the demo study (default
 *   sizes) drawn on the data and written as an editable .pptx — what `cew export --format pptx`
 *   does after opening the study.
 * - `export-tabbook-1000`: a tab book of 1,000 tables (every single-coded demo question by each
 *   banner, in turn) run on the demo study and written as .xlsx, as `tables.exportTabBook` does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_REPORT } from '../../../main/demo/demoReport';
import { populateDemoStudy } from '../../../main/demo/demoStudy';
import { exportTabBook } from '../../../main/export/tabBookJob';
import { exportReport } from '../../../main/report/exportReport';
import { studyReportData } from '../../../main/report/studyReportData';
import { closeStudyFile, createStudyFile, type OpenStudy } from '../../../main/study/studyFile';
import { ColumnCache } from '../../../main/worker/columnCache';
import { savedReport } from '../../../main/worker/savedReports';
import type { TableSpec } from '../../../shared/domain/table';
import { measure, type BenchResult } from '../benchTiming';

async function withDemoStudy(run: (study: OpenStudy, folder: string) => Promise<void>) {
  const folder = mkdtempSync(path.join(tmpdir(), 'cew-bench-report-'));
  try {
    const study = createStudyFile(path.join(folder, 'demo.cew'), 'demo', 'bench');
    await populateDemoStudy(
      study.writable!,
      path.join(folder, 'sources'),
      new AbortController().signal,
      () => undefined,
    );
    try {
      await run(study, folder);
    } finally {
      closeStudyFile(study);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function exportDemoPptx(report: (result: BenchResult) => void): Promise<void> {
  await withDemoStudy(async (study, folder) => {
    const data = studyReportData(study.db, new ColumnCache(study.db));
    const demo = savedReport(study.db, DEMO_REPORT).report;
    const file = path.join(folder, 'demo.pptx');
    const options = {
      format: 'pptx' as const,
      path: file,
      signal: new AbortController().signal,
      progress: () => undefined,
    };
    report(await measure('export-demo-pptx', 10, () => exportReport(demo, data, options), 2));
  });
}

const questions = [
  'energy',
  'age_group',
  'gender',
  'area',
  'online',
  'create_video',
  'create_blog',
  'create_review',
  'create_idea',
  'comment',
  'rate',
  'recommend',
  'read_reviews',
  'compare_prices',
  'energy_positive',
  'energy_negative',
  'motive',
  'attachment',
  'fatigue',
  'deal_seeking',
];
const banners = ['country', 'wave', 'industry', 'energy', 'age_group'];

/** 1,000 specs: each question by each banner (and by two banners at once), cycling. */
function thousandTables(): TableSpec[] {
  const pairs = banners.flatMap((a, i) => banners.slice(i + 1).map((b) => [a, b]));
  const bannerSets = [...banners.map((b) => [b]), ...pairs];
  const specs: TableSpec[] = [];
  for (let i = 0; specs.length < 1000; i++) {
    const row = questions[i % questions.length]!;
    const set = bannerSets[Math.floor(i / questions.length) % bannerSets.length]!;
    specs.push({ rows: [row], columns: set.map((variable) => ({ variables: [variable] })) });
  }
  return specs;
}

export async function exportTabBook1000(report: (result: BenchResult) => void): Promise<void> {
  await withDemoStudy(async (study, folder) => {
    const data = studyReportData(study.db, new ColumnCache(study.db));
    const specs = thousandTables();
    const file = path.join(folder, 'tables.xlsx');
    const run = () =>
      exportTabBook(
        file,
        specs,
        { run: data.runTable, variableLabel: data.variableLabel },
        { title: 'Tables', signal: new AbortController().signal, progress: () => undefined },
      );
    report({
      ...(await measure('export-tabbook-1000', 3, run, 1)),
      tables: specs.length,
    } as BenchResult);
  });
}

/** Registered in runBench.ts. */
export const reportBenchmarks = {
  'export-demo-pptx': exportDemoPptx,
  'export-tabbook-1000': exportTabBook1000,
};
