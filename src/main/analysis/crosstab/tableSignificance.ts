/**
 * Puts significance on a built table: for every stub and banner group, the column proportions
 * test (letters), each column against the rest of the sample and each wave against the previous
 * one (marks, never letters), a chi-square per stub × group, and t-tests for means rows. Every
 * comparison with its p-value goes into `tests.pairs`, so no letter is there without its reason.
 * A nested group is tested within each outer category, as SPSS CTABLES does.
 *
 * Proportions go through the compact path (significance/proportions compareProportions and
 * assemble decide): every stub's comparisons in one set of typed arrays, letters and marks
 * written straight into the cells, pair records written only when tests.pairs is read.
 */
import type { TablePairTest, TableResult, TableRow, TableSpec } from '../../../shared/domain/table';
import {
  chiSquareTest,
  meansTTest,
  type MeanColumn,
  type PairTest,
  type SignificanceResult,
} from '../significance/index';
import { decide, significanceFootnote, significanceNotes } from '../significance/assemble';
import { Comparisons, KIND_CODE, KINDS, TESTED, TESTS } from '../significance/comparisons';
import { resolvePreset } from '../significance/presets';
import {
  compareProportions,
  comparisonCount,
  describeProportionsTest,
  type CompactProportionGroup,
} from '../significance/proportions';
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

/**
 * tests.pairs, written when first read (a property read, JSON.stringify and structured cloning
 * all read it), then a plain array. A 1,000-table banner compares about 200,000 pairs: writing
 * an object for each was most of its significance step, and most uses of a table (letters,
 * reports, the bench) never read them. Pairs already listed stay first.
 */
