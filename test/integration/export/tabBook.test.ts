/**
 * The Excel tab book end to end: a small demo study with a saved tab plan, exported by the study
 * worker's `tables.exportTabBook` job (as the app runs it) and by `cew export-tables`, read back
 * with exceljs and checked against the TableResults the same plan gives through `tables.runSaved`;
 * LibreOffice opens the book and prints it to PDF.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { populateDemoStudy } from '../../../src/main/demo/demoStudy';
import { CONTENTS_FIRST_ROW } from '../../../src/main/export/tabBookContents';
import { StudySession } from '../../../src/main/session/studySession';
import { closeStudyFile } from '../../../src/main/study/studyFile';
import { saveTablePlan } from '../../../src/main/worker/savedTables';
import type { TabBookSummary } from '../../../src/shared/api/tables';
import type { EventMap } from '../../../src/shared/api/events';
import type { TableResult, TableSpec } from '../../../src/shared/domain/table';
import { builtWorkerPath, tempFolder } from '../../support/studyDb';
import { cli, createStudy, writableDb } from '../import/studyHelpers';
import { itWithLibreOffice, libreOfficeConvert } from '../../support/libreOffice';
import { FinishedJobs } from '../../support/finishedJobs';

const PLAN: TableSpec[] = [
  { rows: ['energy'], columns: [{ variables: ['country'] }] },
  { rows: ['gender'], columns: [{ variables: ['wave'] }] },
  // exec_role is asked of executives only (its own base, low at 10 per source); two levels.
  {
    rows: ['energy', 'exec_role'],
    columns: [{ variables: ['country'] }, { variables: ['wave'] }],
    sigLevels: [0.99, 0.95],
  },
  // South Korea joins in 2026: letters for sure, whatever the sample.
  { rows: ['country'], columns: [{ variables: ['wave'] }] },
];
const TITLES = [
  'energy by country',
  'gender by wave',
  'energy, exec_role by country, wave',
  'country by wave',
];

let folder: string;
let cleanup: () => void;
let study: string;
let session: StudySession;
const finished = new FinishedJobs();
let progress: Array<EventMap['job.progress']>;
let results: TableResult[];
let book: ExcelJS.Workbook;
let summary: TabBookSummary;

function jobResult(jobId: string): Promise<EventMap['job.finished']> {
  return finished.wait(jobId, 60_000);
}

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The sheet's row numbers by the text in column A. */
function rowsByLabel(sheet: ExcelJS.Worksheet): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  sheet.eachRow((row, number) => {
    const label = row.getCell(1).value;
    if (typeof label === 'string') rows.set(label, [...(rows.get(label) ?? []), number]);
  });
  return rows;
}

function only(rows: Map<string, number[]>, label: string): number {
  const found = rows.get(label) ?? [];
  expect(found, label).toHaveLength(1);
  return found[0]!;
}

/** Values of columns B… in a row, one per table column. */
function values(sheet: ExcelJS.Worksheet, row: number, count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => sheet.getCell(row, i + 2).value);
}

beforeAll(async () => {
  ({ folder, cleanup } = tempFolder('cew-tabbook-'));
  const opened = createStudy(folder, 'demo');
  await populateDemoStudy(
    writableDb(opened),
    path.join(folder, 'sources'),
    new AbortController().signal,
    () => undefined,
    { customersPerSource: 60, executivesPerSource: 10 },
  );
  saveTablePlan(writableDb(opened), 'core', PLAN);
  closeStudyFile(opened);
  study = opened.path;
  progress = [];
  session = new StudySession({
    workerPath: builtWorkerPath,
    appVersion: 'test',
    emit: (event, payload) => {
      if (event === 'job.finished') {
        finished.record(payload as EventMap['job.finished']);
      }
      if (event === 'job.progress') progress.push(payload as EventMap['job.progress']);
    },
  });
  await session.openStudy(study);
  const file = path.join(folder, 'core.xlsx');
  const jobId = session.startJob('tab book', (id) =>
    session.workerClient.call('tables.exportTabBook', { name: 'core', path: file }, id),
  );
  const done = await jobResult(jobId);
  expect(done.status, JSON.stringify(done)).toBe('done');
  summary = done.result as TabBookSummary;
  results = (await session.workerClient.call('tables.runSaved', { name: 'core' })).tables;
  book = await readBook(file);
}, 120_000);

