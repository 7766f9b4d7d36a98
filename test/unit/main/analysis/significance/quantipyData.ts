/**
 * Reads quantipy's "Example Data (A)" (../shared/fixtures/quantipy/example_data_A.csv, the case
 * data of quantipy's own test suite) and sums it the way a cross-tab engine would, so the
 * significance functions can be checked against the letters quantipy's test suite publishes for
 * the same data. Only input sums are computed here; every expected result comes from quantipy.
 */
import { readFileSync } from 'node:fs';
import type {
  ColumnBase,
  ColumnOverlap,
  MeanColumn,
  MeansGroupInput,
  ProportionGroupInput,
} from '../../../../../src/main/analysis/significance';

export interface Dataset {
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

export function readDataset(file: string): Dataset {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.length > 0);
  // The file has no quoted fields (checked: no '"' in it), so a plain split is exact.
  const [header, ...rows] = lines.map((line) => line.split(','));
  return { header: header!, rows };
}

/** The codes a respondent has on a variable: one for single, several for a delimited set ("1;4;"). */
export function codesOf(data: Dataset, variable: string): Array<number[]> {
  const index = data.header.indexOf(variable);
  if (index < 0) throw new Error(`no variable ${variable}`);
  return data.rows.map((row) =>
    (row[index] ?? '')
      .split(';')
      .filter((part) => part !== '')
      .map(Number),
  );
}

export function weightsOf(data: Dataset, variable: string | null): number[] {
  if (variable === null) return data.rows.map(() => 1);
  const index = data.header.indexOf(variable);
  return data.rows.map((row) => Number(row[index]));
}

interface Sums {
  sumW: number;
  sumW2: number;
  n: number;
}
const zero = (): Sums => ({ sumW: 0, sumW2: 0, n: 0 });
const add = (s: Sums, w: number): void => {
  s.sumW += w;
  s.sumW2 += w * w;
  s.n += 1;
};

/**
 * A proportions group: rows = codes of `x`, columns = codes of `y`. A respondent is in a column's
 * base when they have any `x` code and the `y` code; overlaps count respondents in both columns.
 */
export function proportionGroup(
  data: Dataset,
  x: string,
  xCodes: readonly number[],
  y: string,
  yCodes: readonly number[],
  weight: string | null,
  multipleResponse: boolean,
): ProportionGroupInput {
  const xs = codesOf(data, x);
  const ys = codesOf(data, y);
  const ws = weightsOf(data, weight);
  const bases = yCodes.map(zero);
  const counts = xCodes.map(() => yCodes.map(() => 0));
  const pairs = new Map<string, Sums>();
  data.rows.forEach((_, i) => {
    const xc = xs[i]!.filter((c) => xCodes.includes(c));
    if (xc.length === 0) return;
    const w = ws[i]!;
    const columns = yCodes.flatMap((code, j) => (ys[i]!.includes(code) ? [j] : []));
    for (const j of columns) {
      add(bases[j]!, w);
      for (const code of xc) counts[xCodes.indexOf(code)]![j]! += w;
    }
    if (multipleResponse) {
      for (const a of columns) {
        for (const b of columns) {
          if (b <= a) continue;
          const key = `${a},${b}`;
          if (!pairs.has(key)) pairs.set(key, zero());
          add(pairs.get(key)!, w);
        }
      }
    }
  });
  const overlaps: ColumnOverlap[] = [];
  for (let a = 0; a < yCodes.length; a++) {
    for (let b = a + 1; b < yCodes.length; b++) {
      overlaps.push({ a, b, ...(pairs.get(`${a},${b}`) ?? zero()) });
    }
  }
  return {
    columnIds: yCodes.map(String),
    bases: bases as ColumnBase[],
    counts,
    multipleResponse,
    ...(multipleResponse ? { overlaps } : {}),
  };
}

/** A means group: the mean of the codes of single-coded `x` (those in `xCodes`) per `y` column. */
export function meansGroup(
  data: Dataset,
  x: string,
  xCodes: readonly number[],
  y: string,
  yCodes: readonly number[],
  weight: string | null,
  multipleResponse: boolean,
): MeansGroupInput {
  const xs = codesOf(data, x);
  const ys = codesOf(data, y);
  const ws = weightsOf(data, weight);
  const stats = yCodes.map(() => ({ sumW: 0, sumW2: 0, n: 0, sumWX: 0, sumWX2: 0 }));
  const pairs = new Map<string, Sums>();
  data.rows.forEach((_, i) => {
    const value = xs[i]![0];
    if (value === undefined || !xCodes.includes(value)) return;
    const w = ws[i]!;
    const columns = yCodes.flatMap((code, j) => (ys[i]!.includes(code) ? [j] : []));
    for (const j of columns) {
      const s = stats[j]!;
      s.sumW += w;
      s.sumW2 += w * w;
      s.n += 1;
      s.sumWX += w * value;
      s.sumWX2 += w * value * value;
    }
    if (multipleResponse) {
      for (const a of columns) {
        for (const b of columns) {
          if (b <= a) continue;
          const key = `${a},${b}`;
          if (!pairs.has(key)) pairs.set(key, zero());
          add(pairs.get(key)!, w);
        }
      }
    }
  });
  const overlaps: ColumnOverlap[] = [];
  for (let a = 0; a < yCodes.length; a++) {
    for (let b = a + 1; b < yCodes.length; b++) {
      overlaps.push({ a, b, ...(pairs.get(`${a},${b}`) ?? zero()) });
    }
  }
  return {
    columnIds: yCodes.map(String),
    stats: [stats as MeanColumn[]],
    multipleResponse,
    ...(multipleResponse ? { overlaps: [overlaps] } : {}),
  };
}

/** Quantipy's notation of a result: per row, per column, '[codes it is higher than]' or 'NONE'. */
export function asQuantipyLists(
  cells: ReadonlyArray<ReadonlyArray<{ readonly higherThan: ReadonlyArray<{ column: string }> }>>,
): string[][] {
  return cells.map((row) =>
    row.map((cell) =>
      cell.higherThan.length === 0
        ? 'NONE'
        : `[${cell.higherThan
            .map((h) => Number(h.column))
            .sort((a, b) => a - b)
            .join(', ')}]`,
    ),
  );
}
