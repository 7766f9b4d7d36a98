/**
 * import-sav and open-study: a 1,000,000-respondent × 200-variable bytecode .sav imported into a
 * fresh study (checksum, read and the write into the study included), and the same study opened
 * with every column loaded into memory; import-csv does the same from the CSV of that survey.
 * Targets in ../shared/PERFORMANCE.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importFile } from '../../../main/import/importFile';
import { loadColumn, type ColumnEncoding } from '../../../main/study/columnStore';
import { closeStudyFile, createStudyFile, openStudyFile } from '../../../main/study/studyFile';
import { measure, type BenchResult } from '../benchTiming';
import { benchmarkCsv, benchmarkSav } from '../surveyGenerator';

const RESPONDENTS = Number(process.env.CEW_BENCH_RESPONDENTS ?? 1_000_000);

async function importInto(folder: string, file: string, name: string): Promise<string> {
  const study = path.join(folder, `${name}.cew`);
  const open = createStudyFile(study, name, 'bench');
  await importFile(
    open.writable!,
    file,
    { country: 'DE', wave: '2026', respondentType: 'customer' },
    new AbortController().signal,
    () => undefined,
  );
  closeStudyFile(open);
  return study;
}

export async function importSav(report: (result: BenchResult) => void): Promise<void> {
  const file = await benchmarkSav(RESPONDENTS);
  const folder = mkdtempSync(path.join(tmpdir(), 'cew-bench-import-'));
  let run = 0;
  try {
    report(await measure('import-sav', 3, () => importInto(folder, file, `import-${run++}`), 0));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function openStudy(report: (result: BenchResult) => void): Promise<void> {
  const file = await benchmarkSav(RESPONDENTS);
  const folder = mkdtempSync(path.join(tmpdir(), 'cew-bench-open-'));
  try {
    const study = await importInto(folder, file, 'open');
    report(
      await measure(
        'open-study',
        5,
        () => {
          const open = openStudyFile(study, { readOnly: true });
          const variables = open.db.prepare('SELECT id, storage FROM variables').all() as Array<{
            id: number;
            storage: ColumnEncoding;
          }>;
          let rows = 0;
          for (const variable of variables) {
            const column = loadColumn(open.db, variable.id, variable.storage);
            rows += column.encoding === 'utf8' ? column.offsets.length - 1 : column.values.length;
          }
          closeStudyFile(open);
          if (rows === 0) throw new Error('no data loaded');
        },
        1,
      ),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function importCsv(report: (result: BenchResult) => void): Promise<void> {
  const file = await benchmarkCsv(RESPONDENTS);
  const folder = mkdtempSync(path.join(tmpdir(), 'cew-bench-import-csv-'));
  let run = 0;
  try {
    report(await measure('import-csv', 3, () => importInto(folder, file, `import-${run++}`), 0));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
