/**
 * Writes a source table as an SPSS .sav file the way a German agency delivers one: German
 * variable and value labels, "don't know" declared user-missing, system-missing where a question
 * was not asked — through the app's own writer, so the demo exercises the same .sav code path
 * as a real delivery. Every stamp in the file is fixed, so the same table gives the same bytes.
 */
import { writeSav } from '../export/sav/savWriter';
import type { SavColumn, SavFile, SavFormat, SavVariable } from '../import/sav/savModel';
import type { SourceTable, SourceVariable } from './sourceTable';

/** Wide enough for any verbatim in UTF-8; a fixed width keeps the layout independent of data. */
const TEXT_WIDTH = 120;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const numericFormat = (width: number): SavFormat => ({ type: 5, width, decimals: 0 });

function savVariable(variable: SourceVariable): SavVariable {
  const text = variable.type === 'text';
  const format: SavFormat = text
    ? { type: 1, width: TEXT_WIDTH, decimals: 0 }
    : numericFormat(variable.type === 'numeric' ? 8 : 2);
  return {
    name: variable.name,
    shortName: '',
    width: text ? TEXT_WIDTH : 0,
    label: variable.label,
    printFormat: format,
    writeFormat: format,
    measure: variable.type === 'numeric' ? 'scale' : 'nominal',
    alignment: text ? 'left' : 'right',
    displayWidth: text ? 40 : 8,
    role: 'input',
    missing:
      variable.missing.length > 0
        ? { kind: 'discrete', values: [...variable.missing] }
        : { kind: 'none' },
    valueLabels: variable.values.map((value) => ({ value: value.code, label: value.label })),
    attributes: {},
  };
}

function savColumn(variable: SourceVariable): SavColumn {
  return variable.column.kind === 'numbers'
    ? { kind: 'numeric', values: variable.column.values }
    : { kind: 'string', values: variable.column.values.map((value) => value ?? '') };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export async function writeSavSource(
  file: string,
  table: SourceTable,
  options: { fileLabel: string; created: Date },
): Promise<void> {
  const { created } = options;
  const sav: SavFile = {
    dictionary: {
      encoding: 'utf-8',
      encodingSource: 'record',
      byteOrder: 'little',
      compression: 'bytecode',
      declaredCases: table.cases,
      product: '',
      creationDate: `${pad2(created.getUTCDate())} ${MONTHS[created.getUTCMonth()]} ${pad2(created.getUTCFullYear() % 100)}`,
      creationTime: `${pad2(created.getUTCHours())}:${pad2(created.getUTCMinutes())}:${pad2(created.getUTCSeconds())}`,
      fileLabel: options.fileLabel,
      weightVariable: null,
      variables: table.variables.map(savVariable),
      multiResponseSets: [],
      documents: [],
      fileAttributes: {},
      warnings: [],
    },
    columns: table.variables.map(savColumn),
    cases: table.cases,
  };
  const warnings: string[] = [];
  await writeSav(file, sav, { onWarning: (message) => warnings.push(message) });
  // The demo's files are designed to fit the format; a warning means the design broke.
  if (warnings.length > 0) throw new Error(`${file}: ${warnings.join('; ')}`);
}
