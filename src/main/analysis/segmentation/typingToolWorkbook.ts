/**
 * The typing tool as an Excel workbook a client can use without the workbench:
 *
 * - sheet "Typing tool": one respondent a row; the yellow columns are where the answers are typed
 *   (the codes listed on the second sheet, empty for no answer), grey columns show the working —
 *   each answer as the rules read it, then whether the universe and each rule hold (or may hold),
 *   or the standardised distance to each centre — and green columns the segment's code and name;
 *   the last column says why a respondent has no segment. Every one of these is a formula.
 * - sheet "Rules" (or "Centres"): the rules in words in their order, the universe and the
 *   questions with their codes — or the means and standard deviations that standardise the answers
 *   and the centres, standardised and in the answers' own units. The formulas read the numbers
 *   from here, so the sheet shows exactly what is computed.
 *
 * Rules become nested IF/OR/AND formulas (excelFormulas.ts); clusters SQRT(SUMPRODUCT(…)) of the
 * standardised differences per centre, and MATCH(MIN(…)) of those distances picks the nearest
 * centre — the first of equals, as nearestCentre.ts does.
 *
 * With a golden typing tool saved (goldenModel.ts), sheets "Golden questions" and "Golden model"
 * follow (or stand alone): the few questions typed, an "at or above" indicator per level by IF,
 * each segment's score as its constant plus SUMPRODUCT of the terms and its coefficients — read
 * from the model sheet, where they are plainly laid out — and the segment by INDEX/MATCH on MAX.
 */
import ExcelJS from 'exceljs';
import type {
  GoldenTerm,
  GoldenTypingTool,
  KMeansTypingTool,
  RulesTypingTool,
  TypingTool,
  TypingToolInput,
} from '../../../shared/domain/segments';
import {
  answeredFormula,
  conditionFormulas,
  segmentFormula,
  type ConditionFormulas,
} from './excelFormulas';
import { HOLD_OUT_SHARE } from './holdOutSample';

/** Data rows start here on the typing sheet: title, instructions, a gap, names, questions. */
export const FIRST_ROW = 6;
export const TYPING_SHEET = 'Typing tool';
/** Excel nests at most 64 functions; each rule takes two IFs. */
const MAX_RULES = 30;

const FILL = {
  input: 'FFFFF2CC',
  working: 'FFEDEDED',
  result: 'FFE2EFDA',
} as const;

/** 1 → A, 27 → AA. */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function fill(cell: ExcelJS.Cell, colour: string): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colour } };
}

function codesText(input: TypingToolInput): string {
  return input.values.map((value) => `${value.code} ${value.label}`).join('; ');
}

function noAnswerText(input: TypingToolInput): string {
  const parts = input.missing.map((spec) =>
    typeof spec === 'number'
      ? String(spec)
      : `${spec.low ?? 'lowest'} to ${spec.high ?? 'highest'}`,
  );
  return ['empty', ...parts].join(', ');
}

interface Column {
  header: string;
  question?: string;
  colour: string;
  width: number;
  /** The formula for data row `row` (1-based sheet row); none for an input column. */
  formula?: (row: number) => string;
}

/** Lays out the typing sheet from its columns: headers, question texts and `rows` data rows. */
function typingSheet(
  workbook: ExcelJS.Workbook,
  tool: TypingTool,
  columns: Column[],
  rows: number,
  instruction: string,
  name: string = TYPING_SHEET,
): void {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: FIRST_ROW - 1 }],
  });
  sheet.getCell('A1').value =
    name === TYPING_SHEET
      ? `${tool.label} — typing tool (segmentation ${tool.segmentation})`
      : `${tool.label} — typing tool from the golden questions (segmentation ${tool.segmentation})`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = instruction;
  columns.forEach((column, i) => {
    const c = i + 1;
    sheet.getColumn(c).width = column.width;
    const header = sheet.getCell(FIRST_ROW - 2, c);
    header.value = column.header;
    header.font = { bold: true };
    fill(header, column.colour);
    const question = sheet.getCell(FIRST_ROW - 1, c);
    question.value = column.question ?? '';
    question.alignment = { wrapText: true, vertical: 'top' };
    question.font = { italic: true, size: 9 };
    for (let row = FIRST_ROW; row < FIRST_ROW + rows; row++) {
      const cell = sheet.getCell(row, c);
      if (column.formula) cell.value = { formula: column.formula(row) };
      fill(cell, column.colour);
    }
  });
}

