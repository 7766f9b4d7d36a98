/**
 * ChartData (src/shared/domain/chart.ts) → an ECharts option. Pure and DOM-free, so the same
 * option draws the chart on screen and in the PNG/SVG exports, and the unit tests check it in
 * Node. Colours come from seriesColour (one segment or country has one colour everywhere),
 * numbers from formatNumber (a label reads as the table cell does), letters beside the value
 * as in the table ("52% B").
 */
import type { EChartsCoreOption } from 'echarts/core';
import { seriesColour, type ChartData, type ChartSpec } from '../domain/chart';
import {
  formatNumber,
  formatWithLetters,
  type Decimals,
  type NumberKind,
} from '../domain/tableFormat';
import type { ChartTheme } from './chartTheme';
import { tooltipLines } from './tooltipText';

export interface ChartOptionSettings {
  theme: ChartTheme;
  decimals: Decimals;
  /** Drawn inside the chart (exports); on screen the title is a heading above the chart. */
  title?: string;
  /** Lines drawn under the chart (exports); on screen the footnote is text under the chart. */
  footnote?: string[];
  /** The chart's width in pixels, where known (exports): long footnote lines wrap within it. */
  width?: number;
  /**
   * Off unless asked for: the workbench redraws at once as options change (calm, not decorative),
   * and an export is drawn once, whole.
   */
  animation?: boolean;
}

/** The kind of number a chart value is, for the formatter. */
export function valueKind(data: ChartData, spec: ChartSpec): NumberKind {
  if (data.percent) return 'percent';
  if (spec.value === 'mean') return 'mean';
  if (spec.value === 'wn') return 'weightedCount';
  return 'count';
}

/** The heatmap's colour ramp: light enough at the top for dark label text on every cell. */
export const HEATMAP_RAMP = ['#f1f5fb', '#7fa6dc'] as const;
/** Label text on heatmap cells: the cells are light whatever the theme. */
const HEATMAP_INK = '#1d2430';

interface Point {
  value: number | null;
  sig: string;
}

/** Each category's values as shares of the category's sum (100% stacked bars). */
export function percentShares(data: ChartData): Array<Array<number | null>> {
  const sums = data.categories.map((_, index) =>
    data.series.reduce((sum, series) => sum + (series.values[index] ?? 0), 0),
  );
  return data.series.map((series) =>
    series.values.map((value, index) => {
      const sum = sums[index] ?? 0;
      return value === null || sum <= 0 ? null : (value / sum) * 100;
    }),
  );
}

/**
 * A value axis for values up to `largest`: a round tick (1, 2, 2.5 or 5 times a power of ten)
 * and the top, a whole number of ticks, at most ten of them, at or above the largest value.
 */
export function niceScale(largest: number): { max: number; interval: number } {
  if (!(largest > 0)) return { max: 1, interval: 0.2 };
  const magnitude = 10 ** Math.floor(Math.log10(largest));
  for (const step of [0.1, 0.2, 0.25, 0.5, 1, 2]) {
    const tick = magnitude * step;
    const ticks = Math.ceil(largest / tick - 1e-9);
    if (ticks <= 10) {
      const round = (value: number) => Number(value.toPrecision(12));
      // Fewer labels read better: every second tick where that still ends on the top.
      const interval = ticks > 5 && ticks % 2 === 0 ? tick * 2 : tick;
      return { max: round(ticks * tick), interval: round(interval) };
    }
  }
  return { max: largest, interval: largest };
}

/** The top of a value axis for values up to `largest` (see niceScale). */
export function niceMax(largest: number): number {
  return niceScale(largest).max;
}

function baseText(theme: ChartTheme) {
  return { color: theme.text, fontFamily: theme.fontFamily, fontSize: 12 };
}

