/**
 * `npm run bench [-- NAME]`: runs each benchmark in its own process, so its peak memory is its own,
 * and prints one JSON line per result as it finishes. Generated data is cached in the OS temp
 * folder, never in the repository.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { CliUsageError, printLine, warn } from '../cliOutput';
import type { BenchResult } from './benchTiming';
import { apiRoundtrip } from './benchmarks/apiRoundtrip';
import { derive, rim, table1000, tableConsultant } from './benchmarks/inMemory';
import { importCsv, importSav, openStudy } from './benchmarks/studyData';
import { segmentationBenchmarks } from './benchmarks/segmentation';
import { reportBenchmarks } from './benchmarks/reports';
import { gridScroll } from './benchmarks/gridScroll';
import { uiFirstTable } from './benchmarks/uiFirstTable';

type Benchmark = (report: (result: BenchResult) => void) => Promise<void>;

const benchmarks: Record<string, Benchmark> = {
  'api-roundtrip': apiRoundtrip,
  'import-sav': importSav,
  'import-csv': importCsv,
  'open-study': openStudy,
  'table-consultant': tableConsultant,
  'table-1000': table1000,
  rim,
  derive,
  ...segmentationBenchmarks,
  ...reportBenchmarks,
  'ui-grid-scroll': gridScroll,
  'ui-first-table': uiFirstTable,
};

export const usage =
  'bench [NAME]                              run benchmarks, one JSON line per result';

function runChild(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.argv[1]!, 'bench', '--child', name], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        printLine(buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`benchmark ${name} failed (exit code ${code})`)),
    );
  });
}

export async function runBench(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { child: { type: 'string' } },
  });
  if (values.child) {
    const benchmark = benchmarks[values.child];
    if (!benchmark) throw new CliUsageError(`no benchmark named ${values.child}`);
    await benchmark((result) => printLine(JSON.stringify(result)));
    return;
  }
  const wanted = positionals[0];
  const names = Object.keys(benchmarks).filter(
    (name) => !wanted || name === wanted || name.startsWith(`${wanted}/`),
  );
  if (names.length === 0) {
    throw new CliUsageError(
      `no benchmark named ${wanted}; there are: ${Object.keys(benchmarks).join(', ')}`,
    );
  }
  for (const name of names) {
    warn(`bench: ${name}`);
    await runChild(name);
  }
}
