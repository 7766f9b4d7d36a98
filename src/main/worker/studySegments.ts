/**
 * Segmentations in an open study: schemes (built-in and the study's own, kept in study_meta),
 * roles bound to the study's variables, a preview of counts and shares, and segment variables —
 * a rule segmentation or a k-means clustering saved as a coded variable (origin 'segment') with its
 * definition, so every table, filter and export can use it and it is recomputed when sources
 * change. Answers are read with their user-missing codes as missing: a "don't know" is not an
 * answer to segment on.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { ApiError } from '../../shared/api/apiTypes';
import type {
  classifyInput,
  goldenInput,
  holdOutInput,
  kmeansInput,
  profileInput,
  previewInput,
  saveSegmentationInput,
  typingToolInput,
} from '../../shared/api/segments';
import type {
  ClassificationReport,
  GoldenQuestionsReport,
  GoldenTypingModel,
  HoldOutReport,
  HoldOutSample,
  KMeansDefinition,
  KMeansReport,
  RulesDefinition,
  SavedSegmentation,
  SchemeInfo,
  SegmentBindings,
  SegmentGroupShares,
  SegmentPreview,
  SegmentProfile,
  SegmentSaveResult,
  TypingTool,
  TypingToolExport,
  TypingToolInput,
  SegmentScheme,
  SegmentationDefinition,
} from '../../shared/domain/segments';
import type { TableSpec } from '../../shared/domain/table';
import { runTable } from '../analysis/crosstab/runTable';
import { userMissingTest } from '../analysis/crosstab/tableData';
import {
  compileExpression,
  evaluate,
  ExpressionError,
  parseExpression,
} from '../analysis/expressions/index';
import { classifyByCentres } from '../analysis/segmentation/centreClassification';
import { maximumAssignment } from '../analysis/segmentation/clusterMatching';
import { confusionMatrix } from '../analysis/segmentation/confusionMatrix';
import { classifyByGolden, fitGoldenModel } from '../analysis/segmentation/goldenModel';
import {
  CRITERION_TEXT,
  goldenQuestions,
  priorsFor,
  RIDGE,
} from '../analysis/segmentation/goldenQuestions';
import {
  HOLD_OUT_SHARE,
  holdOutSplit,
  type HoldOutSplit,
} from '../analysis/segmentation/holdOutSample';
import { fileAnswers, type StudyAnswers } from '../analysis/segmentation/fileAnswers';
import { classifyByRules, type Classified } from '../analysis/segmentation/ruleClassification';
import { builtInScheme, builtInSchemes } from '../analysis/segmentation/builtInSchemes';
import { clusterAnalysis } from '../analysis/segmentation/clusterAnalysis';
import { nearestCentre } from '../analysis/segmentation/nearestCentre';
import { schemeProblems, schemeSegments } from '../analysis/segmentation/schemeChecks';
import { sharesByGroup, tallySegments } from '../analysis/segmentation/segmentCounts';
import {
  applyScheme,
  rolesIn,
  rolesUsed,
  type SchemeOutcome,
} from '../analysis/segmentation/segmentRules';
import { segmentMovement } from '../analysis/segmentation/segmentMovement';
import { typingTool, typingToolVariables } from '../analysis/segmentation/typingTool';
import { typingToolWorkbook } from '../analysis/segmentation/typingToolWorkbook';
import { splitByValence } from '../analysis/segmentation/valenceSplit';
import { chunkToNumbers, encodeColumn } from '../import/columnEncoding';
import { normaliseLabel } from '../harmonise/labelSimilarity';
import { guessSourceMeta } from '../import/guessSourceMeta';
import { cellValue, type ImportedDataset } from '../import/importedDataset';
import { readDataset } from '../import/readers';
import { chooseRespondentId } from '../import/respondentId';
import { pickLabelJson } from '../../shared/domain/labels';
import { appendAudit } from '../study/auditLog';
import { readLabelLanguage } from '../study/labelLanguage';
import { replaceStudyColumn } from '../study/columnStore';
import { ownedVariable } from '../study/ownedVariable';
import type { ReadableStudyDb, WritableStudyDb } from '../study/studyDb';
import { statement } from '../study/statementCache';
import type { ColumnCache } from './columnCache';
import { userMissingSpecs } from '../study/missingCodes';
import { filterMask, resolveFilter, studyCatalog } from './studyExpressions';
import { studyTableData } from './studyTableData';

type PreviewInput = z.output<typeof previewInput>;
type SaveInput = z.output<typeof saveSegmentationInput>;
type KMeansInput = z.output<typeof kmeansInput>;
type ClassifyInput = z.output<typeof classifyInput>;
type HoldOutInput = z.output<typeof holdOutInput>;
type GoldenInput = z.output<typeof goldenInput>;
type ProfileInput = z.output<typeof profileInput>;
type TypingToolInput_ = z.output<typeof typingToolInput>;

const NAME = /^[A-Za-z_@#$][A-Za-z0-9_.@#$]{0,63}$/;
/** Saved schemes live in study_meta under this prefix, one JSON scheme per key. */
const SCHEME_KEY = 'segment-scheme:';
const DEFAULT_GROUPS = ['country', 'industry', 'wave'];

interface StudyVariable {
  id: number;
  name: string;
  type: string;
}

function findVariable(db: ReadableStudyDb, name: string): StudyVariable | undefined {
  return statement(db, 'SELECT id, name, type FROM variables WHERE lower(name) = lower(?)').get(
    name,
  ) as StudyVariable | undefined;
}

function studyRows(db: ReadableStudyDb): number {
  return (
    statement(db, 'SELECT coalesce(sum(row_count), 0) AS n FROM sources').get() as { n: number }
  ).n;
}

function checked(scheme: SegmentScheme): SegmentScheme {
  const problems = schemeProblems(scheme);
  if (problems.length > 0)
    throw new ApiError('invalid-input', `scheme ${scheme.name}: ${problems.join('; ')}`);
  return scheme;
}

// ---- schemes ----

function savedSchemes(db: ReadableStudyDb): SegmentScheme[] {
  const rows = db
    .prepare('SELECT value FROM study_meta WHERE key LIKE ? ORDER BY key')
    .all(`${SCHEME_KEY}%`) as Array<{ value: string }>;
  return rows.map((row) => JSON.parse(row.value) as SegmentScheme);
}

export function listSchemes(db: ReadableStudyDb): SchemeInfo[] {
  return [
    ...builtInSchemes.map((scheme) => ({ scheme, builtIn: true })),
    ...savedSchemes(db).map((scheme) => ({ scheme, builtIn: false })),
  ];
}

