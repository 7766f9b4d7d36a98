/**
 * What a cell shows as text, through the shared table formatter so the screen, the copied TSV
 * and the exports agree digit for digit. Means rows (code null) show the mean whatever the
 * chosen cell content; significance letters always belong to the column proportions' test.
 */
import { formatNumber, type Decimals } from '../../../../../shared/domain/tableFormat';
import type { TableCell, TableRow } from '../../../../../shared/domain/table';

export type CellContent = 'colPct' | 'rowPct' | 'totalPct' | 'index' | 'count' | 'weighted';

export const CELL_CONTENTS: readonly CellContent[] = [
  'colPct',
  'rowPct',
  'totalPct',
  'index',
  'count',
  'weighted',
];

export function cellText(
  row: Pick<TableRow, 'code'>,
  cell: TableCell,
  content: CellContent,
  decimals: Decimals,
): string {
  if (row.code === null) return formatNumber(cell.mean, 'mean', decimals);
  switch (content) {
    case 'colPct':
      return formatNumber(cell.colPct, 'percent', decimals);
    case 'rowPct':
      return formatNumber(cell.rowPct, 'percent', decimals);
    case 'totalPct':
      return formatNumber(cell.totalPct, 'percent', decimals);
    case 'index':
      return formatNumber(cell.index, 'index', decimals);
    case 'count':
      return formatNumber(cell.n, 'count', decimals);
    case 'weighted':
      return formatNumber(cell.wn, 'weightedCount', decimals);
  }
}
