/** Survey data in and out: reading a file's dictionary, importing it as a source, exporting data. */
import { z } from 'zod';
import type {
  DatasetInfo,
  DerivedVariableSummary,
  ImportPreview,
  WeightDefinition,
  WeightReport,
} from '../domain/dataset';
import type { MappingProposal } from '../domain/mapping';
import { method, result } from './apiTypes';
import { languageCode } from './study';

/** How to read a CSV or Excel file: what the user can change in the wizard or on the command line. */
export const readerOptions = {
  sheet: z.string().min(1).optional(),
  headerRow: z.number().int().min(1).max(1_000_000).optional(),
  delimiter: z.string().length(1, 'a delimiter is one character').optional(),
  types: z.record(z.string(), z.enum(['single', 'numeric', 'text', 'date'])).optional(),
  categoryOrder: z.record(z.string(), z.array(z.string()).max(10_000)).optional(),
};

const codeOrText = z.string().min(1).max(200);

/** The mapping JSON of `cew import --mapping` (src/shared/domain/mapping.ts): a reviewed proposal. */
export const sourceMappingSchema = z.object({
  variables: z
    .array(
      z.object({
        source: codeOrText,
        target: codeOrText,
        codes: z.record(z.string(), z.number().finite()).default({}),
        evidence: z
          .enum(['same-name', 'previous-wave', 'code-frame', 'label', 'translation', 'user'])
          .default('user'),
        confidence: z.number().min(0).max(1).default(1),
      }),
    )
    .max(100_000),
  new: z.array(codeOrText).max(100_000).default([]),
});

const sourceContext = {
  country: z
    .string()
    .regex(/^[A-Za-z]{2,3}$/, 'a country is a 2- or 3-letter code such as DE')
    .transform((code) => code.toUpperCase()),
  wave: z.string().trim().min(1, 'a wave is required (e.g. 2026)').max(40),
  respondentType: z.enum(['customer', 'executive']).default('customer'),
  /** The language of the file's labels (en, de, it, fr, ko, …). */
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'a language is a 2- or 3-letter code such as de')
    .optional(),
};

export const proposeMappingInput = z.object({
  path: z.string().min(1, 'a file path is required'),
  ...sourceContext,
  encoding: z.string().min(1).optional(),
  ...readerOptions,
});

export const importInput = z.object({
  path: z.string().min(1, 'a file path is required'),
  ...sourceContext,
  idVariable: z.string().min(1).optional(),
  encoding: z.string().min(1).optional(),
  ...readerOptions,
  /** A reviewed mapping; without it the proposal is applied when it decides everything. */
  mapping: sourceMappingSchema.optional(),
  /** An industry code fixed for the whole source (else the file's `industry` variable, if any). */
  industry: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/i, 'an industry is a code such as telecom')
    .transform((code) => code.toLowerCase())
    .optional(),
});

export const exportInput = z.object({
  path: z.string().min(1, 'an output path is required'),
  format: z.enum(['sav', 'zsav', 'csv', 'xlsx']),
  variables: z.array(z.string().min(1)).optional(),
  dropIdentifying: z.boolean().default(false),
  /** A condition in the expression language, or the name of a saved filter. */
  filter: z.string().min(1).max(10_000).optional(),
  /** The language of the labels written; the study's label language when left out. */
  language: languageCode.optional(),
});

export const deriveInput = z.object({
  name: z.string().min(1).max(64),
  expression: z.string().min(1).max(10_000),
  label: z.string().max(500).optional(),
});

const targetNumbers = z.record(z.string(), z.number().finite().nonnegative());
const variableTargets = z.record(z.string(), targetNumbers);

