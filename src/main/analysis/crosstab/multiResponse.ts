/**
 * Multiple-response stubs: a set of yes/no items (a dichotomy set), items sharing one code frame
 * (a category set), or one multi variable (Triple-S multiple) tabulated as one row per answer.
 * The base is everyone who answered the question at all, so percentages may add up to more than
 * 100. Each answer becomes a chosen / not chosen variable, so its column percentages, letters and
 * margins of error come from the same engine as any other row; the "not chosen" rows are dropped
 * after the tests ran.
 */
import type { TableResult, TableSpec } from '../../../shared/domain/table';
import type { TableData, TableVariable } from './tableData';

export interface ResponseSet {
  name: string;
  label: string | null;
  /** Only for a fallback label (as TableVariable's). */
  labelLanguage?: string;
  /** One per answer: 1 chosen, 0 answered but not chosen, NaN not asked or no answer at all. */
  answers: Array<{ code: number; label: string; labelLanguage?: string; chosen: Float64Array }>;
}

/** Where the engine finds sets: the study implements it; plain TableData has none. */
export interface ResponseSetSource {
  responseSet(name: string): ResponseSet | null;
}

const SEPARATOR = '#';

function answerName(set: string, code: number): string {
  return `${set}${SEPARATOR}${code}`;
}

function answerVariable(set: ResponseSet, answer: ResponseSet['answers'][number]): TableVariable {
  return {
    name: answerName(set.name, answer.code),
    type: 'single',
    label: set.label,
    ...(set.labelLanguage ? { labelLanguage: set.labelLanguage } : {}),
    valueLabels: [
      {
        code: 1,
        label: answer.label,
        ...(answer.labelLanguage ? { labelLanguage: answer.labelLanguage } : {}),
      },
      { code: 0, label: 'Not chosen' },
    ],
    missing: [],
    values: answer.chosen,
  };
}

export function hasResponseSets(data: TableData): data is TableData & ResponseSetSource {
  return typeof (data as Partial<ResponseSetSource>).responseSet === 'function';
}

/** Replaces every set among the stubs by its answers; returns the data and spec to build. */
export function expandResponseSets(
  data: TableData,
  spec: TableSpec,
): { data: TableData; spec: TableSpec; sets: ResponseSet[] } {
  if (!hasResponseSets(data)) return { data, spec, sets: [] };
  const sets: ResponseSet[] = [];
  const answers = new Map<string, TableVariable>();
  const rows = spec.rows.flatMap((name) => {
    const set = data.responseSet(name);
    if (!set) return [name];
    sets.push(set);
    return set.answers.map((answer) => {
      const variable = answerVariable(set, answer);
      answers.set(variable.name.toLowerCase(), variable);
      return variable.name;
    });
  });
  if (sets.length === 0) return { data, spec, sets };
  return {
    data: {
      rows: data.rows,
      variable: (name) => answers.get(name.toLowerCase()) ?? data.variable(name),
    },
    spec: { ...spec, rows },
    sets,
  };
}

/** One row per answer of each set: the chosen share, labelled with the answer. */
export function responseSetRows(result: TableResult, sets: ResponseSet[]): void {
  if (sets.length === 0) return;
  const byName = new Map(sets.map((set) => [set.name, set]));
  result.rows = result.rows
    .filter((row) => {
      const [setName] = row.variable.split(SEPARATOR);
      return !(byName.has(setName!) && row.variable.includes(SEPARATOR) && row.code === 0);
    })
    .map((row) => {
      const [setName, code] = row.variable.split(SEPARATOR);
      if (!byName.has(setName!) || code === undefined) return row;
      return { ...row, variable: setName!, code: Number(code) };
    });
  result.tests.notes.push(
    'Multiple-response questions: each answer is a share of those who answered; shares may add up to more than 100%.',
  );
}