function inputColumns(tool: Pick<TypingTool, 'inputs'>): Column[] {
  return [
    { header: 'ID', question: 'Respondent (anything)', colour: FILL.input, width: 12 },
    ...tool.inputs.map((input) => ({
      header: input.variable,
      question: input.label ?? '',
      colour: FILL.input,
      width: 14,
    })),
  ];
}

/** Input i (0-based) is typed in column 2 + i, and read as answered in column 2 + n + i. */
function answeredColumns(tool: Pick<TypingTool, 'inputs'>): Column[] {
  return tool.inputs.map((input, i) => ({
    header: `${input.variable} read as`,
    question: `no answer if ${noAnswerText(input)}`,
    colour: FILL.working,
    width: 12,
    formula: (row: number) => answeredFormula(`${columnName(2 + i)}${row}`, input.missing),
  }));
}

function resultColumns(
  codeFormula: (row: number) => string,
  labelRange: string,
  codeRange: string | null,
  reason: (row: number, code: string) => string,
  firstColumn: number,
): Column[] {
  const code = (row: number) => `${columnName(firstColumn)}${row}`;
  return [
    { header: 'Segment code', colour: FILL.result, width: 10, formula: codeFormula },
    {
      header: 'Segment',
      colour: FILL.result,
      width: 22,
      formula: (row) =>
        codeRange
          ? `IF(${code(row)}="","",INDEX(${labelRange},MATCH(${code(row)},${codeRange},0)))`
          : `IF(${code(row)}="","",INDEX(${labelRange},${code(row)}))`,
    },
    {
      header: 'Why no segment',
      colour: FILL.working,
      width: 40,
      formula: (row) => reason(row, code(row)),
    },
  ];
}

