/**
 * The Data grid's methods (issue #10): respondents × variables, served a page at a time by the
 * study worker from its in-memory columns, so the renderer never holds every row — a study of
 * 1,000,000 respondents scrolls by asking for the rows in view. Sorting and filtering happen in
 * the worker over every respondent (the order is computed once per sort and filter, then pages
 * are cut from it). Variables that identify people are left out unless asked for.
 */
import { z } from 'zod';
import type { VariableType } from '../domain/study';
import { method, result } from './apiTypes';
import { languageCode } from './study';

const variableName = z.string().min(1).max(128);

/** The most rows one page may ask for. */
export const GRID_PAGE_LIMIT = 2000;

/** A value as the grid shows it: a number, a text (or a label), or null for missing. */
export type GridValue = number | string | null;

export interface GridColumnHeader {
  name: string;
  /** The variable's label in the label language; null when it has none. */
  label: string | null;
  type: VariableType;
}

export interface GridColumn extends GridColumnHeader {
  isIdentifying: boolean;
  isSystem: boolean;
  /** Coded variables: their value labels in the label language, in codebook order. */
  valueLabels: Array<{ code: number; label: string }>;
}

export interface GridColumns {
  /** Every respondent in the study, before any filter. */
  respondents: number;
  columns: GridColumn[];
}

export interface GridPage {
  /** Respondents left after the filter: the grid's row count. */
  total: number;
  offset: number;
  columns: GridColumnHeader[];
  /** One array per row, one value per column, in the order of `columns`. */
  rows: GridValue[][];
  /** Each row's respondent ID: its source's ID variable, else "#<row in file> <file>". */
  respondentIds: string[];
  /** Each row's position in the study (1-based, in source order), whatever the sort. */
  rowNumbers: number[];
}

/**
 * A per-column filter: a coded variable keeps the listed codes; a numeric one keeps the range
 * (either end may be open). Combined with each other and with `filter` by "and".
 */
export const columnFilterSchema = z
  .object({
    variable: variableName,
    codes: z.array(z.number().finite()).min(1).max(10_000).optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
  })
  .refine(
    (filter) => filter.codes !== undefined || filter.min !== undefined || filter.max !== undefined,
    { message: 'a column filter needs codes, a minimum or a maximum' },
  );

export type ColumnFilter = z.output<typeof columnFilterSchema>;

export const gridColumnsInput = z.object({
  /** Show the variables that identify people (names, e-mail addresses, phones). */
  includeIdentifying: z.boolean().default(false),
  language: languageCode.optional(),
});

export const gridPageInput = z.object({
  /** The columns wanted, by name; all (in codebook order) when left out. */
  variables: z.array(variableName).max(1000).optional(),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(GRID_PAGE_LIMIT),
  /** Missing values sort last in both directions; ties keep the study's row order. */
  sort: z.object({ variable: variableName, descending: z.boolean().default(false) }).optional(),
  /** A filter in the expression language (docs/expressions.md), or a saved filter's name. */
  filter: z.string().trim().max(10_000).optional(),
  columnFilters: z.array(columnFilterSchema).max(1000).optional(),
  /** Coded values as their value labels (a code without a label stays a number). */
  labels: z.boolean().default(true),
  includeIdentifying: z.boolean().default(false),
  language: languageCode.optional(),
});

export type GridPageInput = z.output<typeof gridPageInput>;

export const gridMethods = {
  /** The grid's columns: every variable in codebook order, with labels and value labels. */
  'grid.columns': method(gridColumnsInput, result<GridColumns>()),
  /** Rows offset..offset+limit of the filtered, sorted respondents, for the chosen columns. */
  'grid.page': method(gridPageInput, result<GridPage>()),
} as const;
