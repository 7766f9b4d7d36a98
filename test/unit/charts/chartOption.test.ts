import { describe, expect, it } from 'vitest';
import {
  chartSeries,
  colourKey,
  seriesColour,
  type ChartSpec,
} from '../../../src/shared/domain/chart';
import { tableDecimals } from '../../../src/shared/domain/tableFormat';
import {
  chartOption,
  niceMax,
  niceScale,
  percentShares,
} from '../../../src/shared/charts/chartOption';
import { LIGHT_CHART_THEME } from '../../../src/shared/charts/chartTheme';
import { energyByCountry } from './tableFixture';

const table = { rows: ['energy'], columns: [{ variables: ['country'] }] };
const settings = { theme: LIGHT_CHART_THEME, decimals: tableDecimals() };

interface LabelledSeries {
  type: string;
  name: string;
  stack?: string;
  itemStyle: { color: string };
  data: Array<{ value: number | null }>;
  label: { show: boolean; formatter: (item: { data: unknown }) => string };
}

function optionOf(spec: ChartSpec) {
  const option = chartOption(chartSeries(energyByCountry, spec), spec, settings) as Record<
    string,
    unknown
  >;
  return option as Record<string, unknown> & { series: LabelledSeries[] };
}

function labels(series: LabelledSeries): string[] {
  return series.data.map((data) => series.label.formatter({ data }));
}

describe('chartOption: a table as an echarts option', () => {
  it('draws segment shares by country as 100% stacked bars, one series per segment in its own colour', () => {
    const option = optionOf({
      kind: 'percentStackedBar',
      table,
      value: 'colPct',
      dataLabels: true,
    });
    expect(option.series.map((s) => s.name)).toEqual(['Creators', 'Contributors', 'Viewers']);
    expect(option.series.every((s) => s.type === 'bar' && s.stack === 'total')).toBe(true);
    expect(option.series[0]!.itemStyle.color).toBe(seriesColour(colourKey('energy', 1)));
    expect(option.series[0]!.itemStyle.color).toBe('#e07b39');
    expect((option.yAxis as { max: number }).max).toBe(100);
    expect((option.xAxis as { data: string[] }).data).toEqual([
      'Total',
      'Germany',
      'Italy',
      'France',
      'South Korea',
    ]);
  });

  it('labels each bar with the table’s percentage and its significance letters', () => {
    const option = optionOf({
      kind: 'percentStackedBar',
      table,
      value: 'colPct',
      dataLabels: true,
    });
    // Germany's creators: 12 of 400 = 3%; Korea's: 15 of 25 = 60%, higher than A and C.
    expect(labels(option.series[0]!)).toEqual(['5%', '3%', '4%', '4%', '60% AC']);
    expect(labels(option.series[2]!)[1]).toBe('77% D');
  });

  it('hides the labels when data labels are off', () => {
    const option = optionOf({ kind: 'bar', table, value: 'colPct', dataLabels: false });
    expect(option.series.every((s) => !s.label.show)).toBe(true);
  });

  it('turns the bars sideways with the first category on top when horizontal', () => {
    const option = optionOf({ kind: 'bar', table, value: 'colPct', horizontal: true });
    expect((option.yAxis as { type: string; inverse: boolean }).type).toBe('category');
    expect((option.yAxis as { inverse: boolean }).inverse).toBe(true);
    expect((option.xAxis as { type: string }).type).toBe('value');
  });

  it('plots counts on a rounded axis and prints them as counts', () => {
    const option = optionOf({ kind: 'bar', table, value: 'n', dataLabels: true, hideTotal: true });
    expect((option.yAxis as { max: number }).max).toBe(350);
    expect(labels(option.series[2]!)).toEqual(['308 D', '266', '171', '5']);
  });

  it('draws waves as lines, one per segment', () => {
    const option = optionOf({ kind: 'line', table, value: 'colPct' });
    expect(option.series.map((s) => s.type)).toEqual(['line', 'line', 'line']);
  });

  it('draws a heatmap of every cell with a colour scale', () => {
    const option = optionOf({ kind: 'heatmap', table, value: 'colPct', hideTotal: true });
    const cells = option.series[0]!.data as unknown as Array<{ value: [number, number, number] }>;
    expect(cells).toHaveLength(12);
    expect(cells[0]!.value).toEqual([0, 0, 3]);
    expect(option.visualMap).toMatchObject({ min: 0, max: 80 });
  });

  it('draws one pie per country, slices in the segment colours', () => {
    const option = optionOf({ kind: 'donut', table, value: 'colPct', hideTotal: true });
    expect(option.series.map((s) => s.name)).toEqual(['Germany', 'Italy', 'France', 'South Korea']);
    const slices = option.series[0]!.data as unknown as Array<{
      name: string;
      itemStyle: { color: string };
    }>;
    expect(slices.map((s) => s.name)).toEqual(['Creators', 'Contributors', 'Viewers']);
    expect(slices[1]!.itemStyle.color).toBe(seriesColour(colourKey('energy', 2)));
  });

  it('places each country on a scatter by its first two series, larger for a larger base', () => {
    const option = optionOf({ kind: 'scatter', table, value: 'colPct', hideTotal: true });
    const points = option.series[0]!.data as unknown as Array<{
      name: string;
      value: number[];
      symbolSize: number;
    }>;
    expect(points.map((p) => p.name)).toEqual(['Germany', 'Italy', 'France', 'South Korea']);
    expect(points[0]!.value).toEqual([3, 20, 400]);
    expect(points[0]!.symbolSize).toBeGreaterThan(points[3]!.symbolSize);
  });

  it('writes the title and footnote into the chart for exports', () => {
    const spec: ChartSpec = { kind: 'bar', table, value: 'colPct' };
    const option = chartOption(chartSeries(energyByCountry, spec), spec, {
      ...settings,
      title: 'Energy by country',
      footnote: ['Base (unweighted n): Total 1,000.'],
    }) as { title: Array<{ text: string }> };
    expect(option.title.map((t) => t.text)).toEqual([
      'Energy by country',
      'Base (unweighted n): Total 1,000.',
    ]);
  });
});

