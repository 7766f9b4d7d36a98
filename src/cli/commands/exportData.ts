/**
 * `cew export-data STUDY --format sav|zsav|csv|xlsx --out FILE [--variables a,b] [--drop-identifying]
 * [--language L] [--json]`: writes the study's respondents; without --drop-identifying every
 * variable is written. Labels are in the study's label language, or L for this export.
 */
import { parseArgs } from 'node:util';
import { exportInput } from '../../shared/api/data';
import { describeZodError } from '../../shared/api/validate';
import { withHost } from '../cliHost';
import { runCliJob } from '../cliJob';
import { CliUsageError, printJson, printLine, warn } from '../cliOutput';
import { languageOption, warnIfUnknownLanguage } from '../cliLanguage';

export const usage =
  'export-data STUDY.cew --format sav|zsav|csv|xlsx --out FILE [--variables a,b,...] [--filter EXPR] [--drop-identifying] [--language L] [--json]';

export async function runExportData(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      variables: { type: 'string' },
      'drop-identifying': { type: 'boolean', default: false },
      filter: { type: 'string' },
      json: { type: 'boolean', default: false },
      ...languageOption,
    },
  });
  const [study] = positionals;
  if (!study || positionals.length > 1) throw new CliUsageError(`usage: cew ${usage}`);
  const parsed = exportInput.safeParse({
    path: values.out,
    format: values.format,
    variables: values.variables
      ?.split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    dropIdentifying: values['drop-identifying'],
    ...(values.filter ? { filter: values.filter } : {}),
    ...(values.language !== undefined ? { language: values.language } : {}),
  });
  if (!parsed.success)
    throw new CliUsageError(
      describeZodError('export-data', parsed.error).replace(/^invalid input for export-data: /, ''),
    );
  const summary = await withHost(async (host) => {
    warnIfUnknownLanguage(parsed.data.language, await host.session.openStudy(study));
    return runCliJob(host.session, `Exporting ${values.out}`, 'export.data', parsed.data);
  });
  if (values.json) printJson(summary);
  else
    printLine(
      `Wrote ${summary.rows} respondents × ${summary.variables} variables to ${summary.path}`,
    );
  for (const message of summary.warnings) warn(`warning: ${message}`);
}
