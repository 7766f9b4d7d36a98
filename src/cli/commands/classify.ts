/**
 * `cew classify STUDY --segmentation NAME FILE --out FILE.csv`: the typing tool on a new file
 * (the next wave, a client's own list) — every respondent classified into a saved segmentation by
 * its rules or by the nearest of its centres, written as one CSV row each: the file's respondent
 * ID (or the row number), the segment code and label, and for those left without a segment, why.
 * The file is read by the import's readers, so any format the app imports will do. With
 * `--golden`, the golden questions' typing tool saved with the segmentation types them from those
 * few questions alone; a respondent who left one unanswered gets no segment.
 */
import { parseArgs } from 'node:util';
import { classifyInput } from '../../shared/api/segments';
import { describeZodError } from '../../shared/api/validate';
import type { ClassificationReport } from '../../shared/domain/segments';
import { withHost } from '../cliHost';
import { CliUsageError, printJson, printLine, warn } from '../cliOutput';

export const usage =
  'classify STUDY.cew --segmentation NAME FILE --out FILE.csv [--golden] [--map VAR=FILEVAR ...] [--id VAR] [--encoding ENC] [--language L] [--respondent-type customer|executive] [--country DE] [--wave 2026] [--sheet NAME] [--json]';

function reportText(report: ClassificationReport): string {
  const lines = [
    `${report.file}: ${report.classified} of ${report.rows} respondents classified into ${report.segmentation} (${report.golden ? "the golden questions' typing tool" : report.method === 'rules' ? 'its rules' : 'the nearest centre'}); written to ${report.out}`,
    ...report.segments.map((segment) => `  ${segment.code} ${segment.label}: ${segment.count}`),
  ];
  if (report.unclassified > 0) {
    lines.push(`  no segment: ${report.unclassified}`);
    for (const reason of report.reasons) lines.push(`    ${reason.count} ${reason.reason}`);
  }
  const id = report.respondentId;
  lines.push(
    id.variable
      ? `Respondent ID: ${id.variable} (${id.how === 'named' ? 'given' : 'guessed from its name'})`
      : 'Respondent ID: the row number (no ID variable found; give --id VAR)',
  );
  for (const constant of report.constants)
    lines.push(
      `${constant.variable} = ${constant.value} for every respondent (${constant.how === 'given' ? 'given' : 'from the file name'})`,
    );
  return lines.join('\n');
}

/** `--map rate=rate_brands` (repeatable): the study's variable, then the file's name for it. */
function fileNames(pairs: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const match = /^([^=\s]+)=(\S+)$/.exec(pair.trim());
    if (!match) throw new CliUsageError(`--map ${pair}: write it as STUDYVAR=FILEVAR`);
    out[match[1]!] = match[2]!;
  }
  return out;
}

export async function runClassify(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      segmentation: { type: 'string' },
      golden: { type: 'boolean', default: false },
      out: { type: 'string' },
      map: { type: 'string', multiple: true },
      id: { type: 'string' },
      encoding: { type: 'string' },
      language: { type: 'string' },
      'respondent-type': { type: 'string' },
      country: { type: 'string' },
      wave: { type: 'string' },
      sheet: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [study, file] = positionals;
  if (!study || !file || positionals.length > 2) throw new CliUsageError(`usage: cew ${usage}`);
  if (!values.segmentation)
    throw new CliUsageError('--segmentation is required: the segment variable to classify into');
  if (!values.out) throw new CliUsageError('--out is required: the CSV file to write');
  const parsed = classifyInput.safeParse({
    segmentation: values.segmentation,
    path: file,
    out: values.out,
    golden: values.golden,
    map: fileNames(values.map),
    ...(values.id ? { idVariable: values.id } : {}),
    ...(values.encoding ? { encoding: values.encoding } : {}),
    ...(values.language ? { language: values.language } : {}),
    ...(values['respondent-type'] ? { respondentType: values['respondent-type'] } : {}),
    ...(values.country ? { country: values.country } : {}),
    ...(values.wave ? { wave: values.wave } : {}),
    ...(values.sheet ? { sheet: values.sheet } : {}),
  });
  if (!parsed.success)
    throw new CliUsageError(
      describeZodError('classify', parsed.error).replace(/^invalid input for classify: /, ''),
    );
  const report = await withHost(async (host) => {
    await host.session.openStudy(study);
    return host.session.workerClient.call('segments.classify', parsed.data);
  });
  for (const warning of report.warnings) warn(`warning: ${warning}`);
  if (values.json) printJson(report);
  else printLine(reportText(report));
}
