/**
 * `tables.exportTabBook` in the worker: runs each table of a tab plan (or the given specs) on the
 * study's current data, then writes the book. Progress counts tables twice — once run, once
 * written — and a cancel stops between tables.
 */
import type { TabBookSummary } from '../../shared/api/tables';
import type { TableResult, TableSpec } from '../../shared/domain/table';
import { writeTabBook } from './tabBook';

export interface TabBookSource {
  run: (spec: TableSpec) => TableResult;
  variableLabel: (name: string) => string | null;
}

/** A short title from the spec's variable names: "energy by country, wave". */
export function tableTitle(spec: TableSpec): string {
  const stub = spec.summary
    ? `${spec.summary.statistic} of ${spec.summary.items.join(', ')}`
    : [...spec.rows, ...(spec.means ?? []).map((name) => `mean ${name}`)].join(', ');
  const banner = spec.columns.map((group) => group.variables.join('/')).join(', ');
  return banner ? `${stub} by ${banner}` : stub;
}

export async function exportTabBook(
  file: string,
  specs: readonly TableSpec[],
  source: TabBookSource,
  options: {
    title: string;
    signal: AbortSignal;
    progress: (done: number, total: number) => void;
  },
): Promise<TabBookSummary> {
  const total = specs.length * 2;
  options.progress(0, total);
  const tables = [];
  for (const [index, spec] of specs.entries()) {
    // Let a cancel message reach the worker between tables.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal.aborted)
      throw Object.assign(new Error('the export was cancelled'), { name: 'AbortError' });
    tables.push({ title: tableTitle(spec), result: source.run(spec), spec });
    options.progress(index + 1, total);
  }
  const written = await writeTabBook(file, tables, {
    title: options.title,
    variableLabel: source.variableLabel,
    signal: options.signal,
    onProgress: (done) => options.progress(specs.length + done, total),
  });
  return { path: written.path, tables: tables.length, sheets: written.sheets };
}
