/**
 * A report chart as SVG, drawn by echarts' server-side renderer for the printed (PDF) page: the
 * same series, colours (seriesColour, via the rendered item) and number labels (tableFormat) as
 * the deck and the screen.
 */
import * as echarts from 'echarts';
import type { RenderedItem } from '../../shared/domain/report';
import {
  formatNumber,
  formatWithLetters,
  tableDecimals,
  type NumberKind,
} from '../../shared/domain/tableFormat';

type ChartItem = Extract<RenderedItem, { kind: 'chart' }>;

function kindOf(item: ChartItem): NumberKind {
  if (item.data.percent) return 'percent';
  if (item.spec.value === 'mean') return 'mean';
  if (item.spec.value === 'wn') return 'weightedCount';
  return 'count';
}

/** Series values as shares of each category's sum (where a 100% stacked bar puts them). */
function shares(item: ChartItem): Array<Array<number | null>> {
  const sums = item.data.categories.map((_, i) =>
    item.data.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0),
  );
  return item.data.series.map((s) =>
    s.values.map((v, i) => (v === null || !(sums[i]! > 0) ? null : (v / sums[i]!) * 100)),
  );
}

function chartOption(item: ChartItem, font: string, text: string): echarts.EChartsCoreOption {
  const { spec, data } = item;
  const decimals = tableDecimals(spec.table);
  const kind = kindOf(item);
  const label = (value: number | null, sig: string) =>
    formatWithLetters(formatNumber(value, kind, decimals), sig);
  const textStyle = { fontFamily: font, color: text, fontSize: 11 };
  const common = {
    animation: false,
    textStyle,
    title: {
      text: item.title,
      left: 4,
      top: 2,
      textStyle: { ...textStyle, fontSize: 13, fontWeight: 'bold' },
    },
    legend: { bottom: 0, textStyle, itemWidth: 12, itemHeight: 9 },
    color: item.colours,
  };
  if (spec.kind === 'pie' || spec.kind === 'donut') {
    const series = data.series[0];
    return {
      ...common,
      series: [
        {
          type: 'pie',
          radius: spec.kind === 'donut' ? ['40%', '68%'] : '68%',
          center: ['50%', '52%'],
          label: {
            ...textStyle,
            formatter: (p: { dataIndex: number; name: string }) =>
              `${p.name}: ${label(series?.values[p.dataIndex] ?? null, series?.sig[p.dataIndex] ?? '')}`,
          },
          data: data.categories.map((name, i) => ({ name, value: series?.values[i] ?? null })),
        },
      ],
    };
  }
  const stacked = spec.kind === 'stackedBar' || spec.kind === 'percentStackedBar';
  const percentStacked = spec.kind === 'percentStackedBar';
  const line = spec.kind === 'line' || spec.kind === 'scatter';
  const horizontal = !line && spec.horizontal === true;
  const plotted = percentStacked ? shares(item) : data.series.map((s) => s.values);
  const valueAxis = {
    type: 'value',
    min: 0,
    ...(percentStacked ? { max: 100 } : {}),
    axisLabel: {
      ...textStyle,
      formatter: (v: number) => formatNumber(v, kind, { ...decimals, percent: 0 }),
    },
  };
  const categoryAxis = {
    type: 'category',
    data: data.categories,
    inverse: horizontal,
    axisLabel: { ...textStyle, interval: 0 },
  };
  return {
    ...common,
    grid: { top: 34, bottom: 34, left: 8, right: 16, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: data.series.map((s, index) => ({
      type: line ? 'line' : 'bar',
      name: s.name,
      ...(stacked ? { stack: 'all' } : {}),
      ...(spec.kind === 'scatter' ? { lineStyle: { width: 0 }, symbolSize: 9 } : {}),
      label: {
        show: spec.dataLabels ?? true,
        position: stacked ? 'inside' : horizontal ? 'right' : 'top',
        ...textStyle,
        fontSize: 9,
        color: stacked ? '#ffffff' : text,
        // A stacked segment under 3% of its bar has no room for its label: the table has it.
        formatter: (p: { dataIndex: number }) =>
          percentStacked && (plotted[index]?.[p.dataIndex] ?? 0) < 3
            ? ''
            : label(s.values[p.dataIndex] ?? null, s.sig[p.dataIndex] ?? ''),
      },
      data: plotted[index] ?? [],
    })),
  };
}

/** The chart as an SVG document of the given size in pixels. */
export function chartSvg(
  item: ChartItem,
  size: { width: number; height: number },
  style: { font: string; text: string },
): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: Math.round(size.width),
    height: Math.round(size.height),
  });
  try {
    chart.setOption(chartOption(item, style.font, style.text));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
