/**
 * `cew quality STUDY [--small-base N] [--small-executive-base N] [--json]`: the data-quality check
 * across countries and waves (docs/data-quality.md), grouped by kind, each finding with what to do.
 */
import { parseArgs } from 'node:util';
import { dataQualityInput } from '../../shared/api/quality';
import { describeZodError } from '../../shared/api/validate';
import {
  DATA_QUALITY_KINDS,
  DATA_QUALITY_TITLES,
  type DataQualityReport,
} from '../../shared/domain/dataQuality';
import { withHost } from '../cliHost';
import { CliUsageError, printJson, printLine } from '../cliOutput';

export const usage =
  'quality STUDY.cew [--small-base N] [--small-executive-base N] [--json]   missing variables, one-country codes, small bases, changed code frames';

function threshold(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\s*[1-9]\d*\s*$/.test(text))
    throw new CliUsageError(
      `${option} takes a whole number of respondents, not ${JSON.stringify(text)}`,
    );
  return Number(text);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function reportText(report: DataQualityReport): string[] {
  const scope = `${plural(report.sources, 'source')} (${plural(report.countries, 'country', 'countries')}, ${plural(report.waves, 'wave')})`;
  if (report.findings.length === 0) return [`No problems found across ${scope}.`];
  const { warning, info } = report.severities;
  const tally = [
    ...(warning > 0 ? [plural(warning, 'warning')] : []),
    ...(info > 0 ? [plural(info, 'note')] : []),
  ];
  const lines = [`Data quality: ${tally.join(' and ')} across ${scope}.`];
  for (const kind of DATA_QUALITY_KINDS) {
    const findings = report.findings.filter((f) => f.kind === kind);
    if (findings.length === 0) continue;
    lines.push('', `${DATA_QUALITY_TITLES[kind]} (${findings.length})`);
    for (const finding of findings) {
      lines.push(`  ${finding.severity === 'warning' ? '!' : 'i'} ${finding.message}`);
      lines.push(`    → ${finding.action}`);
    }
  }
  return lines;
}

export async function runQuality(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'small-base': { type: 'string' },
      'small-executive-base': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new CliUsageError(`usage: cew ${usage}`);
  const parsed = dataQualityInput.safeParse({
    smallBase: threshold(values['small-base'], '--small-base'),
    smallExecutiveBase: threshold(values['small-executive-base'], '--small-executive-base'),
  });
  if (!parsed.success) throw new CliUsageError(describeZodError('quality', parsed.error));
  const report = await withHost(async (host) => {
    await host.session.openStudy(file);
    return host.session.workerClient.call('quality.check', parsed.data);
  });
  if (values.json) {
    printJson(report);
    return;
  }
  for (const line of reportText(report)) printLine(line);
}
