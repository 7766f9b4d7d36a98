/**
 * `cew tabplan STUDY --name NAME --plan PLAN.json [--json]`: saves a tab plan — a JSON array of
 * table specs ({"rows", "columns", "weight", "filter", …} as `tables.run` takes them) — to re-run
 * with `cew table STUDY --saved NAME` on every wave.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { tableSpecSchema } from '../../shared/api/tables';
import { describeZodError } from '../../shared/api/validate';
import { withHost } from '../cliHost';
import { CliUsageError, printJson, printLine } from '../cliOutput';

export const usage =
  'tabplan STUDY.cew --name NAME --plan PLAN.json [--json]    save a tab plan (an array of table specs)';

export async function runTabPlan(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      plan: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [study] = positionals;
  if (!study || positionals.length > 1 || !values.name || !values.plan)
    throw new CliUsageError(`usage: cew ${usage}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(values.plan, 'utf8')) as unknown;
  } catch (error) {
    throw new CliUsageError(`${values.plan}: ${(error as Error).message}`);
  }
  const parsed = z.array(tableSpecSchema).min(1).safeParse(raw);
  if (!parsed.success)
    throw new CliUsageError(
      `${values.plan}: ${describeZodError('tabplan', parsed.error).replace(/^invalid input for tabplan: /, '')}`,
    );
  const name = values.name;
  const saved = await withHost(async (host) => {
    await host.session.openStudy(study);
    return host.session.workerClient.call('tables.save', { name, tables: parsed.data });
  });
  if (values.json) printJson(saved);
  else printLine(`Saved tab plan ${saved.name} with ${saved.tables.length} tables`);
}