afterAll(async () => {
  await session?.dispose();
  cleanup();
});

describe('the tab book of a saved tab plan', () => {
  it('has a Contents sheet first, then one sheet per table named "<n> <title>"', () => {
    expect(summary.tables).toBe(4);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'Contents',
      '1 energy by country',
      '2 gender by wave',
      '3 energy, exec_role by country',
      '4 country by wave',
    ]);
    expect(summary.sheets).toEqual(book.worksheets.slice(1).map((sheet) => sheet.name));
  });

  it('links every table from the Contents sheet with a HYPERLINK() formula to its sheet', () => {
    const contents = book.getWorksheet('Contents')!;
    summary.sheets.forEach((sheet, i) => {
      const cell = contents.getCell(CONTENTS_FIRST_ROW + i, 2).value as ExcelJS.CellFormulaValue;
      expect(cell.formula).toBe(`HYPERLINK("#'${sheet}'!A1","${TITLES[i]}")`);
      expect(contents.getCell(CONTENTS_FIRST_ROW + i, 3).value).toBe(results[i]!.bases[0]!.n);
    });
    expect(contents.getCell(CONTENTS_FIRST_ROW + 4, 2).value).toBeNull();
  });

  it('writes the banner: group labels over their columns, column labels, letters; panes frozen below it and right of the labels', () => {
    const sheet = book.getWorksheet('3 energy, exec_role by country')!;
    const result = results[2]!;
    const labelRow = only(rowsByLabel(sheet), 'Base: all respondents (unweighted)') - 2;
    expect(values(sheet, labelRow, result.columns.length)).toEqual(
      result.columns.map((c) => c.label),
    );
    expect(values(sheet, labelRow + 1, result.columns.length)).toEqual(
      result.columns.map((c) => (c.letter ? `(${c.letter})` : '')),
    );
    // Country spans its columns (merged), then Wave.
    const countries = result.columns.filter((c) => c.group === 0).length;
    expect(sheet.getCell(labelRow - 1, 3).value).toBe('Country');
    expect(sheet.getCell(labelRow - 1, 3 + countries - 1).isMerged).toBe(true);
    expect(sheet.getCell(labelRow - 1, 3 + countries).value).toBe('Wave');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: labelRow + 1 });
  });

  it('writes column % as numbers (proportions with a percent format) and each cell’s letters on the line below', () => {
    let lettersSeen = 0;
    book.worksheets.slice(1).forEach((sheet, t) => {
      const result = results[t]!;
      const rows = rowsByLabel(sheet);
      const withLetters = result.rows.some((row) =>
        row.cells.some((cell) => `${cell.sig}${cell.marks ?? ''}` !== ''),
      );
      for (const variable of new Set(result.rows.map((row) => row.variable))) {
        // "variable: question" is under the title and again as the heading of the stub's rows.
        const [, heading] = [...rows.entries()].find(([label]) =>
          label.startsWith(`${variable}: `),
        )!;
        let at = heading.at(-1)! + 1;
        for (const row of result.rows.filter((r) => r.variable === variable)) {
          expect(sheet.getCell(at, 1).value).toBe(row.label);
          row.cells.forEach((cell, i) => {
            const written = sheet.getCell(at, i + 2);
            if (cell.colPct === null) expect(written.value).toBeNull();
            else expect(written.value).toBeCloseTo(cell.colPct / 100, 12);
            expect(written.numFmt).toBe('0%');
            const letters = `${cell.sig}${cell.marks ?? ''}`;
            if (withLetters)
              expect(sheet.getCell(at + 1, i + 2).value).toBe(letters === '' ? null : letters);
            if (cell.sig !== '') lettersSeen++;
          });
          at += withLetters ? 2 : 1;
        }
      }
    });
    expect(lettersSeen).toBeGreaterThan(0);
  });

  it('writes the table’s bases and, under a question not everyone was asked, its own bases flagged when low', () => {
    const sheet = book.getWorksheet('3 energy, exec_role by country')!;
    const result = results[2]!;
    const rows = rowsByLabel(sheet);
    const count = result.columns.length;
    expect(values(sheet, only(rows, 'Base: all respondents (unweighted)'), count)).toEqual(
      result.bases.map((b) => b.n),
    );
    const stub = result.stubBases!.find((s) => s.variable === 'exec_role')!;
    const stubRow = only(rows, 'Base: exec_role (unweighted)');
    expect(values(sheet, stubRow, count)).toEqual(stub.bases.map((b) => b.n));
    expect(stub.bases.some((b) => b.lowBase)).toBe(true);
    stub.bases.forEach((base, i) => {
      expect(sheet.getCell(stubRow, i + 2).numFmt).toBe(base.lowBase ? '0" *"' : '0');
    });
    // Unweighted: no weighted or effective base lines.
    expect([...rows.keys()].filter((label) => /\(weighted\)$|: effective$/.test(label))).toEqual(
      [],
    );
    expect([...rows.keys()].find((label) => label.startsWith('* Low base'))).toMatch(
      /fewer than 30 respondents/,
    );
  });

  it('ends with the footnote and a legend of the letters, levels and marks', () => {
    const sheet = book.getWorksheet('3 energy, exec_role by country')!;
    const labels = [...rowsByLabel(sheet).keys()];
    expect(labels).toContain(results[2]!.footnote);
    expect(labels).toContain('Country: A = Germany, B = Italy, C = France, D = South Korea');
    expect(labels).toContain('Wave: A = 2025, B = 2026');
    expect(labels).toContain('Confidence: upper case (A) at 99%, lower case (a) at 95%.');
    expect(labels.some((label) => label.startsWith('+ / - :'))).toBe(true);
  });

  it('reports progress per table', () => {
    const totals = new Set(progress.filter((p) => p.total > 0).map((p) => p.total));
    expect(totals).toEqual(new Set([8]));
  });
});

