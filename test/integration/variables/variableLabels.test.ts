/**
 * The Variables view's label edits and undo, through the real API (dispatch → handlers → study
 * worker → SQLite) on a real study file: the demo codebook in en/de/it/fr/ko plus a German-only
 * variable. What is checked is what the file holds afterwards and what every window is told.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap, EventName, Input, MethodName, Result } from '../../../src/shared/api/index';
import type { Dispatch } from '../../../src/main/handlers/dispatch';
import type { StudySession } from '../../../src/main/session/studySession';
import { buildMultilingualStudy } from '../../support/multilingualStudy';
import { tempFolder } from '../../support/studyDb';
import { apiSession, callThrough } from '../../support/apiSession';

type Recorded = { event: EventName; payload: EventMap[EventName] };

let folder: string;
let cleanup: () => void;
let file: string;
let session: StudySession;
let dispatch: Dispatch;
let events: Recorded[];

function call<K extends MethodName>(method: K, input: Input<K>): Promise<Result<K>> {
  return callThrough(dispatch, method, input);
}

/** The stored labels of a variable and its value labels, read straight from the file. */
function storedLabels(name: string): {
  label: Record<string, string>;
  values: Record<string, Record<string, string>>;
} {
  const db = new Database(file, { readonly: true });
  try {
    const variable = db
      .prepare('SELECT id, labels_json FROM variables WHERE name = ?')
      .get(name) as { id: number; labels_json: string };
    const values = db
      .prepare('SELECT code, labels_json FROM value_labels WHERE variable_id = ?')
      .all(variable.id) as Array<{ code: string; labels_json: string }>;
    return {
      label: JSON.parse(variable.labels_json) as Record<string, string>,
      values: Object.fromEntries(
        values.map((row) => [row.code, JSON.parse(row.labels_json) as Record<string, string>]),
      ),
    };
  } finally {
    db.close();
  }
}

function lastAudit(): { action: string; details: Record<string, unknown> } {
  const db = new Database(file, { readonly: true });
  try {
    const row = db
      .prepare('SELECT action, details_json FROM audit_log ORDER BY id DESC LIMIT 1')
      .get() as { action: string; details_json: string };
    return { action: row.action, details: JSON.parse(row.details_json) as Record<string, unknown> };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  ({ folder, cleanup } = tempFolder('cew-variables-'));
  file = await buildMultilingualStudy(folder);
  events = [];
  ({ session, dispatch } = apiSession(folder, (event, payload) => events.push({ event, payload })));
  await session.openStudy(file);
}, 120_000);

afterAll(async () => {
  await session?.dispose();
  cleanup?.();
});

beforeEach(() => {
  events.length = 0;
});

