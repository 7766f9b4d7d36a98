/**
 * `cew weight STUDY --rim TARGETS.json [--by VAR] --name w_rim [--cap 0.2,5] [--base-weight VAR]
 * [--combine weighted|equal|population --population POP.json] [--json]`: RIM weights to marginal
 * targets, saved in the study as a weight variable with its definition, with diagnostics per group.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { weightInput } from '../../shared/api/data';
import { describeZodError } from '../../shared/api/validate';
import type { WeightReport } from '../../shared/domain/dataset';
import { withHost } from '../cliHost';
import { CliUsageError, printJson, printLine, warn } from '../cliOutput';

export const usage =
  'weight STUDY.cew --rim TARGETS.json --name NAME [--by VAR] [--cap 0.2,5] [--base-weight VAR] [--combine weighted|equal|population] [--population POP.json] [--json]';

function readJson(file: string, option: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliUsageError(
      `${option} ${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliUsageError(`${file}: not JSON (${(error as Error).message})`);
  }
}

function reportText(report: WeightReport): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const lines = report.groups.map(
    (g) =>
      `  ${g.group.padEnd(16)} ${g.converged ? 'converged' : 'NOT CONVERGED'} in ${g.iterations} iterations; weights ${g.min.toFixed(3)}–${g.max.toFixed(3)}, mean ${g.mean.toFixed(3)}; efficiency ${percent(g.efficiency)}, effective base ${g.effectiveBase.toFixed(1)}`,
  );
  const o = report.overall;
  return [
    `Weight ${report.name}:`,
    ...lines,
    `  overall: ${o.converged ? 'converged' : 'NOT CONVERGED'}; weights ${o.min.toFixed(3)}–${o.max.toFixed(3)}, mean ${o.mean.toFixed(3)}; efficiency ${percent(o.efficiency)}, effective base ${o.effectiveBase.toFixed(1)}`,
  ].join('\n');
}

export async function runWeight(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      rim: { type: 'string' },
      name: { type: 'string' },
      by: { type: 'string' },
      cap: { type: 'string' },
      'base-weight': { type: 'string' },
      combine: { type: 'string' },
      population: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [study] = positionals;
  if (!study || positionals.length > 1) throw new CliUsageError(`usage: cew ${usage}`);
  if (!values.rim) throw new CliUsageError('--rim TARGETS.json is required');
  if (!values.name) throw new CliUsageError('--name is required (the weight variable to save)');
  const cap = values.cap?.split(',').map(Number);
  if (cap && (cap.length !== 2 || cap.some((n) => !Number.isFinite(n)))) {
    throw new CliUsageError('--cap takes two numbers, e.g. --cap 0.2,5');
  }
  const parsed = weightInput.safeParse({
    name: values.name,
    targets: readJson(values.rim, '--rim'),
    ...(values.by ? { by: values.by } : {}),
    ...(cap ? { cap: { min: cap[0], max: cap[1] } } : {}),
    ...(values['base-weight'] ? { baseWeight: values['base-weight'] } : {}),
    ...(values.combine ? { combine: values.combine } : {}),
    ...(values.population ? { population: readJson(values.population, '--population') } : {}),
  });
  if (!parsed.success)
    throw new CliUsageError(
      describeZodError('weight', parsed.error).replace(/^invalid input for weight: /, ''),
    );
  if (parsed.data.combine === 'population' && !parsed.data.population) {
    throw new CliUsageError('--combine population needs --population POP.json');
  }
  const report = await withHost(async (host) => {
    const opened = await host.session.openStudy(study);
    if (opened.readOnly) throw new Error(`${opened.path}: ${opened.readOnlyReason ?? 'read-only'}`);
    return host.session.workerClient.call('weights.rim', parsed.data);
  });
  if (values.json) printJson(report);
  else printLine(reportText(report));
  for (const message of report.warnings) warn(`warning: ${message}`);
}
