/** Saved charts: a chart spec (a view of one table) kept in the study under a name. */
import { z } from 'zod';
import { chartKinds, type ChartSpec } from '../domain/chart';
import { method, result } from './apiTypes';
import { tableSpecSchema } from './tables';

/** The zod form of ChartSpec (src/shared/domain/chart.ts); the table part is a table spec. */
export const chartSpecSchema = z.object({
  kind: z.enum(chartKinds),
  table: tableSpecSchema,
  value: z.enum(['colPct', 'rowPct', 'n', 'wn', 'mean']),
  seriesFrom: z.enum(['columns', 'rows']).optional(),
  horizontal: z.boolean().optional(),
  dataLabels: z.boolean().optional(),
  hideTotal: z.boolean().optional(),
  title: z.string().max(500).optional(),
});

// A compile-time check that the schema and the domain type describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesDomain: Same<z.infer<typeof chartSpecSchema>, ChartSpec> = true;
void schemaMatchesDomain;

export const chartName = z.string().trim().min(1).max(200);

export interface SavedChart {
  name: string;
  spec: ChartSpec;
  updatedAt: string;
}

export const chartMethods = {
  /** Saves a chart under a name; saving again under the same name replaces it. */
  'charts.save': method(z.object({ name: chartName, spec: chartSpecSchema }), result<SavedChart>()),
  'charts.saved': method(z.object({}), result<SavedChart[]>()),
  'charts.delete': method(z.object({ name: chartName }), result<{ deleted: boolean }>()),
} as const;
