/**
 * Loaders for the reference numbers in test/reference/significance/, computed by R and GNU PSPP
 * (the scripts beside them say how). The tests never compare with numbers this code produced.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type {
  ColumnBase,
  ColumnOverlap,
  MeanColumn,
} from '../../../../../src/main/analysis/significance';

export const referenceDir = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'reference',
  'significance',
);

export interface RPair {
  readonly row?: number;
  readonly a: number;
  readonly b: number;
  readonly statistic?: number;
  readonly df?: number;
  readonly p: number;
  readonly pBonferroni?: number;
  readonly pBH?: number;
}

export interface RTotal {
  readonly row?: number;
  readonly a: number;
  readonly statistic: number;
  readonly p: number;
  readonly pBonferroni?: number;
}

export interface RProportionsTable {
  readonly name: string;
  readonly weighted: boolean;
  readonly multipleResponse: boolean;
  readonly rows: string[];
  readonly columns: string[];
  readonly bases: ColumnBase[];
  readonly counts: number[][];
  readonly total: { readonly base: ColumnBase; readonly counts: number[] };
  readonly overlaps: ColumnOverlap[] | null;
  /** SPSS's pairs (no 0%/100% column), with Bonferroni per row. */
  readonly z: RPair[];
  /** Every pair with a defined statistic, with Benjamini–Hochberg over the table. */
  readonly zAll: RPair[];
  readonly tDimensions: RPair[];
  readonly totalZ: RTotal[];
  readonly totalAll: Array<RTotal & { readonly pBH: number }>;
}

export interface RMeansTable {
  readonly name: string;
  readonly weighted: boolean;
  readonly columns: string[];
  readonly stats: MeanColumn[];
  readonly total: MeanColumn;
  readonly pooledTableBonferroni?: RPair[];
  readonly pooledTableNone?: RPair[];
  readonly pooledTable?: RPair[];
  readonly welchBH?: RPair[];
  readonly welch: RPair[];
  readonly pooledPair: RPair[];
  readonly totalPooled?: RTotal[];
  readonly totalWelch?: RTotal[];
}

export interface RChiSquare {
  readonly name: string;
  readonly table: number[][];
  readonly chiSquare: number;
  readonly df: number;
  readonly p: number;
}

export interface RReference {
  readonly generatedWith: string;
  readonly proportions: RProportionsTable[];
  readonly means: RMeansTable[];
  readonly chiSquare: RChiSquare[];
  readonly distributions: {
    readonly normalTwoSided: Array<{ z: number; p: number }>;
    readonly tTwoSided: Array<{ t: number; df: number; p: number }>;
    readonly chiSquareUpper: Array<{ x: number; df: number; p: number }>;
  };
  readonly adjust: { readonly p: number[]; readonly bonferroni: number[]; readonly BH: number[] };
}

export function rReference(): RReference {
  return JSON.parse(
    readFileSync(path.join(referenceDir, 'r-reference.json'), 'utf8'),
  ) as RReference;
}

/** |actual − expected| within `relative` of |expected|, or within `absolute`. */
export function expectClose(
  actual: number,
  expected: number,
  relative = 1e-7,
  absolute = 1e-15,
): void {
  const tolerance = Math.max(relative * Math.abs(expected), absolute);
  expect(
    Math.abs(actual - expected),
    `${actual} vs reference ${expected} (tolerance ${tolerance})`,
  ).toBeLessThanOrEqual(tolerance);
}

/** Relative difference, for reporting the largest one. */
export function relativeDifference(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
}

/** The tables of a PSPP CSV output file: title and rows of cells. */
export interface PsppTable {
  readonly title: string;
  readonly rows: string[][];
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

export function psppTables(file: string): PsppTable[] {
  const tables: Array<{ title: string; rows: string[][] }> = [];
  for (const line of readFileSync(path.join(referenceDir, file), 'utf8').split(/\r?\n/)) {
    if (line.startsWith('Table: ')) tables.push({ title: line.slice(7).trim(), rows: [] });
    else if (line.trim() === '' || line.startsWith('warning:')) continue;
    else tables.at(-1)?.rows.push(splitCsvLine(line));
  }
  return tables;
}

/** PSPP prints ".018" for 0.018 and "1.000"; also "38.00". */
export function psppNumber(text: string): number {
  const value = Number(text);
  if (text === '' || Number.isNaN(value)) throw new Error(`not a number: "${text}"`);
  return value;
}

/** Decimals PSPP printed, for "within half a unit of the last digit". */
export function printedHalfUnit(text: string): number {
  const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  return 0.5 * 10 ** -decimals;
}

/**
 * p-values agree with R to 1 part in 10⁵, or to 10⁻¹³ absolute: jstat computes the normal tail as
 * 1 − erf, so far out (p ≈ 10⁻¹¹) it carries an absolute error near machine epsilon (relative
 * 4·10⁻⁵ there); near any significance level (p ≥ 10⁻⁴) the agreement is far closer. No decision
 * depends on the difference.
 */
export function expectCloseP(actual: number, expected: number): void {
  expectClose(actual, expected, 1e-5, 1e-13);
}
