/**
 * Label edits from the Variables view: a variable's (or response set's) label and its value
 * labels, changed in ONE language — the other translations stay exactly as they were. Each edit
 * is audited and returns what the labels were before and after, so an undo can put them back and
 * can tell when something else changed them in between (then it refuses rather than guess).
 */
import { ApiError } from '../../shared/api/apiTypes';
import type { SetLabelsInput } from '../../shared/api/variables';
import { appendAudit } from './auditLog';
import {
  findSet,
  findVariable,
  labelsLockedReason,
  parseLabels,
  valueLabelRows,
} from './codebookDetail';
import type { WritableStudyDb } from './studyDb';
import { statement } from './statementCache';

/** The stored labels an edit touched: the entry's labels_json and each edited code's (null: no row). */
export interface LabelState {
  labels: string;
  values: Array<{ code: string; labels: string | null }>;
}

export interface LabelEdit {
  target: 'variable' | 'set';
  id: number;
  name: string;
  language: string;
  before: LabelState;
  after: LabelState;
}

function withText(json: string, language: string, text: string): string {
  const labels = parseLabels(json);
  if (text === '') delete labels[language];
  else labels[language] = text;
  return JSON.stringify(labels);
}

/** The stored code matching `code`: the same text, else the same number ("1.0" is code "1"). */
function matchCode(existing: string[], code: string): string {
  if (existing.includes(code)) return code;
  const number = Number(code);
  if (!Number.isFinite(number)) return code;
  return existing.find((stored) => Number(stored) === number) ?? String(number);
}

function readState(
  db: WritableStudyDb,
  target: LabelEdit['target'],
  id: number,
  codes: string[],
): LabelState {
  const labels =
    target === 'variable'
      ? (statement(db, 'SELECT labels_json FROM variables WHERE id = ?').get(id) as {
          labels_json: string;
        })
      : (statement(db, 'SELECT labels_json FROM multi_response_sets WHERE id = ?').get(id) as {
          labels_json: string;
        });
  const values = codes.map((code) => {
    const row = statement(
      db,
      'SELECT labels_json FROM value_labels WHERE variable_id = ? AND code = ?',
    ).get(id, code) as { labels_json: string } | undefined;
    return { code, labels: row?.labels_json ?? null };
  });
  return { labels: labels.labels_json, values };
}

function writeState(
  db: WritableStudyDb,
  target: LabelEdit['target'],
  id: number,
  state: LabelState,
): void {
  statement(
    db,
    target === 'variable'
      ? 'UPDATE variables SET labels_json = ? WHERE id = ?'
      : 'UPDATE multi_response_sets SET labels_json = ? WHERE id = ?',
  ).run(state.labels, id);
  for (const value of state.values) {
    if (value.labels === null) {
      statement(db, 'DELETE FROM value_labels WHERE variable_id = ? AND code = ?').run(
        id,
        value.code,
      );
      continue;
    }
    const updated = statement(
      db,
      'UPDATE value_labels SET labels_json = ? WHERE variable_id = ? AND code = ?',
    ).run(value.labels, id, value.code);
    if (updated.changes === 0) {
      statement(
        db,
        `INSERT INTO value_labels (variable_id, code, labels_json, sort_order)
         VALUES (?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM value_labels WHERE variable_id = ?))`,
      ).run(id, value.code, value.labels, id);
    }
  }
}

function sameState(a: LabelState, b: LabelState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Changes labels in `input.language`; returns the edit for the undo stack. */
export function setLabels(db: WritableStudyDb, input: SetLabelsInput): LabelEdit {
  const variable = findVariable(db, input.name);
  const set = variable ? undefined : findSet(db, input.name);
  if (!variable && !set)
    throw new ApiError('not-found', `name: the study has no variable or set named ${input.name}`);
  const locked = variable ? labelsLockedReason(variable) : null;
  if (locked) throw new ApiError('conflict', locked);
  const edits = input.valueLabels ?? [];
  if (set && edits.length > 0)
    throw new ApiError(
      'invalid-input',
      `valueLabels: ${set.name} is a response set; its answers are labelled on its variables`,
    );
  if (variable && edits.length > 0 && variable.type === 'text')
    throw new ApiError(
      'invalid-input',
      `valueLabels: ${variable.name} is a text variable; only coded variables have value labels`,
    );
  const target = variable ? 'variable' : 'set';
  const id = (variable ?? set)!.id;
  const name = (variable ?? set)!.name;
  const stored = variable ? valueLabelRows(db, variable.id).map((row) => row.code) : [];
  const codes = edits.map((edit) => {
    const code = matchCode(stored, edit.code);
    if (!stored.includes(code) && !Number.isFinite(Number(code)))
      throw new ApiError(
        'invalid-input',
        `valueLabels: ${JSON.stringify(edit.code)} is not a code`,
      );
    return code;
  });
  if (new Set(codes).size !== codes.length)
    throw new ApiError('invalid-input', 'valueLabels: a code is given twice');

  return db.transaction((): LabelEdit => {
    const before = readState(db, target, id, codes);
    const after: LabelState = {
      labels:
        input.label === undefined
          ? before.labels
          : withText(before.labels, input.language, input.label),
      values: before.values.map((value, i) => {
        const text = edits[i]!.label;
        if (value.labels === null)
          return {
            code: value.code,
            labels: text === '' ? null : withText('{}', input.language, text),
          };
        return { code: value.code, labels: withText(value.labels, input.language, text) };
      }),
    };
    writeState(db, target, id, after);
    appendAudit(db, 'variables.labelsEdited', {
      name,
      language: input.language,
      ...(input.label !== undefined
        ? { label: { from: parseLabels(before.labels)[input.language] ?? '', to: input.label } }
        : {}),
      ...(edits.length > 0
        ? {
            valueLabels: codes.map((code, i) => ({
              code,
              from: parseLabels(before.values[i]!.labels ?? '{}')[input.language] ?? '',
              to: edits[i]!.label,
            })),
          }
        : {}),
    });
    return { target, id, name, language: input.language, before, after };
  })();
}

/** Puts the labels back as they were before `edit`, unless they changed since. */
export function revertLabels(db: WritableStudyDb, edit: LabelEdit, description: string): void {
  db.transaction(() => {
    const exists =
      edit.target === 'variable'
        ? statement(db, 'SELECT 1 FROM variables WHERE id = ? AND name = ?').get(edit.id, edit.name)
        : statement(db, 'SELECT 1 FROM multi_response_sets WHERE id = ? AND name = ?').get(
            edit.id,
            edit.name,
          );
    if (!exists) throw new ApiError('conflict', `${edit.name} is no longer in the study`);
    const now = readState(
      db,
      edit.target,
      edit.id,
      edit.after.values.map((value) => value.code),
    );
    if (!sameState(now, edit.after))
      throw new ApiError(
        'conflict',
        `${edit.name}'s labels were changed since (${description}); nothing was undone`,
      );
    writeState(db, edit.target, edit.id, edit.before);
    appendAudit(db, 'variables.undone', { undone: description, name: edit.name });
  })();
}
