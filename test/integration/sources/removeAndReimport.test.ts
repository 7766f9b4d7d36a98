/**
 * Removing a source, undoing it and re-importing a corrected file, through the real API
 * (dispatch → handlers → study worker → SQLite) on a real demo study with a derived variable, a
 * weight and the energy segmentation. What is checked is what the study file holds afterwards.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { populateDemoStudy } from '../../../src/main/demo/demoStudy';
import type { Dispatch } from '../../../src/main/handlers/dispatch';
import type { StudySession } from '../../../src/main/session/studySession';
import { closeStudyFile } from '../../../src/main/study/studyFile';
import type { EventMap, EventName, Input, MethodName, Result } from '../../../src/shared/api/index';
import { studyContent } from '../../support/studyContent';
import { tempFolder } from '../../support/studyDb';
import { createStudy, writableDb } from '../import/studyHelpers';
import { apiSession, callThrough } from '../../support/apiSession';

const CUSTOMERS = 120;
const EXECUTIVES = 15;

let folder: string;
let cleanup: () => void;
let file: string;
let session: StudySession;
let dispatch: Dispatch;
const events: Array<{ event: EventName; payload: EventMap[EventName] }> = [];

function call<K extends MethodName>(method: K, input: Input<K>): Promise<Result<K>> {
  return callThrough(dispatch, method, input);
}

async function refused<K extends MethodName>(method: K, input: Input<K>): Promise<string> {
  const outcome = await dispatch(method, input);
  if (outcome.ok) throw new Error(`${method} was expected to be refused`);
  return `${outcome.error.kind}: ${outcome.error.message}`;
}

/** Waits for a job's job.finished event. */
async function finished(jobId: string): Promise<EventMap['job.finished']> {
  for (let waited = 0; waited < 60_000; waited += 20) {
    const done = events.find(
      (entry) =>
        entry.event === 'job.finished' &&
        (entry.payload as EventMap['job.finished']).jobId === jobId,
    );
    if (done) return done.payload as EventMap['job.finished'];
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`job ${jobId} did not finish`);
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

function sourceId(fileName: string): number {
  const [row] = query<{ id: number }>('SELECT id FROM sources WHERE file_name = ?', fileName);
  if (!row) throw new Error(`no source ${fileName}`);
  return row.id;
}

/** Rows of a variable's column across all sources (sum of its chunks' row counts). */
function columnRows(variable: string): number {
  const [row] = query<{ rows: number | null }>(
    `SELECT sum(c.row_count) AS rows FROM column_chunks c JOIN variables v ON v.id = c.variable_id
     WHERE v.name = ?`,
    variable,
  );
  return row?.rows ?? 0;
}

function totalRespondents(): number {
  return query<{ n: number }>('SELECT sum(row_count) AS n FROM sources')[0]!.n;
}

function lastAudit(): { action: string; details: Record<string, unknown> } {
  const [row] = query<{ action: string; details_json: string }>(
    'SELECT action, details_json FROM audit_log ORDER BY id DESC LIMIT 1',
  );
  return { action: row!.action, details: JSON.parse(row!.details_json) as Record<string, unknown> };
}

/** A small Japanese customers' file: the demo's resp_id, age and area, and a question of its own. */
function japaneseFile(name: string, ages: number[]): string {
  const lines = ['resp_id,age,area,jp_loyalty'];
  ages.forEach((age, index) =>
    lines.push(`${9001 + index},${age},${(index % 3) + 1},${index % 5}`),
  );
  const written = path.join(folder, name);
  writeFileSync(written, `${lines.join('\n')}\n`);
  return written;
}

async function importJapanese(name: string, ages: number[]): Promise<void> {
  const { jobId } = await call('import.start', {
    path: japaneseFile(name, ages),
    country: 'JP',
    wave: '2026',
    respondentType: 'customer',
  });
  const done = await finished(jobId);
  expect(done.status, JSON.stringify(done)).toBe('done');
}

beforeAll(async () => {
  ({ folder, cleanup } = tempFolder('cew-sources-'));
  const opened = createStudy(folder, 'demo');
  await populateDemoStudy(
    writableDb(opened),
    path.join(folder, 'sources'),
    new AbortController().signal,
    () => undefined,
    { customersPerSource: CUSTOMERS, executivesPerSource: EXECUTIVES },
  );
  closeStudyFile(opened);
  file = opened.path;
  ({ session, dispatch } = apiSession(folder, (event, payload) => events.push({ event, payload })));
  await session.openStudy(file);
  await call('variables.derive', { name: 'young', expression: 'age < 35' });
  await call('weights.rim', { name: 'w_area', targets: { area: { 1: 40, 2: 40, 3: 20 } } });
}, 120_000);

afterAll(async () => {
  await session?.dispose();
  cleanup?.();
});

describe('removing a source', () => {
  it('takes out its respondents, recomputes derived variables, weights and segments, and logs it', async () => {
    const total = totalRespondents();
    const ages = columnRows('age');
    const korean = sourceId('KR_2026_customers.sss');
    events.length = 0;
    const removed = await call('sources.remove', { sourceId: korean });
    expect(removed).toMatchObject({
      sourceId: korean,
      fileName: 'KR_2026_customers.sss',
      country: 'KR',
      wave: '2026',
      respondents: CUSTOMERS,
      removedVariables: [],
      recomputed: ['young', 'w_area', 'energy'],
    });
    expect(totalRespondents()).toBe(total - CUSTOMERS);
    expect(query('SELECT 1 FROM sources WHERE id = ?', korean)).toEqual([]);
    expect(query('SELECT 1 FROM column_chunks WHERE source_id = ?', korean)).toEqual([]);
    for (const variable of ['young', 'w_area', 'energy', 'country'])
      expect(columnRows(variable), variable).toBe(total - CUSTOMERS);
    // Executives are not asked their age.
    expect(columnRows('age')).toBe(ages - CUSTOMERS);
    // The Korean executives remain, so the country and its label stay.
    expect(query("SELECT code FROM countries WHERE code = 'KR'")).toEqual([{ code: 'KR' }]);
    expect(lastAudit()).toEqual({ action: 'source.removed', details: { ...removed } });
    expect(events.some((entry) => entry.event === 'study.changed')).toBe(true);
    expect(await call('sources.undoState', {})).toEqual({
      next: { sourceId: korean, fileName: 'KR_2026_customers.sss' },
      depth: 1,
    });
  });

  it('is undone to a study identical, table by table, to the one before the removal', async () => {
    await call('sources.undoRemove', {});
    const before = studyContent(file);
    const korean = sourceId('KR_2026_customers.sss');
    await call('sources.remove', { sourceId: korean });
    expect(studyContent(file)).not.toEqual(before);
    const restored = await call('sources.undoRemove', {});
    expect(restored.fileName).toBe('KR_2026_customers.sss');
    expect(studyContent(file)).toEqual(before);
    expect(lastAudit().action).toBe('source.restored');
    expect(await call('sources.undoState', {})).toEqual({ next: null, depth: 0 });
    expect(await refused('sources.undoRemove', {})).toMatch(/^not-found: there is no removed/);
  });

  it('removes the variables and the country only that source had, and puts them back on undo', async () => {
    await importJapanese('JP_2026_customers.csv', [22, 41, 30, 58, 19, 66]);
    expect(query("SELECT name FROM variables WHERE name = 'jp_loyalty'")).toHaveLength(1);
    const before = studyContent(file);
    const removed = await call('sources.remove', {
      sourceId: sourceId('JP_2026_customers.csv'),
    });
    expect(removed.removedVariables).toEqual(['jp_loyalty']);
    expect(query("SELECT 1 FROM variables WHERE name = 'jp_loyalty'")).toEqual([]);
    expect(query("SELECT 1 FROM countries WHERE code = 'JP'")).toEqual([]);
    const countryLabels = query<{ labels_json: string }>(
      `SELECT labels_json FROM value_labels WHERE variable_id = (SELECT id FROM variables WHERE name = 'country')`,
    ).map((row) => (JSON.parse(row.labels_json) as Record<string, string>).en);
    expect(countryLabels).not.toContain('Japan');
    expect(countryLabels).toContain('South Korea');
    await call('sources.undoRemove', {});
    expect(studyContent(file)).toEqual(before);
  });

  it('cannot be undone once the study changed where the removal wrote', async () => {
    const before = studyContent(file);
    await call('sources.remove', { sourceId: sourceId('JP_2026_customers.csv') });
    await call('variables.derive', { name: 'young', expression: 'age < 40' });
    expect(await refused('sources.undoRemove', {})).toMatch(
      /^conflict: the study changed since JP_2026_customers.csv was removed/,
    );
    expect(studyContent(file)).not.toEqual(before);
    // Put the study back as the next tests expect it.
    await call('variables.derive', { name: 'young', expression: 'age < 35' });
    await importJapanese('JP_2026_customers.csv', [22, 41, 30, 58, 19, 66]);
  });

  it('is refused, changing nothing, while a derived variable uses a variable only that source has', async () => {
    await call('variables.derive', { name: 'jp_loyal', expression: 'jp_loyalty > 2' });
    const before = studyContent(file);
    expect(
      await refused('sources.remove', { sourceId: sourceId('JP_2026_customers.csv') }),
    ).toMatch(
      /^conflict: JP_2026_customers\.csv cannot be removed: .*unknown variable jp_loyalty.*nothing was removed$/s,
    );
    expect(studyContent(file)).toEqual(before);
  });

  it('is refused in a read-only window', async () => {
    const { session: reader } = apiSession(folder);
    try {
      const summary = await reader.openStudy(file);
      expect(summary.readOnly).toBe(true);
      const before = studyContent(file);
      await expect(
        reader.workerClient.call('sources.remove', { sourceId: sourceId('DE_2025_customers.sav') }),
      ).rejects.toThrow(/open read-only/);
      expect(studyContent(file)).toEqual(before);
    } finally {
      await reader.dispose();
    }
  });
});

describe('re-importing a corrected file', () => {
  it('replaces the source’s rows in place, with its country, wave and type, and recomputes', async () => {
    const old = sourceId('JP_2026_customers.csv');
    const [oldRow] = query<{ sort_order: number; sha256: string }>(
      'SELECT sort_order, sha256 FROM sources WHERE id = ?',
      old,
    );
    const total = totalRespondents();
    const ages = columnRows('age');
    const corrected = japaneseFile('JP_2026_customers_fixed.csv', [23, 42, 31, 59, 20, 67, 45, 33]);
    const { jobId } = await call('sources.reimport', { sourceId: old, path: corrected });
    const done = await finished(jobId);
    expect(done.status, JSON.stringify(done)).toBe('done');
    expect(query('SELECT 1 FROM sources WHERE id = ?', old)).toEqual([]);
    const [fresh] = query<{
      id: number;
      file_name: string;
      country_code: string;
      respondent_type: string;
      row_count: number;
      sort_order: number;
      sha256: string;
    }>(
      `SELECT id, file_name, country_code, respondent_type, row_count, sort_order, sha256 FROM sources
       WHERE file_name = 'JP_2026_customers_fixed.csv'`,
    );
    expect(fresh).toMatchObject({
      file_name: 'JP_2026_customers_fixed.csv',
      country_code: 'JP',
      respondent_type: 'customer',
      row_count: 8,
      sort_order: oldRow!.sort_order,
    });
    expect(fresh!.sha256).not.toBe(oldRow!.sha256);
    expect(totalRespondents()).toBe(total + 2);
    for (const variable of ['young', 'w_area', 'energy', 'country'])
      expect(columnRows(variable), variable).toBe(total + 2);
    expect(columnRows('age')).toBe(ages + 2);
    expect(columnRows('jp_loyalty')).toBe(8);
    const loyalty = query<{ id: number }>(
      "SELECT c.source_id AS id FROM column_chunks c JOIN variables v ON v.id = c.variable_id WHERE v.name = 'jp_loyalty'",
    );
    expect(loyalty).toEqual([{ id: fresh!.id }]);
    expect(lastAudit()).toMatchObject({
      action: 'source.reimported',
      details: { replaced: { sourceId: old, fileName: 'JP_2026_customers.csv', rows: 6 } },
    });
  });

  it('leaves the study exactly as it was when the new file is broken', async () => {
    const before = studyContent(file);
    const broken = path.join(folder, 'DE_2025_customers_fixed.sav');
    writeFileSync(broken, 'this is not an SPSS file');
    const { jobId } = await call('sources.reimport', {
      sourceId: sourceId('DE_2025_customers.sav'),
      path: broken,
    });
    const done = await finished(jobId);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/DE_2025_customers_fixed\.sav/);
    expect(studyContent(file)).toEqual(before);
  });

  it('leaves the study exactly as it was when the new file does not fit the codebook', async () => {
    const before = studyContent(file);
    const misfit = path.join(folder, 'JP_2026_customers_misfit.csv');
    writeFileSync(misfit, 'resp_id,age,area,jp_loyalty\n1,40,1,2\n2,50,2,3\n');
    // Age read as text cannot land on the study's numeric age.
    const { jobId } = await call('sources.reimport', {
      sourceId: sourceId('JP_2026_customers_fixed.csv'),
      path: misfit,
      types: { age: 'text' },
    });
    const done = await finished(jobId);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/\bage\b/);
    expect(studyContent(file)).toEqual(before);
  });
});

describe('the undo of a removal', () => {
  it('is forgotten when the study is closed', async () => {
    const removed = await call('sources.remove', { sourceId: sourceId('DE_2025_executives.sav') });
    expect((await call('sources.undoState', {})).next).toEqual({
      sourceId: removed.sourceId,
      fileName: 'DE_2025_executives.sav',
    });
    await session.close();
    await session.openStudy(file);
    expect(await call('sources.undoState', {})).toEqual({ next: null, depth: 0 });
    expect(await refused('sources.undoRemove', {})).toMatch(/^not-found: there is no removed/);
    expect(query("SELECT 1 FROM sources WHERE file_name = 'DE_2025_executives.sav'")).toEqual([]);
  });
});
