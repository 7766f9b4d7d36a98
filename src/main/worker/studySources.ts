/**
 * Removing a source and re-importing a corrected file in its place, in the worker.
 *
 * A removal runs in one transaction: the source's row and chunks, the imported variables only it
 * had (never system, derived, weight or segment variables; a variable a response set lists stays,
 * empty), the system value labels and the country or wave no other source uses; then derived
 * variables, weights and segments are recomputed over the remaining rows.
 *
 * Undo restores, rather than recomputes: before removing, the worker copies every row the removal
 * can delete or rewrite (its "scope": the source, its chunks, those variables with their labels and
 * missing codes, every computed variable with its chunks and labels, the system value labels, the
 * country and wave rows) exactly as stored, rowids included. Undo deletes the scope's rows and
 * inserts the copies, so the study is byte for byte what it was — recomputing again could differ
 * (a k-means segmentation's centres, a weight's convergence), restoring cannot. Undo is refused
 * when the scope changed since the removal (a digest taken right after it no longer matches), so it
 * never overwrites newer work. The copies live in a WeakMap keyed by the open study: closing the
 * study forgets them.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { ApiError } from '../../shared/api/apiTypes';
import type { ReimportInput, RemovedSource, SourceUndoState } from '../../shared/api/sources';
import type { ImportSummary } from '../../shared/domain/dataset';
import type { SourceMapping } from '../../shared/domain/mapping';
import { proposeMapping } from '../harmonise/proposeMapping';
import { mappableVariables } from '../harmonise/sourceMapping';
import { readCodebook } from '../harmonise/studyCodebook';
import { importFile } from '../import/importFile';
import { readDataset } from '../import/readers';
import type { RespondentType } from '../import/writeSource';
import { appendAudit } from '../study/auditLog';
import type { OpenStudy } from '../study/studyFile';
import type { ReadableStudyDb, WritableStudyDb } from '../study/studyDb';
import { ColumnCache } from './columnCache';
import { recomputeDerived } from './studyExpressions';
import { recomputeSegments } from './studySegments';
import { recomputeWeights } from './studyWeights';

interface SourceRow {
  id: number;
  file_name: string;
  encoding: string | null;
  row_count: number;
  wave_id: number | null;
  wave: string | null;
  country_code: string | null;
  respondent_type: RespondentType | null;
  sort_order: number;
  language: string | null;
  industry_code: string | null;
  mapping_json: string | null;
  attributes_json: string;
}

type Row = Record<string, unknown>;

/** Tables of the scope, parents first: restoring inserts in this order and deletes in reverse. */
const SCOPE_TABLES = [
  'countries',
  'waves',
  'sources',
  'variables',
  'value_labels',
  'missing_codes',
  'column_chunks',
] as const;
type ScopeTable = (typeof SCOPE_TABLES)[number];
type Scope = Record<ScopeTable, Row[]>;

/** What identifies a removal's scope: the same queries read it before, after and at undo. */
interface ScopeKey {
  sourceId: number;
  countryCode: string | null;
  waveId: number | null;
  /** Imported variables only the source had (removed with it). */
  variableIds: number[];
}

interface RemovalStep {
  removed: RemovedSource;
  key: ScopeKey;
  before: Scope;
  /** Digest of the scope right after the removal. */
  after: string;
}

const COMPUTED = "origin IN ('derived', 'weight', 'segment')";
const MAX_STEPS = 20;
const stacks = new WeakMap<OpenStudy, RemovalStep[]>();

function stackOf(open: OpenStudy): RemovalStep[] {
  let stack = stacks.get(open);
  if (!stack) stacks.set(open, (stack = []));
  return stack;
}

function sourceRow(db: ReadableStudyDb, sourceId: number): SourceRow {
  const row = db
    .prepare(
      `SELECT s.id, s.file_name, s.encoding, s.row_count, s.wave_id, w.code AS wave, s.country_code,
              s.respondent_type, s.sort_order, s.language, s.industry_code, s.mapping_json,
              s.attributes_json
       FROM sources s LEFT JOIN waves w ON w.id = s.wave_id WHERE s.id = ?`,
    )
    .get(sourceId) as SourceRow | undefined;
  if (!row) throw new ApiError('not-found', `source ${sourceId} is not in this study`);
  return row;
}

