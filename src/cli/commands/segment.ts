/**
 * `cew segment`: segmentations in a study (docs/segmentation.md).
 *
 * - `--scheme NAME|FILE.json [--bind role=VAR ...] [--split valence] [--name NAME] [--weight W]`
 *   applies a rule scheme and saves it as a segment variable (default name: the scheme's, `energy`
 *   for customer-energy), printing counts and shares beside the published reference and by
 *   country, industry and wave; `--preview` prints them without saving.
 * - `--kmeans VAR,VAR,... --k 4|2..8 [--seed 1] [--restarts 10] [--no-standardize] [--filter EXPR]
 *   [--name NAME --labels A,B,...]` runs k-means as a job (Ctrl+C cancels); with `--name` the one
 *   solution is saved as a segment variable, without it nothing is saved.
 * - `--list` lists the study's segment variables; `--schemes` lists the schemes; `--save-scheme FILE.json` keeps a scheme in the study;
 *   `--export-scheme NAME [--out FILE.json]` writes one out, for another study.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  goldenInput,
  holdOutInput,
  kmeansInput,
  previewInput,
  profileInput,
  typingToolInput,
  saveSegmentationInput,
  schemeSchema,
} from '../../shared/api/segments';
import { describeZodError } from '../../shared/api/validate';
import type {
  ConfusionMatrix,
  GoldenCriterion,
  GoldenQuestionsReport,
  HoldOutReport,
  KMeansReport,
  KMeansSolution,
  SchemeInfo,
  SegmentMovement,
  SegmentPreview,
  SegmentProfile,
  SegmentSaveResult,
  SegmentScheme,
  SegmentationDefinition,
} from '../../shared/domain/segments';
import type { AppHost } from '../../main/appHost';
import { withHost } from '../cliHost';
import { commaList, parseCliInput } from '../cliOptions';
import { runCliJob } from '../cliJob';
import { CliUsageError, printJson, printLine, warn } from '../cliOutput';
import { tableText } from './table';

export const usage =
  'segment STUDY.cew --scheme NAME|FILE.json [--bind role=VAR ...] [--split valence] [--name NAME] [--weight W] [--preview] [--json]\n' +
  '     cew segment STUDY.cew --kmeans VAR,VAR,... --k 4|2..8 [--seed 1] [--restarts 10] [--no-standardize] [--filter EXPR] [--name NAME] [--labels A,B,...] [--json]\n' +
  '     cew segment STUDY.cew --profile NAME --variables a,b,c [--means x,y] [--weight W] [--filter EXPR] [--json]\n' +
  '     cew segment STUDY.cew --typing-tool NAME --out FILE.xlsx|FILE.json [--rows 200] [--golden-only] [--json]\n' +
  '     cew segment STUDY.cew --golden NAME [--candidates a,b,...] [--accuracy 0.9] [--criterion balanced|every-segment|overall] [--seed 1] [--save-typing-tool] [--json]\n' +
  '     cew segment STUDY.cew --holdout NAME [--seed 1] [--json]\n' +
  '     cew segment STUDY.cew --list | --schemes | --save-scheme FILE.json | --export-scheme NAME [--out FILE.json]';

function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliUsageError(
      `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliUsageError(`${file}: not JSON (${(error as Error).message})`);
  }
}

/** A scheme file, checked as the API checks it. */
function schemeFile(file: string): SegmentScheme {
  const parsed = schemeSchema.safeParse(readJsonFile(file));
  if (!parsed.success)
    throw new CliUsageError(
      describeZodError('scheme', parsed.error).replace(/^invalid input for scheme: /, `${file}: `),
    );
  return parsed.data;
}

/** Runs `run` with the study open for reading. */
function withOpenStudy<T>(study: string, run: (host: AppHost) => Promise<T>): Promise<T> {
  return withHost(async (host) => {
    await host.session.openStudy(study);
    return run(host);
  });
}

