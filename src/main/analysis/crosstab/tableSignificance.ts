/**
 * Puts significance on a built table: for every stub and banner group, the column proportions
 * test (letters), each column against the rest of the sample and each wave against the previous
 * one (marks, never letters), a chi-square per stub × group, and t-tests for means rows. Every
 * comparison with its p-value goes into `tests.pairs`, so no letter is there without its reason.
 * A nested group is tested within each outer category, as SPSS CTABLES does.
 */
import type { TablePairTest, TableRow, TableSpec } from '../../../shared/domain/table';
import {
  chiSquareTest,
  columnProportionsTest,
  meansTTest,
  type ColumnBase,
  type MeanColumn,
  type PairTest,
  type SignificanceResult,
} from '../significance/index';
import type { BuiltTable } from './buildTable';
import type { MultipleResponseGroup } from './responseSetColumns';

interface Subgroup {
  group: number;
  /** Indexes into result.columns. */
  columns: number[];
}

/** Banner groups split into the sets of columns compared with each other. */
function subgroups(built: BuiltTable): Subgroup[] {
  const found: Subgroup[] = [];
  built.result.columns.forEach((column, index) => {
    if (column.group < 0) return;
    const outer = JSON.stringify(column.within?.map((w) => w.code) ?? []);
    const last = found[found.length - 1];
    const lastOuter = last
      ? JSON.stringify(built.result.columns[last.columns[0]!]!.within?.map((w) => w.code) ?? [])
      : null;
    if (last && last.group === column.group && lastOuter === outer) last.columns.push(index);
    else found.push({ group: column.group, columns: [index] });
  });
  return found;
}

/** Upper case at the strictest level when two levels are asked for, lower case at the looser. */
function lettersOf(
  letterOf: ReadonlyMap<string, string>,
  result: SignificanceResult,
  higherThan: ReadonlyArray<{ column: string; level: number }>,
): string {
  if (higherThan.length === 0) return '';
  const strict = result.levels[0];
  return higherThan
    .map(({ column, level }) => {
      const letter = letterOf.get(column) ?? '?';
      return result.levels.length > 1 && level !== strict ? letter.toLowerCase() : letter;
    })
    .join('');
}

/** One comparison as the table reports it: which row, which columns, the test and its p-values. */
function pairRecord(row: TablePairTest['row'], pair: PairTest): TablePairTest {
  return {
    row,
    a: pair.a,
    b: pair.b,
    p: pair.p,
    adjustedP: pair.adjustedP,
    kind: pair.kind,
    test: pair.test,
    adjustment: pair.adjustment,
    statistic: pair.statistic,
    df: pair.df,
  };
}