function idList(ids: readonly number[]): string {
  return ids.length === 0 ? 'NULL' : ids.map((id) => String(Math.trunc(id))).join(', ');
}

/** The WHERE clause of each scope table (the ids are integers, inlined after Math.trunc). */
function scopeWhere(key: ScopeKey): Record<ScopeTable, { sql: string; params: unknown[] }> {
  const removed = idList(key.variableIds);
  const computed = `SELECT id FROM variables WHERE ${COMPUTED}`;
  return {
    countries: { sql: 'code = ?', params: [key.countryCode] },
    waves: { sql: 'id = ?', params: [key.waveId] },
    sources: { sql: 'id = ?', params: [key.sourceId] },
    variables: { sql: `id IN (${removed}) OR ${COMPUTED}`, params: [] },
    value_labels: {
      sql: `variable_id IN (${removed}) OR variable_id IN (SELECT id FROM variables WHERE ${COMPUTED} OR is_system = 1)`,
      params: [],
    },
    missing_codes: {
      sql: `variable_id IN (${removed}) OR variable_id IN (${computed})`,
      params: [],
    },
    column_chunks: {
      sql: `source_id = ? OR variable_id IN (${removed}) OR variable_id IN (${computed})`,
      params: [key.sourceId],
    },
  };
}

/** Every scope row exactly as stored, with its rowid (value_labels has no id column of its own). */
function readScope(db: ReadableStudyDb, key: ScopeKey): Scope {
  const where = scopeWhere(key);
  const scope = {} as Scope;
  for (const table of SCOPE_TABLES)
    scope[table] = db
      .prepare(`SELECT rowid AS "rowid", * FROM ${table} WHERE ${where[table].sql} ORDER BY rowid`)
      .all(...where[table].params) as Row[];
  return scope;
}

function digestOf(scope: Scope): string {
  const hash = createHash('sha256');
  for (const table of SCOPE_TABLES)
    for (const row of scope[table]) {
      hash.update(table);
      for (const [column, value] of Object.entries(row)) {
        hash.update(`\u0000${column}=`);
        hash.update(Buffer.isBuffer(value) ? value : `${typeof value}:${String(value)}`);
      }
      hash.update('\n');
    }
  return hash.digest('hex');
}

/** Imported variables with a chunk in this source and in no other. */
function onlyThisSourceHad(db: ReadableStudyDb, sourceId: number): number[] {
  const rows = db
    .prepare(
      `SELECT v.id FROM variables v JOIN column_chunks c ON c.variable_id = v.id AND c.source_id = ?
       WHERE v.origin = 'imported' AND v.is_system = 0
         AND NOT EXISTS (SELECT 1 FROM column_chunks o WHERE o.variable_id = v.id AND o.source_id <> ?)
       ORDER BY v.id`,
    )
    .all(sourceId, sourceId) as Array<{ id: number }>;
  const listed = new Set<string>();
  for (const set of db.prepare('SELECT variables_json FROM multi_response_sets').all() as Array<{
    variables_json: string;
  }>)
    for (const name of JSON.parse(set.variables_json) as string[]) listed.add(name);
  const names = db.prepare('SELECT name FROM variables WHERE id = ?');
  return rows
    .map((row) => row.id)
    .filter((id) => !listed.has((names.get(id) as { name: string }).name));
}

function systemVariableId(db: ReadableStudyDb, name: string): number | null {
  const row = db.prepare('SELECT id FROM variables WHERE name = ? AND is_system = 1').get(name) as
    { id: number } | undefined;
  return row?.id ?? null;
}

function deleteSystemLabel(db: WritableStudyDb, variable: string, code: number | null): void {
  const id = systemVariableId(db, variable);
  if (id === null || code === null) return;
  db.prepare('DELETE FROM value_labels WHERE variable_id = ? AND code = ?').run(id, String(code));
}

/**
 * Deletes the source's rows, the variables only it had and the labels and rows no other source
 * uses. Runs inside the caller's transaction and recomputes nothing.
 */