function rulesWorkbook(workbook: ExcelJS.Workbook, tool: RulesTypingTool, rows: number): void {
  const scheme = tool.scheme;
  if (scheme.rules.length > MAX_RULES)
    throw new Error(
      `the typing tool's formulas hold at most ${MAX_RULES} rules; ${tool.segmentation} has ${scheme.rules.length}`,
    );
  const n = tool.inputs.length;
  const inputIndex = new Map(tool.inputs.map((input, i) => [input.variable.toLowerCase(), i]));
  const answeredCell = (role: string, row: number) =>
    `${columnName(2 + n + inputIndex.get(tool.bindings[role]!.toLowerCase())!)}${row}`;
  const conditions = [
    ...(scheme.universe ? [{ name: 'Universe', when: scheme.universe }] : []),
    ...scheme.rules.map((rule) => ({ name: rule.label, when: rule.when })),
  ];
  const firstCondition = 2 + 2 * n;
  const cells = (k: number, row: number): ConditionFormulas => ({
    holds: `${columnName(firstCondition + 2 * k)}${row}`,
    may: `${columnName(firstCondition + 2 * k + 1)}${row}`,
  });
  const conditionColumns: Column[] = conditions.flatMap((condition) => {
    const formulas = (row: number) =>
      conditionFormulas(condition.when, (role) => answeredCell(role, row), scheme.missingAnswers);
    return [
      {
        header: `${condition.name}: holds`,
        colour: FILL.working,
        width: 12,
        formula: (row: number) => formulas(row).holds,
      },
      {
        header: `${condition.name}: may hold`,
        colour: FILL.working,
        width: 12,
        formula: (row: number) => formulas(row).may,
      },
    ];
  });
  const offset = scheme.universe ? 1 : 0;
  const firstResult = firstCondition + 2 * conditions.length;
  const segmentsFrom = 7;
  const segmentsTo = segmentsFrom + scheme.rules.length;
  const lastInput = columnName(1 + n);
  typingSheet(
    workbook,
    tool,
    [
      ...inputColumns(tool),
      ...answeredColumns(tool),
      ...conditionColumns,
      ...resultColumns(
        (row) =>
          segmentFormula(
            scheme.universe ? cells(0, row) : null,
            scheme.rules.map((rule, k) => ({ code: rule.code, cells: cells(k + offset, row) })),
            scheme.else.code,
          ),
        `Rules!$B$${segmentsFrom}:$B$${segmentsTo}`,
        `Rules!$A$${segmentsFrom}:$A$${segmentsTo}`,
        (row, code) => {
          const universe = scheme.universe ? cells(0, row) : null;
          const undecided = '"undecided: an answer the rules need is missing"';
          const inner = universe
            ? `IF(NOT(${universe.may}),"outside the universe",IF(NOT(${universe.holds}),"outside the universe: an answer is missing",${undecided}))`
            : undecided;
          return `IF(COUNT(B${row}:${lastInput}${row})=0,"",IF(${code}<>"","",${inner}))`;
        },
        firstResult,
      ),
    ],
    rows,
    'Type one respondent a row in the yellow columns: the answer codes listed on the Rules sheet, nothing for no answer. The segment appears in the green columns.',
  );

  const sheet = workbook.addWorksheet('Rules');
  sheet.getColumn(1).width = 14;
  sheet.getColumn(2).width = 30;
  sheet.getColumn(3).width = 90;
  sheet.getCell('A1').value = `${tool.label}: the rules (segmentation ${tool.segmentation})`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value =
    'The rules are tried in order: the first that holds gives the segment; everyone else in the universe gets the last segment. Respondents outside the universe get none.';
  sheet.getCell('A4').value = 'Universe';
  sheet.getCell('A4').font = { bold: true };
  sheet.getCell('B4').value = tool.universe ?? 'everyone';
  sheet.getRow(segmentsFrom - 1).values = ['Code', 'Segment', 'When'];
  sheet.getRow(segmentsFrom - 1).font = { bold: true };
  tool.rules.forEach((rule, k) => {
    sheet.getRow(segmentsFrom + k).values = [rule.code, rule.label, rule.when];
  });
  sheet.getRow(segmentsTo).values = [
    tool.else.code,
    tool.else.label,
    'everyone else in the universe',
  ];
  const notes = segmentsTo + 2;
  sheet.getCell(`A${notes}`).value = 'No answer';
  sheet.getCell(`A${notes}`).font = { bold: true };
  sheet.getCell(`B${notes}`).value =
    tool.missingAnswers === 'not-met'
      ? 'A question not answered never meets a test.'
      : 'A rule that depends on a question not answered cannot be decided: the respondent gets no segment (an earlier rule is never skipped for a later one). A rule that holds whatever the missing answer — one answered question of an "any of" meets its test — still decides.';
  const questions = notes + 2;
  sheet.getRow(questions).values = ['Question', 'Text', 'Codes', 'No answer', 'Roles'];
  sheet.getRow(questions).font = { bold: true };
  tool.inputs.forEach((input, i) => {
    sheet.getRow(questions + 1 + i).values = [
      input.variable,
      input.label ?? '',
      codesText(input),
      noAnswerText(input),
      input.roles.join(', '),
    ];
  });
}