describe('percentShares', () => {
  it('turns counts into shares of each category', () => {
    const spec: ChartSpec = { kind: 'percentStackedBar', table, value: 'n', hideTotal: true };
    const shares = percentShares(chartSeries(energyByCountry, spec));
    expect(shares.map((s) => s[0])).toEqual([3, 20, 77]);
  });
});

describe('niceMax', () => {
  it('rounds the largest value up to a round axis top', () => {
    expect(niceMax(60)).toBe(60);
    expect(niceMax(61)).toBe(70);
    expect(niceMax(81)).toBe(90);
    expect(niceMax(77)).toBe(80);
    expect(niceMax(308)).toBe(350);
    expect(niceMax(3)).toBe(3);
    expect(niceMax(0)).toBe(1);
  });
});

describe('niceScale', () => {
  it('labels every second tick where that still ends on the top, else every tick', () => {
    expect(niceScale(77)).toEqual({ max: 80, interval: 20 });
    expect(niceScale(82)).toEqual({ max: 90, interval: 10 });
    expect(niceScale(308)).toEqual({ max: 350, interval: 50 });
    expect(niceScale(0.3)).toEqual({ max: 0.3, interval: 0.1 });
  });
});

describe('chart tooltips', () => {
  it('show labels from the survey file as text, never as markup', () => {
    const spec: ChartSpec = { kind: 'bar', table, value: 'colPct' };
    const result = {
      ...energyByCountry,
      rows: energyByCountry.rows.map((row, i) =>
        i === 0 ? { ...row, label: '<img src=x onerror=alert(1)>' } : row,
      ),
    };
    const option = chartOption(chartSeries(result, spec), spec, settings) as {
      tooltip: { formatter: (params: Array<{ seriesIndex: number; dataIndex: number }>) => string };
    };
    const html = option.tooltip.formatter([
      { seriesIndex: 0, dataIndex: 1 },
      { seriesIndex: 1, dataIndex: 1 },
    ]);
    expect(html).toBe(
      'Germany (n = 400)<br/>&lt;img src=x onerror=alert(1)&gt;: 3%<br/>Contributors: 20%',
    );
  });
});
