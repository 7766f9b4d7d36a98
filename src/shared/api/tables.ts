/** Cross-tables: run one from a spec. */
import { z } from 'zod';
import type { TableResult } from '../domain/table';
import { method, result } from './apiTypes';
import { languageCode } from './study';

const variableName = z.string().min(1).max(128);

export const tableSpecSchema = z.object({
  rows: z.array(variableName).max(500),
  columns: z.array(z.object({ variables: z.array(variableName).min(1).max(4) })).max(50),
  weight: variableName.optional(),
  filter: z.string().max(10_000).optional(),
  means: z.array(variableName).max(100).optional(),
  sigLevels: z.array(z.number().gt(0.5).lt(1)).min(1).max(2).optional(),
  preset: z.enum(['spss', 'dimensions', 'q']).optional(),
  lowBase: z.number().int().min(0).optional(),
  suppressLowBase: z.boolean().optional(),
  summary: z
    .object({
      items: z.array(variableName).min(1).max(500),
      statistic: z.enum(['top2', 'bottom2', 'mean']),
    })
    .optional(),
  sortByTotal: z.boolean().optional(),
  hideEmpty: z.boolean().optional(),
  decimals: z
    .object({
      percent: z.number().int().min(0).max(6).optional(),
      mean: z.number().int().min(0).max(6).optional(),
      count: z.number().int().min(0).max(6).optional(),
    })
    .optional(),
});

export interface SavedTablePlan {
  name: string;
  tables: z.infer<typeof tableSpecSchema>[];
  updatedAt: string;
}

/** A tab book of a saved tab plan (`name`) or of the tables given (`specs`), written to `path`. */
export const tabBookInput = z
  .object({
    name: z.string().min(1).optional(),
    specs: z.array(tableSpecSchema).min(1).max(1000).optional(),
    path: z.string().min(1, 'an output path is required'),
    /** The language of the labels written; the study's label language when left out. */
    language: languageCode.optional(),
  })
  .refine((input) => (input.name === undefined) !== (input.specs === undefined), {
    message: 'give either the name of a saved tab plan or the table specs, not both',
  });

export interface TabBookSummary {
  path: string;
  tables: number;
  sheets: string[];
}

export const tableMethods = {
  'tables.run': method(z.object({ spec: tableSpecSchema }), result<TableResult>()),
  /** Saves one table, or a tab plan of several, under a name to re-run on the next wave. */
  'tables.save': method(
    z.object({
      name: z.string().trim().min(1).max(200),
      tables: z.array(tableSpecSchema).min(1).max(1000),
    }),
    result<SavedTablePlan>(),
  ),
  'tables.saved': method(z.object({}), result<SavedTablePlan[]>()),
  /** Runs every table of a saved plan on the study's current data. */
  'tables.runSaved': method(
    z.object({ name: z.string().min(1) }),
    result<{ name: string; tables: TableResult[] }>(),
  ),
  /** Starts a tab book export job; the TabBookSummary arrives with job.finished. */
  'tables.exportTabBook': method(tabBookInput, result<{ jobId: string }>()),
} as const;