function centresWorkbook(workbook: ExcelJS.Workbook, tool: KMeansTypingTool, rows: number): void {
  const n = tool.inputs.length;
  const k = tool.centers.length;
  const last = columnName(1 + n);
  const MEAN_ROW = 6;
  const SD_ROW = 7;
  const CENTRE_ROW = 10;
  const labelColumn = columnName(2 + n);
  const firstAnswered = columnName(2 + n);
  const lastAnswered = columnName(1 + 2 * n);
  const firstDistance = 2 + 2 * n;
  const distances = (row: number) =>
    `${columnName(firstDistance)}${row}:${columnName(firstDistance + k - 1)}${row}`;
  const distanceColumns: Column[] = tool.centers.map((_, c) => ({
    header: `Distance to ${tool.segments[c]?.label ?? `cluster ${c + 1}`}`,
    question: 'standardised, to the centre on the Centres sheet',
    colour: FILL.working,
    width: 14,
    formula: (row: number) => {
      const answered = `${firstAnswered}${row}:${lastAnswered}${row}`;
      const means = `Centres!$B$${MEAN_ROW}:$${last}$${MEAN_ROW}`;
      const sds = `Centres!$B$${SD_ROW}:$${last}$${SD_ROW}`;
      const centre = `Centres!$B$${CENTRE_ROW + c}:$${last}$${CENTRE_ROW + c}`;
      return `IF(COUNT(${answered})<${n},"",SQRT(SUMPRODUCT(((${answered}-${means})/${sds}-${centre})^2)))`;
    },
  }));
  const lastInput = columnName(1 + n);
  typingSheet(
    workbook,
    tool,
    [
      ...inputColumns(tool),
      ...answeredColumns(tool),
      ...distanceColumns,
      ...resultColumns(
        (row) =>
          `IF(COUNT(${distances(row)})<${k},"",MATCH(MIN(${distances(row)}),${distances(row)},0))`,
        `Centres!$${labelColumn}$${CENTRE_ROW}:$${labelColumn}$${CENTRE_ROW + k - 1}`,
        null,
        (row, code) =>
          `IF(COUNT(B${row}:${lastInput}${row})=0,"",IF(${code}<>"","","a question is not answered"))`,
        firstDistance + k,
      ),
    ],
    rows,
    `Type one respondent a row in the yellow columns (answer codes as on the Centres sheet). Each respondent goes to the nearest centre.${tool.filter ? ` The clustering was run on respondents with ${tool.filter}: type only such respondents.` : ''}`,
  );

  const sheet = workbook.addWorksheet('Centres');
  sheet.getColumn(1).width = 26;
  for (let c = 2; c <= 2 + n; c++) sheet.getColumn(c).width = 16;
  sheet.getCell('A1').value = `${tool.label}: the centres (segmentation ${tool.segmentation})`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = tool.standardize
    ? 'Each answer is standardised — minus the mean, divided by the standard deviation (of the respondents clustered) — and the respondent goes to the centre at the smallest distance: the square root of the sum of squared differences.'
    : 'Each answer is centred on the mean (not divided: the clustering was not standardised) and the respondent goes to the centre at the smallest distance.';
  if (tool.filter) sheet.getCell('A3').value = `Clustered: respondents with ${tool.filter}.`;
  sheet.getRow(4).values = ['', ...tool.inputs.map((input) => input.variable)];
  sheet.getRow(4).font = { bold: true };
  sheet.getRow(5).values = ['Question', ...tool.inputs.map((input) => input.label ?? '')];
  sheet.getRow(MEAN_ROW).values = ['Mean', ...tool.scaling.map((s) => s.mean)];
  sheet.getRow(SD_ROW).values = [
    tool.standardize ? 'Standard deviation' : 'Divisor (not standardised)',
    ...tool.scaling.map((s) => s.sd),
  ];
  sheet.getRow(CENTRE_ROW - 1).values = [
    'Centre (standardised)',
    ...tool.inputs.map((input) => input.variable),
    'Segment',
  ];
  sheet.getRow(CENTRE_ROW - 1).font = { bold: true };
  tool.centers.forEach((centre, c) => {
    sheet.getRow(CENTRE_ROW + c).values = [c + 1, ...centre, tool.segments[c]?.label ?? ''];
  });
  const units = CENTRE_ROW + k + 1;
  sheet.getRow(units).values = [
    "Centre (answers' own units)",
    ...tool.inputs.map((input) => input.variable),
    'Segment',
  ];
  sheet.getRow(units).font = { bold: true };
  tool.centersInUnits.forEach((centre, c) => {
    sheet.getRow(units + 1 + c).values = [
      c + 1,
      ...tool.scaling.map((s) => centre[s.variable]!),
      tool.segments[c]?.label ?? '',
    ];
  });
  const questions = units + k + 2;
  sheet.getRow(questions).values = ['Question', 'Codes', 'No answer'];
  sheet.getRow(questions).font = { bold: true };
  tool.inputs.forEach((input, i) => {
    sheet.getRow(questions + 1 + i).values = [
      input.variable,
      codesText(input),
      noAnswerText(input),
    ];
  });
}

