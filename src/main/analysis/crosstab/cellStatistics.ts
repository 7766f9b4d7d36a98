/**
 * What a consultant reads beside a column percentage: the share of the whole table, the index
 * against the Total column (100 = as the total), and the margin of error at 95% confidence from
 * the column's effective base (Kish), so weighted tables do not overstate their precision. Then
 * the layout options: hide empty categories, sort by the Total, blank columns with a low base.
 */
import type { TableResult, TableSpec } from '../../../shared/domain/table';
import type { BuiltTable } from './buildTable';

const Z95 = 1.959963984540054;

function effective(sumW: number, sumW2: number): number {
  return sumW2 > 0 ? (sumW * sumW) / sumW2 : 0;
}

/** Per stub and table column: the effective base of the respondents with a valid answer. */
function stubEffectiveBases(built: BuiltTable): Map<string, number[]> {
  const { columns } = built.result;
  const bases = new Map<string, number[]>();
  // Table columns of each group, found once per table (a table may have 1,000 stub × groups).
  const columnsOfGroup = new Map<number, number[]>();
  columns.forEach((column, i) => {
    const list = columnsOfGroup.get(column.group);
    if (list) list.push(i);
    else columnsOfGroup.set(column.group, [i]);
  });
  for (const sums of built.sums) {
    const list = bases.get(sums.variable) ?? new Array<number>(columns.length).fill(0);
    const groupColumns = columnsOfGroup.get(sums.group) ?? [];
    const { sumW, sumW2, columnCount, rowCount } = sums.sums;
    groupColumns.forEach((i, c) => {
      let w = 0;
      let w2 = 0;
      for (let r = 0; r < rowCount; r++) {
        w += sumW[r * columnCount + c]!;
        w2 += sumW2[r * columnCount + c]!;
      }
      list[i] = effective(w, w2);
    });
    let w = 0;
    let w2 = 0;
    for (let r = 0; r < rowCount; r++) {
      w += sumW[r * columnCount + columnCount - 1]!;
      w2 += sumW2[r * columnCount + columnCount - 1]!;
    }
    list[0] = effective(w, w2);
    bases.set(sums.variable, list);
  }
  return bases;
}

export function addCellStatistics(built: BuiltTable): void {
  const effectiveBases = stubEffectiveBases(built);
  const stubTotals = new Map<string, number>();
  for (const row of built.result.rows) {
    if (row.code !== null)
      stubTotals.set(row.variable, (stubTotals.get(row.variable) ?? 0) + row.cells[0]!.wn);
  }
  for (const row of built.result.rows) {
    if (row.code === null) continue;
    const bases = effectiveBases.get(row.variable);
    const tableTotal = stubTotals.get(row.variable) ?? 0;
    const totalPct = row.cells[0]!.colPct;
    row.cells.forEach((cell, c) => {
      cell.totalPct = tableTotal > 0 ? (cell.wn / tableTotal) * 100 : null;
      cell.index =
        cell.colPct !== null && totalPct !== null && totalPct > 0
          ? (cell.colPct / totalPct) * 100
          : null;
      const base = bases?.[c] ?? 0;
      const p = cell.colPct === null ? null : cell.colPct / 100;
      cell.moe = p === null || base <= 0 ? null : Z95 * Math.sqrt((p * (1 - p)) / base) * 100;
    });
  }
  for (const means of built.meanSums) {
    const row = built.result.rows[means.row]!;
    row.cells.forEach((cell, c) => {
      const stats = means.stats[c]!;
      const base = effective(stats.sumW, stats.sumW2);
      cell.moe =
        cell.sd === null || cell.sd === undefined || base <= 1
          ? null
          : (Z95 * cell.sd) / Math.sqrt(base);
    });
  }
}

/** Hides empty categories, sorts by the Total, blanks low-base columns — as the spec asks. */
export function applyLayout(result: TableResult, spec: TableSpec): void {
  if (spec.hideEmpty)
    result.rows = result.rows.filter((row) => row.code === null || row.cells[0]!.wn > 0);
  if (spec.sortByTotal) {
    const order = new Map<string, number>();
    result.rows.forEach((row) => order.has(row.variable) || order.set(row.variable, order.size));
    result.rows = [...result.rows].sort((a, b) => {
      const byStub = order.get(a.variable)! - order.get(b.variable)!;
      if (byStub !== 0) return byStub;
      if (a.code === null || b.code === null) return a.code === null ? 1 : -1;
      return b.cells[0]!.wn - a.cells[0]!.wn;
    });
  }
  if (spec.suppressLowBase) {
    result.bases.forEach((base, c) => {
      if (!base.lowBase) return;
      for (const row of result.rows) {
        const cell = row.cells[c]!;
        cell.colPct = null;
        cell.rowPct = null;
        cell.totalPct = null;
        cell.index = null;
        cell.moe = null;
        if (cell.mean !== undefined) cell.mean = null;
        cell.sig = '';
        delete cell.marks;
      }
    });
    result.tests.notes.push(
      `Numbers are suppressed in columns with a base below ${spec.lowBase ?? 30}.`,
    );
  }
}
