/**
 * Side by side: one table with the question in rows and a dimension (country, industry, wave, a
 * segment) as the banner, cut into one panel per value of the dimension. All panels share one
 * scale, so a longer bar is a larger share whichever panel it is in; each bar keeps the table's
 * letters (the values it is significantly higher than) and its ▲/▼ against the rest of the sample.
 */
import { colourKey } from '../domain/chart';
import type { TableResult } from '../domain/table';
import { formatNumber, type Decimals } from '../domain/tableFormat';
import { niceMax } from './chartOption';
import { questionBases } from './questionBases';

export interface SideBySideBar {
  label: string;
  /** The question category's colour key: a segment keeps its colour in every panel. */
  key: string;
  /** Column % (0–100), null where there is none. */
  value: number | null;
  /** The value as the table prints it ("52%"). */
  text: string;
  /** Letters of the panels this value is significantly higher than. */
  letters: string;
  /** ▲ significantly above the rest of the sample, ▼ below; '' otherwise. */
  mark: '▲' | '▼' | '';
}

export interface SideBySidePanel {
  key: string;
  label: string;
  letter: string;
  base: number;
  lowBase: boolean;
  bars: SideBySideBar[];
}

export interface SideBySide {
  panels: SideBySidePanel[];
  /** The categories of the question, in the table's order. */
  categories: string[];
  /** The one axis maximum every panel uses (percent). */
  axisMax: number;
}

/** The table's '+' / '-' against the rest of the sample as arrows; previous-wave marks are left to the table. */
export function markArrow(marks: string | undefined): SideBySideBar['mark'] {
  if (marks?.includes('+')) return '▲';
  if (marks?.includes('-')) return '▼';
  return '';
}

export function sideBySidePanels(result: TableResult, decimals: Decimals): SideBySide {
  const question = result.rows[0]?.variable;
  const rows = result.rows.filter((row) => row.variable === question && row.code !== null);
  const bases = questionBases(result);
  const panels = result.columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => column.variable !== 'total')
    .map(({ column, index }): SideBySidePanel => {
      const base = bases[index];
      return {
        key: colourKey(column.variable, column.code),
        label: column.label,
        letter: column.letter ?? '',
        base: base?.n ?? 0,
        lowBase: base?.lowBase ?? false,
        bars: rows.map((row) => {
          const cell = row.cells[index];
          const value =
            typeof cell?.colPct === 'number' && Number.isFinite(cell.colPct) ? cell.colPct : null;
          return {
            label: row.label,
            key: colourKey(row.variable, row.code),
            value,
            text: formatNumber(value, 'percent', decimals),
            letters: cell?.sig ?? '',
            mark: markArrow(cell?.marks),
          };
        }),
      };
    });
  const largest = Math.max(0, ...panels.flatMap((p) => p.bars.map((b) => b.value ?? 0)));
  return {
    panels,
    categories: rows.map((row) => row.label),
    axisMax: Math.min(100, niceMax(largest)),
  };
}
