/**
 * The Excel typing tool computes the segment itself: its formulas, evaluated by a tiny spreadsheet
 * (support/miniSpreadsheet.ts), give every respondent the segment the workbench gives — the rules'
 * three-valued logic with blanks and "don't know" codes included, and the nearest standardised
 * centre — on hundreds of seeded random respondents. The rules and centres sheets read plainly.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { classifyByCentres } from '../../../../../src/main/analysis/segmentation/centreClassification';
import { conditionText } from '../../../../../src/main/analysis/segmentation/conditionText';
import { customerEnergyScheme } from '../../../../../src/main/analysis/segmentation/customerEnergyScheme';
import { classifyByRules } from '../../../../../src/main/analysis/segmentation/ruleClassification';
import { seededRandom } from '../../../../../src/main/analysis/segmentation/seededRandom';
import {
  typingTool,
  typingToolVariables,
} from '../../../../../src/main/analysis/segmentation/typingTool';
import {
  FIRST_ROW,
  TYPING_SHEET,
  typingToolWorkbook,
} from '../../../../../src/main/analysis/segmentation/typingToolWorkbook';
import type {
  KMeansDefinition,
  RulesDefinition,
  SegmentScheme,
  TypingTool,
} from '../../../../../src/shared/domain/segments';
import { MiniSpreadsheet } from './support/miniSpreadsheet';

const DONT_KNOW = 99;
const SCALE = [1, 2, 3, 4, 5].map((code) => ({ code, label: `answer ${code}` }));

/** A tool for a definition whose every input has codes 1–5 (respondent type and online 1–2). */
function toolFor(
  definition: RulesDefinition | KMeansDefinition,
  segments: Array<{ code: number; label: string }>,
): TypingTool {
  const inputs = typingToolVariables(definition).map((variable) => ({
    variable,
    label: `the question ${variable}`,
    roles: [],
    values: SCALE,
    missing: variable.startsWith('energy_') ? [DONT_KNOW] : [],
  }));
  return typingTool({ name: 'seg', label: 'A segmentation', definition, segments }, inputs);
}

/** Random answers: some blank, some "don't know", the rest 1–5 (1–2 for yes/no questions). */
function randomAnswers(tool: TypingTool, rows: number, seed: number): Array<Array<number | null>> {
  const random = seededRandom(seed, 7);
  return Array.from({ length: rows }, () =>
    tool.inputs.map((input) => {
      const r = random();
      if (r < 0.06) return null;
      if (r < 0.09) return DONT_KNOW;
      const top = ['respondent_type', 'online', 'a'].includes(input.variable) ? 2 : 5;
      // Lean towards yes, so most are inside a universe, and towards "never", so all segments occur.
      if (top === 2) return random() < 0.8 ? 1 : 2;
      return random() < 0.75 ? 1 : 2 + Math.floor(random() * 4);
    }),
  );
}

/** The segment codes the sheet computes for these respondents ('' → NaN). */
async function sheetCodes(
  tool: TypingTool,
  answers: Array<Array<number | null>>,
): Promise<number[]> {
  // Written and read back, as a client's Excel would get it.
  const written = await typingToolWorkbook(tool, answers.length).xlsx.writeBuffer();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(written);
  const sheet = workbook.getWorksheet(TYPING_SHEET)!;
  answers.forEach((row, r) =>
    row.forEach((value, i) => {
      if (value !== null) sheet.getCell(FIRST_ROW + r, 2 + i).value = value;
    }),
  );
  const header = sheet.getRow(FIRST_ROW - 2).values as Array<string | undefined>;
  const codeColumn = header.indexOf('Segment code');
  const spreadsheet = new MiniSpreadsheet(workbook);
  return answers.map((_, r) => {
    const value = spreadsheet.value(TYPING_SHEET, FIRST_ROW + r, codeColumn);
    if (value !== '' && typeof value !== 'number')
      throw new Error(`row ${r}: ${JSON.stringify(value)}`);
    return value === '' ? Number.NaN : value;
  });
}

/** The answers as the workbench reads them: blank and declared "don't know" are missing. */
function columnsOf(
  tool: TypingTool,
  answers: Array<Array<number | null>>,
): Map<string, Float64Array> {
  return new Map(
    tool.inputs.map((input, i) => [
      input.variable,
      Float64Array.from(answers, (row) => {
        const value = row[i];
        return value === null || value === undefined || input.missing.includes(value)
          ? Number.NaN
          : value;
      }),
    ]),
  );
}

const rulesDefinition = (
  scheme: SegmentScheme,
  split: 'valence' | null = null,
): RulesDefinition => ({
  method: 'rules',
  scheme,
  bindings: {},
  split,
});

