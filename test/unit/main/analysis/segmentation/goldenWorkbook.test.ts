/**
 * The golden questions' sheets of the Excel typing tool: evaluated by the tiny spreadsheet
 * (support/miniSpreadsheet.ts), their formulas — an "at or above" indicator per level, a score
 * per segment from the coefficients on the model sheet, the segment by INDEX/MATCH on MAX — give
 * each of 300 seeded random respondents the segment classifyByGolden gives, blanks, "don't know"
 * codes and answers above every level included; the model sheet shows the coefficients plainly.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  classifyByGolden,
  fitGoldenModel,
} from '../../../../../src/main/analysis/segmentation/goldenModel';
import { RIDGE } from '../../../../../src/main/analysis/segmentation/goldenQuestions';
import { seededRandom } from '../../../../../src/main/analysis/segmentation/seededRandom';
import {
  FIRST_ROW,
  GOLDEN_MODEL_SHEET,
  GOLDEN_SHEET,
  TYPING_SHEET,
  typingToolWorkbook,
} from '../../../../../src/main/analysis/segmentation/typingToolWorkbook';
import type {
  GoldenTypingTool,
  RulesTypingTool,
  TypingTool,
} from '../../../../../src/shared/domain/segments';
import { MiniSpreadsheet } from './support/miniSpreadsheet';

const DONT_KNOW = 99;
const SEGMENTS = [
  { code: 1, label: 'Creators' },
  { code: 2, label: 'Contributors' },
  { code: 3, label: 'Viewers' },
];

/** Three 1–5 questions whose thresholds tell the segments apart, blurred by one answer in five. */
function golden(): GoldenTypingTool {
  const random = seededRandom(3);
  const n = 900;
  const classOf = Int32Array.from({ length: n }, (_, i) => i % 3);
  const answer = (k: number, cut: number) =>
    random() < 0.2 ? 1 + Math.floor(random() * 5) : k === 0 ? cut + 1 : k === 1 ? cut : 1;
  const columns = [4, 3, 2].map((cut) =>
    Float64Array.from(classOf, (k) => Math.min(5, answer(k, cut))),
  );
  const names = ['create', 'comment', 'rate'];
  const { fitted, withoutAnswer, inSample, ...plain } = fitGoldenModel({
    columns,
    names,
    coded: [true, true, true],
    segments: SEGMENTS,
    classOf,
    priors: 'equal',
    ridge: RIDGE,
  });
  return {
    ...plain,
    classifier: 'linear discriminant analysis',
    fittedOn: { respondents: fitted, withoutAnswer, description: `all ${fitted}` },
    inSample: {
      accuracy: inSample.accuracy,
      balancedAccuracy: inSample.balancedAccuracy,
      recall: inSample.bySegment.map((s) => s.recall),
    },
    search: {
      criterion: 'balanced',
      target: 0.9,
      seed: 1,
      reached: true,
      holdOutScore: 0.9,
      holdOutAccuracy: 0.9,
    },
    inputs: names.map((variable) => ({
      variable,
      label: `How often do you ${variable}?`,
      roles: [],
      values: [1, 2, 3, 4, 5].map((code) => ({ code, label: `answer ${code}` })),
      missing: [DONT_KNOW],
    })),
  };
}

/** A rule segmentation's tool (its own sheets are not what is tested here) with the golden one. */
function toolWith(model: GoldenTypingTool): TypingTool {
  const tool: RulesTypingTool = {
    format: 'cew-typing-tool',
    version: 1,
    segmentation: 'energy',
    label: 'Customer energy',
    segments: SEGMENTS,
    inputs: [],
    method: 'rules',
    scheme: {
      name: 'x',
      title: 'X',
      roles: [],
      rules: [],
      else: { code: 3, label: 'Viewers' },
    },
    bindings: {},
    missingAnswers: 'undecided',
    universe: null,
    rules: [],
    else: { code: 3, label: 'Viewers' },
  };
  return { ...tool, golden: model };
}