export const GOLDEN_SHEET = 'Golden questions';
export const GOLDEN_MODEL_SHEET = 'Golden model';
/** On the model sheet: the column headings, then one row per segment. */
const MODEL_HEAD = 6;

/** "rate ≥ 4", or the question's name for a linear term. */
function termText(term: GoldenTerm): string {
  return term.atOrAbove === null ? term.variable : `${term.variable} ≥ ${term.atOrAbove}`;
}

/**
 * The golden questions' typing sheet: the answers to the few questions (yellow), each read as an
 * answer or none, each term — "at or above" a level, 1 or 0, or the answer — then each segment's
 * score, its constant plus SUMPRODUCT of the terms and its coefficients on the model sheet, and
 * the segment with the highest score, by INDEX/MATCH on MAX (the first of equals, as bestClass).
 */
function goldenWorkbook(
  workbook: ExcelJS.Workbook,
  tool: TypingTool,
  golden: GoldenTypingTool,
  rows: number,
): void {
  const n = golden.inputs.length;
  const m = golden.terms.length;
  const g = golden.segments.length;
  const model = `'${GOLDEN_MODEL_SHEET}'!`;
  const inputAt = new Map(golden.inputs.map((input, i) => [input.variable, i]));
  const firstTerm = 2 + 2 * n;
  const firstScore = firstTerm + m;
  const terms = (row: number) =>
    `${columnName(firstTerm)}${row}:${columnName(firstTerm + m - 1)}${row}`;
  const scores = (row: number) =>
    `${columnName(firstScore)}${row}:${columnName(firstScore + g - 1)}${row}`;
  const segmentRow = (k: number) => MODEL_HEAD + 1 + k;
  const codes = `${model}$A$${segmentRow(0)}:$A$${segmentRow(g - 1)}`;
  const termColumns: Column[] = golden.terms.map((term) => {
    const answered = (row: number) => `${columnName(2 + n + inputAt.get(term.variable)!)}${row}`;
    return {
      header: termText(term),
      question: term.atOrAbove === null ? 'the answer' : '1 if at or above, else 0',
      colour: FILL.working,
      width: 10,
      formula: (row: number) =>
        term.atOrAbove === null
          ? `IF(ISNUMBER(${answered(row)}),${answered(row)},"")`
          : `IF(ISNUMBER(${answered(row)}),IF(${answered(row)}>=${term.atOrAbove},1,0),"")`,
    };
  });
  const scoreColumns: Column[] = golden.segments.map((segment, k) => ({
    header: `Score: ${segment.label}`,
    question:
      segment.constant === null
        ? 'never given (no respondent when fitted)'
        : 'constant + Σ coefficient × term (Golden model sheet)',
    colour: FILL.working,
    width: 14,
    formula: (row: number) =>
      segment.constant === null
        ? '""'
        : `IF(COUNT(${terms(row)})<${m},"",${model}$C$${segmentRow(k)}+SUMPRODUCT(${terms(row)},${model}$D$${segmentRow(k)}:$${columnName(3 + m)}$${segmentRow(k)}))`,
  }));
  const lastInput = columnName(1 + n);
  typingSheet(
    workbook,
    tool,
    [
      ...inputColumns(golden),
      ...answeredColumns(golden),
      ...termColumns,
      ...scoreColumns,
      ...resultColumns(
        (row) =>
          `IF(COUNT(${scores(row)})=0,"",INDEX(${codes},MATCH(MAX(${scores(row)}),${scores(row)},0)))`,
        `${model}$B$${segmentRow(0)}:$B$${segmentRow(g - 1)}`,
        codes,
        (row, code) =>
          `IF(COUNT(B${row}:${lastInput}${row})=0,"",IF(${code}<>"","","a question is not answered"))`,
        firstScore + g,
      ),
    ],
    rows,
    `Type one respondent a row in the yellow columns: the answer codes listed on the ${GOLDEN_MODEL_SHEET} sheet, nothing for no answer. Every question must be answered; the segment appears in the green columns.`,
    GOLDEN_SHEET,
  );

  const sheet = workbook.addWorksheet(GOLDEN_MODEL_SHEET);
  sheet.getColumn(1).width = 10;
  sheet.getColumn(2).width = 22;
  for (let c = 3; c <= 3 + m; c++) sheet.getColumn(c).width = 13;
  sheet.getCell('A1').value =
    `${tool.label}: typing with the golden questions (segmentation ${tool.segmentation})`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value =
    'Each answer becomes terms: 1 if it is at or above the level in the heading, else 0 (a question with many values is its answer). A segment’s score is its constant plus each term times its coefficient; the respondent goes to the segment with the highest score. A respondent who did not answer every question gets none.';
  sheet.getCell('A3').value = `Fitted on ${golden.fittedOn.description}; ${golden.classifier}.`;
  sheet.getCell('A4').value =
    `Chosen to reach ${Math.round(golden.search.target * 100)}% (${golden.search.criterion}) on a hold-out of ${Math.round(HOLD_OUT_SHARE * 100)}%: ${(golden.search.holdOutScore * 100).toFixed(1)}%${golden.search.reached ? '' : ' (not reached)'}. On the respondents it was fitted on it gives ${(golden.inSample.accuracy * 100).toFixed(1)}% their own segment (balanced accuracy ${(golden.inSample.balancedAccuracy * 100).toFixed(1)}%).`;
  sheet.getRow(MODEL_HEAD).values = ['Code', 'Segment', 'Constant', ...golden.terms.map(termText)];
  sheet.getRow(MODEL_HEAD).font = { bold: true };
  golden.segments.forEach((segment, k) => {
    sheet.getRow(segmentRow(k)).values = [
      segment.code,
      segment.label,
      segment.constant ?? 'never given',
      ...segment.coefficients,
    ];
  });
  const questions = segmentRow(g) + 1;
  sheet.getRow(questions).values = ['Question', 'Text', 'Codes', 'No answer', 'Terms'];
  sheet.getRow(questions).font = { bold: true };
  golden.inputs.forEach((input, i) => {
    sheet.getRow(questions + 1 + i).values = [
      input.variable,
      input.label ?? '',
      codesText(input),
      noAnswerText(input),
      golden.terms
        .filter((term) => term.variable === input.variable)
        .map(termText)
        .join(', '),
    ];
  });
}

/**
 * The workbook, with `rows` respondent rows ready to type into: the segmentation's own tool, then
 * the golden questions' when one is saved with it — or that alone (`goldenOnly`).
 */
export function typingToolWorkbook(
  tool: TypingTool,
  rows: number,
  options: { goldenOnly?: boolean } = {},
): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Customer Energy Workbench';
  // The formulas have no stored results: have Excel compute them all when it opens the file.
  workbook.calcProperties = { fullCalcOnLoad: true };
  if (options.goldenOnly && !tool.golden)
    throw new Error(`segmentation ${tool.segmentation} has no golden typing tool`);
  if (!options.goldenOnly) {
    if (tool.method === 'rules') rulesWorkbook(workbook, tool, rows);
    else centresWorkbook(workbook, tool, rows);
  }
  if (tool.golden) goldenWorkbook(workbook, tool, tool.golden, rows);
  return workbook;
}
