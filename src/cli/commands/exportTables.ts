/**
 * `cew export-tables STUDY --saved NAME --out FILE.xlsx [--language L] [--json]`: a saved tab plan
 * as an Excel tab book (docs/tab-book.md), run on the study's current data. `--rows a,b --cols c,d`
 * (with --weight, --filter, --sig) writes a book of that one table instead.
 */
import { parseArgs } from 'node:util';
import { tabBookInput } from '../../shared/api/tables';
import { withHost } from '../cliHost';
import { parseCliInput } from '../cliOptions';
import { tableSpecInput, tableSpecOptions } from '../tableOptions';
import { runCliJob } from '../cliJob';
import { CliUsageError, printJson, printLine } from '../cliOutput';
import { languageOption, parseLanguage, warnIfUnknownLanguage } from '../cliLanguage';

export const usage =
  'export-tables STUDY.cew (--saved NAME | --rows a,b [--cols c,d/e] [--weight W] [--filter EXPR] [--sig 0.95|0.99,0.95]) --out FILE.xlsx [--language L] [--json]';

export async function runExportTables(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      saved: { type: 'string' },
      ...tableSpecOptions,
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      ...languageOption,
    },
  });
  const [study] = positionals;
  if (!study || positionals.length > 1) throw new CliUsageError(`usage: cew ${usage}`);
  if (!values.out?.toLowerCase().endsWith('.xlsx'))
    throw new CliUsageError('--out: the tab book is an .xlsx file (--out FILE.xlsx)');
  if ((values.saved === undefined) === (values.rows === undefined))
    throw new CliUsageError('give --saved NAME (a saved tab plan) or --rows a,b [--cols c,d]');
  const language = parseLanguage(values.language);
  const input = parseCliInput('export-tables', tabBookInput, {
    path: values.out,
    ...(values.saved !== undefined ? { name: values.saved } : { specs: [tableSpecInput(values)] }),
    ...(language ? { language } : {}),
  });
  const summary = await withHost(async (host) => {
    warnIfUnknownLanguage(language, await host.session.openStudy(study));
    return runCliJob(host.session, `Exporting ${values.out}`, 'tables.exportTabBook', input);
  });
  if (values.json) printJson(summary);
  else
    printLine(
      `Wrote ${summary.tables} table${summary.tables === 1 ? '' : 's'} to ${summary.path} (sheets: Contents, ${summary.sheets.join(', ')})`,
    );
}
