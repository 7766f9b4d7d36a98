/**
 * A rendered report as a PowerPoint deck (pptxgenjs): native charts whose data opens in
 * PowerPoint's data sheet, native tables with the significance letters beside the numbers, the
 * title, takeaway and footnote of every page, in the template's colours, font, logo and size.
 * Percentages go to the chart as proportions with a percent format (52 → 0.52 shown as 52%).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import PptxGenJS from 'pptxgenjs';
import type { ChartSpec } from '../../shared/domain/chart';
import type { RenderedItem, RenderedPage, RenderedReport } from '../../shared/domain/report';
import { pageFootnotes } from '../../shared/domain/reportFootnote';
import { tableDecimals } from '../../shared/domain/tableFormat';
import { slideLayout, type Box } from '../../shared/domain/slideLayout';
import { tableGrid } from './tableGrid';

type Slide = PptxGenJS.Slide;
type ChartItem = Extract<RenderedItem, { kind: 'chart' }>;

/** pptxgenjs colours are hex without '#'. */
function hex(colour: string): string {
  return colour.replace(/^#/, '').toUpperCase();
}

/** Excel's number format for the chart's values, with the table's decimals. */
function numberFormat(item: ChartItem): string {
  const decimals = tableDecimals(item.spec.table);
  const fraction = (n: number) => (n > 0 ? `.${'0'.repeat(n)}` : '');
  if (item.data.percent) return `0${fraction(decimals.percent)}%`;
  if (item.spec.value === 'mean') return `0${fraction(decimals.mean)}`;
  return `#,##0${fraction(decimals.count)}`;
}

function isBar(spec: ChartSpec): boolean {
  return ['bar', 'heatmap', 'stackedBar', 'percentStackedBar'].includes(spec.kind);
}

function chartType(
  pptx: PptxGenJS,
  spec: ChartSpec,
): { type: PptxGenJS.CHART_NAME; options: PptxGenJS.IChartOpts } {
  const bar = (
    grouping: string,
  ): { type: PptxGenJS.CHART_NAME; options: PptxGenJS.IChartOpts } => ({
    type: pptx.ChartType.bar,
    options: { barDir: spec.horizontal ? 'bar' : 'col', barGrouping: grouping },
  });
  switch (spec.kind) {
    case 'bar':
    case 'heatmap': // a heatmap has no native chart: clustered bars of the same numbers
      return bar('clustered');
    case 'stackedBar':
      return bar('stacked');
    case 'percentStackedBar':
      return bar('percentStacked');
    case 'line':
      return { type: pptx.ChartType.line, options: {} };
    case 'scatter': // points over categories: a line chart without its lines
      return { type: pptx.ChartType.line, options: { lineSize: 0, lineDataSymbolSize: 8 } };
    case 'pie':
      return { type: pptx.ChartType.pie, options: {} };
    case 'donut':
      return { type: pptx.ChartType.doughnut, options: { holeSize: 50 } };
  }
}

function addChart(pptx: PptxGenJS, slide: Slide, item: ChartItem, box: Box, font: string): void {
  const scale = item.data.percent ? 100 : 1;
  // PowerPoint draws horizontal bars' categories bottom up: give them reversed to read top down.
  const ordered = <T>(list: T[]): T[] =>
    item.spec.horizontal && isBar(item.spec) ? [...list].reverse() : list;
  const data = item.data.series.map((series) => ({
    name: series.name,
    labels: ordered(item.data.categories),
    // pptxgenjs writes an empty point for null: a missing number stays missing.
    values: ordered(series.values.map((v) => (v === null ? null : v / scale))) as number[],
  }));
  const { type, options } = chartType(pptx, item.spec);
  const format = numberFormat(item);
  const pie = item.spec.kind === 'pie' || item.spec.kind === 'donut';
  slide.addChart(type, pie ? data.slice(0, 1) : data, {
    ...box,
    ...options,
    chartColors: item.colours.map(hex),
    fontFace: font,
    showTitle: true,
    title: item.title,
    titleFontSize: 12,
    titleFontFace: font,
    showLegend: true,
    legendPos: 'b',
    legendFontSize: 9,
    legendFontFace: font,
    catAxisLabelFontSize: 9,
    catAxisLabelFontFace: font,
    valAxisLabelFontSize: 9,
    valAxisLabelFormatCode: format,
    ...(item.spec.kind === 'percentStackedBar' ? { valAxisMaxVal: 1 } : {}),
    showValue: item.spec.dataLabels ?? true,
    dataLabelFormatCode: format,
    dataLabelFontSize: 8,
    dataLabelFontFace: font,
    ...(pie ? { showPercent: false, showLegend: true } : {}),
  });
}

function addTable(
  slide: Slide,
  item: Extract<RenderedItem, { kind: 'table' }>,
  box: Box,
  report: RenderedReport,
): void {
  const { colours, font } = report.template;
  const grid = tableGrid(item.result, item.spec, (name) => {
    const question = item.facts.questions.find((q) => q.name === name);
    return question?.label ?? name;
  });
  const labelWidth = Math.min(box.w * 0.28, 2.2);
  const numberWidth = (box.w - labelWidth) / Math.max(grid.columns.length, 1);
  // Small enough that the rows fit the box and a number with its letters fits its column.
  const lines = grid.rows.length + 2;
  const widest = Math.max(4, ...grid.rows.flatMap((row) => row.cells.map((cell) => cell.length)));
  const fontSize = Math.max(
    6,
    Math.min(
      11,
      Math.floor(((box.h - 0.35) / lines) * 72 * 0.62),
      Math.floor(((numberWidth - 0.08) * 72) / (widest * 0.6)),
    ),
  );
  const header: PptxGenJS.TableCell[] = [
    { text: '', options: { fill: { color: hex(colours.primary) } } },
    ...grid.columns.map((text) => ({
      text,
      options: {
        bold: true,
        color: 'FFFFFF',
        fill: { color: hex(colours.primary) },
        align: 'right' as const,
      },
    })),
  ];
  const body: PptxGenJS.TableCell[][] = grid.rows.map((row) => [
    {
      text: row.label,
      options: {
        bold: row.role === 'heading',
        italic: row.role === 'base',
        colspan: row.role === 'heading' ? grid.columns.length + 1 : undefined,
      },
    },
    ...(row.role === 'heading'
      ? []
      : row.cells.map((text) => ({
          text,
          options: { align: 'right' as const, italic: row.role === 'base' },
        }))),
  ]);
  slide.addText(item.title, {
    x: box.x,
    y: box.y,
    w: box.w,
    h: 0.3,
    fontFace: font,
    fontSize: 12,
    bold: true,
    color: hex(colours.text),
  });
  slide.addTable([header, ...body], {
    x: box.x,
    y: box.y + 0.35,
    w: box.w,
    colW: [labelWidth, ...grid.columns.map(() => numberWidth)],
    fontFace: font,
    fontSize,
    color: hex(colours.text),
    border: { type: 'solid', pt: 0.5, color: 'BFBFBF' },
    margin: 0.03,
    autoPage: false,
  });
}

function addPage(pptx: PptxGenJS, page: RenderedPage, report: RenderedReport): void {
  const { colours, font, slideSize, logoPath } = report.template;
  const slide = pptx.addSlide();
  slide.background = { color: hex(colours.background) };
  const layout = slideLayout(slideSize, page.items.length, Boolean(page.takeaway));
  slide.addText(page.title, {
    ...layout.title,
    fontFace: font,
    fontSize: 24,
    bold: true,
    color: hex(colours.primary),
    valign: 'middle',
  });
  if (page.takeaway)
    slide.addText(page.takeaway, {
      ...layout.takeaway,
      fontFace: font,
      fontSize: 15,
      color: hex(colours.accent),
      valign: 'top',
    });
  if (logoPath && existsSync(logoPath)) {
    const ext = path.extname(logoPath).slice(1).toLowerCase() === 'png' ? 'png' : 'jpeg';
    const data = `image/${ext};base64,${readFileSync(logoPath).toString('base64')}`;
    slide.addImage({
      data,
      ...layout.logo,
      sizing: { type: 'contain', w: layout.logo.w, h: layout.logo.h },
    });
  }
  page.items.forEach((item, i) => {
    const box = layout.items[i]!;
    if (item.kind === 'chart') addChart(pptx, slide, item, box, font);
    else if (item.kind === 'table') addTable(slide, item, box, report);
    else
      slide.addText(item.kind === 'text' ? item.text : `Not shown — ${item.message}`, {
        ...box,
        fontFace: font,
        fontSize: 14,
        color: item.kind === 'text' ? hex(colours.text) : 'C0392B',
        valign: 'top',
      });
  });
  const notes = pageFootnotes(page.items);
  if (notes.length)
    slide.addText(notes.join('\n'), {
      ...layout.footnote,
      fontFace: font,
      fontSize: notes.length > 2 ? 6 : 7,
      color: '666666',
      valign: 'bottom',
    });
}

/** The deck as bytes (pptxgenjs's own file writer is for browsers; the caller writes atomically). */
export async function reportPptx(report: RenderedReport): Promise<Buffer> {
  const pptx = new PptxGenJS();
  const { width, height } = slideLayout(report.template.slideSize, 0, false);
  pptx.defineLayout({ name: 'CEW', width, height });
  pptx.layout = 'CEW';
  pptx.title = report.name;
  pptx.company = 'Customer Energy Workbench';
  pptx.theme = { headFontFace: report.template.font, bodyFontFace: report.template.font };
  for (const page of report.pages) addPage(pptx, page, report);
  const written = await pptx.write({ outputType: 'nodebuffer' });
  return written as Buffer;
}