describe('the rules as formulas', () => {
  const cases: Array<[string, RulesDefinition]> = [
    ['Customer Energy', rulesDefinition(customerEnergyScheme)],
    [
      'Customer Energy split by valence (role against role)',
      rulesDefinition(customerEnergyScheme, 'valence'),
    ],
  ];
  const listed: SegmentScheme = {
    name: 'listed',
    title: 'not, in and a missing answer that is not met',
    roles: [
      { name: 'a', label: '' },
      { name: 'b', label: '' },
      { name: 'c', label: '' },
    ],
    universe: { role: 'a', in: [1] },
    rules: [
      { code: 1, label: 'High b', when: { not: { role: 'b', op: '<', value: 3 } } },
      {
        code: 2,
        label: 'b above c',
        when: {
          all: [
            { role: 'c', op: '!=', value: 2 },
            { role: 'b', op: '>', value: { role: 'c' } },
          ],
        },
      },
    ],
    else: { code: 3, label: 'Others' },
  };
  cases.push(['not, in, role against role', rulesDefinition(listed)]);
  cases.push([
    'the same with missingAnswers not-met',
    rulesDefinition({ ...listed, missingAnswers: 'not-met' }),
  ]);

  for (const [name, definition] of cases) {
    it(`${name}: the sheet gives each of 300 random respondents the workbench's segment`, async () => {
      const scheme = typingTool({ name: 's', label: 's', definition, segments: [] }, []);
      const tool = toolFor(
        definition,
        scheme.method === 'rules' ? [...scheme.rules, scheme.else] : [],
      );
      const answers = randomAnswers(tool, 300, 1);
      const expected = classifyByRules(
        tool.method === 'rules' ? tool.scheme : customerEnergyScheme,
        columnsOf(tool, answers),
        answers.length,
      ).codes;
      const codes = await sheetCodes(tool, answers);
      expect(codes).toEqual(Array.from(expected));
      // Every outcome occurs: each segment and no segment.
      const segments = tool.segments.map((segment) => String(segment.code));
      expect(new Set(codes.map(String))).toEqual(new Set([...segments, 'NaN']));
    });
  }
});

describe('the centres as formulas', () => {
  it('the sheet puts each of 300 random respondents at the nearest centre, as the workbench does', async () => {
    const definition: KMeansDefinition = {
      method: 'kmeans',
      variables: ['x', 'y', 'z'],
      standardize: true,
      scaling: [
        { variable: 'x', mean: 3.1, sd: 1.2 },
        { variable: 'y', mean: 2.7, sd: 0.9 },
        { variable: 'z', mean: 3.4, sd: 1.1 },
      ],
      centers: [
        [0.8, -0.5, 0.1],
        [-0.9, 0.7, -0.2],
        [0.1, 0.2, 1.3],
      ],
      labels: ['Keen', 'Wary', 'Thrifty'],
      filter: null,
      seed: 1,
    };
    const tool = toolFor(definition, [
      { code: 1, label: 'Keen' },
      { code: 2, label: 'Wary' },
      { code: 3, label: 'Thrifty' },
    ]);
    const answers = randomAnswers(tool, 300, 2);
    const columns = columnsOf(tool, answers);
    const expected = classifyByCentres(
      definition.variables.map((v) => columns.get(v)!),
      definition.variables,
      definition.scaling,
      definition.centers,
    ).codes;
    expect(await sheetCodes(tool, answers)).toEqual(Array.from(expected));
  });
});

describe('the plainly laid out sheets', () => {
  it('writes each rule in words with the variables it reads', () => {
    const when = customerEnergyScheme.rules[0]!.when;
    expect(conditionText(when, (role) => (role === 'create_video' ? 'q12' : role))).toBe(
      'any of q12 ≥ 3, create_blog ≥ 3, create_review ≥ 3, create_idea ≥ 3',
    );
    expect(conditionText(customerEnergyScheme.universe!)).toBe(
      'all of respondent_type = 1, online = 1',
    );
  });

  it('lists the rules in order on the Rules sheet, with the else segment last', () => {
    const tool = toolFor(rulesDefinition(customerEnergyScheme), [
      { code: 1, label: 'Creators' },
      { code: 2, label: 'Contributors' },
      { code: 3, label: 'Viewers' },
    ]);
    const rules = typingToolWorkbook(tool, 1).getWorksheet('Rules')!;
    const table = [7, 8, 9].map((row) => (rules.getRow(row).values as unknown[]).slice(1, 3));
    expect(table).toEqual([
      [1, 'Creators'],
      [2, 'Contributors'],
      [3, 'Viewers'],
    ]);
    expect(rules.getCell('B4').value).toBe('all of respondent_type = 1, online = 1');
  });
});
