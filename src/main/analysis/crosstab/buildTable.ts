/**
 * Builds a cross-table from columns in memory: stubs (rows) × banner (Total plus groups side by
 * side), counts, weighted counts, column and row percentages, bases (unweighted, weighted,
 * effective = (Σw)²/Σw², Kish) and low-base flags, and for numeric variables mean, standard
 * deviation, standard error and median per column. Missing values (system and user) are left out,
 * as SPSS does by default. Significance letters are added by the significance module.
 */
import type {
  TableBase,
  TableCell,
  TableColumn,
  TableResult,
  TableRow,
  TableSpec,
} from '../../../shared/domain/table';
import { bannerGroups } from './bannerColumns';
import { NONE } from './categorize';
import { columnBases, countStubs, type CellSums, type ColumnBaseSums } from './crosstabKernel';
import { userMissingTest, type TableData } from './tableData';

export interface TableInputs {
  weights: Float64Array | null;
  mask: Uint8Array | null;
}

/** The summary a significance test needs for one stub × group: counts per row category × column. */
export interface StubGroupSums {
  variable: string;
  group: number;
  sums: CellSums;
  codes: number[];
}

/** Per column of the table (Total first): what a t-test of means needs. */
export interface MeanSums {
  variable: string;
  /** Index of the means row in result.rows. */
  row: number;
  stats: Array<{ sumW: number; sumW2: number; n: number; sumWX: number; sumWX2: number }>;
}

export interface BuiltTable {
  result: TableResult;
  sums: StubGroupSums[];
  meanSums: MeanSums[];
}

const TOTAL: TableColumn = {
  id: 'total',
  variable: 'total',
  code: null,
  label: 'Total',
  letter: null,
  group: -1,
};

function effective(sumW: number, sumW2: number): number {
  return sumW2 > 0 ? (sumW * sumW) / sumW2 : 0;
}

function percent(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}

function baseFor(n: number, wn: number, w2: number, lowBase: number): TableBase {
  return { n, wn, effective: effective(wn, w2), lowBase: n < lowBase };
}

/** Weighted median: the smallest value whose cumulative weight reaches half the total. */
function weightedMedian(pairs: Array<[number, number]>): number | null {
  if (pairs.length === 0) return null;
  pairs.sort((a, b) => a[0] - b[0]);
  const half = pairs.reduce((sum, [, w]) => sum + w, 0) / 2;
  let cumulative = 0;
  for (const [value, w] of pairs) {
    cumulative += w;
    if (cumulative >= half) return value;
  }
  return pairs[pairs.length - 1]![0];
}

export function buildTable(data: TableData, spec: TableSpec, inputs: TableInputs): BuiltTable {
  const lowBase = spec.lowBase ?? 30;
  const groups = bannerGroups(data, spec.columns);
  const columns: TableColumn[] = [TOTAL, ...groups.flatMap((g) => g.columns)];
  const rows: TableRow[] = [];
  const sums: StubGroupSums[] = [];
  const stubSums: Array<{ variable: string; n: Float64Array; w: Float64Array; w2: Float64Array }> =
    [];
  const { weights, mask } = inputs;

  const groupIndexes = groups.map((group) => ({
    index: group.index,
    columns: group.columns.length,
  }));
  // Column bases: respondents in each column (filter applied), whatever their answers to the
  // stubs; counted with the first stubs, or on their own when the table has none.
  let columnBaseSums: ColumnBaseSums | null = null;
  for (const { variable, categories, counts } of countStubs(
    data,
    spec.rows,
    groupIndexes,
    weights,
    mask,
    (counted) => (columnBaseSums = counted),
  )) {
    const perGroup = counts.groups;
    perGroup.forEach((counted, g) =>
      sums.push({
        variable: variable.name,
        group: groups[g]!.group,
        sums: counted,
        codes: categories.codes,
      }),
    );
    const totalOnly = counts.total;
    // Per stub, the base of a column is its respondents with a valid answer to this stub.
    const stubBaseN = new Float64Array(columns.length);
    const stubBaseW = new Float64Array(columns.length);
    const stubBaseW2 = new Float64Array(columns.length);
    for (let r = 0; r < categories.codes.length; r++) {
      const totalCell = r * totalOnly.columnCount + totalOnly.columnCount - 1;
      stubBaseN[0]! += totalOnly.n[totalCell]!;
      stubBaseW[0]! += totalOnly.sumW[totalCell]!;
      stubBaseW2[0]! += totalOnly.sumW2[totalCell]!;
      let offset = 1;
      perGroup.forEach((counted, g) => {
        for (let c = 0; c < groups[g]!.columns.length; c++) {
          const cell = r * counted.columnCount + c;
          stubBaseN[offset + c]! += counted.n[cell]!;
          stubBaseW[offset + c]! += counted.sumW[cell]!;
          stubBaseW2[offset + c]! += counted.sumW2[cell]!;
        }
        offset += groups[g]!.columns.length;
      });
    }
    stubSums.push({ variable: variable.name, n: stubBaseN, w: stubBaseW, w2: stubBaseW2 });
    for (let r = 0; r < categories.codes.length; r++) {
      const totalCell = r * totalOnly.columnCount + totalOnly.columnCount - 1;
      const rowTotalW = totalOnly.sumW[totalCell]!;
      const cells: TableCell[] = [
        {
          n: totalOnly.n[totalCell]!,
          wn: rowTotalW,
          colPct: percent(rowTotalW, stubBaseW[0]!),
          rowPct: percent(rowTotalW, rowTotalW),
          sig: '',
        },
      ];
      let offset = 1;
      perGroup.forEach((counted, g) => {
        for (let c = 0; c < groups[g]!.columns.length; c++) {
          const cell = r * counted.columnCount + c;
          cells.push({
            n: counted.n[cell]!,
            wn: counted.sumW[cell]!,
            colPct: percent(counted.sumW[cell]!, stubBaseW[offset + c]!),
            rowPct: percent(counted.sumW[cell]!, rowTotalW),
            sig: '',
          });
        }
        offset += groups[g]!.columns.length;
      });
      const labelLanguage = categories.labelLanguages[r];
      rows.push({
        variable: variable.name,
        code: categories.codes[r]!,
        label: categories.labels[r]!,
        ...(labelLanguage ? { labelLanguage } : {}),
        cells,
      });
    }
  }

  const meanSums: MeanSums[] = [];
  for (const name of spec.means ?? []) {
    const { row, stats } = meansRow(data, name, groups, columns.length, inputs);
    meanSums.push({ variable: row.variable, row: rows.length, stats });
    rows.push(row);
  }

  const {
    n: baseN,
    sumW: baseW,
    sumW2: baseW2,
  } = columnBaseSums ?? columnBases(data.rows, groupIndexes, weights, mask);
  const bases = columns.map((_, c) => baseFor(baseN[c]!, baseW[c]!, baseW2[c]!, lowBase));
  const stubBases = stubSums
    .filter((stub) => bases.some((base, c) => stub.n[c] !== base.n))
    .map((stub) => ({
      variable: stub.variable,
      bases: columns.map((_, c) => baseFor(stub.n[c]!, stub.w[c]!, stub.w2[c]!, lowBase)),
    }));
  return {
    result: {
      columns,
      rows,
      bases,
      ...(stubBases.length > 0 ? { stubBases } : {}),
      tests: { pairs: [], notes: [] },
      footnote: '',
    },
    sums,
    meanSums,
  };
}

