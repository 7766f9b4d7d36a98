/**
 * `cew describe STUDY [--language L] [--json]`: metadata, schema version, sources and variables,
 * labels and country names in the study's label language (or L for this run).
 */
import { parseArgs } from 'node:util';
import { CliUsageError, printJson, printLine } from '../cliOutput';
import { withHost } from '../cliHost';
import { languageOption, parseLanguage, warnIfUnknownLanguage } from '../cliLanguage';

export const usage =
  'describe STUDY.cew [--language L] [--json]  metadata, schema version, sources, variables';

export async function runDescribe(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, ...languageOption },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new CliUsageError(`usage: cew ${usage}`);
  const language = parseLanguage(values.language);
  const description = await withHost(async (host) => {
    warnIfUnknownLanguage(language, await host.session.openStudy(file));
    return host.session.workerClient.call('study.describe', language ? { language } : {});
  });
  if (values.json) {
    printJson(description);
    return;
  }
  const { study, sources, variables } = description;
  printLine(`${study.name}  (${study.path})`);
  printLine(`schema ${study.schemaVersion}, created ${study.createdAt}`);
  printLine(
    `${sources.length} sources, ${description.respondents} respondents, ${variables.length} variables`,
  );
  printLine(`labels in ${description.language} (the study holds ${study.languages.join(', ')})`);
  if (description.countries.length > 0)
    printLine(`countries: ${description.countries.map((c) => `${c.name} (${c.code})`).join(', ')}`);
  for (const source of sources) {
    printLine(
      `  ${source.fileName}  ${source.country ?? '-'} ${source.wave ?? '-'}  ${source.rowCount} rows`,
    );
  }
}
