/**
 * The golden questions' typing tool on the demo study: the model on the five chosen questions,
 * refitted on every respondent with an energy segment who answered them, saved with the
 * segmentation (`segments.golden` with `save`, `cew segment --golden --save-typing-tool`), applied
 * to a file's respondents by `cew classify --golden` from those five answers alone — exactly the
 * model's own predictions, about as accurate as on the hold-out, and no segment for anyone who
 * left a question unanswered — and written as an Excel sheet whose formulas give the same
 * segments, in a tiny spreadsheet in every run and in LibreOffice where it is installed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldenClasses } from '../../../src/main/analysis/segmentation/goldenModel';
import {
  FIRST_ROW,
  GOLDEN_SHEET,
} from '../../../src/main/analysis/segmentation/typingToolWorkbook';
import { populateDemoStudy } from '../../../src/main/demo/demoStudy';
import { closeStudyFile, type OpenStudy } from '../../../src/main/study/studyFile';
import { ColumnCache } from '../../../src/main/worker/columnCache';
import {
  classifyFile,
  exportTypingTool,
  goldenQuestionsFor,
  listSegmentations,
} from '../../../src/main/worker/studySegments';
import { studyTableData } from '../../../src/main/worker/studyTableData';
import { classifyInput, goldenInput, typingToolInput } from '../../../src/shared/api/segments';
import type {
  GoldenQuestionsReport,
  GoldenTypingModel,
  TypingTool,
} from '../../../src/shared/domain/segments';
import { CSV_FILTER, itWithLibreOffice, libreOfficeConvert } from '../../support/libreOffice';
import { tempFolder } from '../../support/studyDb';
import { MiniSpreadsheet } from '../../unit/main/analysis/segmentation/support/miniSpreadsheet';
import { cli, createStudy, parseCsv, writableDb } from '../import/studyHelpers';
import { BEHAVIOURS as DEMO_BEHAVIOURS } from '../../../src/main/demo/questionnaire';

/** The demo's behaviour questions: the candidates for golden questions. */
const BEHAVIOURS: string[] = [...DEMO_BEHAVIOURS];
const signal = new AbortController().signal;
const quiet = () => undefined;
const FILES = ['DE_2025_customers.sav', 'DE_2026_customers.sav'];

let folder: string;
let sources: string;
let cleanup: () => void;
let demo: OpenStudy;
let report: GoldenQuestionsReport;
let model: GoldenTypingModel;

beforeAll(async () => {
  ({ folder, cleanup } = tempFolder('cew-golden-tool-'));
  sources = path.join(folder, 'sources');
  demo = createStudy(folder, 'demo');
  await populateDemoStudy(writableDb(demo), sources, signal, quiet);
  report = await goldenQuestionsFor(
    demo.db,
    new ColumnCache(demo.db),
    goldenInput.parse({ segmentation: 'energy', candidates: BEHAVIOURS, save: true }),
    signal,
    quiet,
    writableDb(demo),
  );
  model = report.model!;
}, 300_000);

afterAll(() => {
  closeStudyFile(demo);
  cleanup();
});

/** Study answers by respondent ID: the energy segment and the model's own prediction. */
function studyRespondents(): Map<string, { segment: number; predicted: string }> {
  const data = studyTableData(demo.db, new ColumnCache(demo.db));
  const ids = data.variable('resp_id').values;
  const segment = data.variable('energy').values;
  const columns = model.questions.map((q) => data.variable(q.variable).values);
  const predicted = goldenClasses(model, columns);
  return new Map(
    Array.from(ids, (id, row) => [
      String(id),
      {
        segment: segment[row]!,
        predicted: predicted[row]! < 0 ? '' : String(model.segments[predicted[row]!]!.code),
      },
    ]),
  );
}

