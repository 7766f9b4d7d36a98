/** `cew describe STUDY [--json]`: metadata, schema version, sources and variables. */
import { parseArgs } from 'node:util';
import { CliUsageError, printJson, printLine } from '../cliOutput';
import { withHost } from '../cliHost';

export const usage =
  'describe STUDY.cew [--json]              metadata, schema version, sources, variables';

export async function runDescribe(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new CliUsageError(`usage: cew ${usage}`);
  const description = await withHost(async (host) => {
    await host.session.openStudy(file);
    return host.session.workerClient.call('study.describe', {});
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
  for (const source of sources) {
    printLine(
      `  ${source.fileName}  ${source.country ?? '-'} ${source.wave ?? '-'}  ${source.rowCount} rows`,
    );
  }
}
