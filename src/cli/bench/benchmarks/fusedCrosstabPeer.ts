/**
 * `table-1000/fused-c`: the native peer of table-1000 (../shared/PERFORMANCE.md: "C, same fused
 * kernel, 2 threads"). The same 50 stubs × 20 banner variables of the same generated survey,
 * packed by our own plan (jointPlan.ts), counted by peers/fusedCrosstab.c compiled here with
 * gcc -O3 -march=native. runBench reports table-1000 against it as a ratio (target: within 1.7×).
 * Needs gcc; without it the benchmark says so instead of timing anything.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packVariables, type Pack } from '../../../main/kernels/crosstab/jointPlan';
import { warn } from '../../cliOutput';
import type { BenchResult } from '../benchTiming';
import { generateSurvey } from '../surveyGenerator';

const RESPONDENTS = Number(process.env.CEW_BENCH_RESPONDENTS ?? 1_000_000);
const RUNS = 5;

/** peers/fusedCrosstab.c in the checkout the bench runs from (out/main/cli.js → ../../src). */
const SOURCE = path.join(__dirname, '..', '..', 'src', 'cli', 'bench', 'peers', 'fusedCrosstab.c');

const names = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `q${String(from + i).padStart(3, '0')}`);

function u32s(values: number[]): Buffer {
  const buffer = Buffer.alloc(values.length * 4);
  values.forEach((value, i) => buffer.writeUInt32LE(value, i * 4));
  return buffer;
}

function packBytes(pack: Pack, variableOffset: number): Buffer {
  return u32s([
    pack.members.length,
    ...pack.members.flatMap((member, m) => [
      variableOffset + member,
      pack.categories[m]!,
      pack.strides[m]!,
    ]),
  ]);
}

/** Writes the peer's input (see fusedCrosstab.c): packs, one byte per code, then the weights. */
function writeInput(file: string): void {
  const survey = generateSurvey(RESPONDENTS);
  const indexOf = new Map(survey.dictionary.variables.map((v, i) => [v.name, i]));
  const chosen = [...names(1, 50), ...names(101, 20)];
  const categories = chosen.map((name) => {
    const variable = survey.dictionary.variables[indexOf.get(name)!]!;
    return variable.valueLabels.length;
  });
  const stubPacks = packVariables(categories.slice(0, 50));
  const bannerPacks = packVariables(categories.slice(50));
  const out = openSync(file, 'w');
  try {
    writeSync(out, u32s([RESPONDENTS, chosen.length, stubPacks.length, bannerPacks.length]));
    for (const pack of stubPacks) writeSync(out, packBytes(pack, 0));
    for (const pack of bannerPacks) writeSync(out, packBytes(pack, 50));
    for (const name of chosen) {
      const column = survey.columns[indexOf.get(name)!]!;
      if (column.kind !== 'numeric') throw new Error(`${name} is not numeric`);
      writeSync(
        out,
        Uint8Array.from(column.values, (v) => (Number.isNaN(v) ? 255 : v)),
      );
    }
    const weight = survey.columns[indexOf.get('weight')!]!;
    if (weight.kind !== 'numeric') throw new Error('weight is not numeric');
    writeSync(
      out,
      new Uint8Array(weight.values.buffer, weight.values.byteOffset, weight.values.byteLength),
    );
  } finally {
    closeSync(out);
  }
}

export async function table1000FusedC(report: (result: BenchResult) => void): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'cew-bench-fused-c-'));
  try {
    const binary = path.join(folder, 'fusedCrosstab');
    try {
      execFileSync('gcc', ['-O3', '-march=native', '-pthread', '-o', binary, SOURCE], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    } catch (error) {
      warn(
        `bench: table-1000/fused-c skipped: gcc could not build ${SOURCE} (${(error as Error).message})`,
      );
      return;
    }
    const input = path.join(folder, 'input.bin');
    writeInput(input);
    const output = execFileSync(binary, [input, String(RUNS)], { encoding: 'utf8' });
    const result = JSON.parse(output) as Omit<BenchResult, 'name' | 'n'> & {
      runs: number;
      total_weight: number;
    };
    report({
      name: 'table-1000/fused-c',
      n: result.runs,
      median_ms: result.median_ms,
      min_ms: result.min_ms,
      max_ms: result.max_ms,
      peak_rss_mb: result.peak_rss_mb,
      total_weight: result.total_weight,
    } as BenchResult);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