export function applySignificance(
  built: BuiltTable,
  spec: TableSpec,
  waveVariable = 'wave',
  multipleResponse: readonly MultipleResponseGroup[] = [],
): void {
  // Columns of a multiple-response banner share respondents: their tests get the overlap counts.
  const overlapping = (group: number) => multipleResponse.find((m) => m.group === group);
  const options = {
    preset: spec.preset ?? 'spss',
    ...(spec.sigLevels ? { levels: spec.sigLevels } : {}),
  } as const;
  const { result } = built;
  const groups = subgroups(built);
  const notes = new Set<string>();
  let footnote = '';
  const chiSquare: NonNullable<typeof result.tests.chiSquare> = [];

  // Looked up once per table, not once per stub or letter: a table may have hundreds of stubs.
  const letterOf = new Map(result.columns.map((column) => [column.id, column.letter ?? '?']));
  const columnsOfGroup = new Map<number, number[]>();
  result.columns.forEach((column, i) => {
    const list = columnsOfGroup.get(column.group);
    if (list) list.push(i);
    else columnsOfGroup.set(column.group, [i]);
  });
  const rowsByStub = new Map<string, Array<{ row: TableRow; index: number }>>();
  result.rows.forEach((row, index) => {
    if (row.code === null) return;
    const list = rowsByStub.get(row.variable);
    if (list) list.push({ row, index });
    else rowsByStub.set(row.variable, [{ row, index }]);
  });
  const sumsByStub = new Map<string, BuiltTable['sums']>();
  for (const sums of built.sums) {
    const list = sumsByStub.get(sums.variable);
    if (list) list.push(sums);
    else sumsByStub.set(sums.variable, [sums]);
  }

  for (const [stub, sumsOfStub] of sumsByStub) {
    const rowsOfStub = rowsByStub.get(stub) ?? [];
    const rowKeys = rowsOfStub.map(({ row }) => String(row.code));
    // Sums per (row, table column): the table's cells carry n and Σw; Σw² comes from the kernel sums.
    const sumW2 = new Float64Array(result.columns.length);
    for (const sums of sumsOfStub) {
      const groupColumns = columnsOfGroup.get(sums.group) ?? [];
      const { columnCount } = sums.sums;
      for (let r = 0; r < rowsOfStub.length; r++) {
        for (let c = 0; c < groupColumns.length; c++)
          sumW2[groupColumns[c]!] =
            sumW2[groupColumns[c]!]! + sums.sums.sumW2[r * columnCount + c]!;
      }
    }
    // The Total column's Σw², from the last group's sums (each group's sums end with the Total).
    const last = sumsOfStub[sumsOfStub.length - 1];
    if (last) {
      const { columnCount } = last.sums;
      for (let r = 0; r < rowsOfStub.length; r++)
        sumW2[0] = sumW2[0]! + last.sums.sumW2[r * columnCount + columnCount - 1]!;
    }
    const baseOf = (column: number): ColumnBase => {
      let sumW = 0;
      let n = 0;
      for (const { row } of rowsOfStub) {
        sumW += row.cells[column]!.wn;
        n += row.cells[column]!.n;
      }
      return { sumW, sumW2: sumW2[column]!, n };
    };
    const countsOf = (columns: number[]) =>
      rowsOfStub.map(({ row }) => columns.map((c) => row.cells[c]!.wn));
    if (rowKeys.length === 0 || groups.length === 0) continue;
    const tested = columnProportionsTest(
      {
        rowKeys,
        groups: groups.map((g) => ({
          columnIds: g.columns.map((c) => result.columns[c]!.id),
          bases: g.columns.map(baseOf),
          counts: countsOf(g.columns),
          ...(overlapping(g.group)
            ? { multipleResponse: true, overlaps: overlapping(g.group)!.overlaps(stub) }
            : {}),
          waves: result.columns[g.columns[0]!]!.variable.toLowerCase() === waveVariable,
        })),
        total: {
          id: 'total',
          base: baseOf(0),
          counts: rowsOfStub.map(({ row }) => row.cells[0]!.wn),
        },
      },
      options,
    );
    footnote = tested.footnote;
    tested.notes.forEach((note) => notes.add(note));
    groups.forEach((g, gi) => {
      rowsOfStub.forEach(({ row }, r) => {
        g.columns.forEach((column, ci) => {
          const cell = tested.cells[gi]![r]![ci]!;
          const target = row.cells[column]!;
          target.sig = lettersOf(letterOf, tested, cell.higherThan);
          const marks = [cell.vsTotal?.symbol, cell.vsPrevious?.symbol].filter(Boolean).join('');
          if (marks) target.marks = marks;
        });
      });
      const table = rowsOfStub.map(({ row }) => g.columns.map((c) => row.cells[c]!.wn));
      // Overlapping columns are not independent samples: no chi-square for them.
      const chi = overlapping(g.group) ? null : chiSquareTest(table);
      if (chi)
        chiSquare.push({
          variable: stub,
          group: g.group,
          chiSquare: chi.chiSquare,
          df: chi.df,
          p: chi.p,
        });
    });
    // One row reference per row, shared by its pairs (a table may have 100,000 pairs).
    const rowOfKey = new Map(
      rowKeys.map((key, r) => {
        const { row } = rowsOfStub[r]!;
        return [key, { variable: row.variable, code: row.code }];
      }),
    );
    for (const pair of tested.pairs)
      result.tests.pairs.push(pairRecord(rowOfKey.get(pair.rowKey)!, pair));
  }

  for (const means of built.meanSums) {
    const statsOf = (column: number): MeanColumn => means.stats[column]!;
    const tested = meansTTest(
      {
        rowKeys: [means.variable],
        groups: groups.map((g) => ({
          columnIds: g.columns.map((c) => result.columns[c]!.id),
          stats: [g.columns.map(statsOf)],
          ...(overlapping(g.group)
            ? { multipleResponse: true, overlaps: [overlapping(g.group)!.overlaps(means.variable)] }
            : {}),
          waves: result.columns[g.columns[0]!]!.variable.toLowerCase() === waveVariable,
        })),
        total: { id: 'total', stats: [statsOf(0)] },
      },
      options,
    );
    tested.notes.forEach((note) => notes.add(note));
    const row = result.rows[means.row]!;
    groups.forEach((g, gi) => {
      g.columns.forEach((column, ci) => {
        const cell = tested.cells[gi]![0]![ci]!;
        row.cells[column]!.sig = lettersOf(letterOf, tested, cell.higherThan);
        const marks = [cell.vsTotal?.symbol, cell.vsPrevious?.symbol].filter(Boolean).join('');
        if (marks) row.cells[column]!.marks = marks;
      });
    });
    for (const pair of tested.pairs) {
      result.tests.pairs.push(pairRecord({ variable: means.variable, code: null }, pair));
    }
  }
  result.tests.notes.push(...notes);
  if (chiSquare.length > 0) result.tests.chiSquare = chiSquare;
  if (footnote) result.tests.notes.unshift(footnote);
}
