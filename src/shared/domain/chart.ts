/**
 * A chart is a view of one table: which of its numbers to plot, as what kind of chart. The same
 * `chartSeries` feeds the screen (echarts) and every export (pptx, PDF), so a bar on screen and
 * the bar in the deck stand on the same number.
 */
import type { TableResult, TableSpec } from './table';

export const chartKinds = [
  'bar',
  'stackedBar',
  'percentStackedBar',
  'line',
  'heatmap',
  'scatter',
  'pie',
  'donut',
] as const;
export type ChartKind = (typeof chartKinds)[number];

/** Which number of each cell is plotted. Percentages are on a 0–100 scale, as in the table. */
export type ChartValue = 'colPct' | 'rowPct' | 'n' | 'wn' | 'mean';

export interface ChartSpec {
  kind: ChartKind;
  table: TableSpec;
  value: ChartValue;
  /**
   * 'columns' (default): one series per stub category, the banner columns along the axis — a
   * 100% stacked bar of segment shares by country. 'rows': one series per banner column.
   */
  seriesFrom?: 'columns' | 'rows';
  horizontal?: boolean;
  /** Values printed on the chart; on unless false (as on a client slide). */
  dataLabels?: boolean;
  /** Leave out the Total column. */
  hideTotal?: boolean;
  title?: string;
}

export interface ChartSeries {
  /** The stub category (or banner column) the series stands for: its colour key. */
  key: string;
  name: string;
  values: Array<number | null>;
  /** Significance letters per point, as in the table. */
  sig: string[];
}

export interface ChartData {
  /** Axis categories, in order. */
  categories: string[];
  /** One key per category, for colours when series come from rows. */
  categoryKeys: string[];
  series: ChartSeries[];
  /** Unweighted base per axis category (low bases are named in the footnote). */
  bases: number[];
  /** True when the values are percentages (0–100). */
  percent: boolean;
}

/** The key a colour is chosen by: the same segment or country gets the same colour everywhere. */
export function colourKey(variable: string, code: number | string | null): string {
  return `${variable.toLowerCase()}=${code === null ? '' : String(code)}`;
}

function columnLabel(column: TableResult['columns'][number]): string {
  const outer = column.within?.map((w) => w.label) ?? [];
  return [...outer, column.label].join(' · ');
}

/** The numbers of a table arranged as chart series. Rows of the first stub only (a chart shows one question). */
export function chartSeries(result: TableResult, spec: ChartSpec): ChartData {
  const keep = result.columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => !(spec.hideTotal && column.variable === 'total'));
  const firstVariable = result.rows[0]?.variable;
  const rows = result.rows.filter((row) =>
    spec.value === 'mean' ? row.code === null : row.variable === firstVariable && row.code !== null,
  );
  const value = (cell: TableResult['rows'][number]['cells'][number] | undefined): number | null => {
    if (!cell) return null;
    const v = cell[spec.value];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const percent = spec.value === 'colPct' || spec.value === 'rowPct';
  const bases = keep.map(({ index }) => result.bases[index]?.n ?? 0);
  if (spec.seriesFrom === 'rows') {
    return {
      categories: rows.map((row) => row.label),
      categoryKeys: rows.map((row) => colourKey(row.variable, row.code)),
      series: keep.map(({ column, index }) => ({
        key: colourKey(column.variable, column.code),
        name: columnLabel(column),
        values: rows.map((row) => value(row.cells[index])),
        sig: rows.map((row) => row.cells[index]?.sig ?? ''),
      })),
      bases,
      percent,
    };
  }
  return {
    categories: keep.map(({ column }) => columnLabel(column)),
    categoryKeys: keep.map(({ column }) => colourKey(column.variable, column.code)),
    series: rows.map((row) => ({
      key: colourKey(row.variable, row.code),
      name: row.label,
      values: keep.map(({ index }) => value(row.cells[index])),
      sig: keep.map(({ index }) => row.cells[index]?.sig ?? ''),
    })),
    bases,
    percent,
  };
}

/**
 * The palette: calm, distinguishable, readable on light and dark. Customer-energy segments and
 * countries have fixed colours so a creator is the same orange on every chart and slide.
 */
export const palette = [
  '#2f6db5',
  '#e07b39',
  '#3a9a6b',
  '#c2466b',
  '#7a5cb8',
  '#b59a2f',
  '#3aa0b5',
  '#8a6a4f',
  '#5f7380',
  '#a3c14a',
] as const;

const fixedColours: Record<string, string> = {
  // customer-energy segments: creators, contributors, viewers (the built-in scheme's codes)
  'energy=1': '#e07b39',
  'energy=2': '#2f6db5',
  'energy=3': '#9aa7b2',
  'total=': '#5f7380',
};

/**
 * The colour of a series key. Fixed where the workbench knows it; otherwise chosen by the code, not
 * by position, so Italy keeps its colour whether or not Germany is on the chart.
 */
export function seriesColour(key: string): string {
  const fixed = fixedColours[key];
  if (fixed) return fixed;
  const code = key.slice(key.indexOf('=') + 1);
  const numeric = Number(code);
  let slot: number;
  if (code !== '' && Number.isInteger(numeric) && numeric >= 1) slot = numeric - 1;
  else {
    slot = 0;
    for (const char of key) slot = (slot * 31 + char.charCodeAt(0)) >>> 0;
  }
  return palette[slot % palette.length] ?? '#2f6db5';
}
