/**
 * Shared pieces of the import/export integration tests: a study file in a temporary folder,
 * import and export through the same functions the worker runs, small .sav files written with
 * our writer from a plain description, the CLI, and a CSV parser for exported files.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { ImportSummary } from '../../../src/shared/domain/dataset';
import type {
  SavFile,
  SavMissing,
  SavMultiResponseSet,
  SavVariable,
} from '../../../src/main/import/sav/savModel';
import { writeSav } from '../../../src/main/export/sav/savWriter';
import { exportData, type ExportDataOptions } from '../../../src/main/export/exportData';
import { importFile, type ImportOptions } from '../../../src/main/import/importFile';
import { createStudyFile, type OpenStudy } from '../../../src/main/study/studyFile';
import { builtCliPath } from '../../support/studyDb';
import { parseCsv } from '../../support/csvText';
export { parseCsv };

/** A new study file `<name>.cew` in `folder`, open for writing. Close it with closeStudyFile. */
export function createStudy(folder: string, name = 'study'): OpenStudy {
  return createStudyFile(path.join(folder, `${name}.cew`), name, 'test');
}

export function writableDb(study: OpenStudy): NonNullable<OpenStudy['writable']> {
  if (!study.writable) throw new Error(`${study.path} is open read-only`);
  return study.writable;
}

/** Imports one file as the worker's 'import.file' does (country DE, wave 2026, customers). */
export function importInto(
  study: OpenStudy,
  file: string,
  options: Partial<ImportOptions> = {},
  signal: AbortSignal = new AbortController().signal,
): Promise<ImportSummary> {
  return importFile(
    writableDb(study),
    file,
    { country: 'DE', wave: '2026', respondentType: 'customer', ...options },
    signal,
    () => undefined,
  );
}

/** Exports as the worker's 'export.data' does. */
export function exportFrom(
  study: OpenStudy,
  file: string,
  options: ExportDataOptions,
  signal: AbortSignal = new AbortController().signal,
): ReturnType<typeof exportData> {
  return exportData(study, file, options, signal, () => undefined);
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (out/main/cli.js) to completion in `cwd`. */
export function cli(args: string[], cwd: string): CliResult {
  const result = spawnSync(process.execPath, [builtCliPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CEW_HOME: path.join(cwd, 'home') },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One variable of a generated .sav: numbers (null = system-missing) or strings. */
export type GeneratedVariable =
  | {
      name: string;
      label?: string;
      numbers: Array<number | null> | Float64Array;
      decimals?: number;
      valueLabels?: Record<number, string>;
      missing?: SavMissing;
    }
  | { name: string; label?: string; strings: string[]; valueLabels?: Record<string, string> };

const FORMAT_A = 1;
const FORMAT_F = 5;

function savVariable(variable: GeneratedVariable, index: number): SavVariable {
  const shortName = `V${String(index + 1).padStart(5, '0')}`;
  if ('strings' in variable) {
    const width = Math.max(1, ...variable.strings.map((s) => Buffer.byteLength(s, 'utf8')));
    const format = { type: FORMAT_A, width, decimals: 0 };
    return {
      name: variable.name,
      shortName,
      width,
      label: variable.label ?? null,
      printFormat: format,
      writeFormat: format,
      measure: 'nominal',
      alignment: 'left',
      displayWidth: Math.min(width, 64),
      role: 'input',
      missing: { kind: 'none' },
      valueLabels: Object.entries(variable.valueLabels ?? {}).map(([value, label]) => ({
        value,
        label,
      })),
      attributes: {},
    };
  }
  const decimals = variable.decimals ?? 0;
  const format = { type: FORMAT_F, width: 8 + decimals, decimals };
  return {
    name: variable.name,
    shortName,
    width: 0,
    label: variable.label ?? null,
    printFormat: format,
    writeFormat: format,
    measure: variable.valueLabels ? 'nominal' : 'scale',
    alignment: 'right',
    displayWidth: 8,
    role: 'input',
    missing: variable.missing ?? { kind: 'none' },
    valueLabels: Object.entries(variable.valueLabels ?? {}).map(([value, label]) => ({
      value: Number(value),
      label,
    })),
    attributes: {},
  };
}

/** A SavFile model of the given variables (all columns must have the same length). */
export function savModel(
  variables: GeneratedVariable[],
  multiResponseSets: SavMultiResponseSet[] = [],
): SavFile {
  const first = variables[0];
  const cases = !first ? 0 : 'strings' in first ? first.strings.length : first.numbers.length;
  return {
    dictionary: {
      encoding: 'utf-8',
      encodingSource: 'default',
      byteOrder: 'little',
      compression: 'bytecode',
      declaredCases: cases,
      product: '',
      creationDate: '01 Jan 26',
      creationTime: '00:00:00',
      fileLabel: '',
      weightVariable: null,
      variables: variables.map(savVariable),
      multiResponseSets,
      documents: [],
      fileAttributes: {},
      warnings: [],
    },
    cases,
    columns: variables.map((variable) =>
      'strings' in variable
        ? { kind: 'string', values: variable.strings }
        : {
            kind: 'numeric',
            values: Float64Array.from(variable.numbers, (v) => (v === null ? Number.NaN : v)),
          },
    ),
  };
}

/** Writes a generated .sav (bytecode-compressed, UTF-8) and returns its path. */
export async function writeGeneratedSav(
  file: string,
  variables: GeneratedVariable[],
  multiResponseSets: SavMultiResponseSet[] = [],
): Promise<string> {
  await writeSav(file, savModel(variables, multiResponseSets));
  return file;
}

/** A seeded pseudo-random generator (mulberry32), so generated files are the same every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
