/**
 * `cew export STUDY --report NAME --format pptx|xlsx|pdf --out FILE [--lang de] [--each country]
 * [--browser PATH] [--json]`: a saved report drawn on the study's current data and written as an
 * editable deck, a tab book of its tables, or a PDF (docs/reports.md). With `--each V`, `--out` is
 * a folder and one `<report>-<value>.<ext>` is written per value of V.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { reportExportInput, reportFormats } from '../../shared/api/reports';
import { withHost } from '../cliHost';
import { parseCliInput } from '../cliOptions';
import { runCliJob } from '../cliJob';
import { CliUsageError, printJson, printLine } from '../cliOutput';
import { parseLanguage, warnIfUnknownLanguage } from '../cliLanguage';

export const usage =
  'export STUDY.cew --report NAME --format pptx|xlsx|pdf --out FILE [--lang L] [--each VAR] [--browser PATH] [--json]';

export async function runExport(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      report: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      language: { type: 'string' },
      each: { type: 'string' },
      browser: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [study] = positionals;
  if (!study || positionals.length > 1) throw new CliUsageError(`usage: cew ${usage}`);
  if (!values.report) throw new CliUsageError('--report NAME: which saved report to export');
  const format =
    values.format ??
    path
      .extname(values.out ?? '')
      .slice(1)
      .toLowerCase();
  if (!(reportFormats as readonly string[]).includes(format))
    throw new CliUsageError(`--format: one of ${reportFormats.join(', ')}`);
  if (!values.out)
    throw new CliUsageError(
      values.each
        ? '--out FOLDER: where the files go (one per value)'
        : '--out FILE: the file to write',
    );
  const language = parseLanguage(values.lang ?? values.language);
  const input = parseCliInput('export', reportExportInput, {
    name: values.report,
    format,
    path: path.resolve(values.out),
    ...(language ? { language } : {}),
    ...(values.each ? { each: values.each } : {}),
    ...(values.browser ? { browser: path.resolve(values.browser) } : {}),
  });
  const summary = await withHost(async (host) => {
    warnIfUnknownLanguage(language, await host.session.openStudy(study));
    return runCliJob(host.session, `Exporting ${values.report}`, 'reports.export', input);
  });
  if (values.json) printJson(summary);
  else
    printLine(
      `Wrote ${summary.files.length === 1 ? summary.files[0] : `${summary.files.length} files:\n  ${summary.files.join('\n  ')}`} (${summary.pages} page${summary.pages === 1 ? '' : 's'})`,
    );
}