function pairsOnFirstRead(
  tests: TableResult['tests'],
  pending: ReadonlyArray<() => TablePairTest[]>,
): void {
  const earlier = tests.pairs;
  let written: TablePairTest[] | null = null;
  const settle = (pairs: TablePairTest[]): TablePairTest[] => {
    written = pairs;
    // Reflect: a caller may have frozen the result; the array is then kept here instead.
    Reflect.defineProperty(tests, 'pairs', {
      value: pairs,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    return pairs;
  };
  Object.defineProperty(tests, 'pairs', {
    enumerable: true,
    configurable: true,
    get: () => written ?? settle(earlier.concat(...pending.map((make) => make()))),
    set: settle,
  });
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

  // Per subgroup, what every stub needs of it, looked up once per table.
  const subgroupInfo = groups.map((g) => {
    const ids = g.columns.map((c) => result.columns[c]!.id);
    const letters = ids.map((id) => letterOf.get(id) ?? '?');
    return {
      ids,
      letters,
      lowerLetters: letters.map((letter) => letter.toLowerCase()),
      waves: result.columns[g.columns[0]!]!.variable.toLowerCase() === waveVariable,
      overlap: overlapping(g.group),
    };
  });
  // Where each subgroup's cells start in a stub's flat per-cell arrays (row-major within each).
  const cellOffset: number[] = [];
  let subgroupColumns = 0;
  for (const g of groups) {
    cellOffset.push(subgroupColumns);
    subgroupColumns += g.columns.length;
  }

  // Pair records are written when tests.pairs is first read (see pairsOnFirstRead).
  const pending: Array<() => TablePairTest[]> = [];
  // Every stub's comparisons, one after another in one set of arrays, reserved at once.
  const compared = new Comparisons(1024);
  let stubRows = 0;
  for (const stub of sumsByStub.keys()) stubRows += rowsByStub.get(stub)?.length ?? 0;
  compared.reserve(
    comparisonCount(
      stubRows,
      groups.map((g, gi) => ({ columns: g.columns.length, waves: subgroupInfo[gi]!.waves })),
      true,
    ),
  );
  const rules = resolvePreset(options);
  const twoLevels = rules.levels.length > 1;
  const proportionsFootnote = significanceFootnote(rules, describeProportionsTest(rules));
  for (const [stub, sumsOfStub] of sumsByStub) {
    const rowsOfStub = rowsByStub.get(stub) ?? [];
    const rowCount = rowsOfStub.length;
    // Sums per (row, table column): the table's cells carry n and Σw; Σw² comes from the kernel sums.
    const sumW2 = new Float64Array(result.columns.length);
    for (const sums of sumsOfStub) {
      const groupColumns = columnsOfGroup.get(sums.group) ?? [];
      const { columnCount } = sums.sums;
      for (let r = 0; r < rowCount; r++) {
        for (let c = 0; c < groupColumns.length; c++)
          sumW2[groupColumns[c]!] =
            sumW2[groupColumns[c]!]! + sums.sums.sumW2[r * columnCount + c]!;
      }
    }
    // The Total column's Σw², from the last group's sums (each group's sums end with the Total).
    const last = sumsOfStub[sumsOfStub.length - 1];
    if (last) {
      const { columnCount } = last.sums;
      for (let r = 0; r < rowCount; r++)
        sumW2[0] = sumW2[0]! + last.sums.sumW2[r * columnCount + columnCount - 1]!;
    }
    const sumWOf = (column: number): number => {
      let sumW = 0;
      for (const { row } of rowsOfStub) sumW += row.cells[column]!.wn;
      return sumW;
    };
    if (rowCount === 0 || groups.length === 0) continue;
    const compactGroups: CompactProportionGroup[] = groups.map((g, gi) => {
      const columns = g.columns.length;
      const counts = new Array<number>(rowCount * columns);
      for (let r = 0; r < rowCount; r++) {
        const { cells } = rowsOfStub[r]!.row;
        for (let c = 0; c < columns; c++) counts[r * columns + c] = cells[g.columns[c]!]!.wn;
      }
      const { overlap, waves } = subgroupInfo[gi]!;
      return {
        columns,
        counts,
        sumW: g.columns.map(sumWOf),
        sumW2: g.columns.map((c) => sumW2[c]!),
        multipleResponse: overlap !== undefined,
        overlaps: overlap?.overlaps(stub),
        waves,
      };
    });
    const from = compared.length;
    compareProportions(
      {
        rows: rowCount,
        groups: compactGroups,
        total: {
          counts: rowsOfStub.map(({ row }) => row.cells[0]!.wn),
          sumW: sumWOf(0),
          sumW2: sumW2[0]!,
        },
      },
      rules,
      compared,
    );
    decide(compared, rules, from);
    const to = compared.length;
    footnote = proportionsFootnote;
    significanceNotes(compared, from).forEach((note) => notes.add(note));

    // One row reference per row, shared by its pairs (a table may have 100,000 pairs).
    const rowRefs = rowsOfStub.map(({ row }) => ({ variable: row.variable, code: row.code }));
    const columnId = (g: number, column: number): string =>
      column < 0 ? 'total' : subgroupInfo[g]!.ids[column]!;
    pending.push(() => {
      const records: TablePairTest[] = [];
      for (let i = from; i < to; i++) {
        if (compared.status[i] !== TESTED) continue;
        const g = compared.group[i]!;
        records.push({
          row: rowRefs[compared.row[i]!]!,
          a: columnId(g, compared.a[i]!),
          b: columnId(g, compared.b[i]!),
          p: compared.pAt(i),
          adjustedP: compared.adjustedAt(i),
          kind: KINDS[compared.kind[i]!]!,
          test: TESTS[compared.test[i]!]!,
          adjustment: rules.adjustment,
          statistic: compared.statistic[i]!,
          df: compared.dfAt(i),
        });
      }
      return records;
    });

    // Letters and marks per cell of the subgroups, from the comparisons that reach a level.
    // Pairs come a < b, so each cell's letters arrive in column order, as they are shown.
    const cellCount = rowCount * subgroupColumns;
    const letters = new Array<string>(cellCount).fill('');
    const vsTotal = new Array<string>(cellCount).fill('');
    const vsPrevious = new Array<string>(cellCount).fill('');
    for (let i = from; i < to; i++) {
      const met = compared.level[i]!;
      const statistic = compared.statistic[i]!;
      if (compared.status[i] !== TESTED || met < 0 || statistic === 0) continue;
      const g = compared.group[i]!;
      const a = compared.a[i]!;
      const kind = compared.kind[i]!;
      const higher = statistic > 0;
      const rowAt = cellOffset[g]! * rowCount + compared.row[i]! * groups[g]!.columns.length;
      if (kind === KIND_CODE.columns) {
        const b = compared.b[i]!;
        const winner = higher ? a : b;
        const loser = higher ? b : a;
        // Upper case at the strictest level when two levels are asked for, lower case at the looser.
        const info = subgroupInfo[g]!;
        letters[rowAt + winner] += (twoLevels && met !== 0 ? info.lowerLetters : info.letters)[
          loser
        ]!;
      } else if (kind === KIND_CODE.total) {
        vsTotal[rowAt + a] = higher ? '+' : '-';
      } else {
        vsPrevious[rowAt + a] = higher ? '↑' : '↓';
      }
    }
    groups.forEach((g, gi) => {
      const columns = g.columns.length;
      for (let r = 0; r < rowCount; r++) {
        const { cells } = rowsOfStub[r]!.row;
        const rowAt = cellOffset[gi]! * rowCount + r * columns;
        for (let ci = 0; ci < columns; ci++) {
          const target = cells[g.columns[ci]!]!;
          target.sig = letters[rowAt + ci]!;
          const marks = vsTotal[rowAt + ci]! + vsPrevious[rowAt + ci]!;
          if (marks) target.marks = marks;
        }
      }
      // Overlapping columns are not independent samples: no chi-square for them.
      if (compactGroups[gi]!.multipleResponse) return;
      const { counts } = compactGroups[gi]!;
      const table = rowsOfStub.map((_, r) => counts.slice(r * columns, (r + 1) * columns));
      const chi = chiSquareTest(table);
      if (chi)
        chiSquare.push({
          variable: stub,
          group: g.group,
          chiSquare: chi.chiSquare,
          df: chi.df,
          p: chi.p,
        });
    });
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
    const records = tested.pairs.map((pair) =>
      pairRecord({ variable: means.variable, code: null }, pair),
    );
    pending.push(() => records);
  }
  pairsOnFirstRead(result.tests, pending);
  result.tests.notes.push(...notes);
  if (chiSquare.length > 0) result.tests.chiSquare = chiSquare;
  if (footnote) result.tests.notes.unshift(footnote);
}
