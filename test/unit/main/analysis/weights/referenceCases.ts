/**
 * Loads the R reference cases of test/reference/weights (cases.json, the data they name, and the
 * weights and diagnostics rim-reference.R wrote) into the typed columns the weighting code takes.
 * Label codes ("E", "Yes") become Uint8 codes 1, 2, … in sorted label order, so the reference tests
 * also run the Uint8 path; numeric codes stay Float64 with NaN for missing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MISSING_U8 } from '../../../../../src/main/study/columnStore';
import type { CodeColumn } from '../../../../../src/main/analysis/weights/codeColumn';
import type { RimTargets } from '../../../../../src/main/analysis/weights/rimTargets';
import { fixture } from '../../../../support/fixtures';
import { parseCsv } from '../../../../support/csvText';

export const referenceDir = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'reference',
  'weights',
);

type TargetsJson = Record<string, Record<string, number>>;

export interface CaseJson {
  name: string;
  data: string;
  baseWeight?: string;
  cap?: { min: number; max: number };
  targets: TargetsJson;
}

export interface GroupCaseJson {
  name: string;
  data: string;
  group: string;
  baseWeight?: string;
  population: Record<string, number>;
  targets: Record<string, TargetsJson>;
}

export interface ReferenceDiagnostics {
  n: number;
  sum: number;
  min: number;
  max: number;
  mean: number;
  effectiveBase: number;
  efficiency: number;
}

export interface ReferenceResult {
  converged: boolean;
  rSweeps?: number;
  capRounds?: number;
  total?: number;
  rowsWeighted?: number;
  rowsExcluded?: number;
  diagnostics?: ReferenceDiagnostics;
  margins?: Record<string, Record<string, number>>;
  groups?: { group: string; rSweeps: number; factor: number; diagnostics: ReferenceDiagnostics }[];
  overall?: ReferenceDiagnostics;
}

export const cases = JSON.parse(readFileSync(path.join(referenceDir, 'cases.json'), 'utf8')) as {
  cases: CaseJson[];
  byGroup: GroupCaseJson[];
};

export const reference = JSON.parse(
  readFileSync(path.join(referenceDir, 'reference.json'), 'utf8'),
) as { generatedBy: string; cases: Record<string, ReferenceResult> };

export { parseCsv };

export interface Table {
  header: string[];
  /** Raw text per column name. */
  text: Map<string, string[]>;
}

export function readTable(dataPath: string): Table {
  const file = dataPath.startsWith('fixture:')
    ? fixture(dataPath.slice('fixture:'.length))
    : path.join(referenceDir, dataPath);
  const [header = [], ...rows] = parseCsv(readFileSync(file, 'utf8'));
  const text = new Map(header.map((name, j) => [name, rows.map((r) => r[j] ?? '')]));
  return { header, text };
}

const isMissingText = (s: string) => s === '' || s === 'NA';

export function numberColumn(table: Table, name: string): Float64Array {
  const values = table.text.get(name);
  if (!values) throw new Error(`no column ${name}`);
  return Float64Array.from(values, (s) => (isMissingText(s) ? Number.NaN : Number(s)));
}

/** A coded column plus how its labels map to codes (identity for numeric codes). */
export function codedColumn(
  table: Table,
  name: string,
): { column: CodeColumn; codeOf: (label: string) => number } {
  const values = table.text.get(name);
  if (!values) throw new Error(`no column ${name}`);
  const present = values.filter((s) => !isMissingText(s));
  if (present.every((s) => Number.isFinite(Number(s)))) {
    return { column: numberColumn(table, name), codeOf: (label) => Number(label) };
  }
  const labels = [...new Set(present)].sort();
  const codeOf = (label: string) => {
    const k = labels.indexOf(label);
    if (k < 0) throw new Error(`label ${label} of ${name} is not in the data`);
    return k + 1;
  };
  return {
    column: Uint8Array.from(values, (s) => (isMissingText(s) ? MISSING_U8 : codeOf(s))),
    codeOf,
  };
}

/** Columns and typed targets for a set of JSON targets over a table. */
export function typedTargets(
  table: Table,
  targets: TargetsJson,
  columns: Map<string, CodeColumn>,
): RimTargets {
  const out = new Map<string, Map<number, number>>();
  for (const [name, byLabel] of Object.entries(targets)) {
    const { column, codeOf } = codedColumn(table, name);
    columns.set(name, column);
    out.set(name, new Map(Object.entries(byLabel).map(([label, v]) => [codeOf(label), v])));
  }
  return out;
}

export function referenceWeights(name: string): Float64Array {
  const [, ...rows] = parseCsv(
    readFileSync(path.join(referenceDir, `${name}.weights.csv`), 'utf8'),
  );
  return Float64Array.from(rows, (r) => (r[0] === 'NA' ? Number.NaN : Number(r[0])));
}

/** Largest relative difference, row by row; Infinity when one side is NaN and the other not. */
export function maxRelativeDifference(ours: Float64Array, theirs: Float64Array): number {
  if (ours.length !== theirs.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i] as number;
    const b = theirs[i] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) {
      if (Number.isNaN(a) !== Number.isNaN(b)) return Number.POSITIVE_INFINITY;
      continue;
    }
    const d = Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);
    if (d > worst) worst = d;
  }
  return worst;
}

export function relativeDifference(a: number, b: number): number {
  return a === b ? 0 : Math.abs(a - b) / Math.abs(b);
}