describe('label edits in the Variables view', () => {
  const germanBefore = {
    label: { en: 'Gender', de: 'Geschlecht', it: 'Genere', fr: 'Genre', ko: '성별' },
    female: { en: 'Female', de: 'Weiblich', it: 'Donna', fr: 'Femme', ko: '여성' },
  };

  it('changes the label and a value label in the language edited, and no other', async () => {
    expect(storedLabels('gender').label).toEqual(germanBefore.label);
    const edited = await call('variables.setLabels', {
      name: 'GENDER',
      language: 'de',
      label: 'Geschlecht (selbst angegeben)',
      valueLabels: [{ code: '2', label: 'Frau' }],
    });
    expect(edited.detail.text).toBe('Geschlecht (selbst angegeben)');
    expect(edited.detail.valueLabels.find((value) => value.code === '2')?.text).toBe('Frau');
    expect(edited.undo).toEqual({ next: 'edit of gender: label and value label 2 (de)', depth: 1 });

    const stored = storedLabels('gender');
    expect(stored.label).toEqual({ ...germanBefore.label, de: 'Geschlecht (selbst angegeben)' });
    expect(stored.values['2']).toEqual({ ...germanBefore.female, de: 'Frau' });
    // Another language's labels are as they were, also as the app shows them.
    const english = await call('variables.detail', { name: 'gender', language: 'en' });
    expect(english.label).toBe('Gender');
    expect(english.valueLabels.map((value) => value.label)).toEqual([
      'Male',
      'Female',
      'Non-binary or other',
      'Prefer not to say',
    ]);
  });

  it('records the edit in the audit log and tells every window the study changed', () => {
    expect(lastAudit()).toEqual({
      action: 'variables.labelsEdited',
      details: {
        name: 'gender',
        language: 'de',
        label: { from: 'Geschlecht', to: 'Geschlecht (selbst angegeben)' },
        valueLabels: [{ code: '2', from: 'Weiblich', to: 'Frau' }],
      },
    });
  });

  it('undoes the edit: the file holds the labels it held before, in every language', async () => {
    const undone = await call('variables.undo', {});
    expect(undone).toEqual({
      undone: 'edit of gender: label and value label 2 (de)',
      undo: { next: null, depth: 0 },
    });
    const stored = storedLabels('gender');
    expect(stored.label).toEqual(germanBefore.label);
    expect(stored.values['2']).toEqual(germanBefore.female);
    expect(lastAudit()).toEqual({
      action: 'variables.undone',
      details: { undone: 'edit of gender: label and value label 2 (de)', name: 'gender' },
    });
    expect(events.map((e) => e.event)).toEqual(['study.changed']);
    await expect(call('variables.undo', {})).rejects.toThrow(
      'not-found: there is nothing to undo in the Variables view',
    );
  });

  it('adds a label in a language a variable had none in; the study label language shows it', async () => {
    // `service` came from a German file: labelled in German only, English falls back to it.
    const before = await call('variables.detail', { name: 'service', language: 'en' });
    expect(before).toMatchObject({
      label: 'Zufriedenheit mit dem Service',
      labelFallback: true,
      labelLanguage: 'de',
      text: '',
    });
    await call('variables.setLabels', {
      name: 'service',
      language: 'en',
      label: 'Satisfaction with the service',
      valueLabels: [{ code: '1', label: 'Satisfied' }],
    });
    const list = await call('variables.list', { language: 'en' });
    expect(list.find((entry) => entry.name === 'service')).toMatchObject({
      label: 'Satisfaction with the service',
      labelFallback: false,
    });
    expect(storedLabels('service')).toEqual({
      label: { de: 'Zufriedenheit mit dem Service', en: 'Satisfaction with the service' },
      values: { '1': { de: 'Zufrieden', en: 'Satisfied' }, '2': { de: 'Unzufrieden' } },
    });
    // Tables follow: the value label is the one a table of the variable shows in English.
    await call('study.setLabelLanguage', { language: 'en' });
    const table = await call('tables.run', { spec: { rows: ['service'], columns: [] } });
    expect(table.rows.map((row) => row.label)).toEqual(['Satisfied', 'Unzufrieden']);
    await call('variables.undo', {});
    expect(storedLabels('service').label).toEqual({ de: 'Zufriedenheit mit dem Service' });
  });

  it('refuses to relabel a system variable, naming why', async () => {
    await expect(
      call('variables.setLabels', { name: 'country', language: 'en', label: 'Market' }),
    ).rejects.toThrow(
      'conflict: country is a system variable: the workbench labels it (countries, waves, sources)',
    );
  });

  it('shows labels but refuses edits in a window that has the study read-only', async () => {
    const { session: other, dispatch: otherDispatch } = apiSession(folder);
    try {
      const summary = await other.openStudy(file);
      expect(summary.readOnly).toBe(true);
      const detail = await otherDispatch('variables.detail', { name: 'gender' });
      expect(detail.ok && (detail.result as { readOnlyReason: string | null }).readOnlyReason).toBe(
        summary.readOnlyReason,
      );
      const edit = await otherDispatch('variables.setLabels', {
        name: 'gender',
        language: 'en',
        label: 'Sex',
      });
      expect(edit.ok ? null : edit.error.kind).toBe('conflict');
      expect(storedLabels('gender').label.en).toBe('Gender');
    } finally {
      await other.dispose();
    }
  });

  it('forgets the undo steps when the study is closed and opened again', async () => {
    await call('variables.setLabels', { name: 'gender', language: 'fr', label: 'Sexe' });
    expect((await call('variables.undoState', {})).depth).toBe(1);
    await session.close();
    await session.openStudy(file);
    expect(await call('variables.undoState', {})).toEqual({ next: null, depth: 0 });
    expect(storedLabels('gender').label.fr).toBe('Sexe');
  });
});

