/**
 * `cew report STUDY --list | --show NAME [--lang L] [--json]`: the saved reports, or one report
 * drawn on the study's current data — its pages, items and footnotes.
 */
import { parseArgs } from 'node:util';
import { withHost } from '../cliHost';
import { CliUsageError, printJson, printLine } from '../cliOutput';
import { parseLanguage } from '../cliLanguage';

export const usage = 'report STUDY.cew (--list | --show NAME [--lang L]) [--json]';

export async function runReport(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      list: { type: 'boolean', default: false },
      show: { type: 'string' },
      lang: { type: 'string' },
      language: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [study] = positionals;
  if (!study || positionals.length > 1 || values.list === (values.show !== undefined))
    throw new CliUsageError(`usage: cew ${usage}`);
  const language = parseLanguage(values.lang ?? values.language);
  await withHost(async (host) => {
    await host.session.openStudy(study);
    if (values.list) {
      const saved = await host.session.workerClient.call('reports.saved', {});
      if (values.json) printJson(saved);
      else if (saved.length === 0) printLine('No saved reports.');
      else
        for (const { name, report, updatedAt } of saved)
          printLine(`${name}  (${report.pages.length} pages, saved ${updatedAt})`);
      return;
    }
    const rendered = await host.session.workerClient.call('reports.render', {
      name: values.show,
      ...(language ? { language } : {}),
    });
    if (values.json) {
      printJson(rendered);
      return;
    }
    printLine(`${rendered.name} (labels in ${rendered.language})`);
    for (const page of rendered.pages) {
      printLine(`\n${page.title}${page.takeaway ? `\n  ${page.takeaway}` : ''}`);
      for (const item of page.items) {
        if (item.kind === 'text') printLine(`  text: ${item.text}`);
        else if (item.kind === 'problem') printLine(`  NOT SHOWN: ${item.message}`);
        else printLine(`  ${item.kind}: ${item.title}\n    ${item.footnote}`);
      }
    }
  });
}
