/**
 * SPSS system files as imported datasets: maps the .sav dictionary onto the study's variable
 * types (a numeric variable with value labels is `single`, without them `numeric`; a date format
 * makes it `date`; strings are `text`) and keeps every SPSS attribute for a faithful export.
 */
import type {
  ImportedColumn,
  ImportedDataset,
  ImportedVariable,
  MissingSpec,
} from '../importedDataset';
import type { SavDictionary, SavFile, SavMissing, SavVariable } from './savModel';
import {
  isDateFormat,
  isTimeFormat,
  readSav,
  readSavDictionary,
  type ReadSavOptions,
} from './savReader';

function openEnd(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export function missingSpecs(missing: SavMissing): MissingSpec[] {
  switch (missing.kind) {
    case 'none':
      return [];
    case 'discrete':
      return [...missing.values];
    case 'range': {
      const range = { low: openEnd(missing.low), high: openEnd(missing.high) };
      return missing.discrete === undefined ? [range] : [range, missing.discrete];
    }
  }
}

function variableType(variable: SavVariable): ImportedVariable['type'] {
  if (variable.width > 0) return 'text';
  if (isDateFormat(variable.printFormat.type) || isTimeFormat(variable.printFormat.type))
    return 'date';
  return variable.valueLabels.length > 0 ? 'single' : 'numeric';
}

/** Everything SPSS says about a variable beyond name, label, values and missing codes. */
export function spssVariableAttributes(variable: SavVariable): Record<string, unknown> {
  return {
    spss: {
      shortName: variable.shortName,
      width: variable.width,
      printFormat: variable.printFormat,
      writeFormat: variable.writeFormat,
      measure: variable.measure,
      alignment: variable.alignment,
      displayWidth: variable.displayWidth,
      role: variable.role,
      missing: variable.missing,
      attributes: variable.attributes,
    },
  };
}

function datasetVariables(dictionary: SavDictionary): ImportedVariable[] {
  return dictionary.variables.map((variable) => ({
    name: variable.name,
    label: variable.label,
    type: variableType(variable),
    valueLabels: variable.valueLabels.map((vl) => ({ code: vl.value, label: vl.label })),
    missing: missingSpecs(variable.missing),
    formatAttributes: spssVariableAttributes(variable),
  }));
}

function datasetShell(
  path: string,
  dictionary: SavDictionary,
  cases: number,
): Omit<ImportedDataset, 'columns'> {
  return {
    format:
      dictionary.compression === 'zlib' || path.toLowerCase().endsWith('.zsav') ? 'zsav' : 'sav',
    encoding: dictionary.encoding,
    cases,
    variables: datasetVariables(dictionary),
    multiResponseSets: dictionary.multiResponseSets.map((set) => ({
      name: set.name,
      label: set.label,
      type: set.type,
      ...(set.countedValue !== undefined ? { countedValue: set.countedValue } : {}),
      variables: set.variables,
    })),
    warnings: [...dictionary.warnings],
    fileAttributes: {
      spss: {
        fileLabel: dictionary.fileLabel,
        documents: dictionary.documents,
        fileAttributes: dictionary.fileAttributes,
        weightVariable: dictionary.weightVariable,
        compression: dictionary.compression,
        multiResponseSets: dictionary.multiResponseSets,
      },
    },
  };
}

export function savFileToDataset(path: string, file: SavFile): ImportedDataset {
  // Codes travel on as they were read: the study stores the same bytes.
  const columns: ImportedColumn[] = file.columns.map((column) =>
    column.kind === 'string' ? { kind: 'text', values: column.values } : column,
  );
  return { ...datasetShell(path, file.dictionary, file.cases), columns };
}

export async function readSavDataset(
  path: string,
  options: ReadSavOptions = {},
): Promise<ImportedDataset> {
  return savFileToDataset(path, await readSav(path, options));
}

/** The dictionary only (no data): `cases` is what the header declares, or null when unknown. */
export async function readSavDatasetShell(
  path: string,
  options: { encoding?: string } = {},
): Promise<Omit<ImportedDataset, 'columns'>> {
  const dictionary = await readSavDictionary(path, options);
  return datasetShell(path, dictionary, dictionary.declaredCases ?? 0);
}