function deleteSource(db: WritableStudyDb, source: SourceRow, variableIds: number[]): string[] {
  const names = db
    .prepare(`SELECT name FROM variables WHERE id IN (${idList(variableIds)}) ORDER BY sort_order`)
    .all() as Array<{ name: string }>;
  db.prepare('DELETE FROM column_chunks WHERE source_id = ?').run(source.id);
  db.prepare('DELETE FROM sources WHERE id = ?').run(source.id);
  db.prepare(`DELETE FROM variables WHERE id IN (${idList(variableIds)})`).run();
  deleteSystemLabel(db, 'source', source.id);
  const unused = (column: string, value: unknown) =>
    value !== null &&
    db.prepare(`SELECT 1 FROM sources WHERE ${column} = ? LIMIT 1`).get(value) === undefined;
  if (unused('country_code', source.country_code)) {
    const country = db
      .prepare('SELECT id FROM countries WHERE code = ?')
      .get(source.country_code) as { id: number } | undefined;
    deleteSystemLabel(db, 'country', country?.id ?? null);
    db.prepare('DELETE FROM countries WHERE code = ?').run(source.country_code);
  }
  if (unused('wave_id', source.wave_id)) {
    deleteSystemLabel(db, 'wave', source.wave_id);
    db.prepare('DELETE FROM waves WHERE id = ?').run(source.wave_id);
  }
  if (unused('respondent_type', source.respondent_type)) {
    const type = db
      .prepare('SELECT id FROM respondent_types WHERE code = ?')
      .get(source.respondent_type) as { id: number } | undefined;
    deleteSystemLabel(db, 'respondent_type', type?.id ?? null);
  }
  return names.map((row) => row.name);
}

/** Derived variables, then weights, then segments, over the rows the study holds now. */
function recomputeAll(db: WritableStudyDb): string[] {
  const fresh = new ColumnCache(db);
  return [
    ...recomputeDerived(db, fresh),
    ...recomputeWeights(db, fresh),
    ...recomputeSegments(db, fresh),
  ];
}

function removedOf(source: SourceRow): Omit<RemovedSource, 'removedVariables' | 'recomputed'> {
  return {
    sourceId: source.id,
    fileName: source.file_name,
    country: source.country_code,
    wave: source.wave,
    respondents: source.row_count,
  };
}

export function removeSource(
  open: OpenStudy,
  db: WritableStudyDb,
  sourceId: number,
): RemovedSource {
  const source = sourceRow(db, sourceId);
  const step = db.transaction((): RemovalStep => {
    const key: ScopeKey = {
      sourceId,
      countryCode: source.country_code,
      waveId: source.wave_id,
      variableIds: onlyThisSourceHad(db, sourceId),
    };
    const before = readScope(db, key);
    const removedVariables = deleteSource(db, source, key.variableIds);
    let recomputed: string[];
    try {
      recomputed = recomputeAll(db);
    } catch (error) {
      throw new ApiError(
        'conflict',
        `${source.file_name} cannot be removed: ${(error as Error).message}; nothing was removed`,
      );
    }
    const removed = { ...removedOf(source), removedVariables, recomputed };
    appendAudit(db, 'source.removed', { ...removed });
    return { removed, key, before, after: digestOf(readScope(db, key)) };
  })();
  const stack = stackOf(open);
  stack.push(step);
  if (stack.length > MAX_STEPS) stack.shift();
  return step.removed;
}

export function undoRemoveState(open: OpenStudy): SourceUndoState {
  const stack = stackOf(open);
  const last = stack.at(-1);
  return {
    next: last ? { sourceId: last.removed.sourceId, fileName: last.removed.fileName } : null,
    depth: stack.length,
  };
}

function insertRow(db: WritableStudyDb, table: ScopeTable, row: Row): void {
  // A table whose id is its rowid takes the id; value_labels takes the rowid itself.
  const { rowid, ...columns } = row;
  const values = 'id' in columns ? columns : { rowid, ...columns };
  const names = Object.keys(values);
  db.prepare(
    `INSERT INTO ${table} (${names.map((name) => `"${name}"`).join(', ')}) VALUES (${names
      .map(() => '?')
      .join(', ')})`,
  ).run(...Object.values(values));
}

