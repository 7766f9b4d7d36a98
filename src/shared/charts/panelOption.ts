/**
 * One side-by-side panel as a small horizontal bar chart: the question's categories down the
 * side, their column % along an axis that runs to the same maximum in every panel, each bar in
 * its category's colour and labelled as the table prints it, with letters and ▲/▼ ("52% B ▲").
 */
import type { EChartsCoreOption } from 'echarts/core';
import { seriesColour } from '../domain/chart';
import { formatNumber } from '../domain/tableFormat';
import type { ChartTheme } from './chartTheme';
import { tooltipLines } from './tooltipText';
import type { SideBySideBar, SideBySidePanel } from './sideBySidePanels';

/** A bar's label: its percentage, the letters it beats, its arrow against the rest. */
export function barLabel(bar: SideBySideBar): string {
  return [bar.text, bar.letters, bar.mark].filter((part) => part !== '').join(' ');
}

/** Height in pixels a panel's chart needs for its categories. */
export function panelChartHeight(categories: number): number {
  return 36 + 30 * Math.max(1, categories);
}

export function panelOption(
  panel: SideBySidePanel,
  axisMax: number,
  theme: ChartTheme,
): EChartsCoreOption {
  const text = { color: theme.text, fontFamily: theme.fontFamily, fontSize: 12 };
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: theme.fontFamily, color: theme.text },
    grid: { top: 6, bottom: 22, left: 4, right: 76, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: axisMax,
      // Two ticks, the ends of the common scale: 0% and the top every panel shares.
      interval: axisMax,
      axisLabel: {
        ...text,
        color: theme.muted,
        fontSize: 11,
        formatter: (value: number) => formatNumber(value, 'percent'),
      },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: panel.bars.map((bar) => bar.label),
      axisLabel: { ...text, width: 110, overflow: 'truncate' },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.grid } },
    },
    tooltip: {
      trigger: 'item',
      formatter: (item: { dataIndex: number }) => {
        const bar = panel.bars[item.dataIndex];
        return bar ? tooltipLines(`${panel.label} · ${bar.label}: ${barLabel(bar)}`) : '';
      },
    },
    series: [
      {
        type: 'bar',
        name: panel.label,
        barMaxWidth: 20,
        data: panel.bars.map((bar) => ({
          value: bar.value,
          itemStyle: { color: seriesColour(bar.key) },
        })),
        label: {
          show: true,
          position: 'right',
          ...text,
          formatter: (item: { dataIndex: number }) => {
            const bar = panel.bars[item.dataIndex];
            return bar ? barLabel(bar) : '';
          },
        },
      },
    ],
  };
}
