/**
 * A rendered report as one HTML document, a printed page per slide at the slide's size: the same
 * boxes as the deck (slideLayout), charts as echarts SVG, tables from the same text grid, so the
 * PDF reads like the deck.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RenderedItem, RenderedPage, RenderedReport } from '../../shared/domain/report';
import { pageFootnotes } from '../../shared/domain/reportFootnote';
import { chartSvg } from './chartSvg';
import { slideLayout, type Box } from '../../shared/domain/slideLayout';
import { tableGrid } from './tableGrid';

/** CSS pixels per inch: a box in inches is drawn at this many pixels. */
const PX = 96;

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function place(box: Box): string {
  return `left:${box.x}in;top:${box.y}in;width:${box.w}in;height:${box.h}in`;
}

function tableHtml(item: Extract<RenderedItem, { kind: 'table' }>): string {
  const grid = tableGrid(item.result, item.spec, (name) => {
    return item.facts.questions.find((q) => q.name === name)?.label ?? name;
  });
  const head = `<tr><th></th>${grid.columns.map((c) => `<th>${escape(c)}</th>`).join('')}</tr>`;
  const body = grid.rows
    .map((row) =>
      row.role === 'heading'
        ? `<tr class="heading"><td colspan="${grid.columns.length + 1}">${escape(row.label)}</td></tr>`
        : `<tr class="${row.role}"><td>${escape(row.label)}</td>${row.cells
            .map((c) => `<td class="num">${escape(c)}</td>`)
            .join('')}</tr>`,
    )
    .join('');
  const size = Math.max(7, Math.min(12, Math.floor(200 / (grid.rows.length + 4))));
  return `<div class="table-title">${escape(item.title)}</div><table style="font-size:${size}pt">${head}${body}</table>`;
}

function itemHtml(item: RenderedItem, box: Box, report: RenderedReport): string {
  const { font, colours } = report.template;
  let inner: string;
  if (item.kind === 'chart')
    inner = chartSvg(
      item,
      { width: box.w * PX, height: box.h * PX },
      { font, text: colours.text, background: colours.background },
    );
  else if (item.kind === 'table') inner = tableHtml(item);
  else if (item.kind === 'text') inner = `<div class="text">${escape(item.text)}</div>`;
  else inner = `<div class="problem">Not shown — ${escape(item.message)}</div>`;
  return `<div class="box item" style="${place(box)}">${inner}</div>`;
}

function logoHtml(logoPath: string | undefined, box: Box): string {
  if (!logoPath || !existsSync(logoPath)) return '';
  const type = path.extname(logoPath).toLowerCase() === '.png' ? 'png' : 'jpeg';
  const data = readFileSync(logoPath).toString('base64');
  return `<img class="box logo" style="${place(box)}" src="data:image/${type};base64,${data}" alt="">`;
}

function pageHtml(page: RenderedPage, report: RenderedReport): string {
  const layout = slideLayout(report.template.slideSize, page.items.length, Boolean(page.takeaway));
  const notes = pageFootnotes(page.items);
  return [
    '<section class="page">',
    `<div class="box title" style="${place(layout.title)}">${escape(page.title)}</div>`,
    page.takeaway
      ? `<div class="box takeaway" style="${place(layout.takeaway)}">${escape(page.takeaway)}</div>`
      : '',
    logoHtml(report.template.logoPath, layout.logo),
    ...page.items.map((item, i) => itemHtml(item, layout.items[i]!, report)),
    notes.length
      ? `<div class="box footnote" style="${place(layout.footnote)}">${notes.map((n) => `<div>${escape(n)}</div>`).join('')}</div>`
      : '',
    '</section>',
  ].join('');
}

export function reportHtml(report: RenderedReport): string {
  const { colours, font, slideSize } = report.template;
  const { width, height } = slideLayout(slideSize, 0, false);
  const css = `
@page { size: ${width}in ${height}in; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${JSON.stringify(font)}, Arial, sans-serif; color: ${colours.text}; }
.page { position: relative; width: ${width}in; height: ${height}in; overflow: hidden;
  background: ${colours.background}; page-break-after: always; break-after: page; }
.page:last-child { page-break-after: auto; break-after: auto; }
.box { position: absolute; }
.title { font-size: 24pt; font-weight: bold; color: ${colours.primary}; display: flex; align-items: center; }
.takeaway { font-size: 15pt; color: ${colours.accent}; }
.logo { object-fit: contain; }
.item { overflow: hidden; }
.text { font-size: 14pt; white-space: pre-wrap; }
.problem { font-size: 14pt; color: #c0392b; }
.table-title { font-size: 12pt; font-weight: bold; margin-bottom: 4pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #bfbfbf; padding: 1pt 3pt; }
th { background: ${colours.primary}; color: #fff; text-align: right; font-weight: bold; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.base td { font-style: italic; }
tr.heading td { font-weight: bold; }
.footnote { font-size: 7pt; color: #666; display: flex; flex-direction: column; justify-content: flex-end; }
`;
  return `<!doctype html><html lang="${escape(report.language)}"><head><meta charset="utf-8"><title>${escape(report.name)}</title><style>${css}</style></head><body>${report.pages
    .map((page) => pageHtml(page, report))
    .join('')}</body></html>`;
}
