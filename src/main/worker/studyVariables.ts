/**
 * The Variables view in the worker: label edits and definitions (derived variable, response set,
 * filter) made from that view, each pushed on an undo stack that belongs to the open study — kept
 * in a WeakMap keyed by the OpenStudy object, so closing or reopening the study starts a new,
 * empty stack, and an undo can never reach into another study or another session of the same one.
 * An undo first checks the study still holds what the step wrote; if something else changed it
 * since, it refuses and says so instead of overwriting newer work.
 */
import { ApiError } from '../../shared/api/apiTypes';
import type {
  DefineInput,
  DefineResult,
  SetLabelsInput,
  UndoResult,
  UndoState,
} from '../../shared/api/variables';
import { pickLabel } from '../../shared/domain/labels';
import { appendAudit } from '../study/auditLog';
import { findVariable, parseLabels, valueLabelRows } from '../study/codebookDetail';
import type { OpenStudy } from '../study/studyFile';
import type { WritableStudyDb } from '../study/studyDb';
import { statement } from '../study/statementCache';
import { revertLabels, setLabels, type LabelEdit } from '../study/variableLabels';
import type { ColumnCache } from './columnCache';
import { deriveVariable, saveFilter } from './studyExpressions';
import { defineSet } from './studySets';

interface DerivedBefore {
  expression: string;
  labels: string;
  values: Array<{ code: string; labels: string }>;
}

interface SetRowState {
  type: string;
  counted_value: string | null;
  labels_json: string;
  variables_json: string;
}

type UndoStep =
  | { kind: 'labels'; description: string; edit: LabelEdit }
  | {
      kind: 'derived';
      description: string;
      name: string;
      expression: string;
      before: DerivedBefore | null;
    }
  | {
      kind: 'set';
      description: string;
      name: string;
      before: SetRowState | null;
      after: SetRowState;
    }
  | { kind: 'filter'; description: string; name: string; before: string | null; after: string };

/** More than a day's edits; the oldest steps are forgotten first. */
const MAX_STEPS = 200;

const stacks = new WeakMap<OpenStudy, UndoStep[]>();

function stackOf(open: OpenStudy): UndoStep[] {
  let stack = stacks.get(open);
  if (!stack) stacks.set(open, (stack = []));
  return stack;
}

function push(open: OpenStudy, step: UndoStep): void {
  const stack = stackOf(open);
  stack.push(step);
  if (stack.length > MAX_STEPS) stack.shift();
}

export function undoState(open: OpenStudy): UndoState {
  const stack = stackOf(open);
  return { next: stack.at(-1)?.description ?? null, depth: stack.length };
}

function labelDescription(input: SetLabelsInput, edit: LabelEdit): string {
  const parts: string[] = [];
  if (input.label !== undefined) parts.push('label');
  const values = input.valueLabels?.length ?? 0;
  if (values === 1) parts.push(`value label ${input.valueLabels![0]!.code}`);
  else if (values > 1) parts.push(`${values} value labels`);
  return `${edit.name}: ${parts.join(' and ')} (${input.language})`;
}

export function editLabels(open: OpenStudy, db: WritableStudyDb, input: SetLabelsInput): UndoState {
  const edit = setLabels(db, input);
  push(open, { kind: 'labels', description: `edit of ${labelDescription(input, edit)}`, edit });
  return undoState(open);
}

function setRow(db: WritableStudyDb, name: string): SetRowState | null {
  return (
    (statement(
      db,
      'SELECT type, counted_value, labels_json, variables_json FROM multi_response_sets WHERE name = ?',
    ).get(name) as SetRowState | undefined) ?? null
  );
}

function filterExpression(db: WritableStudyDb, name: string): string | null {
  const row = statement(db, 'SELECT expression FROM filters WHERE name = ?').get(name) as
    { expression: string } | undefined;
  return row?.expression ?? null;
}

function derivedBefore(db: WritableStudyDb, name: string): DerivedBefore | null {
  const row = findVariable(db, name);
  if (!row || row.origin !== 'derived') return null;
  const definition = JSON.parse(row.definition_json ?? '{}') as { expression?: string };
  return {
    expression: definition.expression ?? '',
    labels: row.labels_json,
    values: valueLabelRows(db, row.id).map((value) => ({
      code: value.code,
      labels: value.labels_json,
    })),
  };
}

const count = (n: number) => n.toLocaleString('en-US');

