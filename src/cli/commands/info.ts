/**
 * `cew info FILE [--encoding E] [--sheet NAME] [--header-row N] [--delimiter C] [--json]`: what
 * the reader reads in a survey file, without a study.
 */
import { parseArgs } from 'node:util';
import { datasetInfo } from '../../main/import/importedDataset';
import { readDataset } from '../../main/import/readers';
import { CliUsageError, printJson, printLine, warn } from '../cliOutput';

export const usage =
  'info FILE [--encoding ENC] [--sheet NAME] [--header-row N] [--delimiter C] [--json]   what a survey file holds';

export async function runInfo(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      encoding: { type: 'string' },
      sheet: { type: 'string' },
      'header-row': { type: 'string' },
      delimiter: { type: 'string' },
    },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new CliUsageError(`usage: cew ${usage}`);
  const headerRow = values['header-row'] === undefined ? undefined : Number(values['header-row']);
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) {
    throw new CliUsageError('--header-row takes a row number (1 is the first row)');
  }
  if (values.delimiter !== undefined && values.delimiter.length !== 1) {
    throw new CliUsageError("--delimiter takes one character (use $'\\t' for a tab)");
  }
  const info = datasetInfo(
    await readDataset(file, {
      encoding: values.encoding,
      sheet: values.sheet,
      headerRow,
      delimiter: values.delimiter,
    }),
  );
  if (values.json) {
    printJson(info);
    return;
  }
  printLine(
    `${file}: ${info.format}, ${info.encoding}, ${info.cases} cases, ${info.variables.length} variables`,
  );
  for (const variable of info.variables) {
    const labels = Object.keys(variable.valueLabels).length;
    printLine(
      `  ${variable.name.padEnd(16)} ${variable.type.padEnd(8)} ${variable.label ?? ''}${labels ? `  [${labels} value labels]` : ''}`,
    );
  }
  for (const set of info.multiResponseSets)
    printLine(`  set ${set.name}: ${set.variables.join(' ')}`);
  for (const message of info.warnings) warn(`warning: ${message}`);
}