export const weightInput = z.object({
  name: z.string().min(1).max(64),
  /** Without `by`: {"<variable>": {"<code or label>": n}}; with `by`: one such object per group. */
  targets: z.union([variableTargets, z.record(z.string(), variableTargets)]),
  by: z.string().min(1).optional(),
  cap: z
    .object({ min: z.number().positive(), max: z.number().positive() })
    .refine(
      (cap) => cap.min < 1 && cap.max > 1,
      'a cap is min < 1 < max, as multiples of the mean weight',
    )
    .optional(),
  baseWeight: z.string().min(1).optional(),
  combine: z.enum(['weighted', 'equal', 'population']).optional(),
  population: targetNumbers.optional(),
});

export const setInput = z.object({
  name: z.string().min(1).max(64),
  label: z.string().max(500).optional(),
  type: z.enum(['dichotomies', 'categories']),
  variables: z.array(z.string().min(1)).min(2, 'a set needs at least two variables').max(1000),
  countedValue: z.number().finite().optional(),
});

export const filterInput = z.object({
  name: z.string().min(1).max(64),
  expression: z.string().min(1).max(10_000),
});

/** What the native save dialog can export: data files, and reports as PowerPoint, Excel or PDF. */
export const exportFileFormat = z.enum(['sav', 'zsav', 'csv', 'xlsx', 'pptx', 'pdf']);
export type ExportFileFormat = z.infer<typeof exportFileFormat>;

/**
 * The save dialog's question: a suggested file name (a name only — the main process picks the
 * folder, so a renderer cannot point the dialog anywhere it likes) and the format it filters on.
 */
export const chooseExportPathInput = z.object({
  suggestedName: z
    .string()
    .trim()
    .min(1, 'a suggested file name is required')
    .max(255, 'a suggested file name is at most 255 characters')
    .refine((name) => !/[\\/]/.test(name), 'a suggested file name has no folder in it')
    .refine(
      (name) => name !== '.' && name !== '..',
      'a suggested file name is a name, not . or ..',
    ),
  format: exportFileFormat,
});

export const dataMethods = {
  'import.info': method(
    z.object({ path: z.string().min(1), encoding: z.string().min(1).optional() }),
    result<DatasetInfo>(),
  ),
  /** Reads a file for the import wizard: dictionary, first rows, validation report, guesses. */
  'import.preview': method(
    z.object({
      path: z.string().min(1),
      encoding: z.string().min(1).optional(),
      idVariable: z.string().min(1).optional(),
      rows: z.number().int().min(1).max(200).default(20),
      ...readerOptions,
    }),
    result<ImportPreview>(),
  ),
  /** Desktop only: native dialogs choosing a survey file to import, or where to export. */
  'files.chooseDataFile': method(z.object({}), result<{ path: string } | null>()),
  'files.chooseExportPath': method(chooseExportPathInput, result<{ path: string } | null>()),
  /** Desktop only: a folder for exports that write one file per value (report "one file for each"). */
  'files.chooseFolder': method(z.object({}), result<{ path: string } | null>()),
  /** How a file's variables and codes would land on the study's codebook, for review. */
  'import.proposeMapping': method(proposeMappingInput, result<MappingProposal>()),
  /** Starts an import job; the ImportSummary arrives with job.finished. */
  'import.start': method(importInput, result<{ jobId: string }>()),
  /** A derived variable: evaluated over every respondent, saved with its definition. */
  'variables.derive': method(deriveInput, result<DerivedVariableSummary>()),
  /** RIM weights to targets (per group with `by`), saved as a weight variable with its definition. */
  'weights.rim': method(weightInput, result<WeightReport>()),
  /** A multiple-response set defined by the user (dichotomies or categories). */
  'variables.defineSet': method(setInput, result<{ name: string; variables: string[] }>()),
  /** The study's saved weights with their definitions (to show and change them). */
  'weights.list': method(
    z.object({}),
    result<Array<{ name: string; definition: WeightDefinition }>>(),
  ),
  /** A named, reusable filter. */
  'filters.save': method(filterInput, result<{ name: string; kept: number; rows: number }>()),
  /** Starts an export job; the ExportSummary arrives with job.finished. */
  'export.start': method(exportInput, result<{ jobId: string }>()),
} as const;
