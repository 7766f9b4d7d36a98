/**
 * What can go on a page: the study's saved charts and the tables of its saved tab plans, named
 * as a picker lists them, and the report item each becomes.
 */
import type { SavedChart } from '../../../../../shared/api/charts';
import type { SavedTablePlan } from '../../../../../shared/api/tables';
import type { ReportItem } from '../../../../../shared/domain/report';

export interface SavedContent {
  charts: SavedChart[];
  tables: SavedTablePlan[];
}

export interface ContentChoice {
  /** The option's value: chart:<name> or table:<index>:<name>. */
  value: string;
  label: string;
  kind: 'chart' | 'table';
  item: ReportItem;
  /** A new page's title: the chart's own title, else its name. */
  title: string;
}

export function contentChoices(content: SavedContent): ContentChoice[] {
  const charts = content.charts.map((chart): ContentChoice => ({
    value: `chart:${chart.name}`,
    label: chart.name,
    kind: 'chart',
    item: { kind: 'chart', chart: chart.name },
    title: chart.spec.title?.trim() || chart.name,
  }));
  const tables = content.tables.flatMap((plan) =>
    plan.tables.map((spec, index): ContentChoice => ({
      value: `table:${index}:${plan.name}`,
      label:
        plan.tables.length === 1
          ? plan.name
          : `${plan.name} #${index + 1} (${spec.rows.join(', ')})`,
      kind: 'table',
      item:
        index === 0
          ? { kind: 'table', table: plan.name }
          : { kind: 'table', table: plan.name, index },
      title: plan.tables.length === 1 ? plan.name : `${plan.name} #${index + 1}`,
    })),
  );
  return [...charts, ...tables];
}
