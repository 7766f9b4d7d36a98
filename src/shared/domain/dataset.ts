/** What a reader found in a survey file, as `cew info` prints it and the import screens show it. */
import type { VariableType } from './study';

/** A discrete missing value, or a range with open ends as null (SPSS LO / HI). */
export type MissingSpec = number | string | { low: number | null; high: number | null };

export interface MultiResponseSetInfo {
  name: string;
  label: string;
  type: 'categories' | 'dichotomies';
  countedValue?: number | string;
  variables: string[];
}

export interface DatasetInfo {
  format: string;
  encoding: string;
  cases: number;
  variables: Array<{
    name: string;
    label: string | null;
    type: VariableType;
    valueLabels: Record<string, string>;
    missing: MissingSpec[];
  }>;
  multiResponseSets: MultiResponseSetInfo[];
  warnings: string[];
}

export interface ImportSummary {
  file: string;
  sourceId: number;
  rows: number;
  sha256: string;
  variablesAdded: number;
  variablesMatched: number;
  identifying: string[];
  respondentId: { variable: string | null; how: 'named' | 'guessed' | 'row-number' };
  warnings: string[];
}

export type ExportFormat = 'sav' | 'zsav' | 'csv' | 'xlsx';

export interface ExportSummary {
  path: string;
  format: ExportFormat;
  rows: number;
  variables: number;
  warnings: string[];
}

export interface ValidationIssue {
  severity: 'error' | 'warning';
  /** A stable kind for filtering in the UI. */
  kind:
    | 'duplicate-id'
    | 'codes-without-labels'
    | 'out-of-range'
    | 'empty-variable'
    | 'type-conflict'
    | 'identifying'
    | 'reader-warning';
  variable?: string;
  message: string;
}

/** What the wizard shows before an import: errors block it, warnings do not. */
export interface ValidationReport {
  file: string;
  issues: ValidationIssue[];
  blocking: boolean;
}

/** What the import wizard shows for one file before importing it. */
export interface ImportPreview {
  info: DatasetInfo;
  /** The first rows, values as the file has them (codes, numbers, text); null = missing. */
  rows: Array<Array<string | number | null>>;
  validation: ValidationReport;
  guess: { country?: string; wave?: string; respondentType?: 'customer' | 'executive' };
}

export interface DerivedVariableSummary {
  name: string;
  type: 'single' | 'multi' | 'numeric' | 'text' | 'date';
  rows: number;
  /** Respondents with a value (not missing). */
  valid: number;
}

/** How a RIM weight is defined: kept with the weight and used again when sources change. */
export interface WeightDefinition {
  name: string;
  /** Without `by`: {"<variable>": {"<code or label>": target}}. With `by`: one such object per value of `by`. */
  targets:
    Record<string, Record<string, number>> | Record<string, Record<string, Record<string, number>>>;
  by?: string;
  cap?: { min: number; max: number };
  baseWeight?: string;
  combine?: 'weighted' | 'equal' | 'population';
  /** With combine 'population': {"<value of by>": population}. */
  population?: Record<string, number>;
}

export interface WeightGroupReport {
  group: string;
  converged: boolean;
  iterations: number;
  min: number;
  max: number;
  mean: number;
  efficiency: number;
  effectiveBase: number;
}

export interface WeightReport {
  name: string;
  groups: WeightGroupReport[];
  overall: Omit<WeightGroupReport, 'group'>;
  warnings: string[];
}
