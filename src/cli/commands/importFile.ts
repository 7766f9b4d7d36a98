/**
 * `cew import STUDY FILE --country DE --wave 2026 [--type customer|executive] [--id VAR]
 * [--encoding ENC] [--language L] [--industry CODE] [--mapping MAPPING.json] [--json]`: imports one
 * survey file as a source, creating the study if needed. Without --mapping the proposed mapping
 * onto the codebook is applied when it decides everything; otherwise nothing is written.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importInput } from '../../shared/api/data';
import { parseCliInput } from '../cliOptions';
import { sourceInput, sourceOptions } from '../sourceOptions';
import { withHost } from '../cliHost';
import { runCliJob } from '../cliJob';
import { CliUsageError, printJson, printLine, warn } from '../cliOutput';

export const usage =
  'import STUDY.cew FILE --country DE --wave 2026 [--type customer|executive] [--id VAR] [--encoding ENC] [--language L] [--industry CODE] [--mapping MAPPING.json] [--sheet NAME] [--header-row N] [--delimiter C] [--json]';

function readMapping(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliUsageError(
      `--mapping ${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliUsageError(`--mapping ${file}: not valid JSON (${(error as Error).message})`);
  }
}

export async function runImport(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...sourceOptions,
      id: { type: 'string' },
      industry: { type: 'string' },
      mapping: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [study, file] = positionals;
  if (!study || !file || positionals.length > 2) throw new CliUsageError(`usage: cew ${usage}`);
  if (!study.toLowerCase().endsWith('.cew'))
    throw new CliUsageError(`${study}: a study file ends in .cew`);
  const input = parseCliInput('import', importInput, {
    ...sourceInput(file, values),
    idVariable: values.id,
    industry: values.industry,
    mapping: values.mapping === undefined ? undefined : readMapping(values.mapping),
  });
  const createdHere = !existsSync(study);
  const summary = await withHost(async (host) => {
    if (createdHere) {
      await host.session.create(study);
    } else {
      const opened = await host.session.openStudy(study);
      if (opened.readOnly)
        throw new Error(`${opened.path}: ${opened.readOnlyReason ?? 'read-only'}`);
    }
    return runCliJob(host.session, `Importing ${file}`, 'import.file', input);
  }).catch((error: unknown) => {
    // A study made only for this import goes again when the import fails: as if never run.
    if (createdHere)
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${study}${suffix}`, { force: true });
    throw error;
  });
  if (values.json) {
    printJson(summary);
  } else {
    printLine(
      `Imported ${summary.rows} respondents from ${summary.file}: ${summary.variablesAdded} new variables, ${summary.variablesMatched} matched`,
    );
    if (summary.identifying.length > 0)
      printLine(`Identifying (hidden in the grid): ${summary.identifying.join(', ')}`);
  }
  for (const message of summary.warnings) warn(`warning: ${message}`);
}
