/**
 * `cew table STUDY --rows a,b --cols c,d [--weight w] [--filter EXPR] [--sig 0.95 | --sig 0.99,0.95]
 * [--preset spss|dimensions|q] [--means VAR] [--json]`: one cross-table, computed in the worker.
 * `--cols c,d` puts c and d side by side; `c/d` nests d within c. `--save NAME` keeps the spec in
 * the study; `--saved NAME` re-runs a saved table or tab plan on the study's current data. Labels
 * are in the study's label language, or `--language L` for this run; a fallback label (not in
 * that language) is printed as `label [de]`.
 */
import { parseArgs } from 'node:util';
import { tableSpecSchema } from '../../shared/api/tables';
import type { TableResult } from '../../shared/domain/table';
import { withHost } from '../cliHost';
import { commaList, parseCliInput } from '../cliOptions';
import { tableSpecInput, tableSpecOptions } from '../tableOptions';
import { CliUsageError, printJson, printLine } from '../cliOutput';
import { languageOption, parseLanguage, warnIfUnknownLanguage } from '../cliLanguage';

export const usage =
  'table STUDY.cew --rows a,b [--cols c,d/e] [--weight W] [--filter EXPR] [--sig 0.95|0.99,0.95] [--preset spss|dimensions|q] [--means VAR] [--summary top2|bottom2|mean --items a,b] [--save NAME] [--language L] [--json]\n     cew table STUDY.cew --saved NAME [--language L] [--json]                    re-run a saved table or tab plan';

/** A label as the terminal shows it: a fallback carries its language, since there are no italics. */
function shown(label: string, labelLanguage: string | undefined): string {
  return labelLanguage ? `${label} [${labelLanguage}]` : label;
}

function formatPercent(value: number | null): string {
  return value === null ? '–' : `${value.toFixed(0)}%`;
}

/** A plain-text rendering for the terminal: column % with letters, then bases. */
export function tableText(result: TableResult): string {
  const header = [
    '',
    ...result.columns.map((c) => {
      const label = shown(c.label, c.labelLanguage);
      return c.letter ? `${label} (${c.letter})` : label;
    }),
  ];
  const baseLine = (label: string, bases: TableResult['bases']) => [
    label,
    ...bases.map((b) => `${b.n}${b.lowBase ? '*' : ''}`),
  ];
  const stubBases = new Map((result.stubBases ?? []).map((stub) => [stub.variable, stub.bases]));
  // A question not everyone was asked gets its own base under its rows: its percentages stand on it.
  const body = result.rows.flatMap((row, index) => {
    const line = [
      `${row.variable}: ${shown(row.label, row.labelLanguage)}`,
      ...row.cells.map((cell) =>
        cell.mean !== undefined
          ? cell.mean === null
            ? '–'
            : cell.mean.toFixed(2)
          : `${formatPercent(cell.colPct)} ${cell.sig}${cell.marks ?? ''}`.trim(),
      ),
    ];
    const stubBase = stubBases.get(row.variable);
    const lastOfStub = result.rows[index + 1]?.variable !== row.variable;
    return stubBase && lastOfStub
      ? [line, baseLine(`${row.variable}: base (n)`, stubBase)]
      : [line];
  });
  const bases = baseLine(stubBases.size > 0 ? 'All respondents (n)' : 'Base (n)', result.bases);
  const all = [header, ...body, bases];
  const widths = header.map((_, c) => Math.max(...all.map((line) => (line[c] ?? '').length)));
  const render = (line: string[]) =>
    line
      .map((text, c) => (c === 0 ? text.padEnd(widths[c]!) : text.padStart(widths[c]!)))
      .join('  ');
  return [...all.map(render), '', result.footnote].join('\n');
}

export async function runTableCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...tableSpecOptions,
      preset: { type: 'string' },
      means: { type: 'string' },
      save: { type: 'string' },
      summary: { type: 'string' },
      items: { type: 'string' },
      saved: { type: 'string' },
      json: { type: 'boolean', default: false },
      ...languageOption,
    },
  });
  const [study] = positionals;
  if (!study || positionals.length > 1) throw new CliUsageError(`usage: cew ${usage}`);
  const language = parseLanguage(values.language);
  const labels = language ? { language } : {};
  if (values.saved) {
    const saved = values.saved;
    const plan = await withHost(async (host) => {
      warnIfUnknownLanguage(language, await host.session.openStudy(study));
      return host.session.workerClient.call('tables.runSaved', { name: saved, ...labels });
    });
    if (values.json) printJson(plan);
    else printLine(plan.tables.map(tableText).join('\n\n'));
    return;
  }
  const spec = parseCliInput('table', tableSpecSchema, {
    ...tableSpecInput(values),
    ...(values.preset ? { preset: values.preset } : {}),
    ...(values.means ? { means: commaList(values.means) } : {}),
    ...(values.summary
      ? { summary: { statistic: values.summary, items: commaList(values.items) } }
      : {}),
  });
  if (spec.rows.length === 0 && (spec.means ?? []).length === 0 && !spec.summary) {
    throw new CliUsageError(
      '--rows: name at least one variable (or --means, or --summary with --items)',
    );
  }
  const save = values.save;
  const result = await withHost(async (host) => {
    warnIfUnknownLanguage(language, await host.session.openStudy(study));
    if (save) await host.session.workerClient.call('tables.save', { name: save, tables: [spec] });
    return host.session.workerClient.call('tables.run', { spec: spec, ...labels });
  });
  if (values.json) printJson(result);
  else printLine(tableText(result));
}