export function saveScheme(db: WritableStudyDb, scheme: SegmentScheme): SchemeInfo {
  if (builtInScheme(scheme.name))
    throw new ApiError(
      'conflict',
      `name: ${scheme.name} is a built-in scheme; save yours under another name`,
    );
  checked(scheme);
  db.transaction(() => {
    statement(
      db,
      'INSERT INTO study_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(`${SCHEME_KEY}${scheme.name}`, JSON.stringify(scheme));
    appendAudit(db, 'segments.schemeSaved', { name: scheme.name });
  })();
  return { scheme, builtIn: false };
}

function namedScheme(db: ReadableStudyDb, name: string): SegmentScheme {
  const found =
    builtInScheme(name) ?? savedSchemes(db).find((scheme) => scheme.name === name.toLowerCase());
  if (!found) {
    const names = listSchemes(db).map((info) => info.scheme.name);
    throw new ApiError(
      'not-found',
      `scheme: no scheme named ${name} (there are: ${names.join(', ')})`,
    );
  }
  return found;
}

/** The scheme to apply: a named or given scheme, split by valence when asked. */
function resolveScheme(
  db: ReadableStudyDb,
  reference: string | SegmentScheme,
  split: 'valence' | null | undefined,
): { base: SegmentScheme; applied: SegmentScheme } {
  const base = checked(typeof reference === 'string' ? namedScheme(db, reference) : reference);
  if (split !== 'valence') return { base, applied: base };
  if (!base.valence)
    throw new ApiError(
      'invalid-input',
      `split: the scheme ${base.name} names no valence items to split by`,
    );
  return { base, applied: checked(splitByValence(base)) };
}

// ---- bindings and columns ----

/** Every role the scheme tests, bound to a study variable: as given, else by its own name. */
function bindRoles(
  db: ReadableStudyDb,
  scheme: SegmentScheme,
  bindings: SegmentBindings,
): SegmentBindings {
  const used = rolesUsed(scheme);
  const declared = new Set([
    ...scheme.roles.map((role) => role.name),
    ...(scheme.valence ? [scheme.valence.positive.name, scheme.valence.negative.name] : []),
  ]);
  for (const role of Object.keys(bindings)) {
    if (!declared.has(role))
      throw new ApiError(
        'invalid-input',
        `bind ${role}: the scheme ${scheme.name} has no role ${role} (its roles: ${[...declared].join(', ')})`,
      );
  }
  const bound: SegmentBindings = {};
  for (const role of used) {
    const wanted = bindings[role] ?? role;
    const variable = findVariable(db, wanted);
    if (!variable)
      throw new ApiError(
        'invalid-input',
        bindings[role]
          ? `role ${role}: the study has no variable ${wanted}`
          : `role ${role}: the study has no variable ${role}; bind the role to one (--bind ${role}=VARIABLE)`,
      );
    if (variable.type !== 'single' && variable.type !== 'numeric')
      throw new ApiError(
        'invalid-input',
        `role ${role}: ${variable.name} is ${variable.type}; a role needs coded or numeric answers`,
      );
    bound[role] = variable.name;
  }
  return bound;
}

/** A variable's answers as numbers, NaN for system- and user-missing; a copy the caller owns. */
function answers(db: ReadableStudyDb, cache: ColumnCache, variable: StudyVariable): Float64Array {
  const { column } = cache.get(variable.name);
  if (column.encoding === 'utf8')
    throw new ApiError('invalid-input', `${variable.name} is text: it has no numbers`);
  const numbers = chunkToNumbers(column);
  const values = numbers === column.values ? numbers.slice() : numbers;
  const specs = userMissingSpecs(db, variable.id);
  if (specs.length === 0) return values;
  const isMissing = userMissingTest(specs);
  for (let i = 0; i < values.length; i++) if (isMissing(values[i]!)) values[i] = Number.NaN;
  return values;
}

function numericVariable(db: ReadableStudyDb, name: string, where: string): StudyVariable {
  const variable = findVariable(db, name);
  if (!variable) throw new ApiError('invalid-input', `${where}: the study has no variable ${name}`);
  if (variable.type !== 'single' && variable.type !== 'numeric')
    throw new ApiError(
      'invalid-input',
      `${where}: ${variable.name} is ${variable.type}; it needs coded or numeric answers`,
    );
  return variable;
}

// ---- rule segmentations ----

interface RulesRun {
  base: SegmentScheme;
  applied: SegmentScheme;
  bound: SegmentBindings;
  outcome: SchemeOutcome;
}

function runRules(
  db: ReadableStudyDb,
  cache: ColumnCache,
  reference: string | SegmentScheme,
  bindings: SegmentBindings,
  split: 'valence' | null | undefined,
  mask?: Uint8Array,
): RulesRun {
  const { base, applied } = resolveScheme(db, reference, split);
  const bound = bindRoles(db, applied, bindings);
  const columns = new Map(
    Object.entries(bound).map(([role, name]) => [
      role,
      answers(db, cache, findVariable(db, name)!),
    ]),
  );
  const outcome = applyScheme(applied, columns, studyRows(db), mask);
  return { base, applied, bound, outcome };
}

/** A variable's value labels in the study's label language (with its fallbacks). */
function valueLabels(
  db: ReadableStudyDb,
  variableId: number,
): Array<{ code: number; label: string }> {
  const language = readLabelLanguage(db);
  return (
    statement(
      db,
      'SELECT code, labels_json FROM value_labels WHERE variable_id = ? ORDER BY sort_order, code',
    ).all(variableId) as Array<{ code: string; labels_json: string }>
  )
    .map((row) => ({
      code: Number(row.code),
      label: pickLabelJson(row.labels_json, language)?.text ?? row.code,
    }))
    .filter((row) => !Number.isNaN(row.code));
}

function groupShares(
  db: ReadableStudyDb,
  cache: ColumnCache,
  codes: Float64Array,
  segmentCodes: number[],
  by: string[] | undefined,
  weight: Float64Array | undefined,
): SegmentGroupShares[] {
  const names = by ?? DEFAULT_GROUPS.filter((name) => findVariable(db, name) !== undefined);
  return names.map((name) => {
    const variable = numericVariable(db, name, 'by');
    return {
      variable: variable.name,
      groups: sharesByGroup(
        codes,
        segmentCodes,
        answers(db, cache, variable),
        valueLabels(db, variable.id),
        weight,
      ),
    };
  });
}

function summarise(
  db: ReadableStudyDb,
  cache: ColumnCache,
  run: RulesRun,
  weightName: string | undefined,
  by: string[] | undefined,
): SegmentPreview {
  const weight = weightName
    ? answers(db, cache, numericVariable(db, weightName, 'weight'))
    : undefined;
  const segments = schemeSegments(run.applied);
  const codes = segments.map((segment) => segment.code);
  const { tallies } = tallySegments(run.outcome.codes, codes, weight);
  const references = new Map(
    (run.applied.reference?.shares ?? []).map((reference) => [reference.code, reference]),
  );
  return {
    scheme: run.applied.name,
    bindings: run.bound,
    weight: weightName ? numericVariable(db, weightName, 'weight').name : null,
    rows: run.outcome.codes.length,
    universe: run.outcome.universe,
    undecided: run.outcome.undecided,
    segments: segments.map((segment, i) => {
      const reference = references.get(segment.code);
      return { ...segment, ...tallies[i]!, ...(reference ? { reference } : {}) };
    }),
    byGroup: groupShares(db, cache, run.outcome.codes, codes, by, weight),
  };
}

export function previewSegmentation(
  db: ReadableStudyDb,
  cache: ColumnCache,
  input: PreviewInput,
): SegmentPreview {
  const mask = input.filter ? filterMask(db, cache, input.filter) : undefined;
  const run = runRules(db, cache, input.scheme, input.bindings, input.split, mask);
  return summarise(db, cache, run, input.weight, input.by);
}

// ---- segment variables ----

interface SegmentVariable {
  name: string;
  label: string;
  definition: SegmentationDefinition;
  codes: Float64Array;
  segments: Array<{ code: number; label: string }>;
}

/** Creates or replaces a segment variable: its definition, value labels and column. */
function writeSegmentVariable(
  db: WritableStudyDb,
  cache: ColumnCache,
  variable: SegmentVariable,
): void {
  if (!NAME.test(variable.name))
    throw new ApiError(
      'invalid-input',
      `name: ${JSON.stringify(variable.name)} is not a variable name (letters, digits, _ . @ # $; up to 64)`,
    );
  db.transaction(() => {
    const { id, existed } = ownedVariable(db, variable.name, 'segment', {
      type: 'single',
      storage: 'u8',
    });
    statement(
      db,
      "UPDATE variables SET type = 'single', storage = 'u8', labels_json = ?, definition_json = ? WHERE id = ?",
    ).run(JSON.stringify({ en: variable.label }), JSON.stringify(variable.definition), id);
    statement(db, 'DELETE FROM value_labels WHERE variable_id = ?').run(id);
    variable.segments.forEach((segment, order) =>
      statement(
        db,
        'INSERT INTO value_labels (variable_id, code, labels_json, sort_order) VALUES (?, ?, ?, ?)',
      ).run(id, String(segment.code), JSON.stringify({ en: segment.label }), order + 1),
    );
    replaceStudyColumn(db, id, variable.codes, (part) =>
      encodeColumn({ kind: 'numeric', values: part }, 'u8'),
    );
    appendAudit(db, existed ? 'segments.updated' : 'segments.created', {
      name: variable.name,
      method: variable.definition.method,
    });
  })();
  cache.invalidate([variable.name]);
}

function variableNameFor(scheme: SegmentScheme): string {
  return scheme.defaultName ?? scheme.name.replace(/-/g, '_');
}

export function saveSegmentation(
  db: WritableStudyDb,
  cache: ColumnCache,
  input: SaveInput,
): SegmentSaveResult {
  const run = runRules(db, cache, input.scheme, input.bindings, input.split);
  const name = input.name ?? variableNameFor(run.base);
  const definition: RulesDefinition = {
    method: 'rules',
    scheme: run.base,
    bindings: run.bound,
    split: input.split ?? null,
  };
  writeSegmentVariable(db, cache, {
    name,
    label: input.label ?? run.applied.title,
    definition,
    codes: run.outcome.codes,
    segments: schemeSegments(run.applied),
  });
  return { name, ...summarise(db, cache, run, input.weight, undefined) };
}

function kMeansCodes(
  db: ReadableStudyDb,
  cache: ColumnCache,
  definition: KMeansDefinition,
): Float64Array {
  const columns = definition.variables.map((name) =>
    answers(db, cache, numericVariable(db, name, 'variables')),
  );
  const base = definition.filter ? filterMask(db, cache, definition.filter) : undefined;
  return nearestCentre(columns, definition.scaling, definition.centers, base);
}

/**
 * Recomputes every segment variable over the current sources, inside the caller's transaction
 * (an import's afterWrite, after derived variables and weights): rules are applied again, and
 * clusterings place every respondent at the nearest of their stored centres.
 */
export function recomputeSegments(db: WritableStudyDb, cache: ColumnCache): string[] {
  const saved = db
    .prepare(
      "SELECT id, name, definition_json FROM variables WHERE origin = 'segment' ORDER BY sort_order, id",
    )
    .all() as Array<{ id: number; name: string; definition_json: string | null }>;
  for (const variable of saved) {
    if (!variable.definition_json) continue;
    const definition = JSON.parse(variable.definition_json) as SegmentationDefinition;
    try {
      const codes =
        definition.method === 'rules'
          ? runRules(db, cache, definition.scheme, definition.bindings, definition.split).outcome
              .codes
          : kMeansCodes(db, cache, definition);
      replaceStudyColumn(db, variable.id, codes, (part) =>
        encodeColumn({ kind: 'numeric', values: part }, 'u8'),
      );
    } catch (error) {
      throw new ApiError(
        'invalid-input',
        `segment variable ${variable.name} cannot be recomputed: ${(error as Error).message}`,
      );
    }
    cache.invalidate([variable.name]);
  }
  return saved.map((variable) => variable.name);
}

export function listSegmentations(db: ReadableStudyDb, cache: ColumnCache): SavedSegmentation[] {
  const rows = db
    .prepare(
      "SELECT id, name, labels_json, definition_json FROM variables WHERE origin = 'segment' ORDER BY sort_order, id",
    )
    .all() as Array<{ id: number; name: string; labels_json: string; definition_json: string }>;
  return rows.map((row) => {
    const definition = JSON.parse(row.definition_json) as SegmentationDefinition;
    const segments = valueLabels(db, row.id);
    const { column } = cache.get(row.name);
    const values = column.encoding === 'utf8' ? new Float64Array() : chunkToNumbers(column);
    const { tallies, base } = tallySegments(
      values,
      segments.map((segment) => segment.code),
    );
    return {
      name: row.name,
      label: pickLabelJson(row.labels_json, readLabelLanguage(db))?.text ?? null,
      method: definition.method,
      definition,
      segments: segments.map((segment, i) => ({ ...segment, count: tallies[i]!.count })),
      missing: values.length - base,
    };
  });
}

// ---- k-means ----

function abortError(what = 'the clustering'): Error {
  const error = new Error(`${what} was cancelled`);
  error.name = 'AbortError';
  return error;
}

export async function runKMeans(
  db: ReadableStudyDb,
  writable: WritableStudyDb | null,
  cache: ColumnCache,
  input: KMeansInput,
  signal: AbortSignal,
  progress: (done: number, total: number) => void,
): Promise<KMeansReport> {
  if (input.name !== undefined && !writable)
    throw new ApiError('conflict', 'the study is open read-only: the clustering cannot be saved');
  const variables = input.variables.map((name) => numericVariable(db, name, 'variables'));
  const names = variables.map((variable) => variable.name);
  if (new Set(names.map((name) => name.toLowerCase())).size !== names.length)
    throw new ApiError('invalid-input', 'variables: a variable is named twice');
  const columns = variables.map((variable) => answers(db, cache, variable));
  const base = input.filter ? filterMask(db, cache, input.filter) : undefined;
  const k = input.k;
  const ks =
    typeof k === 'number' ? [k] : Array.from({ length: k.to - k.from + 1 }, (_, i) => k.from + i);
  if (input.labels && (ks.length !== 1 || input.labels.length !== ks[0]))
    throw new ApiError(
      'invalid-input',
      `labels: ${input.labels.length} names given; name the clusters of one k, one name each`,
    );
  let analysis;
  try {
    analysis = await clusterAnalysis({
      columns,
      names,
      ...(base ? { base } : {}),
      ks,
      seed: input.seed,
      restarts: input.restarts,
      maxIterations: input.maxIterations,
      standardize: input.standardize,
      ...(input.labels ? { labels: input.labels } : {}),
      progress,
      between: async () => {
        await new Promise((resolve) => setImmediate(resolve));
        if (signal.aborted) throw abortError();
      },
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError' || error instanceof ApiError) throw error;
    throw new ApiError('invalid-input', (error as Error).message);
  }
  const solutions = analysis.solutions.map(({ centres: _centres, ...solution }) => solution);
  let saved: string | null = null;
  if (input.name !== undefined && writable) {
    const solution = analysis.solutions[0]!;
    const definition: KMeansDefinition = {
      method: 'kmeans',
      variables: names,
      standardize: input.standardize,
      scaling: analysis.scaling,
      centers: solution.centres,
      labels: solution.clusters.map((cluster) => cluster.label),
      filter: input.filter ?? null,
      seed: input.seed,
    };
    writeSegmentVariable(writable, cache, {
      name: input.name,
      label: input.label ?? `k-means, k = ${solution.k}, on ${names.join(', ')}`,
      definition,
      codes: kMeansCodes(writable, cache, definition),
      segments: solution.clusters.map((cluster) => ({ code: cluster.id, label: cluster.label })),
    });
    saved = input.name;
  }
  const { solutions: _all, ...rest } = analysis;
  return { ...rest, solutions, saved };
}

// ---- classifying new respondents (the typing tool) ----

interface SavedDefinition {
  name: string;
  label: string;
  definition: SegmentationDefinition;
  segments: Array<{ code: number; label: string }>;
}

/** A saved segmentation by its segment variable's name. */
export function savedSegmentation(db: ReadableStudyDb, name: string): SavedDefinition {
  const row = statement(
    db,
    "SELECT id, name, labels_json, definition_json FROM variables WHERE lower(name) = lower(?) AND origin = 'segment'",
  ).get(name) as
    { id: number; name: string; labels_json: string; definition_json: string | null } | undefined;
  if (!row?.definition_json) {
    const names = (
      db
        .prepare("SELECT name FROM variables WHERE origin = 'segment' ORDER BY sort_order")
        .all() as Array<{
        name: string;
      }>
    ).map((r) => r.name);
    throw new ApiError(
      'not-found',
      `segmentation: the study has no segmentation ${name} (${names.length > 0 ? `there are: ${names.join(', ')}` : 'save one with cew segment --name'})`,
    );
  }
  return {
    name: row.name,
    label: pickLabelJson(row.labels_json, readLabelLanguage(db))?.text ?? row.name,
    definition: JSON.parse(row.definition_json) as SegmentationDefinition,
    segments: valueLabels(db, row.id),
  };
}

/** The scheme a rule segmentation applies: its base scheme, split by valence when it was saved so. */
export function appliedScheme(definition: RulesDefinition): SegmentScheme {
  return definition.split === 'valence' ? splitByValence(definition.scheme) : definition.scheme;
}

/** A study variable's codebook entry: value labels in every language and user-missing codes. */
function studyAnswers(db: ReadableStudyDb, variable: StudyVariable): StudyAnswers {
  const row = statement(db, 'SELECT labels_json, source_language FROM variables WHERE id = ?').get(
    variable.id,
  ) as { labels_json: string; source_language: string | null };
  const values = (
    statement(
      db,
      'SELECT code, labels_json FROM value_labels WHERE variable_id = ? ORDER BY sort_order, code',
    ).all(variable.id) as Array<{ code: string; labels_json: string }>
  )
    .filter((value) => value.code.trim() !== '' && Number.isFinite(Number(value.code)))
    .map((value) => ({
      code: Number(value.code),
      labels: JSON.parse(value.labels_json) as Record<string, string>,
    }));
  return {
    name: variable.name,
    type: variable.type as StudyAnswers['type'],
    labels: JSON.parse(row.labels_json) as Record<string, string>,
    sourceLanguage: row.source_language,
    values,
    missing: userMissingSpecs(db, variable.id),
  };
}

/** System variables a file may lack, taken as one value for all of it: the table of their codes. */
const FILE_CONSTANTS = {
  respondent_type: { table: 'respondent_types', option: '--respondent-type' },
  country: { table: 'countries', option: '--country' },
  wave: { table: 'waves', option: '--wave' },
} as const;
type FileConstant = keyof typeof FILE_CONSTANTS;

function constantCode(db: ReadableStudyDb, variable: FileConstant, value: string): number {
  const { table, option } = FILE_CONSTANTS[variable];
  const row = statement(db, `SELECT id FROM ${table} WHERE lower(code) = lower(?)`).get(value) as
    { id: number } | undefined;
  if (!row)
    throw new ApiError(
      'invalid-input',
      `${option} ${value}: the study has no ${variable} ${value}`,
    );
  return row.id;
}

/** Reads the answers a saved segmentation needs from a new file, on the study's codes. */
class FileColumns {
  readonly warnings: string[] = [];
  readonly constants: ClassificationReport['constants'] = [];
  private readonly given: Partial<Record<FileConstant, string>>;
  private readonly guessed: Partial<Record<FileConstant, string>>;
  private readonly map: Record<string, string>;

  constructor(
    private readonly db: ReadableStudyDb,
    private readonly file: string,
    private readonly dataset: ImportedDataset,
    private readonly segmentation: string,
    private readonly language: string,
    input: ClassifyInput,
  ) {
    this.map = input.map;
    this.given = {
      ...(input.respondentType ? { respondent_type: input.respondentType } : {}),
      ...(input.country ? { country: input.country } : {}),
      ...(input.wave ? { wave: input.wave } : {}),
    };
    const guess = guessSourceMeta(path.basename(file));
    this.guessed = {
      ...(guess.respondentType ? { respondent_type: guess.respondentType } : {}),
      ...(guess.country ? { country: guess.country } : {}),
      ...(guess.wave ? { wave: guess.wave } : {}),
    };
  }

  /** The answers to the study variable `name`; `role` says what the segmentation needs it for. */
  column(name: string, role?: string): Float64Array {
    const variable = findVariable(this.db, name);
    if (!variable)
      throw new ApiError(
        'invalid-input',
        `segmentation ${this.segmentation}: the study has no variable ${name}`,
      );
    const system = variable.name.toLowerCase() as FileConstant;
    const isConstant = Object.prototype.hasOwnProperty.call(FILE_CONSTANTS, system);
    if (isConstant && this.given[system] !== undefined) return this.constant(system, 'given');
    const mapped = Object.entries(this.map).find(
      ([study]) => study.toLowerCase() === variable.name.toLowerCase(),
    )?.[1];
    const answers = studyAnswers(this.db, variable);
    const found = fileAnswers(this.file, this.dataset, answers, this.language, mapped);
    if (!found && mapped)
      throw new ApiError(
        'invalid-input',
        `${this.file}: --map ${variable.name}=${mapped}: the file has no variable ${mapped}`,
      );
    if (found) {
      this.warnings.push(...found.warnings);
      return found.values;
    }
    if (isConstant && this.guessed[system] !== undefined) return this.constant(system, 'file name');
    const needs = role && role !== variable.name ? ` for role ${role}` : '';
    const alike = this.sameLabel(answers);
    const hint = isConstant
      ? `; give ${FILE_CONSTANTS[system].option} for the whole file`
      : `; give --map ${variable.name}=FILEVAR${alike ? ` (the file's ${alike} has its label)` : ''}`;
    throw new ApiError(
      'invalid-input',
      `${this.file}: no variable ${variable.name} (segmentation ${this.segmentation} needs it${needs})${hint}`,
    );
  }

  /** A file variable labelled as the study variable is, in any of its languages. */
  private sameLabel(answers: StudyAnswers): string | undefined {
    const labels = new Set(Object.values(answers.labels).map(normaliseLabel));
    return this.dataset.variables.find(
      (variable) => variable.label !== null && labels.has(normaliseLabel(variable.label)),
    )?.name;
  }

  private constant(variable: FileConstant, how: 'given' | 'file name'): Float64Array {
    const value = (how === 'given' ? this.given : this.guessed)[variable]!;
    const code = constantCode(this.db, variable, value);
    if (!this.constants.some((c) => c.variable === variable))
      this.constants.push({ variable, value, how });
    return new Float64Array(this.dataset.cases).fill(code);
  }
}

/** A k-means filter over the file's answers: the study's expression, on the study's codes. */
function fileFilter(
  db: ReadableStudyDb,
  text: string,
  columns: FileColumns,
  rows: number,
): Uint8Array {
  const expression = resolveFilter(db, text);
  let compiled;
  try {
    compiled = compileExpression(parseExpression(expression), studyCatalog(db), {
      expect: 'boolean',
    });
  } catch (error) {
    if (error instanceof ExpressionError)
      throw new ApiError('invalid-input', `filter: ${error.withCaret(expression)}`);
    throw error;
  }
  if (compiled.kind !== 'boolean')
    throw new ApiError('invalid-input', 'a filter must be a condition');
  const set = new Map(compiled.needs.map((name) => [name, columns.column(name)] as const));
  return evaluate(compiled, set, rows);
}

/**
 * Each respondent's ID as the file has it: the ID variable's value — its label where the reader
 * coded a text column (a CSV's "c1", "c2" become codes with those labels) — else the row number.
 */
function respondentIds(file: string, dataset: ImportedDataset, named: string | undefined) {
  const choice = chooseRespondentId(file, dataset, named);
  const at =
    choice.variable === null
      ? -1
      : dataset.variables.findIndex((variable) => variable.name === choice.variable);
  const column = at >= 0 ? dataset.columns[at]! : null;
  const labels = new Map(
    (at >= 0 ? dataset.variables[at]!.valueLabels : []).map((vl) => [vl.code, vl.label]),
  );
  const ids = Array.from({ length: dataset.cases }, (_, row) => {
    if (!column) return String(row + 1);
    const value = cellValue(column, row);
    if (value === null) return '';
    return labels.get(value) ?? String(value);
  });
  return { choice, ids };
}

/** One CSV field: quoted when it holds a separator, a quote or a line break. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Classifies every respondent of a file into a saved segmentation, as its typing tool would. */
export async function classifyFile(
  db: ReadableStudyDb,
  input: ClassifyInput,
  signal?: AbortSignal,
): Promise<ClassificationReport> {
  const saved = savedSegmentation(db, input.segmentation);
  const dataset = await readDataset(input.path, {
    ...(input.encoding ? { encoding: input.encoding } : {}),
    ...(input.sheet ? { sheet: input.sheet } : {}),
    ...(signal ? { signal } : {}),
  });
  const rows = dataset.cases;
  const columns = new FileColumns(
    db,
    input.path,
    dataset,
    saved.name,
    input.language ?? 'en',
    input,
  );
  let classified: Classified;
  const { definition } = saved;
  if (input.golden) {
    if (!definition.golden)
      throw new ApiError(
        'invalid-input',
        `segmentation ${saved.name} has no golden typing tool: save one with cew segment --golden ${saved.name} --save-typing-tool`,
      );
    const model = definition.golden;
    classified = classifyByGolden(
      model,
      model.questions.map((question) => columns.column(question.variable)),
    );
  } else if (definition.method === 'rules') {
    const scheme = appliedScheme(definition);
    const bound = (role: string) => definition.bindings[role] ?? role;
    const roleColumns = new Map(
      rolesUsed(scheme).map((role) => [role, columns.column(bound(role), role)] as const),
    );
    classified = classifyByRules(scheme, roleColumns, rows, bound);
  } else {
    const inputs = definition.variables.map((name) => columns.column(name));
    const base = definition.filter ? fileFilter(db, definition.filter, columns, rows) : undefined;
    classified = classifyByCentres(
      inputs,
      definition.variables,
      definition.scaling,
      definition.centers,
      base,
    );
  }
  const { choice, ids } = respondentIds(input.path, dataset, input.idVariable);
  const labelOf = new Map(saved.segments.map((segment) => [segment.code, segment.label]));
  const lines = ['id,code,segment,reason'];
  const counts = new Map<number, number>();
  const reasons = new Map<string, number>();
  for (let row = 0; row < rows; row++) {
    const code = classified.codes[row]!;
    const reason = classified.reasons[row] ?? '';
    if (Number.isNaN(code)) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    else counts.set(code, (counts.get(code) ?? 0) + 1);
    const label = Number.isNaN(code) ? '' : (labelOf.get(code) ?? String(code));
    lines.push(
      [ids[row]!, Number.isNaN(code) ? '' : String(code), label, reason].map(csvField).join(','),
    );
  }
  // A byte-order mark, as the app's CSV export writes: Excel then reads the labels as UTF-8.
  writeFileSync(input.out, `\uFEFF${lines.join('\r\n')}\r\n`);
  const classifiedCount = [...counts.values()].reduce((sum, n) => sum + n, 0);
  return {
    segmentation: saved.name,
    method: definition.method,
    golden: input.golden,
    file: input.path,
    out: input.out,
    rows,
    classified: classifiedCount,
    unclassified: rows - classifiedCount,
    segments: saved.segments.map((segment) => ({
      ...segment,
      count: counts.get(segment.code) ?? 0,
    })),
    reasons: [...reasons.entries()]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    respondentId: choice,
    constants: columns.constants,
    warnings: [...dataset.warnings, ...columns.warnings],
  };
}

// ---- hold-out accuracy and golden questions ----

/** The saved segment of every respondent as an index into its segments, −1 for none. */
function segmentIndexes(
  db: ReadableStudyDb,
  cache: ColumnCache,
  saved: SavedDefinition,
): Int32Array {
  const codes = answers(db, cache, findVariable(db, saved.name)!);
  const index = new Map(saved.segments.map((segment, i) => [segment.code, i]));
  return Int32Array.from(codes, (code) => index.get(code) ?? -1);
}

function sampleOf(split: HoldOutSplit, seed: number, excluded: number): HoldOutSample {
  return {
    seed,
    share: HOLD_OUT_SHARE,
    train: split.train.length,
    test: split.test.length,
    excluded,
  };
}

/** The segment index the rules give each hold-out respondent, from their answers in the study. */
function rulesOnHoldOut(
  db: ReadableStudyDb,
  cache: ColumnCache,
  saved: SavedDefinition,
  definition: RulesDefinition,
): Int32Array {
  const { outcome } = runRules(db, cache, definition.scheme, definition.bindings, definition.split);
  const index = new Map(saved.segments.map((segment, i) => [segment.code, i]));
  return Int32Array.from(outcome.codes, (code) => index.get(code) ?? -1);
}

/**
 * k-means trained on the 70% alone (the saved settings: inputs, k, scaling, seed), the 30% placed
 * at its nearest centre, its clusters matched one to one to the saved ones on the 70%.
 */
async function clustersOnHoldOut(
  db: ReadableStudyDb,
  cache: ColumnCache,
  definition: KMeansDefinition,
  split: HoldOutSplit,
  classOf: Int32Array,
  signal: AbortSignal,
  progress: (done: number, total: number) => void,
): Promise<{ predicted: Int32Array; matching: Array<{ refitted: number; saved: number }> }> {
  const columns = definition.variables.map((name) =>
    answers(db, cache, numericVariable(db, name, 'variables')),
  );
  const k = definition.centers.length;
  const base = new Uint8Array(classOf.length);
  for (const row of split.train) base[row] = 1;
  const refit = await clusterAnalysis({
    columns,
    names: definition.variables,
    base,
    ks: [k],
    seed: definition.seed,
    restarts: 10,
    maxIterations: 100,
    standardize: definition.standardize,
    progress,
    between: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      if (signal.aborted) throw abortError();
    },
  });
  const solution = refit.solutions[0]!;
  const placed = nearestCentre(columns, refit.scaling, solution.centres);
  const shared = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const row of split.train) shared[placed[row]! - 1]![classOf[row]!]!++;
  const match = maximumAssignment(shared);
  const predicted = Int32Array.from(placed, (id) => (Number.isNaN(id) ? -1 : match[id - 1]!));
  return {
    predicted,
    matching: match.map((saved, refitted) => ({ refitted: refitted + 1, saved: saved + 1 })),
  };
}

export async function holdOutAccuracy(
  db: ReadableStudyDb,
  cache: ColumnCache,
  input: HoldOutInput,
  signal: AbortSignal,
  progress: (done: number, total: number) => void,
): Promise<HoldOutReport> {
  const saved = savedSegmentation(db, input.segmentation);
  const classOf = segmentIndexes(db, cache, saved);
  const split = holdOutSplit(classOf, saved.segments.length, input.seed);
  const { definition } = saved;
  let predicted: Int32Array;
  let matching: HoldOutReport['matching'];
  let procedure: string;
  if (definition.method === 'rules') {
    predicted = rulesOnHoldOut(db, cache, saved, definition);
    procedure =
      "rules need no training: they were applied to the hold-out respondents' answers, so they reproduce the segments exactly";
  } else {
    ({ predicted, matching } = await clustersOnHoldOut(
      db,
      cache,
      definition,
      split,
      classOf,
      signal,
      progress,
    ));
    procedure = `k-means (k = ${definition.centers.length}, seed ${definition.seed}, 10 restarts, ${definition.standardize ? 'standardised on' : 'centred on'} the 70%) fitted on the training respondents; each hold-out respondent placed at its nearest centre; clusters matched to the saved ones by the most respondents shared on the 70%`;
  }
  const confusion = confusionMatrix(saved.segments, split.test, classOf, predicted);
  return {
    segmentation: saved.name,
    method: definition.method,
    sample: sampleOf(split, input.seed, 0),
    procedure,
    accuracy: confusion.accuracy,
    confusion,
    ...(matching ? { matching } : {}),
  };
}

/** The variables a segmentation is made from: what its rules test (not its universe), or its inputs. */
function defaultCandidates(definition: SegmentationDefinition): string[] {
  if (definition.method === 'kmeans') return [...definition.variables];
  const scheme = appliedScheme(definition);
  const roles = new Set<string>();
  for (const rule of scheme.rules) for (const role of rolesIn(rule.when)) roles.add(role);
  return [...new Set([...roles].map((role) => definition.bindings[role] ?? role))];
}

export async function goldenQuestionsFor(
  db: ReadableStudyDb,
  cache: ColumnCache,
  input: GoldenInput,
  signal: AbortSignal,
  progress: (done: number, total: number) => void,
  writable: WritableStudyDb | null = null,
): Promise<GoldenQuestionsReport> {
  if (input.save && !writable)
    throw new ApiError(
      'conflict',
      'the study is open read-only: the golden typing tool cannot be saved',
    );
  const saved = savedSegmentation(db, input.segmentation);
  const names = (input.candidates ?? defaultCandidates(saved.definition)).map(
    (name) => numericVariable(db, name, 'candidates').name,
  );
  if (new Set(names.map((name) => name.toLowerCase())).size !== names.length)
    throw new ApiError('invalid-input', 'candidates: a question is named twice');
  if (names.some((name) => name.toLowerCase() === saved.name.toLowerCase()))
    throw new ApiError('invalid-input', `candidates: ${saved.name} is the segmentation itself`);
  const variables = names.map((name) => findVariable(db, name)!);
  const columns = variables.map((variable) => answers(db, cache, variable));
  const classOf = segmentIndexes(db, cache, saved);
  const everyone = classOf.slice();
  // Only respondents who answered every candidate: each step is then scored on the same people.
  let excluded = 0;
  for (let row = 0; row < classOf.length; row++) {
    if (classOf[row]! < 0) continue;
    if (columns.some((column) => Number.isNaN(column[row]!))) {
      classOf[row] = -1;
      excluded++;
    }
  }
  const split = holdOutSplit(classOf, saved.segments.length, input.seed);
  if (split.train.length <= saved.segments.length)
    throw new ApiError(
      'invalid-input',
      `${saved.name}: ${split.train.length} respondents with a segment answered every candidate: too few to train on`,
    );
  const result = await goldenQuestions({
    between: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      if (signal.aborted) throw abortError('finding the golden questions');
    },
    columns,
    names,
    coded: variables.map((variable) => variable.type === 'single'),
    segments: saved.segments,
    classOf,
    train: split.train,
    test: split.test,
    target: input.accuracy,
    criterion: input.criterion,
    progress,
  });
  const classifier = `linear discriminant analysis (${
    priorsFor(input.criterion) === 'equal'
      ? 'equal priors: every segment as likely beforehand'
      : 'priors from the segment shares of the training respondents'
  }; a question with few levels enters as "at or above" indicators, one per level above the lowest; pooled within-segment covariance with a ridge of ${RIDGE.toExponential()} of each term's variance)`;
  const model = goldenModelOf(saved, variables, columns, everyone, input, result, classifier);
  if (model && input.save) saveGoldenModel(writable!, cache, saved.name, model);
  return {
    segmentation: saved.name,
    classifier,
    criterion: input.criterion,
    criterionText: CRITERION_TEXT[input.criterion],
    target: input.accuracy,
    candidates: names,
    sample: sampleOf(split, input.seed, excluded),
    ...result,
    model,
    saved: model && input.save ? saved.name : null,
  };
}

/**
 * The typing tool of the chosen questions: their model refitted on every respondent with a
 * segment who answered them (goldenModel.ts), null when no question was chosen.
 */
function goldenModelOf(
  saved: SavedDefinition,
  variables: StudyVariable[],
  columns: Float64Array[],
  classOf: Int32Array,
  input: GoldenInput,
  result: Awaited<ReturnType<typeof goldenQuestions>>,
  classifier: string,
): GoldenTypingModel | null {
  const last = result.steps.at(-1);
  if (!last) return null;
  const at = result.chosen.map((name) => variables.findIndex((v) => v.name === name));
  const { fitted, withoutAnswer, inSample, ...plain } = fitGoldenModel({
    columns: at.map((d) => columns[d]!),
    names: result.chosen,
    coded: at.map((d) => variables[d]!.type === 'single'),
    segments: saved.segments,
    classOf,
    priors: priorsFor(input.criterion),
    ridge: RIDGE,
  });
  return {
    ...plain,
    classifier,
    fittedOn: {
      respondents: fitted,
      withoutAnswer,
      description: `every respondent with a segment in ${saved.name} who answered ${result.chosen.join(', ')} (training and hold-out alike: ${fitted}${withoutAnswer > 0 ? `; ${withoutAnswer} left out, a chosen question unanswered` : ''})`,
    },
    inSample: {
      accuracy: inSample.accuracy,
      balancedAccuracy: inSample.balancedAccuracy,
      recall: inSample.bySegment.map((s) => s.recall),
    },
    search: {
      criterion: input.criterion,
      target: input.accuracy,
      seed: input.seed,
      reached: result.reached,
      holdOutScore: last.holdOutScore,
      holdOutAccuracy: last.holdOutAccuracy,
    },
  };
}

/**
 * Keeps the golden model in the segmentation's definition (replacing any before). Saving the
 * segmentation again writes a new definition without it: its segments may have changed.
 */
function saveGoldenModel(
  db: WritableStudyDb,
  cache: ColumnCache,
  name: string,
  model: GoldenTypingModel,
): void {
  const variable = findVariable(db, name)!;
  db.transaction(() => {
    const row = statement(db, 'SELECT definition_json FROM variables WHERE id = ?').get(
      variable.id,
    ) as { definition_json: string };
    const definition = JSON.parse(row.definition_json) as SegmentationDefinition;
    statement(db, 'UPDATE variables SET definition_json = ? WHERE id = ?').run(
      JSON.stringify({ ...definition, golden: model }),
      variable.id,
    );
    appendAudit(db, 'segments.updated', {
      name: variable.name,
      method: definition.method,
      golden: model.questions.map((question) => question.variable),
    });
  })();
  cache.invalidate([variable.name]);
}

// ---- segment profiles ----

const MOVEMENT_LEVEL = 0.95;

function responseSetExists(db: ReadableStudyDb, name: string): boolean {
  return (
    statement(db, 'SELECT 1 AS found FROM multi_response_sets WHERE lower(name) = lower(?)').get(
      name,
    ) !== undefined
  );
}

/** Which chosen variables are rows of column % (coded, multiple) and which are means (numeric). */
function profileRows(
  db: ReadableStudyDb,
  input: ProfileInput,
  segment: string,
): { rows: string[]; means: string[] } {
  const rows: string[] = [];
  const means: string[] = [];
  for (const name of input.variables) {
    if (name.toLowerCase() === segment.toLowerCase())
      throw new ApiError('invalid-input', `variables: ${segment} is the segmentation itself`);
    const variable = findVariable(db, name);
    if (!variable) {
      if (responseSetExists(db, name)) rows.push(name);
      else throw new ApiError('invalid-input', `variables: the study has no variable ${name}`);
    } else if (variable.type === 'numeric') means.push(variable.name);
    else if (variable.type === 'single' || variable.type === 'multi') rows.push(variable.name);
    else
      throw new ApiError(
        'invalid-input',
        `variables: ${variable.name} is ${variable.type}; a profile shows coded answers or means`,
      );
  }
  for (const name of input.means ?? []) {
    const variable = numericVariable(db, name, 'means');
    if (!means.includes(variable.name)) means.push(variable.name);
  }
  return { rows, means };
}

/**
 * A segment profile, every number from the cross-tab engine (runTable): the chosen variables with
 * the segments as banner — column % or means, index vs total, significance letters — over the
 * respondents with a segment (and the filter); the segment's shares by country, industry and wave;
 * and its movement between waves, overall and within each country.
 */
export function profileSegmentation(
  db: ReadableStudyDb,
  cache: ColumnCache,
  input: ProfileInput,
): SegmentProfile {
  const saved = savedSegmentation(db, input.segment);
  const { rows, means } = profileRows(db, input, saved.name);
  const weight = input.weight ? numericVariable(db, input.weight, 'weight').name : undefined;
  const segmentValues = answers(db, cache, findVariable(db, saved.name)!);
  const chosen = input.filter ? filterMask(db, cache, input.filter) : null;
  // The total is everyone with a segment: an index compares a segment with the segments' total.
  const mask = Uint8Array.from(segmentValues, (value, i) =>
    !Number.isNaN(value) && (!chosen || chosen[i] === 1) ? 1 : 0,
  );
  const filter = input.filter
    ? `(${input.filter}) and ${saved.name} is not missing`
    : `${saved.name} is not missing`;
  const data = studyTableData(db, cache);
  const run = (spec: TableSpec) =>
    runTable(data, { ...spec, filter, ...(weight ? { weight } : {}) }, { filterMask: () => mask });
  const present = (name: string) => findVariable(db, name) !== undefined;
  const groups = DEFAULT_GROUPS.filter(present);
  const movement = (columns: string[]) =>
    segmentMovement(
      run({ rows: [saved.name], columns: [{ variables: columns }] }),
      saved.name,
      MOVEMENT_LEVEL,
    );
  return {
    segmentation: saved.name,
    label: saved.label,
    weight: weight ?? null,
    filter: input.filter ?? null,
    variables: run({
      rows,
      ...(means.length > 0 ? { means } : {}),
      columns: [{ variables: [saved.name] }],
    }),
    shares:
      groups.length > 0
        ? run({ rows: [saved.name], columns: groups.map((group) => ({ variables: [group] })) })
        : null,
    movement: {
      test: `each wave against the previous wave with respondents: two-proportion z-test, pooled, on effective bases (the cross-tables' ↑/↓ comparison, docs/statistics.md), Bonferroni-adjusted over the waves compared in each row; significant at ${MOVEMENT_LEVEL * 100}%`,
      level: MOVEMENT_LEVEL,
      overall: present('wave') ? (movement(['wave'])[0] ?? null) : null,
      byCountry: present('wave') && present('country') ? movement(['country', 'wave']) : [],
    },
  };
}

// ---- the typing tool ----

/** A variable's label in the study's label language. */
function variableLabel(db: ReadableStudyDb, variableId: number): string | null {
  const row = statement(db, 'SELECT labels_json FROM variables WHERE id = ?').get(variableId) as {
    labels_json: string;
  };
  return pickLabelJson(row.labels_json, readLabelLanguage(db))?.text ?? null;
}

/** A question the typing tool asks, described from the study's codebook. */
function toolInput(db: ReadableStudyDb, segmentation: string, name: string): TypingToolInput {
  const variable = findVariable(db, name);
  if (!variable)
    throw new ApiError(
      'invalid-input',
      `segmentation ${segmentation}: the study has no variable ${name}`,
    );
  return {
    variable: variable.name,
    label: variableLabel(db, variable.id),
    roles: [],
    values: valueLabels(db, variable.id),
    missing: userMissingSpecs(db, variable.id).filter(
      (spec): spec is TypingToolInput['missing'][number] => typeof spec !== 'string',
    ),
  };
}

/** The typing tool's definition: what it asks, and the rules or centres that answer. */
export function typingToolOf(db: ReadableStudyDb, name: string): TypingTool {
  const saved = savedSegmentation(db, name);
  const inputs = typingToolVariables(saved.definition).map((variable) =>
    toolInput(db, saved.name, variable),
  );
  const golden = saved.definition.golden?.questions.map((question) =>
    toolInput(db, saved.name, question.variable),
  );
  return typingTool(saved, inputs, golden);
}

export async function exportTypingTool(
  db: ReadableStudyDb,
  input: TypingToolInput_,
): Promise<TypingToolExport> {
  const tool = typingToolOf(db, input.segmentation);
  if (input.golden && !tool.golden)
    throw new ApiError(
      'invalid-input',
      `segmentation ${tool.segmentation} has no golden typing tool: save one with cew segment --golden ${tool.segmentation} --save-typing-tool`,
    );
  const format = input.format ?? (/\.json$/i.test(input.out) ? 'json' : 'xlsx');
  if (format === 'json') writeFileSync(input.out, `${JSON.stringify(tool, null, 2)}\n`);
  else
    await typingToolWorkbook(tool, input.rows, { goldenOnly: input.golden }).xlsx.writeFile(
      input.out,
    );
  const golden = tool.golden?.questions.map((question) => question.variable) ?? null;
  return {
    segmentation: tool.segmentation,
    method: tool.method,
    format,
    out: input.out,
    inputs: input.golden && golden ? golden : tool.inputs.map((i) => i.variable),
    rows: format === 'xlsx' ? input.rows : null,
    golden,
  };
}
