/**
 * The benchmark survey, as ../shared/PERFORMANCE.md describes it: N respondents × 200 coded
 * variables (2–12 categories, skewed towards the low codes, every fifth with about 3% missing)
 * plus a float weight, from a seeded generator so every run measures the same bytes. Written once
 * as a bytecode-compressed .sav (as SPSS writes by default) and cached in the OS temp folder.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SavFile, SavVariable } from '../../main/import/sav/savModel';
import { writeSav } from '../../main/export/sav/savWriter';

const GENERATOR_VERSION = 1;

/** mulberry32: small, fast, and the same sequence everywhere for the same seed. */
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

function codedVariable(index: number, categories: number): SavVariable {
  return {
    name: `q${String(index + 1).padStart(3, '0')}`,
    shortName: `Q${String(index + 1).padStart(3, '0')}`,
    width: 0,
    label: `Question ${index + 1}`,
    printFormat: { type: 5, width: 2, decimals: 0 },
    writeFormat: { type: 5, width: 2, decimals: 0 },
    measure: 'nominal',
    alignment: 'right',
    displayWidth: 8,
    role: 'input',
    missing: { kind: 'none' },
    valueLabels: Array.from({ length: categories }, (_, code) => ({
      value: code + 1,
      label: `Answer ${code + 1}`,
    })),
    attributes: {},
  };
}

export function generateSurvey(respondents: number, variables = 200, seed = 20261127): SavFile {
  const random = seededRandom(seed);
  const dictionaryVariables: SavVariable[] = [];
  const columns: SavFile['columns'] = [];
  for (let v = 0; v < variables; v++) {
    const categories = 2 + Math.floor(random() * 11);
    dictionaryVariables.push(codedVariable(v, categories));
    const values = new Float64Array(respondents);
    const withMissing = v % 5 === 4;
    for (let r = 0; r < respondents; r++) {
      if (withMissing && random() < 0.03) {
        values[r] = Number.NaN;
        continue;
      }
      // Squaring a uniform draw skews answers towards the first categories, as real scales are.
      const u = random();
      values[r] = 1 + Math.floor(u * u * categories);
    }
    columns.push({ kind: 'numeric', values });
  }
  const weights = new Float64Array(respondents);
  for (let r = 0; r < respondents; r++) weights[r] = 0.3 + random() * 2.4;
  dictionaryVariables.push({
    ...codedVariable(variables, 0),
    name: 'weight',
    shortName: 'WEIGHT',
    label: 'Design weight',
    printFormat: { type: 5, width: 8, decimals: 4 },
    writeFormat: { type: 5, width: 8, decimals: 4 },
    measure: 'scale',
  });
  columns.push({ kind: 'numeric', values: weights });
  return {
    cases: respondents,
    columns,
    dictionary: {
      encoding: 'utf-8',
      encodingSource: 'default',
      byteOrder: 'little',
      compression: 'bytecode',
      declaredCases: respondents,
      product: '',
      creationDate: '27 Nov 26',
      creationTime: '00:00:00',
      fileLabel: 'Customer Energy Workbench benchmark survey',
      weightVariable: null,
      variables: dictionaryVariables,
      multiResponseSets: [],
      documents: [],
      fileAttributes: {},
      warnings: [],
    },
  };
}

export function benchCacheFolder(): string {
  const folder = path.join(tmpdir(), 'cew-bench-cache');
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** The cached benchmark .sav, generated on first use. */
export async function benchmarkSav(respondents: number): Promise<string> {
  const file = path.join(benchCacheFolder(), `survey-v${GENERATOR_VERSION}-${respondents}x200.sav`);
  if (!existsSync(file)) {
    process.stderr.write(`bench: generating ${file} (once)\n`);
    await writeSav(file, generateSurvey(respondents), { compression: 'bytecode' });
  }
  return file;
}

/** The same survey as CSV (integer codes, the weight with four decimals), cached like the .sav. */
export async function benchmarkCsv(respondents: number): Promise<string> {
  const file = path.join(benchCacheFolder(), `survey-v${GENERATOR_VERSION}-${respondents}x200.csv`);
  if (existsSync(file)) return file;
  process.stderr.write(`bench: generating ${file} (once)\n`);
  const survey = generateSurvey(respondents);
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  const columns = survey.columns.map((column) =>
    column.kind === 'numeric' ? column.values : new Float64Array(),
  );
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${survey.dictionary.variables.map((v) => v.name).join(',')}\n`);
  const last = columns.length - 1;
  for (let row = 0; row < respondents; row++) {
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      const value = columns[c]![row]!;
      line += Number.isNaN(value) ? '' : c === last ? value.toFixed(4) : String(value);
      line += c === last ? '\n' : ',';
    }
    await write(line);
  }
  out.end();
  await once(out, 'close');
  renameSync(partial, file);
  return file;
}
