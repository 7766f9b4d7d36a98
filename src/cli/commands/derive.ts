/**
 * `cew derive STUDY --name NAME --expr EXPR [--label TEXT] [--json]` and
 * `cew filter STUDY --name NAME --expr EXPR [--json]`: derived variables and named filters in the
 * expression language (docs/expressions.md), saved in the study with their definitions.
 */
import { parseArgs } from 'node:util';
import { deriveInput, filterInput, setInput } from '../../shared/api/data';
import { describeZodError } from '../../shared/api/validate';
import { withHost } from '../cliHost';
import { CliUsageError, printJson, printLine } from '../cliOutput';

export const deriveUsage = 'derive STUDY.cew --name NAME --expr EXPR [--label TEXT] [--json]';
export const filterUsage = 'filter STUDY.cew --name NAME --expr EXPR [--json]';

function parse(args: string[], usage: string) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      expr: { type: 'string' },
      label: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [study] = positionals;
  if (!study || positionals.length > 1) throw new CliUsageError(`usage: cew ${usage}`);
  if (!values.name) throw new CliUsageError('--name is required');
  if (!values.expr) throw new CliUsageError('--expr is required');
  return { study, values };
}

export async function runDerive(args: string[]): Promise<void> {
  const { study, values } = parse(args, deriveUsage);
  const parsed = deriveInput.safeParse({
    name: values.name,
    expression: values.expr,
    label: values.label,
  });
  if (!parsed.success) throw new CliUsageError(describeZodError('derive', parsed.error));
  const summary = await withHost(async (host) => {
    await host.session.openStudy(study);
    return host.session.workerClient.call('variables.derive', parsed.data);
  });
  if (values.json) printJson(summary);
  else
    printLine(
      `${summary.name} (${summary.type}): ${summary.valid} of ${summary.rows} respondents have a value`,
    );
}

export async function runFilter(args: string[]): Promise<void> {
  const { study, values } = parse(args, filterUsage);
  const parsed = filterInput.safeParse({ name: values.name, expression: values.expr });
  if (!parsed.success) throw new CliUsageError(describeZodError('filter', parsed.error));
  const summary = await withHost(async (host) => {
    await host.session.openStudy(study);
    return host.session.workerClient.call('filters.save', parsed.data);
  });
  if (values.json) printJson(summary);
  else printLine(`Filter ${summary.name} keeps ${summary.kept} of ${summary.rows} respondents`);
}

export const setUsage =
  'mrset STUDY.cew --name NAME --type dichotomies|categories --variables a,b,... [--counted 1] [--label TEXT] [--json]';

/** `cew mrset …`: a multiple-response set defined by the user, kept in the study and its exports. */
export async function runSet(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      type: { type: 'string' },
      variables: { type: 'string' },
      counted: { type: 'string' },
      label: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [study] = positionals;
  if (!study || positionals.length > 1) throw new CliUsageError(`usage: cew ${setUsage}`);
  const parsed = setInput.safeParse({
    name: values.name,
    type: values.type,
    variables: (values.variables ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
    ...(values.counted !== undefined ? { countedValue: Number(values.counted) } : {}),
    ...(values.label ? { label: values.label } : {}),
  });
  if (!parsed.success)
    throw new CliUsageError(
      describeZodError('mrset', parsed.error).replace(/^invalid input for mrset: /, ''),
    );
  const summary = await withHost(async (host) => {
    await host.session.openStudy(study);
    return host.session.workerClient.call('variables.defineSet', parsed.data);
  });
  if (values.json) printJson(summary);
  else printLine(`Set ${summary.name}: ${summary.variables.join(', ')}`);
}
