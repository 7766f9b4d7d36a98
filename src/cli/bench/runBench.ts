/**
 * `npm run bench [-- NAME]`: runs each benchmark in its own process, so its peak memory is its own,
 * and prints one JSON line per result as it finishes. Generated data is cached in the OS temp
 * folder, never in the repository. Goals stated against a peer timed in the same run are printed
 * as ratios once both have run.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { CliUsageError, printLine, warn } from '../cliOutput';
import type { BenchResult } from './benchTiming';
import { apiRoundtrip } from './benchmarks/apiRoundtrip';
import { derive, rim, table1000, tableConsultant } from './benchmarks/inMemory';
import { importCsv, importSav, openStudy } from './benchmarks/studyData';
import { importCsvDuckDb } from './benchmarks/duckdbPeer';
import { table1000FusedC } from './benchmarks/fusedCrosstabPeer';
import { segmentationBenchmarks } from './benchmarks/segmentation';
import { reportBenchmarks } from './benchmarks/reports';
import { gridScroll } from './benchmarks/gridScroll';
import { uiFirstTable } from './benchmarks/uiFirstTable';

type Benchmark = (report: (result: BenchResult) => void) => Promise<void>;

const benchmarks: Record<string, Benchmark> = {
  'api-roundtrip': apiRoundtrip,
  'import-sav': importSav,
  'import-csv': importCsv,
  'import-csv/duckdb': importCsvDuckDb,
  'open-study': openStudy,
  'table-consultant': tableConsultant,
  'table-1000': table1000,
  'table-1000/fused-c': table1000FusedC,
  rim,
  derive,
  ...segmentationBenchmarks,
  ...reportBenchmarks,
  'ui-grid-scroll': gridScroll,
  'ui-first-table': uiFirstTable,
};

/**
 * Goals stated against a peer timed in the same run (../shared/PERFORMANCE.md), since absolute
 * times drift with the machine: import-csv at least 3.8× faster than DuckDB's read_csv, and
 * table-1000 taking at most 1.7× the time of the fused C kernel.
 */
const PEER_GOALS = [
  { name: 'import-csv', peer: 'import-csv/duckdb', faster: true, target: 3.8 },
  { name: 'table-1000', peer: 'table-1000/fused-c', faster: false, target: 1.7 },
];

export const usage =
  'bench [NAME]                              run benchmarks, one JSON line per result';

function runChild(name: string, medians: Map<string, number>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.argv[1]!, 'bench', '--child', name], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        printLine(line);
        try {
          const result = JSON.parse(line) as Partial<BenchResult>;
          if (result.name && typeof result.median_ms === 'number')
            medians.set(result.name, result.median_ms);
        } catch {
          // Not a result line: printed as it came.
        }
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
  const medians = new Map<string, number>();
  for (const name of names) {
    warn(`bench: ${name}`);
    await runChild(name, medians);
  }
  for (const goal of PEER_GOALS) {
    const ours = medians.get(goal.name);
    const peer = medians.get(goal.peer);
    if (ours === undefined || peer === undefined) continue;
    const ratio = Math.round((goal.faster ? peer / ours : ours / peer) * 100) / 100;
    printLine(
      JSON.stringify({
        name: `${goal.name}/vs-${goal.peer.split('/').pop()}`,
        [goal.faster ? 'times_faster' : 'times_slower']: ratio,
        [goal.faster ? 'target_at_least' : 'target_at_most']: goal.target,
        met: goal.faster ? ratio >= goal.target : ratio <= goal.target,
      }),
    );
  }
}
