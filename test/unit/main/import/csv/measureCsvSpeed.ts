/**
 * Measures the CSV reader on the benchmark survey (../shared/PERFORMANCE.md: 1,000,000 × 200
 * codes + a weight, 415 MB), outside the test run because speed is never asserted in tests:
 *
 *   npx jiti test/unit/main/import/csv/measureCsvSpeed.ts [rows] [table|dataset]
 *
 * `table` stops after parsing (narrow columns, what a study writer would store); `dataset` adds
 * typing into Float64 ImportedColumns. Prints JSON: wall and CPU seconds, MB/s, peak RSS, and
 * whether every column's sum matches the generator's.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCsvDataset, readCsvTable } from '../../../../../src/main/import/csv/csvDataset';
import { I32_MISSING, U8_MISSING } from '../../../../../src/main/import/tabular/columnTyping';
import { writeSurveyCsv, type SurveyCsvSummary } from './surveyCsv';

function sumOf(values: ArrayLike<number>, missing: number): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value !== missing && !Number.isNaN(value)) sum += value;
  }
  return sum;
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const mode = process.argv[3] ?? 'table';
  const file = path.join(os.tmpdir(), `cew-csv-speed-${rows}x200.csv`);
  const summaryFile = `${file}.json`;
  let summary: SurveyCsvSummary;
  if (!existsSync(file) || !existsSync(summaryFile)) {
    process.stderr.write(`generating ${file}\n`);
    summary = writeSurveyCsv(file, rows);
    writeFileSync(
      summaryFile,
      JSON.stringify({
        bytes: summary.bytes,
        sums: [...summary.sums],
        missing: [...summary.missing],
      }),
    );
  } else {
    const json = JSON.parse(readFileSync(summaryFile, 'utf8')) as {
      bytes: number;
      sums: number[];
      missing: number[];
    };
    summary = {
      bytes: json.bytes,
      sums: Float64Array.from(json.sums),
      missing: Uint32Array.from(json.missing),
    };
  }
  const started = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const result = mode === 'dataset' ? await readCsvDataset(file) : await readCsvTable(file);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // CPU time too: on a shared 2-core machine wall time mostly measures the neighbours.
  const cpu = process.cpuUsage(cpuStart);
  const sums =
    'variables' in result
      ? result.columns.map((column) =>
          column.kind === 'numeric' ? sumOf(column.values, Number.NaN) : Number.NaN,
        )
      : result.columns.map((column) =>
          column.kind === 'number'
            ? sumOf(column.values, column.values instanceof Uint8Array ? U8_MISSING : I32_MISSING)
            : Number.NaN,
        );
  const megabytes = statSync(file).size / 1e6;
  const matches = sums.every(
    (sum, i) => Math.abs(sum - summary.sums[i]!) < 1e-6 * Math.max(1, sum),
  );
  process.stdout.write(
    `${JSON.stringify({
      rows,
      mode,
      megabytes: Math.round(megabytes),
      seconds: Math.round(seconds * 1000) / 1000,
      cpuSeconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
      megabytesPerSecond: Math.round(megabytes / seconds),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      sumsMatch: matches,
    })}\n`,
  );
}

void main();
