/**
 * A table result as the text grid a slide or a printed page shows: column headings with their
 * letters, the unweighted base row, then each row's numbers with significance letters beside
 * them — all through tableFormat, so the deck, the PDF and the screen print the same digits.
 */
import type { TableResult, TableSpec } from '../../shared/domain/table';
import { formatNumber, formatWithLetters, tableDecimals } from '../../shared/domain/tableFormat';

export interface GridRow {
  label: string;
  cells: string[];
  /** 'base' rows and 'heading' rows (a stub's question) are drawn differently. */
  role: 'base' | 'heading' | 'value';
}

export interface TableGrid {
  columns: string[];
  rows: GridRow[];
}

function columnHeading(column: TableResult['columns'][number]): string {
  const outer = column.within?.map((w) => w.label) ?? [];
  const label = [...outer, column.label].join(' · ');
  return column.letter ? `${label} (${column.letter})` : label;
}

export function tableGrid(
  result: TableResult,
  spec: TableSpec,
  variableLabel: (name: string) => string,
): TableGrid {
  const decimals = tableDecimals(spec);
  const stubs = [...new Set(result.rows.map((row) => row.variable))];
  const baseRow = (bases: TableResult['bases']): GridRow => ({
    label: 'Base (unweighted)',
    cells: bases.map((base) => formatNumber(base.n, 'base')),
    role: 'base',
  });
  const ownBase = (stub: string) => result.stubBases?.find((b) => b.variable === stub)?.bases;
  // One base row on top, unless a question has its own base (then it stands under its heading).
  const rows: GridRow[] = [
    baseRow(stubs.length === 1 ? (ownBase(stubs[0]!) ?? result.bases) : result.bases),
  ];
  for (const stub of stubs) {
    const stubRows = result.rows.filter((r) => r.variable === stub);
    // A summary table's rows are one per item, each labelled: no heading over a lone row.
    if (stubs.length > 1 && stubRows.length > 1) {
      rows.push({ label: variableLabel(stub), cells: [], role: 'heading' });
      const own = ownBase(stub);
      if (own) rows.push(baseRow(own));
    }
    for (const row of stubRows) {
      rows.push({
        label: row.label,
        cells: row.cells.map((cell) => {
          const isMean = row.code === null && cell.mean !== undefined;
          const text = isMean
            ? formatNumber(cell.mean, 'mean', decimals)
            : formatNumber(cell.colPct, 'percent', decimals);
          return formatWithLetters(text, cell.sig, cell.marks);
        }),
        role: 'value',
      });
    }
  }
  return { columns: result.columns.map(columnHeading), rows };
}
