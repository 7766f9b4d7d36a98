/**
 * The format-neutral result of reading a survey file: what every reader (SPSS, CSV, Excel,
 * Triple-S) produces, what `cew info` prints, and what an import writes into a study. Format
 * details a faithful export needs (SPSS print formats, measure levels, …) ride along untouched in
 * `formatAttributes`.
 */
import type { DatasetInfo, MissingSpec, MultiResponseSetInfo } from '../../shared/domain/dataset';
import type { VariableType } from '../../shared/domain/study';
import { MISSING_U8 } from '../study/columnStore';

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

/**
 * Numbers (NaN = system-missing), codes or text (null = missing). `codes` holds whole numbers
 * 0..254 in one byte each, MISSING_U8 (255) marking missing — the same bytes a study stores for
 * such a column — so a big file of survey answers is read, checked and written without ever
 * taking eight bytes per answer (../shared/PERFORMANCE.md).
 */
export type ImportedColumn =
  | { kind: 'numeric'; values: Float64Array }
  | { kind: 'codes'; values: Uint8Array }
  | { kind: 'text'; values: Array<string | null> };

export { MISSING_U8 as CODES_MISSING };

/** A numeric or coded column's numbers, NaN for missing (a copy for codes). */
export function numbersOf(column: Exclude<ImportedColumn, { kind: 'text' }>): Float64Array {
  if (column.kind === 'numeric') return column.values;
  const codes = column.values;
  const numbers = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    numbers[i] = code === MISSING_U8 ? Number.NaN : code;
  }
  return numbers;
}

/** One row's value: a number, a text, or null when missing (NaN, 255 in codes, null). */
export function cellValue(column: ImportedColumn, row: number): number | string | null {
  const value = column.values[row];
  if (value === undefined || value === null) return null;
  if (column.kind === 'codes') return value === MISSING_U8 ? null : value;
  return typeof value === 'number' && Number.isNaN(value) ? null : value;
}

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
