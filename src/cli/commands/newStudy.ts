/** `cew new STUDY [--name NAME] [--json]`: creates an empty study file. */
import { parseArgs } from 'node:util';
import { CliUsageError, printJson, printLine } from '../cliOutput';
import { withHost } from '../cliHost';

export const usage = 'new STUDY.cew [--name NAME] [--json]     create an empty study';

export async function runNew(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new CliUsageError(`usage: cew ${usage}`);
  if (!file.toLowerCase().endsWith('.cew'))
    throw new CliUsageError(`${file}: a study file ends in .cew`);
  const summary = await withHost(async (host) => {
    const created = await host.session.create(file, values.name);
    await host.session.close();
    return created;
  });
  if (values.json) printJson(summary);
  else
    printLine(`Created ${summary.path} (study "${summary.name}", schema ${summary.schemaVersion})`);
}
