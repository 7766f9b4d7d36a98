/**
 * A six-respondent study with hand-chosen values (missing ones included) shared by the
 * expression tests, so every expected result in them can be checked by reading this table.
 */
import {
  compileExpression,
  evaluate,
  parseExpression,
  VariableCatalog,
  type CatalogVariable,
  type ColumnValues,
  type CompileOptions,
} from '../../../../../src/main/analysis/expressions';

const _ = NaN;

const labels = (entries: Array<[number, ...string[]]>): Map<number, string[]> =>
  new Map(entries.map(([code, ...texts]) => [code, texts]));

const yesNo = labels([
  [0, 'No'],
  [1, 'Yes'],
]);
const rating = labels([
  [1, 'Poor'],
  [5, 'Excellent'],
]);

/**
 * In codebook order: q7a..q7e are consecutive, `visits` sits between q8c and sch.wide. `gender`
 * declares 99 and `q9` the range 8..9 user-missing.
 */
export const VARIABLES: CatalogVariable[] = [
  {
    name: 'country',
    type: 'single',
    valueLabels: labels([
      [1, 'Germany', 'Deutschland', 'DE'],
      [2, 'Italy', 'Italia', 'IT'],
      [3, 'France', 'FR'],
    ]),
  },
  {
    name: 'q1',
    type: 'single',
    valueLabels: labels([
      [1, 'Very satisfied'],
      [2, 'Satisfied'],
      [3, 'Dissatisfied'],
    ]),
  },
  { name: 'q5', type: 'single', valueLabels: labels([[5, 'Strongly agree']]) },
  { name: 'create_video', type: 'numeric' },
  { name: 'create_blog', type: 'single' },
  { name: 'q7a', type: 'multi', valueLabels: yesNo },
  { name: 'q7b', type: 'multi', valueLabels: yesNo },
  { name: 'q7c', type: 'multi', valueLabels: yesNo },
  { name: 'q7d', type: 'multi', valueLabels: yesNo },
  { name: 'q7e', type: 'multi', valueLabels: yesNo },
  { name: 'Age', type: 'numeric' },
  { name: 'q8a', type: 'single', valueLabels: rating },
  { name: 'q8b', type: 'single', valueLabels: rating },
  { name: 'q8c', type: 'single', valueLabels: rating },
  { name: 'visits', type: 'numeric' },
  { name: 'sch.wide', type: 'numeric' },
  { name: 'name', type: 'text' },
  { name: 'interviewed', type: 'date' },
  // User-missing codes, declared as an SPSS file declares them: missing in expressions.
  {
    name: 'gender',
    type: 'single',
    valueLabels: labels([
      [1, 'Male'],
      [2, 'Female'],
      [99, 'Prefer not to say'],
    ]),
    userMissing: [99],
  },
  { name: 'q9', type: 'single', valueLabels: rating, userMissing: [{ low: 8, high: 9 }] },
];

export const ROWS = 6;

export const COLUMNS = new Map<string, ColumnValues>([
  ['country', Float64Array.of(1, 2, 1, 3, 1, _)],
  ['q1', Float64Array.of(1, 2, 3, _, 2, 1)],
  ['q5', Float64Array.of(4, 5, 3, _, 5, 1)],
  ['create_video', Float64Array.of(0, 1, _, 0, 0, _)],
  ['create_blog', Float64Array.of(3, 1, _, _, 4, 2)],
  ['q7a', Float64Array.of(1, 0, _, 1, 0, 0)],
  ['q7b', Float64Array.of(1, 1, _, 0, 0, _)],
  ['q7c', Float64Array.of(0, 1, _, 1, 0, 0)],
  ['q7d', Float64Array.of(1, 0, _, _, 0, 0)],
  ['q7e', Float64Array.of(1, 0, _, 1, 0, 1)],
  ['Age', Float64Array.of(18, 34, 35, 54.5, 55, _)],
  ['q8a', Float64Array.of(1, 5, _, 2, 4, _)],
  ['q8b', Float64Array.of(2, _, _, 4, 4, _)],
  ['q8c', Float64Array.of(3, 5, _, _, 1, _)],
  ['visits', Float64Array.of(0, 2, 0, 7, _, 1)],
  ['sch.wide', Float64Array.of(10, 20, 30, _, 50, 60)],
  ['name', ['Anna', 'bob', '', 'ANNA ', ' ', 'Carl']],
  ['interviewed', Float64Array.of(19000, 19001, 19002, 19003, _, 19005)],
  ['gender', Float64Array.of(1, 2, 99, _, 2, 99)],
  ['q9', Float64Array.of(5, 8, 1, 9, _, 3)],
]);

export const CATALOG = new VariableCatalog(VARIABLES);

export function compile(text: string, options?: CompileOptions) {
  return compileExpression(parseExpression(text), CATALOG, options);
}

/** Parses, compiles and evaluates over the sample study; returns a plain array for toEqual. */
export function run(text: string): number[] {
  return Array.from(evaluate(compile(text), COLUMNS, ROWS));
}
