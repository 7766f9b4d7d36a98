/**
 * Runs a table spec against study data: resolves the weight (a numeric variable; missing or
 * non-positive weights leave a respondent out), the filter, builds the table and writes the
 * footnote that says what stands behind the numbers, with the significance test used.
 */
import type { TableResult, TableSpec } from '../../../shared/domain/table';
import { buildTable } from './buildTable';
import { addCellStatistics, applyLayout } from './cellStatistics';
import { expandResponseSets, responseSetRows } from './multiResponse';
import { expandBannerSets, mergeBannerSets } from './responseSetColumns';
import { summaryInputs, summaryRows } from './summaryTable';
import { applySignificance } from './tableSignificance';
import type { TableData } from './tableData';

export interface TableContext {
  /** Evaluates a filter expression to a mask (1 = keep); supplied by the worker. */
  filterMask?: (expression: string) => Uint8Array;
}

export function runTable(
  original: TableData,
  asked: TableSpec,
  context: TableContext = {},
): TableResult {
  const { summary } = asked;
  const summarised = summary
    ? summaryInputs(original, { ...asked, summary })
    : { data: original, spec: asked };
  const banner = expandBannerSets(summarised.data, summarised.spec);
  const { data, spec, sets } = expandResponseSets(banner.data, banner.spec);
  const weights = spec.weight ? data.variable(spec.weight).values : null;
  let mask: Uint8Array | null = null;
  if (spec.filter) {
    if (!context.filterMask) throw new Error('filters are not available here');
    mask = context.filterMask(spec.filter);
  }
  const built = buildTable(data, spec, { weights, mask });
  const multipleResponse = mergeBannerSets(built, data, banner.bannerSets, { weights, mask });
  addCellStatistics(built);
  applySignificance(built, spec, 'wave', multipleResponse);
  if (summary) summaryRows(built.result, original, summary.statistic);
  responseSetRows(built.result, sets);
  applyLayout(built.result, spec);
  const parts = [
    spec.weight ? `Weighted by ${data.variable(spec.weight).name}` : 'Unweighted',
    spec.filter ? `filter: ${spec.filter}` : 'all respondents',
    `base: ${built.result.bases[0]?.n ?? 0} respondents`,
    built.result.stubBases
      ? 'missing values excluded (a question not everyone answered has its own base under its rows)'
      : 'missing values excluded',
  ];
  const significance = built.result.tests.notes[0];
  built.result.footnote = [parts.join('; '), significance].filter(Boolean).join('. ');
  return built.result;
}
