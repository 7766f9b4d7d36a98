/**
 * The chart itself: drawn from the table by chartSeries → chartOption in the page's theme, its
 * footnote underneath (bases, letters, weight, filter, test), and PNG/SVG exports of the same
 * option with the title and footnote drawn in, on white.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { chartSeries, type ChartData, type ChartSpec } from '../../../../../shared/domain/chart';
import type { TableResult } from '../../../../../shared/domain/table';
import { tableDecimals } from '../../../../../shared/domain/tableFormat';
import {
  chartFileName,
  chartToPngDataUrl,
  chartToSvg,
  downloadFile,
  EXPORT_SIZE,
} from '../../../charts/exportChart';
import { chartFootnote } from '../../../../../shared/charts/chartFootnote';
import { chartOption } from '../../../../../shared/charts/chartOption';
import { LIGHT_CHART_THEME } from '../../../../../shared/charts/chartTheme';
import { questionBases } from '../../../../../shared/charts/questionBases';
import { useChartTheme } from '../../../charts/useChartTheme';
import { useEChart } from '../../../charts/useEChart';

interface ChartPreviewProps {
  result: TableResult;
  spec: ChartSpec;
  title: string;
  onError: (message: string) => void;
}

/** The series of the chart, with the bases its percentages stand on (the question's own). */
function chartDataOf(result: TableResult, spec: ChartSpec): ChartData {
  const data = chartSeries(result, spec);
  const bases = questionBases(result)
    .filter((_, index) => !(spec.hideTotal && result.columns[index]?.variable === 'total'))
    .map((base) => base.n);
  return { ...data, bases };
}

export function ChartPreview({ result, spec, title, onError }: ChartPreviewProps) {
  const { t } = useTranslation('charts');
  const theme = useChartTheme();
  const data = useMemo(() => chartDataOf(result, spec), [result, spec]);
  const footnote = useMemo(() => chartFootnote(result, spec), [result, spec]);
  const decimals = useMemo(() => tableDecimals(spec.table), [spec.table]);
  const option = useMemo(
    () => chartOption(data, spec, { theme, decimals }),
    [data, spec, theme, decimals],
  );
  const empty = data.series.length === 0 || data.categories.length === 0;
  const chart = useEChart(empty ? null : option);

  const exportOption = () =>
    chartOption(data, spec, {
      theme: LIGHT_CHART_THEME,
      decimals,
      title,
      footnote,
      width: EXPORT_SIZE.width,
      animation: false,
    });
  const exportAs = (format: 'png' | 'svg') => {
    try {
      if (format === 'png') {
        downloadFile(
          chartFileName(title, 'png'),
          chartToPngDataUrl(exportOption(), LIGHT_CHART_THEME.background),
        );
      } else {
        downloadFile(chartFileName(title, 'svg'), chartToSvg(exportOption()), 'image/svg+xml');
      }
    } catch (error) {
      onError(t('exportFailed', { message: (error as Error).message }));
    }
  };

  return (
    <figure className="chart-preview panel" aria-label={t('chartRegion')}>
      <div className="chart-preview__header">
        <h3 className="chart-preview__title">{title}</h3>
        <div className="inline-form">
          <button type="button" disabled={empty} onClick={() => exportAs('png')}>
            {t('exportPng')}
          </button>
          <button type="button" disabled={empty} onClick={() => exportAs('svg')}>
            {t('exportSvg')}
          </button>
        </div>
      </div>
      {empty && <p className="muted">{t('nothingToPlot')}</p>}
      <div ref={chart.ref} className="chart-preview__canvas" data-testid="chart-canvas" />
      <figcaption className="chart-footnote muted">
        {footnote.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </figcaption>
    </figure>
  );
}
