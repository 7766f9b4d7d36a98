/**
 * Summary tables for grids and batteries: one row per item, the cell being the item's top-2 box
 * (or bottom-2 box) share or its mean — e.g. every behaviour item × frequency in one table. A box
 * becomes a yes/no variable per item, so bases, letters and margins of error are those of any
 * other row; the "no" rows are dropped after the tests ran.
 */
import type { TableResult, TableSpec } from '../../../shared/domain/table';
import { userMissingTest, type TableData, type TableVariable } from './tableData';

export type SummaryStatistic = 'top2' | 'bottom2' | 'mean';

const BOX_LABEL: Record<'top2' | 'bottom2', string> = {
  top2: 'Top 2 box',
  bottom2: 'Bottom 2 box',
};

function boxName(statistic: 'top2' | 'bottom2', item: string): string {
  return `${statistic}(${item})`;
}

/** The item's answers as 1 (in the box), 0 (answered, not in the box) or missing. */
function boxVariable(item: TableVariable, statistic: 'top2' | 'bottom2'): TableVariable {
  const isMissing = userMissingTest(item.missing);
  const codes = item.valueLabels
    .map((vl) => vl.code)
    .filter((code) => !isMissing(code))
    .sort((a, b) => a - b);
  if (codes.length < 3)
    throw new Error(
      `${item.name} needs at least three labelled answers for a ${BOX_LABEL[statistic]}`,
    );
  const box = new Set(statistic === 'top2' ? codes.slice(-2) : codes.slice(0, 2));
  const values = new Float64Array(item.values.length);
  for (let i = 0; i < values.length; i++) {
    const value = item.values[i]!;
    values[i] = Number.isNaN(value) || isMissing(value) ? Number.NaN : box.has(value) ? 1 : 0;
  }
  return {
    name: boxName(statistic, item.name),
    type: 'single',
    label: item.label,
    ...(item.labelLanguage ? { labelLanguage: item.labelLanguage } : {}),
    valueLabels: [
      { code: 1, label: BOX_LABEL[statistic] },
      { code: 0, label: 'Other answers' },
    ],
    missing: [],
    values,
  };
}

/** The data and spec of a summary table: box variables added as stubs, or items as means. */
export function summaryInputs(
  data: TableData,
  spec: TableSpec & { summary: { items: string[]; statistic: SummaryStatistic } },
): { data: TableData; spec: TableSpec } {
  const { items, statistic } = spec.summary;
  if (statistic === 'mean')
    return { data, spec: { ...spec, rows: [], means: [...(spec.means ?? []), ...items] } };
  const boxes = new Map(
    items.map((item) => [
      boxName(statistic, data.variable(item).name).toLowerCase(),
      boxVariable(data.variable(item), statistic),
    ]),
  );
  return {
    data: {
      rows: data.rows,
      variable: (name) => boxes.get(name.toLowerCase()) ?? data.variable(name),
    },
    spec: { ...spec, rows: [...boxes.values()].map((v) => v.name) },
  };
}

/** Keeps one row per item — its box share — labelled with the item. */
export function summaryRows(
  result: TableResult,
  data: TableData,
  statistic: SummaryStatistic,
): void {
  if (statistic === 'mean') return;
  result.rows = result.rows
    .filter((row) => row.code !== 0)
    .map((row) => {
      const item = row.variable.slice(statistic.length + 1, -1);
      const variable = data.variable(item);
      // The row is labelled with the item, so it carries the item label's mark, not the box's.
      const { labelLanguage: _box, ...rest } = row;
      return {
        ...rest,
        variable: variable.name,
        label: `${(variable.label ?? variable.name).trim()}: ${BOX_LABEL[statistic]}`,
        ...(variable.label !== null && variable.labelLanguage
          ? { labelLanguage: variable.labelLanguage }
          : {}),
      };
    });
}
