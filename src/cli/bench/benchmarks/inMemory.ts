/**
 * Benchmarks over the generated 1,000,000-respondent survey with its columns already in memory
 * (../shared/PERFORMANCE.md): `table-consultant` (50 stubs × a banner of 5 variables, weighted,
 * with letters, as a consultant meets it while working: the worker has made tables before, so V8
 * has optimised the engine and categorize.ts has each column's categories; a median of 15 after
 * 3 warm-up tables), `table-consultant/first-table` (the same table over columns nobody has
 * tabulated yet: categorising its 55 columns included), `table-1000` (50 stubs × 20 banner variables; `table-1000/with-pairs` also reads
 * every pair record), `rim` (4 variables to convergence) and `derive` (one derived variable over
 * every respondent).
 */
import type { TableData, TableVariable } from '../../../main/analysis/crosstab/tableData';
import { runTable } from '../../../main/analysis/crosstab/runTable';
import {
  compileExpression,
  evaluate,
  parseExpression,
  VariableCatalog,
} from '../../../main/analysis/expressions/index';
import { rimWeights } from '../../../main/analysis/weights/rimWeights';
import type { SavFile } from '../../../main/import/sav/savModel';
import { measure, peakRssMb, type BenchResult } from '../benchTiming';
import { generateSurvey } from '../surveyGenerator';

const RESPONDENTS = Number(process.env.CEW_BENCH_RESPONDENTS ?? 1_000_000);

/** The survey as the engine reads it; `fresh` copies the columns, so nothing is categorised yet. */
function tableData(survey: SavFile, fresh = false): TableData {
  const byName = new Map<string, TableVariable>();
  survey.dictionary.variables.forEach((variable, index) => {
    const column = survey.columns[index]!;
    if (column.kind !== 'numeric') return;
    byName.set(variable.name.toLowerCase(), {
      name: variable.name,
      type: variable.valueLabels.length > 0 ? 'single' : 'numeric',
      label: variable.label,
      valueLabels: variable.valueLabels.map((vl) => ({ code: Number(vl.value), label: vl.label })),
      missing: [],
      values: fresh ? column.values.slice() : column.values,
    });
  });
  return {
    rows: survey.cases,
    variable: (name) => {
      const found = byName.get(name.toLowerCase());
      if (!found) throw new Error(`no ${name}`);
      return found;
    },
  };
}

const names = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `q${String(from + i).padStart(3, '0')}`);

const consultantTable = {
  rows: names(1, 50),
  columns: names(101, 5).map((name) => ({ variables: [name] })),
  weight: 'weight',
  sigLevels: [0.95],
};

export async function tableConsultant(report: (result: BenchResult) => void): Promise<void> {
  const survey = generateSurvey(RESPONDENTS);
  const data = tableData(survey);
  report(await measure('table-consultant', 15, () => runTable(data, consultantTable), 3));
  // Each run over its own copy of the columns (copied outside the timing).
  const samples: number[] = [];
  for (let run = 0; run < 3; run++) {
    const fresh = tableData(survey, true);
    const start = process.hrtime.bigint();
    await runTable(fresh, consultantTable);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  report({
    name: 'table-consultant/first-table',
    n: samples.length,
    median_ms: Math.round(samples[1]! * 1000) / 1000,
    min_ms: Math.round(samples[0]! * 1000) / 1000,
    max_ms: Math.round(samples[2]! * 1000) / 1000,
    peak_rss_mb: peakRssMb(),
  });
}

export async function table1000(report: (result: BenchResult) => void): Promise<void> {
  const data = tableData(generateSurvey(RESPONDENTS));
  const spec = {
    rows: names(1, 50),
    columns: names(101, 20).map((name) => ({ variables: [name] })),
    weight: 'weight',
  };
  report(await measure('table-1000', 3, () => runTable(data, spec), 1));
  // Pair records (about 200,000 here) are written when tests.pairs is first read, as the CLI's
  // --json and the worker's reply do: this is the table with them.
  report(
    await measure('table-1000/with-pairs', 3, () => runTable(data, spec).tests.pairs.length, 1),
  );
}

export async function rim(report: (result: BenchResult) => void): Promise<void> {
  const survey = generateSurvey(RESPONDENTS, 4);
  // As the study stores them and the worker's column cache hands them over: Uint8, 255 = missing.
  const columns = new Map(
    survey.columns.slice(0, 4).map((column, i) => {
      const values = column.kind === 'numeric' ? column.values : new Float64Array();
      return [`q00${i + 1}`, Uint8Array.from(values, (v) => (Number.isNaN(v) ? 255 : v))] as const;
    }),
  );
  const targets = new Map(
    survey.dictionary.variables
      .slice(0, 4)
      .map((variable) => [
        variable.name,
        new Map(
          variable.valueLabels.map((vl) => [Number(vl.value), 1 / variable.valueLabels.length]),
        ),
      ]),
  );
  report(await measure('rim', 10, () => rimWeights({ columns, targets }), 2));
}

export async function derive(report: (result: BenchResult) => void): Promise<void> {
  const survey = generateSurvey(RESPONDENTS, 10);
  const catalog = new VariableCatalog(
    survey.dictionary.variables.map((v) => ({ name: v.name, type: 'single' as const })),
  );
  const compiled = compileExpression(
    parseExpression('recode(q001, 1..2 -> 1, 3..5 -> 2, else -> 3)'),
    catalog,
  );
  const columns = new Map(
    survey.dictionary.variables.map((v, i) => [
      v.name,
      (survey.columns[i] as { values: Float64Array }).values,
    ]),
  );
  report(
    await measure(
      'derive',
      10,
      () => {
        if (compiled.kind === 'boolean') throw new Error('expected a number');
        evaluate(compiled, columns, survey.cases);
      },
      2,
    ),
  );
}
