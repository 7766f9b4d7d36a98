import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ResponseSet } from '../../../../../src/main/analysis/crosstab/multiResponse';
import { runTable } from '../../../../../src/main/analysis/crosstab/runTable';
import type { TableData, TableVariable } from '../../../../../src/main/analysis/crosstab/tableData';
import type { TableResult } from '../../../../../src/shared/domain/table';

/**
 * test/reference/crosstab/mr-banner.R generates the sample (mr-banner.csv) and computes the
 * overlap-corrected tests by hand from the formula (mr-banner.json), not with this code.
 */
const folder = 'test/reference/crosstab';
const [header, ...lines] = readFileSync(`${folder}/mr-banner.csv`, 'utf8').trim().split('\n');
const names = header!.split(',').map((name) => name.replaceAll('"', ''));
const columns = new Map(
  names.map((name, c) => [name, Float64Array.from(lines, (line) => Number(line.split(',')[c]))]),
);
const column = (name: string): Float64Array => columns.get(name)!;

interface ReferencePair {
  weighted: boolean;
  set: string;
  a: number;
  b: number;
  code: number;
  statistic: number;
  zP: number;
  df: number;
  tP: number;
}
const reference = JSON.parse(readFileSync(`${folder}/mr-banner.json`, 'utf8')) as {
  ordinaryDisjointCode1P: number;
  pairs: ReferencePair[];
  meansOfW: Array<{ a: number; b: number; statistic: number; df: number; p: number }>;
};

function numeric(name: string, labels: Array<[number, string]> = []): TableVariable {
  return {
    name,
    type: labels.length > 0 ? 'single' : 'numeric',
    label: name,
    valueLabels: labels.map(([code, label]) => ({ code, label })),
    missing: [],
    values: column(name),
  };
}

const sets: Record<string, ResponseSet> = {
  brands: {
    name: 'Brands',
    label: 'Brands used',
    answers: ['b1', 'b2', 'b3'].map((item, k) => ({
      code: k + 1,
      label: `Brand ${k + 1}`,
      chosen: column(item),
    })),
  },
  disjoint: {
    name: 'Disjoint',
    label: 'Chosen once at most',
    answers: ['d1', 'd2'].map((item, k) => ({
      code: k + 1,
      label: `Only ${k + 1}`,
      chosen: column(item),
    })),
  },
};

const data: TableData & { responseSet(name: string): ResponseSet | null } = {
  rows: lines.length,
  variable(name) {
    if (name === 'q')
      return numeric('q', [
        [1, 'Yes'],
        [2, 'No'],
      ]);
    if (columns.has(name)) return numeric(name);
    throw new Error(`unknown variable ${name}`);
  },
  responseSet: (name) => sets[name.toLowerCase()] ?? null,
};

function pairP(table: TableResult, set: ResponseSet, ref: ReferencePair): number {
  const a = `${set.name}:${ref.a}`;
  const b = `${set.name}:${ref.b}`;
  const found = table.tests.pairs.find(
    (pair) =>
      pair.kind === 'columns' &&
      pair.row.code === ref.code &&
      ((pair.a === a && pair.b === b) || (pair.a === b && pair.b === a)),
  );
  if (!found) throw new Error(`no test of ${a} vs ${b} in row ${ref.code}`);
  return found.p;
}

