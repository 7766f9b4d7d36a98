/**
 * The typing tool exported from the demo study (`segments.typingTool`, `cew segment --typing-tool`)
 * as JSON and as an Excel workbook whose formulas compute the segment: typed with real respondents'
 * answers — "don't know" codes and blanks included — the sheet gives each the segment `cew
 * classify` gives, for the rules (energy) and for a k-means clustering (attitudes). The sheet is
 * computed by a tiny spreadsheet in every run, and by LibreOffice (headless, converted to CSV)
 * where it is installed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { populateDemoStudy } from '../../../src/main/demo/demoStudy';
import {
  FIRST_ROW,
  TYPING_SHEET,
} from '../../../src/main/analysis/segmentation/typingToolWorkbook';
import { closeStudyFile, type OpenStudy } from '../../../src/main/study/studyFile';
import { ColumnCache } from '../../../src/main/worker/columnCache';
import { classifyFile, exportTypingTool, runKMeans } from '../../../src/main/worker/studySegments';
import { studyTableData } from '../../../src/main/worker/studyTableData';
import { classifyInput, typingToolInput } from '../../../src/shared/api/segments';
import type { TypingTool } from '../../../src/shared/domain/segments';
import { tempFolder } from '../../support/studyDb';
import { MiniSpreadsheet } from '../../unit/main/analysis/segmentation/support/miniSpreadsheet';
import { cli, createStudy, parseCsv, writableDb } from '../import/studyHelpers';
import { CSV_FILTER, itWithLibreOffice, libreOfficeConvert } from '../../support/libreOffice';

let folder: string;
let sources: string;
let cleanup: () => void;
let demo: OpenStudy;

beforeAll(async () => {
  ({ folder, cleanup } = tempFolder('cew-typing-tool-'));
  sources = path.join(folder, 'sources');
  demo = createStudy(folder, 'demo');
  await populateDemoStudy(writableDb(demo), sources, new AbortController().signal, () => undefined);
  await runKMeans(
    demo.db,
    writableDb(demo),
    new ColumnCache(demo.db),
    {
      variables: ['attachment', 'fatigue', 'deal_seeking'],
      k: 3,
      seed: 1,
      standardize: true,
      restarts: 5,
      maxIterations: 100,
      filter: 'online = 1',
      name: 'attitudes',
      labels: ['Attached', 'Weary', 'Bargain hunters'],
    },
    new AbortController().signal,
    () => undefined,
  );
}, 300_000);

afterAll(() => {
  closeStudyFile(demo);
  cleanup();
});

interface Respondent {
  id: string;
  /** classify's code for them, '' for none. */
  code: string;
  /** Their answers as the study holds them (user-missing codes such as 99 kept), null if blank. */
  answers: Array<number | null>;
}

/**
 * Respondents of a demo file as classify placed them — `each` of every outcome — with their
 * answers to the tool's questions from the study.
 */
