/**
 * `import-csv/duckdb`: the peer of import-csv (../shared/PERFORMANCE.md), DuckDB's read_csv of the
 * same file into a table of a fresh on-disk database, timed the same way in a process of its own.
 * Absolute times drift with the machine's load, so runBench reports import-csv against this in
 * the same run as a ratio (target: at least 3.8× faster).
 *
 * DuckDB is a development dependency used only here; when it cannot be loaded the benchmark says
 * so instead of timing anything.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { warn } from '../../cliOutput';
import { measure, type BenchResult } from '../benchTiming';
import { benchmarkCsv } from '../surveyGenerator';

const RESPONDENTS = Number(process.env.CEW_BENCH_RESPONDENTS ?? 1_000_000);

interface DuckConnection {
  run(sql: string): Promise<unknown>;
  closeSync(): void;
}
interface DuckInstance {
  connect(): Promise<DuckConnection>;
  closeSync(): void;
}
interface DuckModule {
  DuckDBInstance: { create(file: string): Promise<DuckInstance> };
}

async function loadDuckDb(): Promise<DuckModule | null> {
  // A name the bundler leaves alone: the CLI bundle must not carry DuckDB.
  const name = '@duckdb/node-api';
  try {
    return (await import(/* @vite-ignore */ name)) as DuckModule;
  } catch (error) {
    warn(
      `bench: import-csv/duckdb skipped: ${name} cannot be loaded (${(error as Error).message})`,
    );
    return null;
  }
}

export async function importCsvDuckDb(report: (result: BenchResult) => void): Promise<void> {
  const duckdb = await loadDuckDb();
  if (!duckdb) return;
  const file = await benchmarkCsv(RESPONDENTS);
  const folder = mkdtempSync(path.join(tmpdir(), 'cew-bench-duckdb-'));
  let run = 0;
  try {
    report(
      await measure(
        'import-csv/duckdb',
        3,
        async () => {
          const instance = await duckdb.DuckDBInstance.create(
            path.join(folder, `import-${run++}.duckdb`),
          );
          const connection = await instance.connect();
          try {
            const quoted = file.replaceAll("'", "''");
            await connection.run(`CREATE TABLE survey AS SELECT * FROM read_csv('${quoted}')`);
          } finally {
            connection.closeSync();
            instance.closeSync();
          }
        },
        0,
      ),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