/** Puts the latest removed source back exactly as it was stored before the removal. */
export function undoRemoveSource(open: OpenStudy, db: WritableStudyDb): RemovedSource {
  const stack = stackOf(open);
  const step = stack.at(-1);
  if (!step) throw new ApiError('not-found', 'there is no removed source to put back');
  if (digestOf(readScope(db, step.key)) !== step.after) {
    stack.pop();
    throw new ApiError(
      'conflict',
      `the study changed since ${step.removed.fileName} was removed; it cannot be put back (nothing was changed)`,
    );
  }
  db.transaction(() => {
    // A country or wave row other sources still use is deleted and put back in the same
    // transaction: its references are checked at commit, when it is there again.
    db.pragma('defer_foreign_keys = ON');
    const now = readScope(db, step.key);
    for (const table of [...SCOPE_TABLES].reverse()) {
      const remove = db.prepare(`DELETE FROM ${table} WHERE rowid = ?`);
      for (const row of now[table]) remove.run(row.rowid);
    }
    for (const table of SCOPE_TABLES)
      for (const row of step.before[table]) insertRow(db, table, row);
    appendAudit(db, 'source.restored', { ...step.removed });
  })();
  stack.pop();
  return step.removed;
}

/**
 * Imports a corrected file in place of a source: the same country, wave, respondent type,
 * language and industry, mapped with the old source's mapping as the proposal's previous one.
 * The new source is written, the old one removed and everything recomputed in the import's one
 * transaction, so a failure anywhere leaves the study as it was.
 */
export async function reimportSource(
  db: WritableStudyDb,
  input: ReimportInput,
  signal: AbortSignal,
  progress: (done: number, total: number) => void,
): Promise<ImportSummary> {
  const { sourceId, path, ...readOptions } = input;
  const old = sourceRow(db, sourceId);
  if (old.country_code === null || old.wave === null || old.respondent_type === null)
    throw new ApiError(
      'conflict',
      `${old.file_name} has no country, wave or respondent type to re-import under`,
    );
  const language = old.language ?? 'en';
  // A corrected file comes from the same export as the old one: a text file of the same kind is
  // read in the old one's encoding unless the user says otherwise.
  const sameKind = extname(path).toLowerCase() === extname(old.file_name).toLowerCase();
  if (readOptions.encoding === undefined && sameKind && old.encoding !== null)
    readOptions.encoding = old.encoding;
  const dataset = await readDataset(path, { ...readOptions, signal });
  const attributes = JSON.parse(old.attributes_json) as {
    labelledCodes?: Record<string, number[]>;
  };
  const proposal = proposeMapping({
    codebook: readCodebook(db),
    variables: mappableVariables(dataset),
    language,
    previous: old.mapping_json === null ? null : (JSON.parse(old.mapping_json) as SourceMapping),
    previousCodes: attributes.labelledCodes,
  });
  if (proposal.problems.length > 0)
    throw new ApiError(
      'conflict',
      `${path}: the mapping onto the study's codebook needs a decision: ${proposal.problems
        .map((problem) => problem.message)
        .join('; ')}; ${old.file_name} was kept`,
    );
  return importFile(
    db,
    path,
    {
      ...readOptions,
      country: old.country_code,
      wave: old.wave,
      respondentType: old.respondent_type,
      language,
      industry: old.industry_code ?? undefined,
      mapping: proposal.mapping,
      afterWrite: (tx) => {
        const fresh = (tx.prepare('SELECT max(id) AS id FROM sources').get() as { id: number }).id;
        deleteSource(tx, old, onlyThisSourceHad(tx, sourceId));
        tx.prepare('UPDATE sources SET sort_order = ? WHERE id = ?').run(old.sort_order, fresh);
        const recomputed = recomputeAll(tx);
        appendAudit(tx, 'source.reimported', {
          replaced: { sourceId, fileName: old.file_name, rows: old.row_count },
          sourceId: fresh,
          recomputed,
        });
      },
    },
    signal,
    progress,
  );
}