describe('the golden questions as formulas', () => {
  const model = golden();
  const tool = toolWith(model);

  it("the sheet gives each of 300 random respondents classifyByGolden's segment", async () => {
    const random = seededRandom(11);
    const answers = Array.from({ length: 300 }, () =>
      model.inputs.map(() => {
        const r = random();
        if (r < 0.04) return null;
        if (r < 0.07) return DONT_KNOW;
        if (r < 0.09) return 7; // above every level seen: at or above each
        return 1 + Math.floor(random() * 5);
      }),
    );
    const written = await typingToolWorkbook(tool, answers.length, {
      goldenOnly: true,
    }).xlsx.writeBuffer();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(written);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      GOLDEN_SHEET,
      GOLDEN_MODEL_SHEET,
    ]);
    const sheet = workbook.getWorksheet(GOLDEN_SHEET)!;
    answers.forEach((row, r) =>
      row.forEach((value, i) => {
        if (value !== null) sheet.getCell(FIRST_ROW + r, 2 + i).value = value;
      }),
    );
    const header = sheet.getRow(FIRST_ROW - 2).values as Array<string | undefined>;
    const codeColumn = header.indexOf('Segment code');
    const mini = new MiniSpreadsheet(workbook);
    const computed = answers.map((_, r) => mini.value(GOLDEN_SHEET, FIRST_ROW + r, codeColumn));

    const columns = model.inputs.map((_, d) =>
      Float64Array.from(answers, (row) =>
        row[d] === null || row[d] === DONT_KNOW ? Number.NaN : row[d]!,
      ),
    );
    const expected = classifyByGolden(model, columns).codes;
    expect(computed).toEqual(Array.from(expected, (code) => (Number.isNaN(code) ? '' : code)));
    expect(new Set(computed)).toEqual(new Set([1, 2, 3, '']));
  });

  it('reads each answer, then one indicator column per level above the lowest, then a score per segment', async () => {
    const workbook = typingToolWorkbook(tool, 1, { goldenOnly: true });
    const sheet = workbook.getWorksheet(GOLDEN_SHEET)!;
    const header = (sheet.getRow(FIRST_ROW - 2).values as unknown[]).slice(1);
    expect(header).toEqual([
      'ID',
      'create',
      'comment',
      'rate',
      'create read as',
      'comment read as',
      'rate read as',
      ...model.terms.map((term) => `${term.variable} ≥ ${term.atOrAbove}`),
      'Score: Creators',
      'Score: Contributors',
      'Score: Viewers',
      'Segment code',
      'Segment',
      'Why no segment',
    ]);
    expect(model.terms.map((term) => `${term.variable} ≥ ${term.atOrAbove}`).slice(0, 4)).toEqual([
      'create ≥ 2',
      'create ≥ 3',
      'create ≥ 4',
      'create ≥ 5',
    ]);
    expect(sheet.getCell(FIRST_ROW, 8).formula).toBe('IF(ISNUMBER(E6),IF(E6>=2,1,0),"")');
  });

  it('lays out each segment with its constant and a coefficient under each term on the model sheet', () => {
    const workbook = typingToolWorkbook(tool, 1, { goldenOnly: true });
    const sheet = workbook.getWorksheet(GOLDEN_MODEL_SHEET)!;
    const rows = [6, 7, 8, 9].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
    expect(rows[0]).toEqual([
      'Code',
      'Segment',
      'Constant',
      ...model.terms.map((term) => `${term.variable} ≥ ${term.atOrAbove}`),
    ]);
    model.segments.forEach((segment, k) =>
      expect(rows[k + 1]).toEqual([
        segment.code,
        segment.label,
        segment.constant,
        ...segment.coefficients,
      ]),
    );
  });

  it("follows the segmentation's own sheets in the full workbook", () => {
    const workbook = typingToolWorkbook(tool, 1);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      TYPING_SHEET,
      'Rules',
      GOLDEN_SHEET,
      GOLDEN_MODEL_SHEET,
    ]);
  });
});