async function respondents(
  segmentation: string,
  file: string,
  tool: TypingTool,
  each: number,
  options: { encoding?: string } = {},
): Promise<Respondent[]> {
  const report = await classifyFile(
    demo.db,
    classifyInput.parse({
      segmentation,
      path: path.join(sources, file),
      out: path.join(folder, `${segmentation}.csv`),
      ...options,
    }),
  );
  const [, ...rows] = parseCsv(
    readFileSync(report.out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim(),
  );
  const data = studyTableData(demo.db, new ColumnCache(demo.db));
  const ids = data.variable('resp_id').values;
  const rowOf = new Map(Array.from(ids, (id, row) => [String(id), row]));
  const columns = tool.inputs.map((input) => data.variable(input.variable).values);
  const taken = new Map<string, number>();
  const chosen: Respondent[] = [];
  for (const [id, code] of rows) {
    const seen = taken.get(code!) ?? 0;
    if (seen >= each) continue;
    taken.set(code!, seen + 1);
    const row = rowOf.get(id!)!;
    chosen.push({
      id: id!,
      code: code!,
      answers: columns.map((column) => (Number.isNaN(column[row]!) ? null : column[row]!)),
    });
  }
  return chosen;
}

/** Writes the Excel tool with these respondents typed in; returns the filled file. */
async function typedIn(segmentation: string, people: Respondent[]): Promise<string> {
  const blank = path.join(folder, `${segmentation}.xlsx`);
  await exportTypingTool(
    demo.db,
    typingToolInput.parse({ segmentation, out: blank, rows: people.length }),
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(blank);
  const sheet = workbook.getWorksheet(TYPING_SHEET)!;
  people.forEach((person, r) => {
    sheet.getCell(FIRST_ROW + r, 1).value = person.id;
    person.answers.forEach((value, i) => {
      if (value !== null) sheet.getCell(FIRST_ROW + r, 2 + i).value = value;
    });
  });
  const filled = path.join(folder, `${segmentation}-typed.xlsx`);
  await workbook.xlsx.writeFile(filled);
  return filled;
}

/** The codes the mini spreadsheet computes on the filled sheet ('' for none). */
async function miniCodes(file: string, rows: number): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const header = workbook.getWorksheet(TYPING_SHEET)!.getRow(FIRST_ROW - 2).values as unknown[];
  const column = header.indexOf('Segment code');
  const sheet = new MiniSpreadsheet(workbook);
  return Array.from({ length: rows }, (_, r) =>
    String(sheet.value(TYPING_SHEET, FIRST_ROW + r, column)),
  );
}

/** The codes LibreOffice computes: the typing sheet (the first) converted to CSV. */
function libreOfficeCodes(file: string, rows: number): string[] {
  const converted = libreOfficeConvert(file, CSV_FILTER, path.join(folder, 'lo'));
  const csv = parseCsv(readFileSync(converted, 'utf8'));
  const column = csv[FIRST_ROW - 3]!.indexOf('Segment code');
  return csv.slice(FIRST_ROW - 1, FIRST_ROW - 1 + rows).map((line) => line[column] ?? '');
}

describe('the typing tool of energy (rules)', () => {
  let people: Respondent[];
  let filled: string;
  beforeAll(async () => {
    const tool = (await exportAsJson('energy')).tool;
    // German customers of 2025: "don't know" (99) is declared missing there.
    people = await respondents('energy', 'DE_2025_customers.sav', tool, 12);
    filled = await typedIn('energy', people);
  }, 60_000);

  it('covers every segment and respondents with none', () => {
    expect(new Set(people.map((p) => p.code))).toEqual(new Set(['1', '2', '3', '']));
  });

  it('computes, in its formulas, the segment classify gives each respondent', async () => {
    expect(await miniCodes(filled, people.length)).toEqual(people.map((p) => p.code));
  });

  itWithLibreOffice(
    'computes the same in LibreOffice',
    () => {
      expect(libreOfficeCodes(filled, people.length)).toEqual(people.map((p) => p.code));
    },
    120_000,
  );

  it('is written as JSON with the rules in words and the questions with their codes', async () => {
    const { tool } = await exportAsJson('energy');
    expect(tool.method).toBe('rules');
    if (tool.method !== 'rules') return;
    expect(tool.universe).toBe('all of respondent_type = 1, online = 1');
    expect(tool.rules.map((rule) => [rule.code, rule.label])).toEqual([
      [1, 'Creators'],
      [2, 'Contributors'],
    ]);
    expect(tool.else).toEqual({ code: 3, label: 'Viewers' });
    expect(tool.inputs.map((input) => input.variable)).toEqual([
      'respondent_type',
      'online',
      'create_video',
      'create_blog',
      'create_review',
      'create_idea',
      'comment',
      'rate',
      'recommend',
    ]);
    expect(tool.inputs[2]!.values.map((v) => v.code)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('the typing tool of a k-means clustering', () => {
  let people: Respondent[];
  let filled: string;
  beforeAll(async () => {
    const tool = (await exportAsJson('attitudes')).tool;
    // French customers of 2025, their answer texts mapped onto the study's codes by classify.
    const all = await respondents('attitudes', 'FR_2025_customers.csv', tool, 15, {
      encoding: 'windows-1252',
    });
    // The sheet cannot apply the clustering's filter (online = 1): it says to type only such respondents.
    const online = studyTableData(demo.db, new ColumnCache(demo.db)).variable('online').values;
    const ids = studyTableData(demo.db, new ColumnCache(demo.db)).variable('resp_id').values;
    const onlineIds = new Set(
      Array.from(ids)
        .filter((_, row) => online[row] === 1)
        .map(String),
    );
    people = all.filter((person) => onlineIds.has(person.id));
    filled = await typedIn('attitudes', people);
  }, 60_000);

  it('has respondents in every cluster, and some with a question not answered', () => {
    expect(new Set(people.map((p) => p.code))).toEqual(new Set(['1', '2', '3', '']));
  });

  it('puts each respondent at the nearest centre, as classify does', async () => {
    expect(await miniCodes(filled, people.length)).toEqual(people.map((p) => p.code));
  });

  itWithLibreOffice(
    'computes the same in LibreOffice',
    () => {
      expect(libreOfficeCodes(filled, people.length)).toEqual(people.map((p) => p.code));
    },
    120_000,
  );

  it('is written as JSON with the standardisation and the centres in both scales', async () => {
    const { tool } = await exportAsJson('attitudes');
    expect(tool.method).toBe('kmeans');
    if (tool.method !== 'kmeans') return;
    expect(tool.scaling.map((s) => s.variable)).toEqual(['attachment', 'fatigue', 'deal_seeking']);
    expect(tool.filter).toBe('online = 1');
    const { mean, sd } = tool.scaling[0]!;
    expect(tool.centersInUnits[0]!.attachment).toBeCloseTo(tool.centers[0]![0]! * sd + mean, 12);
    expect(tool.segments.map((s) => s.label)).toEqual(['Attached', 'Weary', 'Bargain hunters']);
  });
});

describe('cew segment --typing-tool', () => {
  it('writes Excel or JSON by the file name', () => {
    const xlsx = path.join(folder, 'cli.xlsx');
    const written = cli(
      ['segment', demo.path, '--typing-tool', 'energy', '--out', xlsx, '--json'],
      folder,
    );
    expect(written.code).toBe(0);
    expect(JSON.parse(written.stdout)).toMatchObject({ format: 'xlsx', rows: 200, out: xlsx });
    const json = path.join(folder, 'cli.json');
    expect(cli(['segment', demo.path, '--typing-tool', 'energy', '--out', json], folder).code).toBe(
      0,
    );
    expect((JSON.parse(readFileSync(json, 'utf8')) as TypingTool).format).toBe('cew-typing-tool');
  });
});

async function exportAsJson(segmentation: string): Promise<{ tool: TypingTool }> {
  const out = path.join(folder, `${segmentation}.json`);
  await exportTypingTool(demo.db, typingToolInput.parse({ segmentation, out }));
  return { tool: JSON.parse(readFileSync(out, 'utf8')) as TypingTool };
}
