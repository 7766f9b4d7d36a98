/**
 * GNU PSPP as the oracle for the .sav writer tests: runs PSPP on a system file and returns what
 * it reports (dictionary, sets, documents, attributes, data) as parsed CSV tables, plus every
 * warning or error it printed. Without pspp on PATH the suites are skipped with the reason,
 * except under CI=true, where a missing PSPP fails the run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describeRequiring } from './requiredTool';
import { parseCsv } from './csvText';

export const psppAvailable = spawnSync('pspp', ['--version'], { stdio: 'ignore' }).status === 0;

export function describeWithPspp(name: string, body: () => void): void {
  describeRequiring(
    {
      available: psppAvailable,
      missing: 'GNU PSPP (pspp), the .sav oracle, is not on PATH (apt-get install pspp)',
    },
    name,
    body,
  );
}

export interface PsppTable {
  title: string;
  rows: string[][];
}

export interface PsppOutput {
  tables: PsppTable[];
  /** Every paragraph of the output that is not a table: notes, warnings, errors. */
  messages: string[];
  /** Messages that are warnings or errors (notes such as "no multiple response sets" excluded). */
  problems: string[];
}

export function parsePsppCsv(text: string): PsppOutput {
  const tables: PsppTable[] = [];
  const messages: string[] = [];
  let current: PsppTable | null = null;
  for (const record of parseCsv(text)) {
    if (record.length === 1 && record[0] === '') {
      current = null;
    } else if (record.length === 1 && record[0]?.startsWith('Table: ')) {
      current = { title: record[0].slice('Table: '.length), rows: [] };
      tables.push(current);
    } else if (current) {
      current.rows.push(record);
    } else {
      messages.push(record.join(','));
    }
  }
  const problems = messages.filter((message) => /(^|: )(warning|error)( |:)/i.test(message));
  return { tables, messages, problems };
}

function run(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ status: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? -1, output }));
  });
}

/** Runs a PSPP syntax file and returns its CSV output, parsed. Throws if PSPP itself fails. */
export async function runPspp(syntax: string): Promise<PsppOutput> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cew-pspp-'));
  try {
    await writeFile(path.join(dir, 'run.sps'), syntax, 'utf8');
    const result = await run('pspp', ['-O', 'format=csv', '-o', 'out.csv', 'run.sps'], dir);
    const csv = await readFile(path.join(dir, 'out.csv'), 'utf8').catch(() => '');
    if (result.status !== 0 && csv === '') {
      throw new Error(`pspp failed (${result.status}): ${result.output}`);
    }
    return parsePsppCsv(csv);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Every case of a system file as CSV rows via pspp-convert (numbers unformatted, so exact),
 * with whatever pspp-convert printed (warnings, errors).
 */
export async function psppConvert(file: string): Promise<{ rows: string[][]; output: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cew-pspp-convert-'));
  try {
    const result = await run('pspp-convert', [file, path.join(dir, 'out.csv')], dir);
    const csv = await readFile(path.join(dir, 'out.csv'), 'utf8').catch(() => '');
    return { rows: parseCsv(csv), output: result.output };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function quote(file: string): string {
  return `'${file.replace(/'/g, "''")}'`;
}

export interface PsppDump extends PsppOutput {
  /** The last table with this title, or undefined. */
  table(title: string): PsppTable | undefined;
  /** Rows of "File Information" as a map (Created, Cases, Encoding, Compression, Label, …). */
  info: Map<string, string>;
}

/**
 * Everything PSPP reports about a system file. `data` adds LIST (every value, formatted) and
 * `frequencies` adds FREQUENCIES /VARIABLES=ALL.
 */
export async function psppDump(
  file: string,
  { data = true, frequencies = false }: { data?: boolean; frequencies?: boolean } = {},
): Promise<PsppDump> {
  const syntax = [
    `SYSFILE INFO FILE=${quote(file)}.`,
    `GET FILE=${quote(file)}.`,
    'DISPLAY DICTIONARY.',
    'DISPLAY DOCUMENTS.',
    'DISPLAY ATTRIBUTES.',
    'MRSETS /DISPLAY NAME=ALL.',
    ...(data ? ['LIST.'] : []),
    ...(frequencies ? ['FREQUENCIES /VARIABLES=ALL.'] : []),
    '',
  ].join('\n');
  const output = await runPspp(syntax);
  const infoTable = output.tables.find((table) => table.title === 'File Information');
  const info = new Map<string, string>(
    (infoTable?.rows ?? []).map((row) => [row[0] ?? '', row.slice(1).join(',')]),
  );
  return {
    ...output,
    info,
    table: (title) => output.tables.filter((table) => table.title === title).at(-1),
  };
}
