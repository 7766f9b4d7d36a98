/**
 * The footnote under a chart, as under its table: the unweighted base of every column plotted —
 * the question's own base where not everyone answered it — (low bases named), what the letters stand for, then the table's own footnote (weight, filter,
 * test and significance level). Pure, so the screen and the exports print the same lines.
 */
import type { ChartSpec } from '../domain/chart';
import type { TableResult } from '../domain/table';
import { formatNumber } from '../domain/tableFormat';
import { questionBases } from './questionBases';

/** The Total column and banner columns that a chart plots, in order (hideTotal respected). */
function plottedColumns(result: TableResult, spec: ChartSpec) {
  const bases = questionBases(result);
  return result.columns
    .map((column, index) => ({ column, base: bases[index] }))
    .filter(({ column }) => !(spec.hideTotal && column.variable === 'total'));
}

function columnName(column: TableResult['columns'][number]): string {
  return [...(column.within?.map((w) => w.label) ?? []), column.label].join(' · ');
}

export function chartFootnote(result: TableResult, spec: ChartSpec): string[] {
  const columns = plottedColumns(result, spec);
  const lines: string[] = [];
  const bases = columns
    .map(({ column, base }) => `${columnName(column)} ${formatNumber(base?.n ?? 0, 'base')}`)
    .join(' · ');
  lines.push(`Base (unweighted n): ${bases}.`);
  const low = columns.filter(({ base }) => base?.lowBase);
  if (low.length > 0) {
    const threshold = spec.table.lowBase ?? 30;
    const named = low
      .map(
        ({ column, base }) => `${columnName(column)} (n = ${formatNumber(base?.n ?? 0, 'base')})`,
      )
      .join(', ');
    lines.push(`Low base (under ${threshold}), read with care: ${named}.`);
  }
  const lettered = columns.filter(({ column }) => column.letter !== null);
  const anyLetters = result.rows.some((row) => row.cells.some((cell) => cell.sig !== ''));
  if (lettered.length > 0) {
    const letters = lettered
      .map(({ column }) => `${column.letter ?? ''} ${columnName(column)}`)
      .join(' · ');
    lines.push(
      anyLetters
        ? `Letters: ${letters}. A letter beside a value: significantly higher than that column.`
        : `Letters: ${letters}. No significant differences between the columns.`,
    );
  }
  if (result.footnote) lines.push(result.footnote);
  return lines;
}
