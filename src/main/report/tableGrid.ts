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
  const rows: GridRow[] = [
    {
      label: 'Base (unweighted)',
      cells: result.bases.map((base) => formatNumber(base.n, 'base')),
      role: 'base',
    },
  ];
  const stubs = [...new Set(result.rows.map((row) => row.variable))];
  for (const stub of stubs) {
    if (stubs.length > 1) rows.push({ label: variableLabel(stub), cells: [], role: 'heading' });
    for (const row of result.rows.filter((r) => r.variable === stub)) {
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
