/**
 * The validation report shown before an import and kept with the source: duplicate respondent
 * IDs, codes without labels, values outside declared ranges, empty variables, type conflicts with
 * the study's codebook and columns that identify people. Errors block the import; warnings do not.
 */
import type { ValidationIssue, ValidationReport } from '../../shared/domain/dataset';
import type { VariableType } from '../../shared/domain/study';
import { isIdentifying } from './identifyingColumns';
import {
  cellValue,
  CODES_MISSING,
  codeKey,
  type ImportedColumn,
  type ImportedDataset,
} from './importedDataset';

export interface StudyVariableType {
  name: string;
  type: VariableType;
}

const MAX_LISTED = 5;

function listed(values: Iterable<string>): string {
  const all = [...values];
  const shown = all.slice(0, MAX_LISTED).join(', ');
  return all.length > MAX_LISTED ? `${shown} and ${all.length - MAX_LISTED} more` : shown;
}

function allMissing(column: ImportedColumn): boolean {
  if (column.kind === 'codes') {
    for (const code of column.values) if (code !== CODES_MISSING) return false;
    return true;
  }
  for (let row = 0; row < column.values.length; row++) {
    const value = cellValue(column, row);
    if (value !== null && value !== '') return false;
  }
  return true;
}

function duplicates(column: ImportedColumn): string[] {
  const seen = new Set<string | number>();
  const repeated = new Set<string>();
  for (let row = 0; row < column.values.length; row++) {
    const value = cellValue(column, row);
    if (value === null || value === '') continue;
    if (seen.has(value)) repeated.add(String(value));
    seen.add(value);
  }
  return [...repeated];
}

function declaredRange(attributes: Record<string, unknown>): { from: number; to: number } | null {
  const range = (attributes.sss as { range?: { from?: unknown; to?: unknown } } | undefined)?.range;
  if (range && typeof range.from === 'number' && typeof range.to === 'number')
    return { from: range.from, to: range.to };
  return null;
}

const SMALL_CODES = 65_536;

/**
 * Which of the 256 byte values occur in `codes`. Read four bytes at a time, skipping a word equal
 * to the one before: half the time of one byte at a time, which matters because it runs over
 * every answer of every coded variable of an import.
 */
function presentCodes(codes: Uint8Array): Uint8Array {
  const present = new Uint8Array(256);
  let i = 0;
  while (i < codes.length && (codes.byteOffset + i) % 4 !== 0) present[codes[i++]!] = 1;
  const words = new Uint32Array(codes.buffer, codes.byteOffset + i, (codes.length - i) >>> 2);
  let previous = -1;
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    if (word === previous) continue;
    previous = word;
    present[word & 0xff] = 1;
    present[(word >>> 8) & 0xff] = 1;
    present[(word >>> 16) & 0xff] = 1;
    present[word >>> 24] = 1;
  }
  for (i += words.length * 4; i < codes.length; i++) present[codes[i]!] = 1;
  return present;
}

/**
 * Codes in the data that have no value label and are not declared missing (at most 51, enough to
 * report). Survey codes are small integers, so a lookup table answers per respondent; a Set
 * serves the rest. Runs over every value of every coded variable, so it must stay cheap.
 */
function codesWithoutLabels(
  variable: ImportedDataset['variables'][number],
  column: Exclude<ImportedColumn, { kind: 'text' }>,
): Set<number> {
  const known = new Uint8Array(SMALL_CODES);
  const knownOther = new Set<number>();
  const mark = (code: number) => {
    if (code >= 0 && code < SMALL_CODES && Number.isInteger(code)) known[code] = 1;
    else knownOther.add(code);
  };
  for (const vl of variable.valueLabels) if (typeof vl.code === 'number') mark(vl.code);
  for (const m of variable.missing) if (typeof m === 'number') mark(m);
  const found = new Set<number>();
  // Fast path: one byte per answer (nearly every survey question) — note which codes occur, then
  // compare those few with the labels instead of testing every respondent.
  if (column.kind === 'codes') {
    const present = presentCodes(column.values);
    present[CODES_MISSING] = 0;
    for (let code = 0; code < 256 && found.size <= 50; code++) {
      if (present[code] === 1 && known[code] === 0) found.add(code);
    }
    return found;
  }
  const values = column.values;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value >= 0 && value < SMALL_CODES && (value | 0) === value) {
      if (known[value] === 0) {
        found.add(value);
        known[value] = 1;
      }
    } else if (!Number.isNaN(value) && !knownOther.has(value)) {
      found.add(value);
      knownOther.add(value);
    }
    if (found.size > 50) break;
  }
  return found;
}

export function validateDataset(
  file: string,
  dataset: ImportedDataset,
  options: {
    idVariable?: string | null;
    idNamed?: boolean;
    studyVariables?: readonly StudyVariableType[];
  } = {},
): ValidationReport {
  const issues: ValidationIssue[] = dataset.warnings.map((message) => ({
    severity: 'warning',
    kind: 'reader-warning',
    message,
  }));
  const studyTypes = new Map((options.studyVariables ?? []).map((v) => [v.name, v.type]));
  const coded = new Set<VariableType>(['single', 'numeric']);

  dataset.variables.forEach((variable, index) => {
    const column = dataset.columns[index]!;
    const name = variable.name;
    if (dataset.cases > 0 && allMissing(column)) {
      issues.push({
        severity: 'warning',
        kind: 'empty-variable',
        variable: name,
        message: `${name} has no answers in this file`,
      });
    }
    const studyType = studyTypes.get(name);
    if (
      studyType &&
      studyType !== variable.type &&
      !(coded.has(studyType) && coded.has(variable.type))
    ) {
      issues.push({
        severity: 'error',
        kind: 'type-conflict',
        variable: name,
        message: `${name} is ${variable.type} here but ${studyType} in the study`,
      });
    }
    if (variable.type === 'single' && column.kind !== 'text' && variable.valueLabels.length > 0) {
      const unlabelled = new Set(
        [...codesWithoutLabels(variable, column)].map((code) => codeKey(code)),
      );
      if (unlabelled.size > 0) {
        issues.push({
          severity: 'warning',
          kind: 'codes-without-labels',
          variable: name,
          message: `${name} has codes without labels: ${listed(unlabelled)}`,
        });
      }
    }
    const range = declaredRange(variable.formatAttributes);
    if (range && column.kind !== 'text') {
      let outside = 0;
      for (let row = 0; row < column.values.length; row++) {
        const value = cellValue(column, row) as number | null;
        if (value !== null && (value < range.from || value > range.to)) outside++;
      }
      if (outside > 0) {
        issues.push({
          severity: 'warning',
          kind: 'out-of-range',
          variable: name,
          message: `${name}: ${outside} values outside the declared range ${range.from}–${range.to}`,
        });
      }
    }
    if (isIdentifying(variable, column)) {
      issues.push({
        severity: 'warning',
        kind: 'identifying',
        variable: name,
        message: `${name} seems to identify people; it will be hidden in the data grid`,
      });
    }
  });

  if (options.idVariable) {
    const index = dataset.variables.findIndex((v) => v.name === options.idVariable);
    const repeated = index >= 0 ? duplicates(dataset.columns[index]!) : [];
    if (repeated.length > 0) {
      issues.push({
        severity: options.idNamed ? 'error' : 'warning',
        kind: 'duplicate-id',
        variable: options.idVariable,
        message: `respondent ID ${options.idVariable} repeats: ${listed(repeated)}`,
      });
    }
  }
  return { file, issues, blocking: issues.some((issue) => issue.severity === 'error') };
}