describe('definitions made in the Variables view', () => {
  it('counts what a filter keeps as it is typed, without saving it', async () => {
    const table = await call('tables.run', { spec: { rows: ['gender'], columns: [] } });
    const women = table.rows.find((row) => row.label === 'Female')!.cells[0]!.n;
    expect(women).toBeGreaterThan(0);
    const preview = await call('variables.previewExpression', {
      expression: 'gender = "Weiblich"',
      as: 'filter',
    });
    expect(preview).toMatchObject({ as: 'filter', kept: women });
    // A misspelt label is what typing looks like: an answer saying where, not a failure.
    const typing = await call('variables.previewExpression', {
      expression: 'gender = "Wieblich"',
      as: 'filter',
    });
    expect(typing).toMatchObject({ as: 'invalid' });
    expect(typing.as === 'invalid' && typing.message).toMatch(
      /^expression: column 10: gender has no value labelled "Wieblich"/,
    );
    expect((await call('variables.undoState', {})).depth).toBe(0);
  });

  it("shows a derived variable's distribution per code before it is saved", async () => {
    const table = await call('tables.run', { spec: { rows: ['gender'], columns: [] } });
    const n = (label: string) => table.rows.find((row) => row.label === label)!.cells[0]!.n;
    const preview = await call('variables.previewExpression', {
      expression: 'recode(gender, 1 -> 1 "Men", 2 -> 2 "Women", 3 -> 3 "Others")',
      as: 'derived',
    });
    expect(preview).toMatchObject({
      as: 'derived',
      categories: [
        { code: 1, label: 'Men', count: n('Male') },
        { code: 2, label: 'Women', count: n('Female') },
        { code: 3, label: 'Others', count: n('Non-binary or other') },
      ],
      summary: null,
    });
  });

  it('undoes a new derived variable by removing it, and a changed filter by restoring it', async () => {
    await call('variables.define', { kind: 'filter', name: 'women', expression: 'gender = 2' });
    await call('variables.define', { kind: 'filter', name: 'women', expression: 'gender = 1' });
    const defined = await call('variables.define', {
      kind: 'derived',
      name: 'female',
      expression: 'gender = 2',
      label: 'Woman',
    });
    expect(defined.undo).toEqual({ next: 'new derived variable female', depth: 3 });
    expect((await call('variables.list', {})).some((entry) => entry.name === 'female')).toBe(true);

    await call('variables.undo', {});
    expect((await call('variables.list', {})).some((entry) => entry.name === 'female')).toBe(false);
    const undone = await call('variables.undo', {});
    expect(undone.undone).toBe('change of filter women');
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT expression FROM filters WHERE name = 'women'").get()).toEqual({
      expression: 'gender = 2',
    });
    db.close();
    await call('variables.undo', {});
    const after = new Database(file, { readonly: true });
    expect(after.prepare("SELECT count(*) AS n FROM filters WHERE name = 'women'").get()).toEqual({
      n: 0,
    });
    after.close();
  });

  it('lists a response set defined here with its members and sources, and Undo removes it', async () => {
    const defined = await call('variables.define', {
      kind: 'set',
      name: 'creating',
      label: 'Creates content',
      type: 'categories',
      variables: ['create_video', 'create_blog'],
    });
    expect(defined.summary).toBe('Response set creating saved: create_video, create_blog');
    const entry = (await call('variables.list', {})).find((e) => e.name === 'creating');
    expect(entry).toMatchObject({ type: 'multi', origin: 'set', label: 'Creates content' });
    const detail = await call('variables.detail', { name: 'creating' });
    expect(detail.set).toEqual({
      type: 'categories',
      countedValue: null,
      variables: ['create_video', 'create_blog'],
    });
    // Customers answered these questions; executives' files do not have them.
    expect(new Set(detail.sources.map((source) => source.respondentType))).toEqual(
      new Set(['customer']),
    );
    await call('variables.setLabels', { name: 'creating', language: 'ko', label: '콘텐츠 제작' });
    expect((await call('variables.detail', { name: 'creating', language: 'ko' })).label).toBe(
      '콘텐츠 제작',
    );
    await call('variables.undo', {});
    expect((await call('variables.detail', { name: 'creating', language: 'ko' })).label).toBe(
      'Creates content',
    );
    await call('variables.undo', {});
    expect((await call('variables.list', {})).some((e) => e.name === 'creating')).toBe(false);
  });

  it('refuses to undo a definition changed since by other means, and keeps the newer one', async () => {
    await call('variables.define', { kind: 'derived', name: 'young', expression: 'age < 30' });
    // The same variable redefined outside the view (the CLI's derive, the Tables view …).
    await call('variables.derive', { name: 'young', expression: 'age < 35' });
    await expect(call('variables.undo', {})).rejects.toThrow(
      'conflict: young was changed since (new derived variable young); nothing was undone',
    );
    const detail = await call('variables.detail', { name: 'young' });
    expect(detail).toMatchObject({ origin: 'derived', expression: 'age < 35' });
    expect(await call('variables.undoState', {})).toEqual({ next: null, depth: 0 });
  });
});