/** The CSV classify --golden writes for a demo file: [id, code, segment, reason] rows. */
async function classified(file: string) {
  const out = path.join(folder, `${file}.csv`);
  const result = await classifyFile(
    demo.db,
    classifyInput.parse({
      segmentation: 'energy',
      path: path.join(sources, file),
      out,
      golden: true,
      // The 2026 files name rate rate_brands.
      ...(file.includes('2026') ? { map: { rate: 'rate_brands' } } : {}),
    }),
  );
  const [, ...rows] = parseCsv(
    readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim(),
  );
  return { result, rows: rows as string[][] };
}

describe('the golden typing tool of energy', () => {
  it('is the model on the five questions, refitted on everyone with a segment who answered them', () => {
    expect(report.reached).toBe(true);
    expect(model.questions.map((q) => q.variable)).toEqual(report.chosen);
    expect(model.questions).toHaveLength(5);
    expect(model.terms).toHaveLength(20);
    expect(model.terms[0]).toEqual({ variable: report.chosen[0], atOrAbove: 2 });
    // 264 + 1,199 + 4,690 with a segment, every one of them online and asked the behaviours.
    expect(model.fittedOn).toMatchObject({ respondents: 6153, withoutAnswer: 0 });
    expect(model.fittedOn.description).toMatch(/training and hold-out alike/);
    expect(model.segments.map((s) => [s.code, s.coefficients.length])).toEqual([
      [1, 20],
      [2, 20],
      [3, 20],
    ]);
    expect(model.inSample.balancedAccuracy).toBeGreaterThan(0.88);
    expect(model.search).toMatchObject({ criterion: 'balanced', target: 0.9, reached: true });
  });

  it('is saved with the segmentation and exported as JSON with its questions described', async () => {
    expect(report.saved).toBe('energy');
    const saved = listSegmentations(demo.db, new ColumnCache(demo.db)).find(
      (s) => s.name === 'energy',
    )!;
    expect(saved.definition.golden).toEqual(model);
    const out = path.join(folder, 'energy.json');
    const written = await exportTypingTool(
      demo.db,
      typingToolInput.parse({ segmentation: 'energy', out }),
    );
    expect(written.golden).toEqual(report.chosen);
    const tool = JSON.parse(readFileSync(out, 'utf8')) as TypingTool;
    expect(tool.golden!.segments).toEqual(model.segments);
    expect(tool.golden!.inputs.map((input) => input.variable)).toEqual(report.chosen);
    expect(tool.golden!.inputs[0]!.values.map((v) => v.code)).toEqual([1, 2, 3, 4, 5]);
  });

  it('types a file from the five answers exactly as the model does, as accurately as on the hold-out', async () => {
    const known = studyRespondents();
    let compared = 0;
    let correct = 0;
    for (const file of FILES) {
      const { result, rows } = await classified(file);
      expect(result.golden).toBe(true);
      for (const [id, code] of rows) {
        const respondent = known.get(id!)!;
        expect(code).toBe(respondent.predicted);
        if (Number.isNaN(respondent.segment)) continue;
        compared++;
        if (Number(code) === respondent.segment) correct++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(Math.abs(correct / compared - model.search.holdOutAccuracy)).toBeLessThan(0.03);
  });

  it('gives no segment, and says why, to a respondent who left a question unanswered', async () => {
    const { result, rows } = await classified(FILES[0]!);
    const none = rows.filter((row) => row[1] === '');
    expect(none.length).toBe(result.unclassified);
    expect(result.unclassified).toBeGreaterThan(0);
    expect(result.reasons.every((r) => r.reason.startsWith('no answer to '))).toBe(true);
    expect(none.every((row) => row[2] === '' && row[3]!.startsWith('no answer to '))).toBe(true);
  });
});

describe('the golden typing tool as an Excel sheet', () => {
  let people: Array<{ id: string; code: string; answers: Array<number | null> }>;
  let filled: string;

  beforeAll(async () => {
    const { rows } = await classified(FILES[0]!);
    const data = studyTableData(demo.db, new ColumnCache(demo.db));
    const ids = data.variable('resp_id').values;
    const rowOf = new Map(Array.from(ids, (id, row) => [String(id), row]));
    const columns = model.questions.map((q) => data.variable(q.variable).values);
    // Up to 15 of each outcome: the three segments and none.
    const taken = new Map<string, number>();
    people = [];
    for (const [id, code] of rows) {
      if ((taken.get(code!) ?? 0) >= 15) continue;
      taken.set(code!, (taken.get(code!) ?? 0) + 1);
      const row = rowOf.get(id!)!;
      people.push({
        id: id!,
        code: code!,
        answers: columns.map((column) => (Number.isNaN(column[row]!) ? null : column[row]!)),
      });
    }
    // One with a single question unanswered.
    const partial = people.find((p) => p.code === '3')!;
    people.push({ id: 'partial', code: '', answers: [null, ...partial.answers.slice(1)] });
    const blank = path.join(folder, 'golden.xlsx');
    await exportTypingTool(
      demo.db,
      typingToolInput.parse({
        segmentation: 'energy',
        out: blank,
        rows: people.length,
        golden: true,
      }),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(blank);
    expect(workbook.worksheets[0]!.name).toBe(GOLDEN_SHEET);
    const sheet = workbook.getWorksheet(GOLDEN_SHEET)!;
    people.forEach((person, r) => {
      sheet.getCell(FIRST_ROW + r, 1).value = person.id;
      person.answers.forEach((value, i) => {
        if (value !== null) sheet.getCell(FIRST_ROW + r, 2 + i).value = value;
      });
    });
    filled = path.join(folder, 'golden-typed.xlsx');
    await workbook.xlsx.writeFile(filled);
  }, 60_000);

  it('has respondents of every segment and some with no answers', () => {
    expect(new Set(people.map((p) => p.code))).toEqual(new Set(['1', '2', '3', '']));
  });

  it('computes, in its formulas, the segment classify --golden gives each respondent', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(filled);
    const header = workbook.getWorksheet(GOLDEN_SHEET)!.getRow(FIRST_ROW - 2).values as unknown[];
    const column = header.indexOf('Segment code');
    const sheet = new MiniSpreadsheet(workbook);
    const codes = people.map((_, r) => String(sheet.value(GOLDEN_SHEET, FIRST_ROW + r, column)));
    expect(codes).toEqual(people.map((p) => p.code));
  });

  itWithLibreOffice(
    'computes the same in LibreOffice',
    () => {
      const converted = libreOfficeConvert(filled, CSV_FILTER, path.join(folder, 'lo'));
      const csv = parseCsv(readFileSync(converted, 'utf8'));
      const column = csv[FIRST_ROW - 3]!.indexOf('Segment code');
      const codes = csv
        .slice(FIRST_ROW - 1, FIRST_ROW - 1 + people.length)
        .map((line) => line[column] ?? '');
      expect(codes).toEqual(people.map((p) => p.code));
    },
    120_000,
  );
});

describe('cew segment --golden --save-typing-tool and cew classify --golden', () => {
  it('saves the tool, writes the five-question workbook and types a file with it', () => {
    const saved = cli(
      [
        'segment',
        demo.path,
        '--golden',
        'energy',
        '--candidates',
        BEHAVIOURS.join(','),
        '--save-typing-tool',
      ],
      folder,
    );
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toMatch(
      /Typing tool from the 5 questions: the model refitted on every respondent/,
    );
    expect(saved.stdout).toMatch(/saved with energy/);
    const xlsx = path.join(folder, 'cli-golden.xlsx');
    const written = cli(
      ['segment', demo.path, '--typing-tool', 'energy', '--golden-only', '--out', xlsx, '--json'],
      folder,
    );
    expect(written.code, written.stderr).toBe(0);
    expect(JSON.parse(written.stdout)).toMatchObject({
      inputs: report.chosen,
      golden: report.chosen,
    });
    const typed = cli(
      [
        'classify',
        demo.path,
        '--segmentation',
        'energy',
        '--golden',
        path.join(sources, FILES[0]!),
        '--out',
        path.join(folder, 'cli.csv'),
      ],
      folder,
    );
    expect(typed.code, typed.stderr).toBe(0);
    expect(typed.stdout).toMatch(/classified into energy \(the golden questions' typing tool\)/);
  });
});
