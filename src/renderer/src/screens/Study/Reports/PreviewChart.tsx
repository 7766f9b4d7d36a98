/**
 * A report chart in the slide preview: the rendered item's series (chartSeries, as in every
 * export) drawn by the charts module's option builder, in the template's font and colours.
 */
import { useMemo } from 'react';
import type { RenderedItem, ReportTemplate } from '../../../../../shared/domain/report';
import { tableDecimals } from '../../../../../shared/domain/tableFormat';
import { chartOption } from '../../../../../shared/charts/chartOption';
import { useEChart } from '../../../charts/useEChart';

interface PreviewChartProps {
  item: Extract<RenderedItem, { kind: 'chart' }>;
  template: ReportTemplate;
}

export function PreviewChart({ item, template }: PreviewChartProps) {
  const option = useMemo(
    () =>
      chartOption(item.data, item.spec, {
        theme: {
          text: template.colours.text,
          muted: template.colours.text,
          grid: '#d9d9d9',
          background: template.colours.background,
          fontFamily: template.font,
        },
        decimals: tableDecimals(item.spec.table),
        animation: false,
      }),
    [item, template],
  );
  const chart = useEChart(option);
  return (
    <figure className="report-slide__chart" aria-label={item.title}>
      <figcaption className="report-slide__item-title">{item.title}</figcaption>
      <div ref={chart.ref} className="report-slide__chart-canvas" />
    </figure>
  );
}
