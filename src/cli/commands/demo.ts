/**
 * `cew demo --out DIR [--json]`: writes the demo study's agency files into DIR and imports them,
 * through the normal import and mapping path, into one new study file there — what "Open demo
 * study" does in the app, headless. A failed or cancelled build leaves no study file behind.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DemoSummary } from '../../shared/domain/demo';
import { DEMO_STUDY_FILE, DEMO_STUDY_NAME } from '../../main/demo/demoPaths';
import { withHost } from '../cliHost';
import { runCliJob } from '../cliJob';
import { CliUsageError, printJson, printLine } from '../cliOutput';

export const usage =
  'demo --out DIR [--json]                  write the demo sources and build the demo study in DIR';

function printSummary(summary: DemoSummary): void {
  printLine(`Demo study: ${summary.studyPath}`);
  printLine(`Sources (${summary.sources.length}) in ${summary.sourcesFolder}:`);
  for (const source of summary.sources)
    printLine(
      `  ${source.fileName}  ${source.country} ${source.wave} ${source.respondentType}  ${source.rows} rows`,
    );
  const waves = [...new Set(summary.sources.map((source) => source.wave))].sort();
  printLine(`Respondents by country and wave:`);
  printLine(`  country  ${waves.map((wave) => wave.padStart(6)).join('')}`);
  for (const [country, byWave] of Object.entries(summary.respondents))
    printLine(
      `  ${country.padEnd(7)}  ${waves.map((wave) => String(byWave[wave] ?? '-').padStart(6)).join('')}`,
    );
  printLine(`Variables in the codebook: ${summary.variables}`);
}

export async function runDemo(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (!values.out || positionals.length > 0) throw new CliUsageError(`usage: cew ${usage}`);
  const folder = path.resolve(values.out);
  const study = path.join(folder, DEMO_STUDY_FILE);
  if (existsSync(study))
    throw new Error(`${study} already exists: remove it or choose another --out folder`);
  mkdirSync(folder, { recursive: true });
  const summary = await withHost(async (host) => {
    await host.session.create(study, DEMO_STUDY_NAME);
    return runCliJob(host.session, 'Building the demo study', 'demo.populate', {
      sourcesDir: folder,
    });
  }).catch((error: unknown) => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${study}${suffix}`, { force: true });
    throw error;
  });
  if (values.json) printJson(summary);
  else printSummary(summary);
}
