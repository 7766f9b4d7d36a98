/**
 * Draws a report on the study's current data: resolves each item (a saved chart or table by name,
 * or a spec in place), runs its table, takes the chart's series and colours from the shared chart
 * model and writes the footnote with the one footnote formatter. Repeated pages (and an export's
 * `each`) become one copy per value, the value added to their tables' filters. The result is plain
 * data, the same for the Reports view and every exporter.
 */
import { chartSeries, seriesColour, type ChartSpec } from '../../shared/domain/chart';
import type {
  FootnoteFacts,
  RenderedItem,
  RenderedPage,
  RenderedReport,
  RepeatValue,
  Report,
  ReportItem,
} from '../../shared/domain/report';
import { reportFootnote } from '../../shared/domain/reportFootnote';
import type { TableResult, TableSpec } from '../../shared/domain/table';
import { tableTitle } from '../export/tabBookJob';

/** What a report is drawn from: the open study, in one label language. */
export interface ReportData {
  language: string;
  runTable: (spec: TableSpec) => TableResult;
  savedChart: (name: string) => ChartSpec;
  /** The tables of a saved table or tab plan. */
  savedTables: (name: string) => TableSpec[];
  /** A variable's label in the language, or null when the name is not a variable. */
  variableLabel: (name: string) => string | null;
  /** The values of a variable that occur in the data (with a filter, among the rows it keeps). */
  values: (variable: string, filter?: string) => RepeatValue[];
  /** A saved filter's expression when the text names one, else the text. */
  resolveFilter: (text: string) => string;
}

function literal(code: number | string): string {
  return typeof code === 'number' ? String(code) : JSON.stringify(code);
}

/** The spec with the repeat value added to its filter. */
export function withRepeat(
  spec: TableSpec,
  repeat: RepeatValue | undefined,
  data: Pick<ReportData, 'resolveFilter'>,
): TableSpec {
  if (!repeat) return spec;
  const condition = `${repeat.variable} = ${literal(repeat.code)}`;
  const filter = spec.filter ? `(${data.resolveFilter(spec.filter)}) and ${condition}` : condition;
  return { ...spec, filter };
}

function footnoteFacts(
  spec: TableSpec,
  result: TableResult,
  repeat: RepeatValue | undefined,
  data: ReportData,
): FootnoteFacts {
  const stubs = spec.summary ? spec.summary.items : [...spec.rows, ...(spec.means ?? [])];
  const filter = withRepeat(spec, repeat, data).filter;
  // The question's own base (those who answered it) where it differs from the column's.
  const stubBase = result.stubBases?.find((b) => b.variable === stubs[0])?.bases[0];
  const base = stubBase ?? result.bases[0] ?? { n: 0, wn: 0, effective: 0 };
  const pair = result.tests.pairs.find((p) => p.test);
  const present = (variable: string) => {
    try {
      return data.values(variable, filter).map((value) => value.label);
    } catch {
      return []; // a study without that variable
    }
  };
  return {
    questions: stubs.map((name) => ({ name, label: data.variableLabel(name) ?? name })),
    base: { n: base.n, wn: base.wn, effective: base.effective },
    weighted: spec.weight !== undefined,
    ...(spec.weight ? { weight: data.variableLabel(spec.weight) ?? spec.weight } : {}),
    ...(spec.filter ? { filter: spec.filter } : {}),
    ...(repeat ? { repeat } : {}),
    preset: spec.preset ?? 'spss',
    levels: spec.sigLevels ?? [0.95],
    ...(pair?.test ? { test: pair.test } : {}),
    ...(pair?.adjustment && pair.adjustment !== 'none' ? { adjustment: pair.adjustment } : {}),
    waves: present('wave'),
    countries: present('country'),
  };
}

