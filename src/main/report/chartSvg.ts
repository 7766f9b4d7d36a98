/**
 * A report chart as SVG for the printed (PDF) page, drawn by echarts' server-side renderer from
 * the same option as the screen (src/shared/charts/chartOption.ts): the same series, colours,
 * scales and number labels, in the report template's font and text colour.
 */
import * as echarts from 'echarts';
import { chartOption } from '../../shared/charts/chartOption';
import { LIGHT_CHART_THEME } from '../../shared/charts/chartTheme';
import type { RenderedItem } from '../../shared/domain/report';
import { tableDecimals } from '../../shared/domain/tableFormat';

type ChartItem = Extract<RenderedItem, { kind: 'chart' }>;

/** The chart as an SVG document of the given size in pixels. */
export function chartSvg(
  item: ChartItem,
  size: { width: number; height: number },
  style: { font: string; text: string; background: string },
): string {
  const width = Math.round(size.width);
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width,
    height: Math.round(size.height),
  });
  try {
    chart.setOption(
      chartOption(item.data, item.spec, {
        theme: {
          ...LIGHT_CHART_THEME,
          text: style.text,
          background: style.background,
          fontFamily: style.font,
        },
        decimals: tableDecimals(item.spec.table),
        title: item.title,
        width,
      }),
    );
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
