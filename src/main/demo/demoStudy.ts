/**
 * Fills a new, empty study with the demo: the codebook from the master questionnaire, then every
 * agency file the generator writes, imported through the normal import and mapping path in
 * delivery order — so wave 2026 reuses wave 2025's mappings, exactly as a consultant's own
 * waves would. No mapping is reviewed: the proposal decides everything for these files.
 */
import path from 'node:path';
import type { ImportSummary } from '../../shared/domain/dataset';
import { seedCodebook } from '../harmonise/seedCodebook';
import { importFile } from '../import/importFile';
import type { ReadableStudyDb, WritableStudyDb } from '../study/studyDb';
import type { DemoSummary } from '../../shared/domain/demo';
import { writeDemoSources, type DemoSourceFile, type DemoSourceOptions } from './demoSources';
import { masterQuestionnaire } from './questionnaire';
import { ColumnCache } from '../worker/columnCache';
import { saveSegmentation } from '../worker/studySegments';
import { saveDemoReport } from './demoReport';

export interface DemoImport {
  source: DemoSourceFile;
  summary: ImportSummary;
}

/** Writes the source files into `sourcesDir` and imports them into `db`, reporting 0..100. */
export async function populateDemoStudy(
  db: WritableStudyDb,
  sourcesDir: string,
  signal: AbortSignal,
  progress: (done: number, total: number) => void,
  options: DemoSourceOptions & { afterWrite?: (db: WritableStudyDb) => void } = {},
): Promise<DemoImport[]> {
  progress(0, 100);
  const sources = await writeDemoSources(sourcesDir, options);
  progress(10, 100);
  seedCodebook(db, masterQuestionnaire);
  const imported: DemoImport[] = [];
  for (const [index, source] of sources.entries()) {
    if (signal.aborted) {
      const error = new Error('the demo study was cancelled');
      error.name = 'AbortError';
      throw error;
    }
    const summary = await importFile(
      db,
      source.path,
      {
        country: source.country,
        wave: source.wave,
        respondentType: source.respondentType,
        language: source.language,
        encoding: source.encoding,
        afterWrite: options.afterWrite,
      },
      signal,
      (done, total) =>
        progress(10 + Math.round(((index + done / Math.max(total, 1)) / sources.length) * 90), 100),
    );
    imported.push({ source, summary });
  }
  // The Customer Energy segmentation, saved as the segment variable `energy` (issue #9).
  saveSegmentation(db, new ColumnCache(db), {
    scheme: 'customer-energy',
    bindings: {},
    name: 'energy',
  });
  // The sample report "Customer energy in Europe" and the saved tables and charts it is built of.
  saveDemoReport(db);
  progress(100, 100);
  return imported;
}

const COMPLETE_KEY = 'demo_complete';

/** Set once every demo source is in: a demo study killed halfway is rebuilt, not opened. */
export function markDemoComplete(db: WritableStudyDb): void {
  db.prepare(
    "INSERT INTO study_meta (key, value) VALUES (?, 'yes') ON CONFLICT (key) DO UPDATE SET value = 'yes'",
  ).run(COMPLETE_KEY);
}

export function isDemoComplete(db: ReadableStudyDb): boolean {
  return db.prepare('SELECT 1 FROM study_meta WHERE key = ?').get(COMPLETE_KEY) !== undefined;
}

export function demoSummary(
  db: ReadableStudyDb,
  studyPath: string,
  sourcesFolder: string,
  imports: readonly DemoImport[],
): DemoSummary {
  const respondents: DemoSummary['respondents'] = {};
  for (const { source, summary } of imports) {
    const byWave = (respondents[source.country] ??= {});
    byWave[source.wave] = (byWave[source.wave] ?? 0) + summary.rows;
  }
  const variables = (
    db.prepare("SELECT count(*) AS n FROM variables WHERE origin = 'imported'").get() as {
      n: number;
    }
  ).n;
  return {
    studyPath,
    sourcesFolder,
    sources: imports.map(({ source, summary }) => ({
      fileName: path.basename(source.path),
      country: source.country,
      wave: source.wave,
      respondentType: source.respondentType,
      rows: summary.rows,
    })),
    respondents,
    variables,
  };
}
