/**
 * A study dataset as an SPSS system file model. A variable imported from SPSS gets back its own
 * formats, measure, alignment, role, attributes and missing values exactly; other variables
 * (system variables, CSV or Excel columns) get the formats SPSS itself would choose.
 */
import type {
  SavDictionary,
  SavFile,
  SavFormat,
  SavMissing,
  SavMultiResponseSet,
  SavVariable,
} from '../import/sav/savModel';
import { numbersOf, type ImportedColumn, type MissingSpec } from '../import/importedDataset';
import type { StudyDataset, ExportedVariable } from './studyDataset';

const FORMAT_A = 1;
const FORMAT_F = 5;
const FORMAT_DATETIME = 22;

interface StoredSpss {
  shortName?: string;
  width?: number;
  printFormat?: SavFormat;
  writeFormat?: SavFormat;
  measure?: SavVariable['measure'];
  alignment?: SavVariable['alignment'];
  displayWidth?: number;
  role?: SavVariable['role'];
  missing?: SavMissing;
  attributes?: Record<string, string[]>;
}

interface StoredSpssFile {
  fileLabel?: string;
  documents?: string[];
  fileAttributes?: Record<string, string[]>;
  weightVariable?: string | null;
  compression?: SavDictionary['compression'];
  multiResponseSets?: SavMultiResponseSet[];
}

function maxUtf8Width(values: ReadonlyArray<string | null>): number {
  let max = 1;
  for (const value of values) if (value) max = Math.max(max, Buffer.byteLength(value, 'utf8'));
  return Math.min(max, 32767);
}

function numericFormat(values: Float64Array): SavFormat {
  let digits = 1;
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    if (!Number.isInteger(value)) return { type: FORMAT_F, width: 8, decimals: 2 };
    digits = Math.max(digits, String(Math.abs(value)).length + (value < 0 ? 1 : 0));
  }
  return { type: FORMAT_F, width: Math.min(Math.max(digits, 1), 40), decimals: 0 };
}

function missingFromSpecs(specs: MissingSpec[], text: boolean): SavMissing {
  if (specs.length === 0) return { kind: 'none' };
  const range = specs.find(
    (spec): spec is { low: number | null; high: number | null } => typeof spec === 'object',
  );
  if (range && !text) {
    const discrete = specs.find((spec): spec is number => typeof spec === 'number');
    return {
      kind: 'range',
      low: range.low ?? Number.NEGATIVE_INFINITY,
      high: range.high ?? Number.POSITIVE_INFINITY,
      ...(discrete !== undefined ? { discrete } : {}),
    };
  }
  const values = specs
    .filter((spec): spec is number | string => typeof spec !== 'object')
    .slice(0, 3);
  return { kind: 'discrete', values };
}

/**
 * The stored SPSS missing values as the writer needs them. They went through JSON in
 * format_attributes_json, which turns the open ends of LO THRU x and x THRU HI (±Infinity) into
 * null; without restoring them the writer would write 0 THRU x.
 */
function storedMissing(missing: SavMissing | undefined): SavMissing | undefined {
  if (missing?.kind !== 'range') return missing;
  const { low, high } = missing as { low: number | null; high: number | null };
  return {
    ...missing,
    low: low ?? Number.NEGATIVE_INFINITY,
    high: high ?? Number.POSITIVE_INFINITY,
  };
}

function savVariable(variable: ExportedVariable, column: ImportedColumn): SavVariable {
  const stored = (variable.formatAttributes.spss ?? {}) as StoredSpss;
  const text = column.kind === 'text';
  const width = text ? Math.max(stored.width ?? 0, maxUtf8Width(column.values)) : 0;
  const fallbackFormat: SavFormat = text
    ? { type: FORMAT_A, width, decimals: 0 }
    : variable.type === 'date'
      ? { type: FORMAT_DATETIME, width: 20, decimals: 0 }
      : numericFormat(numbersOf(column));
  const keepStoredFormat = stored.printFormat && (!text || stored.width === width);
  const printFormat = keepStoredFormat ? stored.printFormat! : fallbackFormat;
  const writeFormat = keepStoredFormat ? (stored.writeFormat ?? printFormat) : fallbackFormat;
  return {
    name: variable.name,
    shortName: stored.shortName ?? variable.name.slice(0, 8).toUpperCase(),
    width,
    label: variable.label,
    printFormat,
    writeFormat,
    measure: stored.measure ?? (text || variable.type === 'single' ? 'nominal' : 'scale'),
    alignment: stored.alignment ?? (text ? 'left' : 'right'),
    displayWidth: stored.displayWidth ?? Math.min(Math.max(printFormat.width, 8), 64),
    role: stored.role ?? 'input',
    missing: storedMissing(stored.missing) ?? missingFromSpecs(variable.missing, text),
    valueLabels: variable.valueLabels.map((vl) => ({
      value: text ? String(vl.code) : Number(vl.code),
      label: vl.label,
    })),
    attributes: stored.attributes ?? {},
  };
}

export function datasetToSavFile(dataset: StudyDataset): SavFile {
  const spss = (dataset.fileAttributes.spss ?? {}) as StoredSpssFile;
  const variables = dataset.variables.map((variable, index) =>
    savVariable(variable, dataset.columns[index]!),
  );
  const names = new Set(variables.map((variable) => variable.name));
  // The study's sets (read from files or defined by the user); a set read from a .sav keeps its
  // SPSS details (label source, counted value type) exactly.
  const fromFile = new Map((spss.multiResponseSets ?? []).map((set) => [set.name, set]));
  const numeric = (name: string) => variables.find((v) => v.name === name)?.width === 0;
  const multiResponseSets: SavMultiResponseSet[] = dataset.multiResponseSets
    .filter((set) => set.variables.every((name) => names.has(name)))
    .map(
      (set) =>
        fromFile.get(set.name) ?? {
          name: set.name,
          label: set.label,
          type: set.type,
          ...(set.countedValue !== undefined
            ? {
                countedValue: set.variables.every(numeric)
                  ? Number(set.countedValue)
                  : String(set.countedValue),
              }
            : {}),
          variables: set.variables,
        },
    );
  const now = new Date();
  const dictionary: SavDictionary = {
    encoding: 'utf-8',
    encodingSource: 'default',
    byteOrder: 'little',
    compression: spss.compression ?? 'bytecode',
    declaredCases: dataset.cases,
    product: '',
    creationDate: now.toUTCString().slice(5, 16),
    creationTime: now.toISOString().slice(11, 19),
    fileLabel: spss.fileLabel ?? '',
    weightVariable:
      spss.weightVariable && names.has(spss.weightVariable) ? spss.weightVariable : null,
    variables,
    multiResponseSets,
    documents: spss.documents ?? [],
    fileAttributes: spss.fileAttributes ?? {},
    warnings: [],
  };
  return {
    dictionary,
    cases: dataset.cases,
    columns: dataset.columns.map((column) =>
      column.kind === 'text'
        ? { kind: 'string', values: column.values.map((value) => value ?? '') }
        : { kind: 'numeric', values: numbersOf(column) },
    ),
  };
}
