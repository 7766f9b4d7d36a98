/**
 * The format-neutral result of reading a survey file: what every reader (SPSS, CSV, Excel,
 * Triple-S) produces, what `cew info` prints, and what an import writes into a study. Format
 * details a faithful export needs (SPSS print formats, measure levels, …) ride along untouched in
 * `formatAttributes`.
 */
import type { DatasetInfo, MissingSpec, MultiResponseSetInfo } from '../../shared/domain/dataset';
import type { VariableType } from '../../shared/domain/study';

export type { DatasetInfo, MissingSpec };

export interface ImportedValueLabel {
  code: number | string;
  label: string;
}

export interface ImportedVariable {
  name: string;
  label: string | null;
  type: VariableType;
  valueLabels: ImportedValueLabel[];
  missing: MissingSpec[];
  formatAttributes: Record<string, unknown>;
}

/** Numbers (NaN = system-missing) or text (null = missing). */
export type ImportedColumn =
  { kind: 'numeric'; values: Float64Array } | { kind: 'text'; values: Array<string | null> };

export type ImportedMultiResponseSet = MultiResponseSetInfo;

export interface ImportedDataset {
  /** Which reader produced it: 'sav', 'zsav', 'csv', … */
  format: string;
  encoding: string;
  cases: number;
  variables: ImportedVariable[];
  /** One per variable, same order. */
  columns: ImportedColumn[];
  multiResponseSets: ImportedMultiResponseSet[];
  warnings: string[];
  /** File-level details a faithful export needs (SPSS file label, documents, attributes …). */
  fileAttributes: Record<string, unknown>;
}

/** Codes print as JSON object keys: integers plainly, other numbers in full precision. */
export function codeKey(code: number | string): string {
  return typeof code === 'number' ? String(code) : code;
}

export function datasetInfo(dataset: Omit<ImportedDataset, 'columns'>): DatasetInfo {
  return {
    format: dataset.format,
    encoding: dataset.encoding,
    cases: dataset.cases,
    variables: dataset.variables.map((variable) => ({
      name: variable.name,
      label: variable.label,
      type: variable.type,
      valueLabels: Object.fromEntries(
        variable.valueLabels.map((vl) => [codeKey(vl.code), vl.label]),
      ),
      missing: variable.missing,
    })),
    multiResponseSets: dataset.multiResponseSets,
    warnings: dataset.warnings,
  };
}