function meansRow(
  data: TableData,
  name: string,
  groups: ReturnType<typeof bannerGroups>,
  columnCount: number,
  { weights, mask }: TableInputs,
): { row: TableRow; stats: MeanSums['stats'] } {
  const variable = data.variable(name);
  const isMissing = userMissingTest(variable.missing);
  const n = new Float64Array(columnCount);
  const sw = new Float64Array(columnCount);
  const swx = new Float64Array(columnCount);
  const swx2 = new Float64Array(columnCount);
  const sw2 = new Float64Array(columnCount);
  const values: Array<Array<[number, number]>> = Array.from({ length: columnCount }, () => []);
  const add = (column: number, x: number, w: number) => {
    n[column]! += 1;
    sw[column]! += w;
    swx[column]! += w * x;
    swx2[column]! += w * x * x;
    sw2[column]! += w * w;
    values[column]!.push([x, w]);
  };
  for (let i = 0; i < data.rows; i++) {
    if (mask !== null && mask[i] === 0) continue;
    const x = variable.values[i]!;
    if (Number.isNaN(x) || isMissing(x)) continue;
    const w = weights === null ? 1 : weights[i]!;
    if (!(w > 0)) continue;
    add(0, x, w);
    let offset = 1;
    for (const group of groups) {
      const c = group.index[i]!;
      if (c !== NONE) add(offset + c, x, w);
      offset += group.columns.length;
    }
  }
  const cells: TableCell[] = Array.from({ length: columnCount }, (_, c) => {
    const count = n[c]!;
    const total = sw[c]!;
    if (count === 0 || total <= 0) {
      return {
        n: 0,
        wn: 0,
        colPct: null,
        rowPct: null,
        mean: null,
        sd: null,
        se: null,
        median: null,
        sig: '',
      };
    }
    const mean = swx[c]! / total;
    // Sample variance with frequency-weight degrees of freedom (Σw − 1), as SPSS computes it for weighted data.
    const variance = total > 1 ? Math.max(0, (swx2[c]! - total * mean * mean) / (total - 1)) : null;
    const sd = variance === null ? null : Math.sqrt(variance);
    return {
      n: count,
      wn: total,
      colPct: null,
      rowPct: null,
      mean,
      sd,
      se: sd === null ? null : sd / Math.sqrt(total),
      median: weightedMedian(values[c]!),
      sig: '',
    };
  });
  const stats = Array.from({ length: columnCount }, (_, c) => ({
    sumW: sw[c]!,
    sumW2: sw2[c]!,
    n: n[c]!,
    sumWX: swx[c]!,
    sumWX2: swx2[c]!,
  }));
  return { row: { variable: variable.name, code: null, label: 'Mean', cells }, stats };
}