function chartColours(spec: ChartSpec, data: ReturnType<typeof chartSeries>): string[] {
  // A pie has one series: its slices are the categories, coloured by theirs.
  if (spec.kind === 'pie' || spec.kind === 'donut') return data.categoryKeys.map(seriesColour);
  return data.series.map((series) => seriesColour(series.key));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function renderItem(
  item: ReportItem,
  repeat: RepeatValue | undefined,
  data: ReportData,
): RenderedItem {
  try {
    if (item.kind === 'text') return { kind: 'text', text: item.text };
    if (item.kind === 'chart') {
      const name = typeof item.chart === 'string' ? item.chart : undefined;
      const spec = name === undefined ? (item.chart as ChartSpec) : data.savedChart(name);
      const result = data.runTable(withRepeat(spec.table, repeat, data));
      const series = chartSeries(result, spec);
      const facts = footnoteFacts(spec.table, result, repeat, data);
      return {
        kind: 'chart',
        ...(name ? { name } : {}),
        title: item.title ?? spec.title ?? name ?? tableTitle(spec.table),
        spec,
        result,
        data: series,
        colours: chartColours(spec, series),
        facts,
        footnote: reportFootnote(facts),
        ...(item.footnote !== undefined ? { ownFootnote: item.footnote } : {}),
      };
    }
    const name = typeof item.table === 'string' ? item.table : undefined;
    let spec: TableSpec;
    if (name === undefined) spec = item.table as TableSpec;
    else {
      const tables = data.savedTables(name);
      const index = item.index ?? 0;
      const picked = tables[index];
      if (!picked) throw new Error(`the saved tables ${name} have no table ${index + 1}`);
      spec = picked;
    }
    const result = data.runTable(withRepeat(spec, repeat, data));
    const facts = footnoteFacts(spec, result, repeat, data);
    return {
      kind: 'table',
      ...(name ? { name } : {}),
      title: item.title ?? name ?? tableTitle(spec),
      spec,
      result,
      facts,
      footnote: reportFootnote(facts),
      ...(item.footnote !== undefined ? { ownFootnote: item.footnote } : {}),
    };
  } catch (error) {
    const what =
      item.kind === 'chart'
        ? `chart ${typeof item.chart === 'string' ? item.chart : (item.chart.title ?? '')}`
        : `table ${item.kind === 'table' && typeof item.table === 'string' ? item.table : ''}`;
    return { kind: 'problem', message: `${what.trim()}: ${message(error)}` };
  }
}

function titled(title: string, repeat: RepeatValue | undefined): string {
  return repeat ? `${title} — ${repeat.label}` : title;
}

/**
 * Every page of the report for one value of the report's repeat (or for all the data). `each`
 * draws the whole report for that value (an export's one file per value).
 */
export function renderReport(
  report: Report,
  data: ReportData,
  options: { each?: RepeatValue; signal?: AbortSignal } = {},
): RenderedReport {
  const whole = options.each;
  const reportRepeats: Array<RepeatValue | undefined> =
    whole || !report.repeatEach ? [whole] : data.values(report.repeatEach);
  const pages: RenderedPage[] = [];
  for (const reportRepeat of reportRepeats) {
    for (const page of report.pages) {
      if (options.signal?.aborted)
        throw Object.assign(new Error('the export was cancelled'), { name: 'AbortError' });
      const baseFilter = reportRepeat
        ? `${reportRepeat.variable} = ${literal(reportRepeat.code)}`
        : undefined;
      const copies: Array<RepeatValue | undefined> = page.repeatEach
        ? data.values(page.repeatEach, baseFilter)
        : [undefined];
      for (const copy of copies) {
        // A page repeated within a repeated report stands for both values: the page's wins in
        // the items' filter when they name the same variable.
        const repeats = [reportRepeat, copy].filter((r): r is RepeatValue => r !== undefined);
        const items = page.items.map((item) => renderRepeated(item, repeats, data));
        pages.push({
          id: [page.id, ...repeats.map((r) => String(r.code))].join('~'),
          pageId: page.id,
          title: repeats.reduce((title, r) => titled(title, r), page.title),
          ...(page.takeaway ? { takeaway: page.takeaway } : {}),
          ...(copy ? { repeat: copy } : reportRepeat ? { repeat: reportRepeat } : {}),
          items,
        });
      }
    }
  }
  return {
    name: report.name,
    template: report.template,
    language: data.language,
    ...(whole ? { repeat: whole } : {}),
    pages,
  };
}

/** An item drawn for one or two repeat values (the report's, then the page's). */
function renderRepeated(item: ReportItem, repeats: RepeatValue[], data: ReportData): RenderedItem {
  if (repeats.length <= 1) return renderItem(item, repeats[0], data);
  // Two values: the outer one goes into the filter the inner one is added to.
  const [outer, inner] = repeats as [RepeatValue, RepeatValue];
  const outerCondition = `${outer.variable} = ${literal(outer.code)}`;
  const nested: ReportData = {
    ...data,
    resolveFilter: (text) => data.resolveFilter(text),
    runTable: (spec) =>
      data.runTable({
        ...spec,
        filter: spec.filter ? `(${spec.filter}) and ${outerCondition}` : outerCondition,
      }),
    values: (variable, filter) =>
      data.values(variable, filter ? `(${filter}) and ${outerCondition}` : outerCondition),
  };
  const rendered = renderItem(item, inner, nested);
  if (rendered.kind === 'chart' || rendered.kind === 'table') {
    const facts = {
      ...rendered.facts,
      filter: [rendered.facts.filter, `${outer.variable} = ${outer.label}`]
        .filter(Boolean)
        .join(' and '),
    };
    return { ...rendered, facts, footnote: reportFootnote(facts) };
  }
  return rendered;
}