describe('cew export-tables', () => {
  beforeAll(async () => {
    await session.close();
  });

  it('writes the saved tab plan', async () => {
    const file = path.join(folder, 'cli.xlsx');
    const run = cli(['export-tables', study, '--saved', 'core', '--out', file], folder);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Wrote 4 tables to /);
    expect((await readBook(file)).worksheets).toHaveLength(5);
  });

  it('writes one table from --rows and --cols', async () => {
    const file = path.join(folder, 'one.xlsx');
    const run = cli(
      ['export-tables', study, '--rows', 'gender', '--cols', 'country', '--out', file, '--json'],
      folder,
    );
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as TabBookSummary).sheets).toEqual(['1 gender by country']);
    expect((await readBook(file)).worksheets.map((s) => s.name)).toEqual([
      'Contents',
      '1 gender by country',
    ]);
  });

  it('refuses an unknown plan and leaves no file', () => {
    const file = path.join(folder, 'none.xlsx');
    const run = cli(['export-tables', study, '--saved', 'nope', '--out', file], folder);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no saved table or tab plan named nope/);
    expect(existsSync(file)).toBe(false);
  });
});

describe('LibreOffice', () => {
  itWithLibreOffice(
    'opens the tab book and prints it to PDF',
    () => {
      const out = path.join(folder, 'pdf');
      const pdf = libreOfficeConvert(path.join(folder, 'core.xlsx'), 'pdf', out);
      expect(statSync(pdf).size).toBeGreaterThan(1000);
      const pdftoppm = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
      if (pdftoppm.error === undefined) {
        const png = spawnSync(
          'pdftoppm',
          ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(out, 'page')],
          { encoding: 'utf8' },
        );
        expect(png.status, png.stderr).toBe(0);
        expect(
          readdirSync(out).some((name) => name.startsWith('page') && name.endsWith('.png')),
        ).toBe(true);
      }
    },
    90_000,
  );
});