function titleAndFootnote(settings: ChartOptionSettings): {
  title: object[];
  top: number;
  bottom: number;
} {
  const { theme } = settings;
  const title: object[] = [];
  let top = 36;
  if (settings.title) {
    title.push({
      text: settings.title,
      left: 12,
      top: 8,
      textStyle: { ...baseText(theme), fontSize: 15, fontWeight: 600 },
    });
    top += 28;
  }
  const lines = settings.footnote ?? [];
  // About 5.5 px per character at 10 px: enough to reserve room for the wrapped lines.
  const textWidth = settings.width ? settings.width - 24 : null;
  const wrapped = lines.reduce(
    (count, line) => count + (textWidth ? Math.ceil((line.length * 5.5) / textWidth) : 1),
    0,
  );
  if (lines.length > 0) {
    title.push({
      text: lines.join('\n'),
      left: 12,
      bottom: 8,
      textStyle: {
        color: theme.muted,
        fontFamily: theme.fontFamily,
        fontSize: 10,
        fontWeight: 'normal',
        lineHeight: 14,
        ...(textWidth ? { width: textWidth, overflow: 'break' } : {}),
      },
    });
  }
  return { title, top, bottom: 40 + wrapped * 14 };
}

/** The echarts option that draws `data` as `spec` says. */
export function chartOption(
  data: ChartData,
  spec: ChartSpec,
  settings: ChartOptionSettings,
): EChartsCoreOption {
  const { theme, decimals } = settings;
  const kind = valueKind(data, spec);
  const format = (value: number | null) => formatNumber(value, kind, decimals);
  const labelled = (point: Point, shown: number | null = point.value) =>
    formatWithLetters(format(shown), point.sig);
  const frame = titleAndFootnote(settings);
  const common = {
    animation: settings.animation ?? false,
    backgroundColor: theme.background,
    textStyle: { fontFamily: theme.fontFamily, color: theme.text },
    title: frame.title,
  };
  const legend = {
    top: frame.top - 28,
    left: 12,
    textStyle: baseText(theme),
    itemWidth: 14,
    itemHeight: 10,
    data: data.series.map((series) => series.name),
  };

  if (spec.kind === 'pie' || spec.kind === 'donut') return pieOption();
  if (spec.kind === 'heatmap') return heatmapOption();
  if (spec.kind === 'scatter') return scatterOption();
  return cartesianOption();

  function cartesianOption(): EChartsCoreOption {
    const stacked = spec.kind === 'stackedBar' || spec.kind === 'percentStackedBar';
    const percentStacked = spec.kind === 'percentStackedBar';
    const line = spec.kind === 'line';
    const horizontal = !line && spec.horizontal === true;
    const shares = percentStacked ? percentShares(data) : null;
    const plotted = data.series.map((series, s) => shares?.[s] ?? series.values);
    const largest = stacked
      ? Math.max(
          0,
          ...data.categories.map((_, i) => plotted.reduce((sum, v) => sum + (v[i] ?? 0), 0)),
        )
      : Math.max(0, ...plotted.flat().map((v) => v ?? 0));
    const scale = percentStacked ? { max: 100, interval: 20 } : niceScale(largest);
    const valueAxis = {
      type: 'value',
      min: 0,
      ...scale,
      axisLabel: {
        ...baseText(theme),
        color: theme.muted,
        formatter: (value: number) =>
          formatNumber(value, kind, { ...decimals, percent: 0, mean: decimals.mean }),
      },
      splitLine: { lineStyle: { color: theme.grid } },
    };
    const categoryAxis = {
      type: 'category',
      data: data.categories,
      inverse: horizontal,
      axisLabel: { ...baseText(theme), interval: 0, hideOverlap: false },
      axisLine: { lineStyle: { color: theme.grid } },
      axisTick: { show: false },
    };
    const labelPosition = stacked ? 'inside' : horizontal ? 'right' : 'top';
    return {
      ...common,
      legend,
      grid: {
        top: frame.top + 8,
        bottom: frame.bottom,
        left: 16,
        right: 32,
        containLabel: true,
      },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: line ? 'line' : 'shadow' },
        valueFormatter: undefined,
        formatter: (params: Array<{ seriesIndex: number; dataIndex: number }>) => {
          const first = params[0];
          if (!first) return '';
          const rows = params.map(({ seriesIndex, dataIndex }) => {
            const series = data.series[seriesIndex];
            if (!series) return '';
            const point = {
              value: series.values[dataIndex] ?? null,
              sig: series.sig[dataIndex] ?? '',
            };
            return `${series.name}: ${labelled(point)}`;
          });
          const base = data.bases[first.dataIndex];
          const category = data.categories[first.dataIndex] ?? '';
          const header =
            spec.seriesFrom === 'rows' || base === undefined
              ? category
              : `${category} (n = ${formatNumber(base, 'base')})`;
          return tooltipLines(header, ...rows);
        },
      },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: data.series.map((series, s) => {
        const colour = seriesColour(series.key);
        return {
          type: line ? 'line' : 'bar',
          name: series.name,
          ...(stacked ? { stack: 'total' } : {}),
          itemStyle: { color: colour },
          ...(line ? { lineStyle: { color: colour, width: 2 }, symbolSize: 7 } : {}),
          barMaxWidth: 56,
          data: (plotted[s] ?? []).map((value, i) => ({
            value,
            // What the label prints: the table's own number with its letters.
            point: { value: series.values[i] ?? null, sig: series.sig[i] ?? '' },
            shown: value,
          })),
          label: {
            show: spec.dataLabels !== false,
            position: labelPosition,
            ...baseText(theme),
            ...(stacked
              ? { color: '#ffffff', textBorderColor: 'rgba(0,0,0,0.35)', textBorderWidth: 2 }
              : {}),
            formatter: (item: { data: { point: Point; shown: number | null } }) =>
              item.data.shown === null || (stacked && (item.data.shown ?? 0) < 2.5)
                ? ''
                : labelled(
                    item.data.point,
                    percentStacked ? item.data.shown : item.data.point.value,
                  ),
          },
          labelLayout: { hideOverlap: !stacked },
        };
      }),
    };
  }

  function heatmapOption(): EChartsCoreOption {
    const cells = data.series.flatMap((series, y) =>
      series.values.map((value, x) => ({
        value: [x, y, value],
        point: { value, sig: series.sig[x] ?? '' },
      })),
    );
    const largest = Math.max(0, ...data.series.flatMap((s) => s.values.map((v) => v ?? 0)));
    return {
      ...common,
      grid: { top: frame.top, bottom: frame.bottom + 40, left: 16, right: 24, containLabel: true },
      tooltip: {
        formatter: (item: { data: { value: [number, number]; point: Point } }) => {
          const [x, y] = item.data.value;
          return tooltipLines(
            `${data.categories[x] ?? ''} · ${data.series[y]?.name ?? ''}: ${labelled(item.data.point)}`,
          );
        },
      },
      xAxis: {
        type: 'category',
        data: data.categories,
        position: 'top',
        axisLabel: { ...baseText(theme), interval: 0 },
        axisTick: { show: false },
        axisLine: { show: false },
      },
      yAxis: {
        type: 'category',
        data: data.series.map((series) => series.name),
        inverse: true,
        axisLabel: baseText(theme),
        axisTick: { show: false },
        axisLine: { show: false },
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: niceMax(largest),
        calculable: false,
        text: [format(niceMax(largest)), format(0)],
        orient: 'horizontal',
        left: 'center',
        bottom: frame.bottom - 24,
        itemHeight: 160,
        textStyle: { ...baseText(theme), color: theme.muted },
        formatter: (value: number) => format(value),
        inRange: { color: [...HEATMAP_RAMP] },
      },
      series: [
        {
          type: 'heatmap',
          data: cells,
          itemStyle: { borderColor: theme.background, borderWidth: 2 },
          label: {
            show: spec.dataLabels !== false,
            color: HEATMAP_INK,
            fontFamily: theme.fontFamily,
            fontSize: 12,
            formatter: (item: { data: { point: Point } }) =>
              item.data.point.value === null ? '' : labelled(item.data.point),
          },
        },
      ],
    };
  }

  function scatterOption(): EChartsCoreOption {
    // A positioning map: each axis category is a point placed by the first two series
    // (e.g. countries by their share of creators and of contributors), sized by its base.
    const [xSeries, ySeries] = data.series;
    const maxBase = Math.max(1, ...data.bases);
    const points = data.categories.map((name, i) => ({
      name,
      value: [xSeries?.values[i] ?? null, ySeries?.values[i] ?? null, data.bases[i] ?? 0],
      x: { value: xSeries?.values[i] ?? null, sig: xSeries?.sig[i] ?? '' },
      y: { value: ySeries?.values[i] ?? null, sig: ySeries?.sig[i] ?? '' },
      itemStyle: { color: seriesColour(data.categoryKeys[i] ?? name), opacity: 0.85 },
      symbolSize: 14 + 34 * Math.sqrt((data.bases[i] ?? 0) / maxBase),
    }));
    const axis = (name: string, values: Array<number | null>, nameGap: number) => ({
      type: 'value',
      name,
      nameLocation: 'middle',
      nameGap,
      nameTextStyle: baseText(theme),
      min: 0,
      ...niceScale(Math.max(0, ...values.map((v) => v ?? 0))),
      axisLabel: { ...baseText(theme), color: theme.muted, formatter: (v: number) => format(v) },
      splitLine: { lineStyle: { color: theme.grid } },
    });
    return {
      ...common,
      grid: { top: frame.top, bottom: frame.bottom + 16, left: 48, right: 110, containLabel: true },
      tooltip: {
        formatter: (item: { data: { name: string; x: Point; y: Point; value: number[] } }) =>
          tooltipLines(
            `${item.data.name} (n = ${formatNumber(item.data.value[2] ?? 0, 'base')})`,
            `${xSeries?.name ?? ''}: ${labelled(item.data.x)}`,
            `${ySeries?.name ?? ''}: ${labelled(item.data.y)}`,
          ),
      },
      xAxis: axis(xSeries?.name ?? '', xSeries?.values ?? [], 30),
      yAxis: axis(ySeries?.name ?? '', ySeries?.values ?? [], 48),
      series: [
        {
          type: 'scatter',
          data: points,
          label: {
            show: spec.dataLabels !== false,
            position: 'right',
            ...baseText(theme),
            formatter: (item: { data: { name: string } }) => item.data.name,
          },
        },
      ],
    };
  }

  function pieOption(): EChartsCoreOption {
    // One pie per axis category (e.g. one per country), at most eight, in rows of up to four,
    // each in its own box so its radius and labels scale with the room it has.
    const shown = data.categories.slice(0, 8);
    const perRow = Math.min(4, Math.max(1, shown.length));
    const rows = Math.ceil(shown.length / perRow);
    const outer = perRow <= 2 ? 62 : perRow === 3 ? 54 : 48;
    const inner = spec.kind === 'donut' ? Math.round(outer * 0.55) : 0;
    const area = { left: 3, width: 94, top: 18, height: 78 };
    const box = (i: number) => {
      const width = area.width / perRow;
      const height = area.height / rows;
      return {
        left: area.left + (i % perRow) * width,
        top: area.top + Math.floor(i / perRow) * height,
        width,
        height,
      };
    };
    const pct = (value: number) => `${value}%`;
    return {
      ...common,
      legend,
      title: [
        ...frame.title,
        ...shown.map((name, i) => {
          const { left, top, width, height } = box(i);
          const base = data.bases[i];
          // Just above the pie: its centre is the middle of its box.
          const titleTop = top + height / 2 - height * 0.3;
          return {
            text: name,
            subtext:
              spec.seriesFrom === 'rows' || base === undefined
                ? ''
                : `n = ${formatNumber(base, 'base')}`,
            left: pct(left + width / 2),
            top: pct(titleTop),
            textAlign: 'center',
            textStyle: { ...baseText(theme), fontWeight: 600 },
            subtextStyle: { color: theme.muted, fontSize: 10 },
            itemGap: 2,
          };
        }),
      ],
      tooltip: {
        trigger: 'item',
        formatter: (item: { seriesName: string; name: string; data: { point: Point } }) =>
          tooltipLines(`${item.seriesName} · ${item.name}: ${labelled(item.data.point)}`),
      },
      series: shown.map((category, i) => {
        const { left, top, width, height } = box(i);
        return {
          type: 'pie',
          name: category,
          left: pct(left),
          top: pct(top),
          width: pct(width),
          height: pct(height),
          radius: [pct(inner), pct(outer)],
          avoidLabelOverlap: true,
          itemStyle: { borderColor: theme.background, borderWidth: 1 },
          data: data.series.map((series) => ({
            name: series.name,
            value: series.values[i] ?? 0,
            point: { value: series.values[i] ?? null, sig: series.sig[i] ?? '' },
            itemStyle: { color: seriesColour(series.key) },
          })),
          label: {
            show: spec.dataLabels !== false,
            ...baseText(theme),
            overflow: 'none',
            formatter: (item: { data: { point: Point } }) => labelled(item.data.point),
          },
          labelLine: { show: spec.dataLabels !== false, length: 6, length2: 8 },
        };
      }),
    };
  }
}