describe('a multiple-response set as banner columns', () => {
  it('gives one column per answer, counting a respondent in every answer chosen; the base is who chose it', () => {
    const table = runTable(data, { rows: ['q'], columns: [{ variables: ['BRANDS'] }] });
    expect(table.columns.map((c) => [c.id, c.letter, c.label])).toEqual([
      ['total', null, 'Total'],
      ['Brands:1', 'A', 'Brand 1'],
      ['Brands:2', 'B', 'Brand 2'],
      ['Brands:3', 'C', 'Brand 3'],
    ]);
    const chose = (item: string) => column(item).filter((x) => x === 1).length;
    expect(table.bases.map((base) => base.n)).toEqual([
      lines.length,
      chose('b1'),
      chose('b2'),
      chose('b3'),
    ]);
    const yesAmong = (item: string) =>
      column(item).filter((x, i) => x === 1 && column('q')[i] === 1).length;
    expect(table.rows[0]!.cells.map((cell) => cell.n)).toEqual([
      column('q').filter((x) => x === 1).length,
      yesAmong('b1'),
      yesAmong('b2'),
      yesAmong('b3'),
    ]);
  });

  for (const weighted of [false, true]) {
    const weight = weighted ? { weight: 'w' } : {};
    it(`corrects the column proportions tests for the overlap as the reference computes by hand (${weighted ? 'weighted' : 'unweighted'})`, () => {
      const spss = runTable(data, { rows: ['q'], columns: [{ variables: ['brands'] }], ...weight });
      const dimensions = runTable(data, {
        rows: ['q'],
        columns: [{ variables: ['brands'] }],
        preset: 'dimensions',
        ...weight,
      });
      const refs = reference.pairs.filter((r) => r.set === 'brands' && r.weighted === weighted);
      expect(refs.length).toBe(6);
      for (const ref of refs) {
        expect(pairP(spss, sets.brands!, ref)).toBeCloseTo(ref.zP, 10);
        // jstat’s Student t is exact to about 7 digits (../shared/DEPENDENCIES.md §5).
        expect(pairP(dimensions, sets.brands!, ref)).toBeCloseTo(ref.tP, 7);
      }
      expect(spss.tests.notes.join(' ')).toMatch(/overlap correction applied/);
    });
  }

  it('equals the ordinary pooled-proportion test (R prop.test) when no respondent is in both columns', () => {
    const table = runTable(data, { rows: ['q'], columns: [{ variables: ['disjoint'] }] });
    const ref = reference.pairs.find((r) => r.set === 'disjoint' && !r.weighted && r.code === 1)!;
    expect(pairP(table, sets.disjoint!, ref)).toBeCloseTo(reference.ordinaryDisjointCode1P, 10);
  });

  it('puts letters on the higher share and leaves out the chi-square of overlapping columns', () => {
    const table = runTable(data, {
      rows: ['q'],
      columns: [{ variables: ['brands'] }],
      sigLevels: [0.9],
    });
    const significant = table.tests.pairs.filter(
      (pair) => pair.kind === 'columns' && (pair.adjustedP ?? pair.p) < 0.1,
    );
    for (const pair of significant) {
      const row = table.rows.find((r) => r.code === pair.row.code)!;
      const at = (id: string) => table.columns.findIndex((c) => c.id === id);
      const [high, low] =
        row.cells[at(pair.a)]!.colPct! > row.cells[at(pair.b)]!.colPct!
          ? [pair.a, pair.b]
          : [pair.b, pair.a];
      expect(row.cells[at(high)]!.sig).toContain(table.columns[at(low)]!.letter);
    }
    expect(table.tests.chiSquare ?? []).toEqual([]);
  });

  it('tests means across overlapping columns with the overlap term, as the reference by hand', () => {
    const table = runTable(data, {
      rows: ['q'],
      columns: [{ variables: ['brands'] }],
      means: ['w'],
      preset: 'dimensions',
    });
    for (const ref of reference.meansOfW) {
      const found = table.tests.pairs.find(
        (pair) =>
          pair.row.variable === 'w' &&
          pair.kind === 'columns' &&
          pair.a === `Brands:${ref.a}` &&
          pair.b === `Brands:${ref.b}`,
      )!;
      expect(found.statistic).toBeCloseTo(ref.statistic, 10);
      expect(found.df).toBeCloseTo(ref.df, 10);
      expect(found.p).toBeCloseTo(ref.p, 7);
    }
  });

  it('keeps single-coded groups beside it lettered and tested as before', () => {
    const table = runTable(data, {
      rows: ['q'],
      columns: [{ variables: ['brands'] }, { variables: ['d1'] }],
    });
    expect(table.columns.map((c) => [c.group, c.letter])).toEqual([
      [-1, null],
      [0, 'A'],
      [0, 'B'],
      [0, 'C'],
      [1, 'A'],
      [1, 'B'],
    ]);
  });
});