/** Saves a definition through the same functions as variables.derive, defineSet and filters.save. */
export function define(
  open: OpenStudy,
  db: WritableStudyDb,
  cache: ColumnCache,
  input: DefineInput,
): DefineResult {
  if (input.kind === 'derived') {
    const { kind: _kind, ...definition } = input;
    const before = derivedBefore(db, definition.name);
    const saved = deriveVariable(db, cache, definition);
    push(open, {
      kind: 'derived',
      description: `${before ? 'change of' : 'new'} derived variable ${saved.name}`,
      name: saved.name,
      expression: definition.expression,
      before,
    });
    return {
      name: saved.name,
      summary: `Derived variable ${saved.name} saved: ${count(saved.valid)} of ${count(saved.rows)} respondents have a value`,
      undo: undoState(open),
    };
  }
  if (input.kind === 'set') {
    const { kind: _kind, ...definition } = input;
    const before = setRow(db, definition.name);
    const saved = defineSet(db, definition);
    push(open, {
      kind: 'set',
      description: `${before ? 'change of' : 'new'} response set ${saved.name}`,
      name: saved.name,
      before,
      after: setRow(db, saved.name)!,
    });
    return {
      name: saved.name,
      summary: `Response set ${saved.name} saved: ${saved.variables.join(', ')}`,
      undo: undoState(open),
    };
  }
  const before = filterExpression(db, input.name);
  const saved = saveFilter(db, cache, input.name, input.expression);
  push(open, {
    kind: 'filter',
    description: `${before === null ? 'new' : 'change of'} filter ${saved.name}`,
    name: saved.name,
    before,
    after: input.expression,
  });
  return {
    name: saved.name,
    summary: `Filter ${saved.name} saved: keeps ${count(saved.kept)} of ${count(saved.rows)} respondents`,
    undo: undoState(open),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Definitions elsewhere in the study that name `name`: removing it would break them. */
function usersOf(db: WritableStudyDb, name: string): string[] {
  const word = new RegExp(`(^|[^A-Za-z0-9_.@#$])${escapeRegExp(name)}($|[^A-Za-z0-9_.@#$])`, 'i');
  const definitions = db
    .prepare(
      `SELECT name, definition_json AS text FROM variables
       WHERE definition_json IS NOT NULL AND lower(name) != lower(?)
       UNION ALL SELECT name, variables_json FROM multi_response_sets
       UNION ALL SELECT name, expression FROM filters`,
    )
    .all(name) as Array<{ name: string; text: string }>;
  return definitions.filter((row) => word.test(row.text)).map((row) => row.name);
}

function undoDerived(
  db: WritableStudyDb,
  cache: ColumnCache,
  step: Extract<UndoStep, { kind: 'derived' }>,
): void {
  const row = findVariable(db, step.name);
  const current = row?.definition_json
    ? (JSON.parse(row.definition_json) as { expression?: string }).expression
    : undefined;
  if (!row || row.origin !== 'derived' || current !== step.expression)
    throw new ApiError(
      'conflict',
      `${step.name} was changed since (${step.description}); nothing was undone`,
    );
  if (!step.before) {
    const users = usersOf(db, step.name);
    if (users.length > 0)
      throw new ApiError(
        'conflict',
        `${step.name} is used by ${users.join(', ')}; remove that use first (nothing was undone)`,
      );
    db.transaction(() => {
      statement(db, 'DELETE FROM variables WHERE id = ?').run(row.id);
      appendAudit(db, 'variables.undone', { undone: step.description, name: step.name });
    })();
    cache.invalidate([step.name]);
    return;
  }
  const before = step.before;
  db.transaction(() => {
    const label = pickLabel(parseLabels(before.labels), 'en')?.text;
    deriveVariable(db, cache, {
      name: step.name,
      expression: before.expression,
      ...(label ? { label } : {}),
    });
    // The labels as they were, in every language, not only the English one derive writes.
    statement(db, 'UPDATE variables SET labels_json = ? WHERE id = ?').run(before.labels, row.id);
    for (const value of before.values)
      statement(
        db,
        'UPDATE value_labels SET labels_json = ? WHERE variable_id = ? AND code = ?',
      ).run(value.labels, row.id, value.code);
    appendAudit(db, 'variables.undone', { undone: step.description, name: step.name });
  })();
}

function undoSet(db: WritableStudyDb, step: Extract<UndoStep, { kind: 'set' }>): void {
  db.transaction(() => {
    const now = setRow(db, step.name);
    if (JSON.stringify(now) !== JSON.stringify(step.after))
      throw new ApiError(
        'conflict',
        `${step.name} was changed since (${step.description}); nothing was undone`,
      );
    if (step.before === null) {
      statement(db, 'DELETE FROM multi_response_sets WHERE name = ?').run(step.name);
    } else {
      statement(
        db,
        'UPDATE multi_response_sets SET type = ?, counted_value = ?, labels_json = ?, variables_json = ? WHERE name = ?',
      ).run(
        step.before.type,
        step.before.counted_value,
        step.before.labels_json,
        step.before.variables_json,
        step.name,
      );
    }
    appendAudit(db, 'variables.undone', { undone: step.description, name: step.name });
  })();
}

function undoFilter(db: WritableStudyDb, step: Extract<UndoStep, { kind: 'filter' }>): void {
  db.transaction(() => {
    if (filterExpression(db, step.name) !== step.after)
      throw new ApiError(
        'conflict',
        `${step.name} was changed since (${step.description}); nothing was undone`,
      );
    if (step.before === null) statement(db, 'DELETE FROM filters WHERE name = ?').run(step.name);
    else
      statement(db, 'UPDATE filters SET expression = ?, updated_at = ? WHERE name = ?').run(
        step.before,
        new Date().toISOString(),
        step.name,
      );
    appendAudit(db, 'variables.undone', { undone: step.description, name: step.name });
  })();
}

/**
 * Reverts the last step. A step that can no longer be undone (its target changed since) is
 * dropped from the stack with the error, so the next Undo reaches the step before it.
 */
export function undoLast(open: OpenStudy, db: WritableStudyDb, cache: ColumnCache): UndoResult {
  const stack = stackOf(open);
  const step = stack.pop();
  if (!step) throw new ApiError('not-found', 'there is nothing to undo in the Variables view');
  if (step.kind === 'labels') revertLabels(db, step.edit, step.description);
  else if (step.kind === 'derived') undoDerived(db, cache, step);
  else if (step.kind === 'set') undoSet(db, step);
  else undoFilter(db, step);
  return { undone: step.description, undo: undoState(open) };
}