/** `--scheme` is a file when it names one (…json), else a scheme's name. */
function schemeArgument(value: string): string | SegmentScheme {
  return /\.json$/i.test(value) ? schemeFile(value) : value;
}

function bindings(values: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of values ?? []) {
    const match = /^([^=\s]+)=(\S+)$/.exec(pair.trim());
    if (!match) throw new CliUsageError(`--bind ${pair}: write it as role=VARIABLE`);
    out[match[1]!] = match[2]!;
  }
  return out;
}

/** `4` or `2..8`. */
function clusterCounts(value: string): number | { from: number; to: number } {
  const range = /^(\d+)\.\.(\d+)$/.exec(value.trim());
  if (range) return { from: Number(range[1]), to: Number(range[2]) };
  if (/^\d+$/.test(value.trim())) return Number(value);
  throw new CliUsageError(`--k ${value}: give a number of clusters (4) or a range (2..8)`);
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function table(rows: string[][], rightFrom = 1): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  return rows.map((row) =>
    row
      .map((text, c) => (c < rightFrom ? text.padEnd(widths[c]!) : text.padStart(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

function previewText(preview: SegmentPreview, name?: string): string {
  const weighted = preview.weight !== null;
  const lines = [
    name
      ? `Segment variable ${name} (${preview.scheme}) saved.`
      : `Scheme ${preview.scheme} (not saved):`,
    `  ${preview.universe} respondents in the universe; ${preview.undecided} of them undecided (an answer the rules needed is missing)${weighted ? `; weighted by ${preview.weight}` : ''}`,
    '',
    ...table(
      [
        ['  code', 'segment', 'count', weighted ? 'weighted' : '', 'share', 'reference'],
        ...preview.segments.map((s) => [
          `  ${s.code}`,
          s.label,
          String(s.count),
          weighted ? s.weighted.toFixed(1) : '',
          percent(s.share),
          s.reference?.text ?? '',
        ]),
      ],
      2,
    ),
  ];
  for (const group of preview.byGroup) {
    lines.push('', `By ${group.variable}:`);
    lines.push(
      ...table([
        ['  ' + group.variable, ...preview.segments.map((s) => s.label), 'base'],
        ...group.groups.map((g) => [
          `  ${g.label}`,
          ...g.segments.map((s) => percent(s.share)),
          String(g.base),
        ]),
        ...(preview.segments.some((s) => s.reference)
          ? [['  reference', ...preview.segments.map((s) => s.reference?.text ?? ''), '']]
          : []),
      ]),
    );
  }
  return lines.join('\n');
}

function solutionText(solution: KMeansSolution, variables: string[]): string[] {
  const round = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(1) : value.toFixed(3));
  return [
    `k = ${solution.k}: within-cluster SS ${solution.withinSS.toFixed(3)} of ${solution.totalSS.toFixed(3)} (${percent(1 - solution.withinSS / solution.totalSS)} between); mean silhouette ${solution.silhouette.toFixed(3)}; ${solution.converged ? 'converged' : 'NOT CONVERGED'} in ${solution.iterations} iterations`,
    ...table(
      [
        ['  id', 'cluster', 'size', ...variables],
        ...solution.clusters.map((c) => [
          `  ${c.id}`,
          c.label,
          String(c.size),
          ...variables.map((v) => round(c.center[v]!)),
        ]),
      ],
      2,
    ),
  ];
}

function kmeansText(report: KMeansReport): string {
  const lines = [
    `k-means on ${report.variables.join(', ')} (${report.standardize ? 'standardised' : 'not standardised'}; seed ${report.seed}, ${report.restarts} restarts)`,
    `  ${report.included} respondents clustered; ${report.excluded} excluded (a missing value on an input); silhouette on a seeded sample of ${report.silhouetteSample}`,
  ];
  if (report.solutions.length > 1) {
    lines.push(
      '',
      ...table([
        ['  k', 'within SS', 'between %', 'silhouette', 'sizes'],
        ...report.solutions.map((s) => [
          `  ${s.k}`,
          s.withinSS.toFixed(3),
          percent(1 - s.withinSS / s.totalSS),
          s.silhouette.toFixed(3),
          s.clusters.map((c) => c.size).join(' / '),
        ]),
      ]),
    );
  }
  for (const solution of report.solutions)
    lines.push('', ...solutionText(solution, report.variables));
  lines.push(
    '',
    report.saved
      ? `Saved as the segment variable ${report.saved}.`
      : 'Nothing saved (give --name to save the clusters as a segment variable).',
  );
  return lines.join('\n');
}

/** The k-means JSON: one k gives its solution at the top level, a range gives `solutions`. */
function kmeansJson(report: KMeansReport): unknown {
  const { solutions, ...rest } = report;
  return solutions.length === 1 ? { ...solutions[0]!, ...rest } : report;
}

async function openWritable(host: AppHost, study: string): Promise<void> {
  const opened = await host.session.openStudy(study);
  if (opened.readOnly) throw new Error(`${opened.path}: ${opened.readOnlyReason ?? 'read-only'}`);
}

export async function runSegment(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      scheme: { type: 'string' },
      bind: { type: 'string', multiple: true },
      split: { type: 'string' },
      name: { type: 'string' },
      label: { type: 'string' },
      weight: { type: 'string' },
      filter: { type: 'string' },
      preview: { type: 'boolean', default: false },
      kmeans: { type: 'string' },
      k: { type: 'string' },
      seed: { type: 'string' },
      restarts: { type: 'string' },
      'no-standardize': { type: 'boolean', default: false },
      labels: { type: 'string' },
      list: { type: 'boolean', default: false },
      schemes: { type: 'boolean', default: false },
      'save-scheme': { type: 'string' },
      'export-scheme': { type: 'string' },
      out: { type: 'string' },
      golden: { type: 'string' },
      'save-typing-tool': { type: 'boolean', default: false },
      'golden-only': { type: 'boolean', default: false },
      candidates: { type: 'string' },
      accuracy: { type: 'string' },
      criterion: { type: 'string' },
      holdout: { type: 'string' },
      profile: { type: 'string' },
      'typing-tool': { type: 'string' },
      rows: { type: 'string' },
      variables: { type: 'string' },
      means: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [study] = positionals;
  if (!study || positionals.length > 1) throw new CliUsageError(`usage: cew ${usage}`);
  const modes = [
    values.scheme,
    values.kmeans,
    values.list || undefined,
    values.schemes || undefined,
    values['save-scheme'],
    values['export-scheme'],
    values.golden,
    values.holdout,
    values.profile,
    values['typing-tool'],
  ].filter((mode) => mode !== undefined);
  if (modes.length !== 1)
    throw new CliUsageError(
      'give one of --scheme, --kmeans, --profile, --typing-tool, --golden, --holdout, --list, --schemes, --save-scheme or --export-scheme',
    );

  if (values.profile) {
    if (!values.variables)
      throw new CliUsageError('--profile needs --variables a,b,c: the variables to profile');
    const options = parseCliInput('segment', profileInput, {
      segment: values.profile,
      variables: commaList(values.variables),
      ...(values.means ? { means: commaList(values.means) } : {}),
      ...(values.weight ? { weight: values.weight } : {}),
      ...(values.filter ? { filter: values.filter } : {}),
    });
    const profile = await withOpenStudy(study, (host) =>
      host.session.workerClient.call('segments.profile', options),
    );
    if (values.json) printJson(profile);
    else printLine(profileText(profile));
    return;
  }

  if (values['typing-tool']) {
    if (!values.out)
      throw new CliUsageError('--typing-tool needs --out FILE.xlsx (Excel) or FILE.json');
    const options = parseCliInput('segment', typingToolInput, {
      segmentation: values['typing-tool'],
      out: values.out,
      golden: values['golden-only'],
      ...(values.rows !== undefined ? { rows: Number(values.rows) } : {}),
    });
    const written = await withOpenStudy(study, (host) =>
      host.session.workerClient.call('segments.typingTool', options),
    );
    if (values.json) printJson(written);
    else
      printLine(
        `Typing tool for ${written.segmentation} written to ${written.out} (${written.format === 'xlsx' ? `Excel, ${written.rows} rows to type into` : 'JSON'}); it asks ${written.inputs.join(', ')}${written.golden && !values['golden-only'] ? `; with the golden questions' tool, which asks ${written.golden.join(', ')}` : ''}`,
      );
    return;
  }

  if (values.golden) {
    const options = parseCliInput('segment', goldenInput, {
      segmentation: values.golden,
      ...(values.candidates ? { candidates: commaList(values.candidates) } : {}),
      ...(values.accuracy !== undefined ? { accuracy: Number(values.accuracy) } : {}),
      ...(values.criterion !== undefined ? { criterion: values.criterion } : {}),
      ...(values.seed !== undefined ? { seed: Number(values.seed) } : {}),
      save: values['save-typing-tool'],
    });
    const report = await withOpenStudy(study, (host) =>
      runCliJob(host.session, 'golden questions', 'segments.golden', options),
    );
    if (values.json) printJson(report);
    else printLine(goldenText(report));
    return;
  }

  if (values.holdout) {
    const options = parseCliInput('segment', holdOutInput, {
      segmentation: values.holdout,
      ...(values.seed !== undefined ? { seed: Number(values.seed) } : {}),
    });
    const report = await withOpenStudy(study, (host) =>
      runCliJob(host.session, 'hold-out accuracy', 'segments.holdOut', options),
    );
    if (values.json) printJson(report);
    else printLine(holdOutText(report));
    return;
  }

  if (values.list) {
    const saved = await withOpenStudy(study, (host) =>
      host.session.workerClient.call('segments.list', {}),
    );
    if (values.json) printJson(saved);
    else if (saved.length === 0) printLine('No segment variables in this study.');
    else
      for (const segmentation of saved)
        printLine(
          `${segmentation.name} (${methodText(segmentation.definition)}): ${segmentation.segments.map((s) => `${s.code} ${s.label} ${s.count}`).join(', ')}; no segment ${segmentation.missing}`,
        );
    return;
  }

  if (values.schemes || values['export-scheme']) {
    const schemes = await withOpenStudy(study, (host) =>
      host.session.workerClient.call('segments.schemes', {}),
    );
    if (values.schemes) return printSchemes(schemes, values.json);
    const wanted = values['export-scheme']!.toLowerCase();
    const found = schemes.find((info) => info.scheme.name === wanted);
    if (!found)
      throw new CliUsageError(
        `--export-scheme: no scheme named ${wanted} (there are: ${schemes.map((s) => s.scheme.name).join(', ')})`,
      );
    const text = `${JSON.stringify(found.scheme, null, 2)}\n`;
    if (values.out) {
      writeFileSync(values.out, text);
      if (!values.json) printLine(`Scheme ${found.scheme.name} written to ${values.out}`);
      else printJson({ scheme: found.scheme.name, path: values.out });
    } else process.stdout.write(text);
    return;
  }

  if (values['save-scheme']) {
    const scheme = schemeFile(values['save-scheme']);
    const saved = await withHost(async (host) => {
      await openWritable(host, study);
      return host.session.workerClient.call('segments.saveScheme', { scheme });
    });
    if (values.json) printJson(saved);
    else printLine(`Scheme ${saved.scheme.name} (${saved.scheme.title}) saved in the study`);
    return;
  }

  if (values.scheme) {
    const common = {
      scheme: schemeArgument(values.scheme),
      bindings: bindings(values.bind),
      ...(values.split ? { split: values.split } : {}),
      ...(values.weight ? { weight: values.weight } : {}),
    };
    if (values.preview) {
      const options = parseCliInput('segment', previewInput, {
        ...common,
        ...(values.filter ? { filter: values.filter } : {}),
      });
      const preview = await withOpenStudy(study, (host) =>
        host.session.workerClient.call('segments.preview', options),
      );
      if (values.json) printJson(preview);
      else printLine(previewText(preview));
      return;
    }
    if (values.filter)
      throw new CliUsageError(
        '--filter goes with --preview or --kmeans: a saved scheme covers its universe',
      );
    const options = parseCliInput('segment', saveSegmentationInput, {
      ...common,
      ...(values.name ? { name: values.name } : {}),
      ...(values.label ? { label: values.label } : {}),
    });
    const saved: SegmentSaveResult = await withHost(async (host) => {
      await openWritable(host, study);
      return host.session.workerClient.call('segments.save', options);
    });
    if (values.json) printJson(saved);
    else printLine(previewText(saved, saved.name));
    return;
  }

  if (!values.k) throw new CliUsageError('--kmeans needs --k, e.g. --k 4 or --k 2..8');
  const options = parseCliInput('segment', kmeansInput, {
    variables: commaList(values.kmeans),
    k: clusterCounts(values.k),
    ...(values.seed !== undefined ? { seed: Number(values.seed) } : {}),
    ...(values.restarts !== undefined ? { restarts: Number(values.restarts) } : {}),
    standardize: !values['no-standardize'],
    ...(values.filter ? { filter: values.filter } : {}),
    ...(values.name ? { name: values.name } : {}),
    ...(values.label ? { label: values.label } : {}),
    ...(values.labels ? { labels: commaList(values.labels) } : {}),
  });
  const report = await withHost(async (host) => {
    if (options.name) await openWritable(host, study);
    else await host.session.openStudy(study);
    return runCliJob(host.session, 'k-means', 'segments.kmeans', options);
  });
  if (values.json) printJson(kmeansJson(report));
  else printLine(kmeansText(report));
  if (report.excluded > 0 && values.json)
    warn(`${report.excluded} respondents excluded: a missing value on an input`);
}

function movementText(movement: SegmentMovement): string[] {
  const signed = (points: number) => `${points >= 0 ? '+' : ''}${points.toFixed(1)}`;
  const changes = movement.segments[0]?.changes ?? [];
  return table([
    [
      `  ${movement.group}`,
      ...movement.waves.map((w) => `${w.label} (n ${w.base})`),
      ...changes.map((c) => `${c.from} → ${c.to}`),
    ],
    ...movement.segments.map((segment) => [
      `    ${segment.label}`,
      ...segment.shares.map((share) => (share === null ? '–' : `${share.toFixed(1)}%`)),
      ...segment.changes.map(
        (c) =>
          `${signed(c.points)} pts${c.adjustedP === null ? ' (not tested)' : ` (p ${c.adjustedP.toFixed(3)})${c.significant ? ' *' : ''}`}`,
      ),
    ]),
  ]);
}

function profileText(profile: SegmentProfile): string {
  const lines = [
    `Profile of ${profile.segmentation} (${profile.label}): respondents with a segment${profile.filter ? `, filter ${profile.filter}` : ''}${profile.weight ? `, weighted by ${profile.weight}` : ''}`,
    '',
    tableText(profile.variables),
  ];
  if (profile.shares) lines.push('', 'Shares by group:', tableText(profile.shares));
  const { overall, byCountry } = profile.movement;
  if (overall) {
    lines.push('', 'Movement between waves:', ...movementText(overall));
    for (const movement of byCountry) lines.push(...movementText(movement));
    lines.push(`  * significant. Test: ${profile.movement.test}.`);
  }
  return lines.join('\n');
}

function confusionText(matrix: ConfusionMatrix): string[] {
  const unclassified = matrix.unclassified.some((n) => n > 0);
  return table([
    [
      '  segment \\ classified as',
      ...matrix.segments.map((s) => s.label),
      ...(unclassified ? ['none'] : []),
      'recall',
    ],
    ...matrix.segments.map((segment, k) => [
      `  ${segment.label}`,
      ...matrix.counts[k]!.map(String),
      ...(unclassified ? [String(matrix.unclassified[k])] : []),
      percent(matrix.bySegment[k]!.recall),
    ]),
    [
      '  precision',
      ...matrix.bySegment.map((s) => (s.precision === null ? '–' : percent(s.precision))),
      ...(unclassified ? [''] : []),
      '',
    ],
  ]);
}

function sampleText(sample: HoldOutReport['sample']): string {
  return `trained on ${sample.train} respondents, scored on a seeded hold-out of ${sample.test} (${percent(sample.share)} of each segment, seed ${sample.seed})${sample.excluded > 0 ? `; ${sample.excluded} left out (a missing answer to a candidate)` : ''}`;
}

/** Each criterion as a column heading and in a sentence. */
const CRITERION_NAME: Record<GoldenCriterion, { short: string; long: string }> = {
  balanced: { short: 'balanced', long: 'balanced accuracy' },
  'every-segment': { short: 'lowest recall', long: 'recall in every segment' },
  overall: { short: 'overall', long: 'overall accuracy' },
};

/** Where the criterion peaked, when that was before the last step. */
function bestText(report: GoldenQuestionsReport): string {
  const best = report.steps.reduce(
    (top, step, i) => (step.holdOutScore > report.steps[top]!.holdOutScore ? i : top),
    0,
  );
  return best < report.steps.length - 1
    ? `; the most was ${percent(report.steps[best]!.holdOutScore)} with the first ${best + 1} (${report.chosen.slice(0, best + 1).join(', ')})`
    : '';
}

/** How the candidates entered the classifier, those coded alike on one line. */
function codingText(coding: GoldenQuestionsReport['coding']): string[] {
  const alike = new Map<string, string[]>();
  for (const { variable, levels } of coding) {
    const how =
      levels === null
        ? 'one linear term'
        : levels.length < 2
          ? 'no term (one answer from everyone)'
          : `indicators at or above ${levels.slice(1).join(', ')}`;
    alike.set(how, [...(alike.get(how) ?? []), variable]);
  }
  return [...alike].map(([how, variables]) => `  entered as ${how}: ${variables.join(', ')}`);
}

function goldenText(report: GoldenQuestionsReport): string {
  const name = CRITERION_NAME[report.criterion];
  // Overall accuracy stays in view beside a per-segment criterion; with `overall` it is the criterion.
  const overall = report.criterion !== 'overall';
  const last = report.steps.at(-1);
  const lines = [
    `Golden questions for ${report.segmentation}: greedy forward selection with ${report.classifier}`,
    `  criterion: ${report.criterionText}`,
    ...codingText(report.coding),
    `  ${sampleText(report.sample)}`,
    '',
    ...table(
      [
        [
          '  step',
          'question',
          `train ${name.short}`,
          `hold-out ${name.short}`,
          ...(overall ? ['hold-out overall'] : []),
          ...report.confusion.segments.map((segment) => `${segment.label} recall`),
        ],
        ...report.steps.map((step, i) => [
          `  ${i + 1}`,
          step.variable,
          percent(step.trainScore),
          percent(step.holdOutScore),
          ...(overall ? [percent(step.holdOutAccuracy)] : []),
          ...step.holdOutRecall.map(percent),
        ]),
      ],
      2,
    ),
    '',
    report.reached
      ? `${percent(report.target)} ${name.long} reached on the hold-out with ${report.chosen.length} question${report.chosen.length === 1 ? '' : 's'}: ${report.chosen.join(', ')}${overall && last ? ` (overall accuracy ${percent(last.holdOutAccuracy)})` : ''}`
      : `${percent(report.target)} ${name.long} NOT reached: every candidate together gives ${percent(last?.holdOutScore ?? 0)} on the hold-out${bestText(report)}`,
  ];
  for (const skipped of report.skipped)
    lines.push(`  left out: ${skipped.variable} (${skipped.reason})`);
  lines.push(
    '',
    'Confusion matrix on the hold-out:',
    ...confusionText(report.confusion),
    `  accuracy ${percent(report.confusion.accuracy)}, balanced accuracy ${percent(report.confusion.balancedAccuracy)} (the mean of the recalls)`,
  );
  lines.push(...poorlyRecognised(report.confusion));
  if (report.model) lines.push('', ...goldenModelText(report));
  return lines.join('\n');
}

/** The typing tool of the chosen questions: who it was fitted on, and whether it was saved. */
function goldenModelText(report: GoldenQuestionsReport): string[] {
  const model = report.model!;
  return [
    `Typing tool from the ${model.questions.length} question${model.questions.length === 1 ? '' : 's'}: the model refitted on ${model.fittedOn.description}`,
    `  on them: accuracy ${percent(model.inSample.accuracy)}, balanced accuracy ${percent(model.inSample.balancedAccuracy)}; ${model.terms.length} terms (${model.questions.map((q) => (q.levels === null ? q.variable : `${q.variable} at or above ${q.levels.slice(1).join(', ')}`)).join('; ')})`,
    report.saved
      ? `  saved with ${report.saved}: cew classify STUDY --segmentation ${report.saved} --golden FILE --out FILE.csv; cew segment STUDY --typing-tool ${report.saved} --golden-only --out FILE.xlsx`
      : '  not saved: add --save-typing-tool to keep it with the segmentation',
  ];
}

/**
 * Accuracy is a share of all respondents, so a small segment can go unrecognised behind a high
 * figure — exactly the creators a consultant cares about. Say so in words.
 */
function poorlyRecognised(matrix: ConfusionMatrix): string[] {
  return matrix.segments.flatMap((segment, k) => {
    const recall = matrix.bySegment[k]!.recall;
    return recall < 0.5
      ? [
          `Warning: only ${percent(recall)} of ${segment.label} are recognised as ${segment.label}; these questions do not type that segment well.`,
        ]
      : [];
  });
}

function holdOutText(report: HoldOutReport): string {
  return [
    `Hold-out accuracy of ${report.segmentation}: ${percent(report.accuracy)} (balanced accuracy, the mean of the recalls: ${percent(report.confusion.balancedAccuracy)})`,
    `  ${sampleText(report.sample)}`,
    `  ${report.procedure}`,
    ...(report.matching
      ? [
          `  clusters matched (refitted → saved): ${report.matching.map((m) => `${m.refitted} → ${m.saved}`).join(', ')}`,
        ]
      : []),
    '',
    'Confusion matrix on the hold-out:',
    ...confusionText(report.confusion),
    ...poorlyRecognised(report.confusion),
  ].join('\n');
}

function methodText(definition: SegmentationDefinition): string {
  return definition.method === 'rules'
    ? `rules of ${definition.scheme.name}${definition.split ? ', split by valence' : ''}`
    : `k-means on ${definition.variables.join(', ')}`;
}

function printSchemes(schemes: SchemeInfo[], json: boolean): void {
  if (json) {
    printJson(schemes);
    return;
  }
  for (const { scheme, builtIn } of schemes) {
    printLine(`${scheme.name}${builtIn ? '' : ' (saved in this study)'}: ${scheme.title}`);
    printLine(
      `  segments: ${[...scheme.rules, scheme.else].map((s) => `${s.code} ${s.label}`).join(', ')}`,
    );
    printLine(`  roles: ${scheme.roles.map((r) => r.name).join(', ')}`);
    if (scheme.valence)
      printLine(
        `  --split valence: by ${scheme.valence.positive.name} and ${scheme.valence.negative.name}`,
      );
  }
}
