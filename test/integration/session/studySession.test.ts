import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap, EventName } from '../../../src/shared/api/events';
import { StudySession } from '../../../src/main/session/studySession';
import { builtWorkerPath, tempFolder } from '../../support/studyDb';

type Recorded = { event: EventName; payload: EventMap[EventName] };

function waitFor<T>(check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const value = check();
      if (value !== undefined) return resolve(value);
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out waiting'));
      setTimeout(tick, 10);
    };
    tick();
  });
}

describe('a study session (worker thread owning the study)', () => {
  let folder: string;
  let cleanup: () => void;
  const sessions: StudySession[] = [];
  let events: Recorded[];

  function newSession(): StudySession {
    const session = new StudySession({
      workerPath: builtWorkerPath,
      appVersion: 'test',
      emit: (event, payload) => events.push({ event, payload }),
    });
    sessions.push(session);
    return session;
  }

  beforeEach(() => {
    ({ folder, cleanup } = tempFolder());
    events = [];
  });
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.dispose()));
    cleanup();
  });

  it('creates a study, describes it, closes it and reopens it', async () => {
    const session = newSession();
    const file = path.join(folder, 'Wave one.cew');
    const created = await session.create(file);
    expect(created).toMatchObject({ name: 'Wave one', path: file, readOnly: false });
    const description = await session.workerClient.call('study.describe', {});
    expect(description).toMatchObject({ sources: [], variables: [], respondents: 0 });
    await session.close();
    const reopened = await session.openStudy(file);
    expect(reopened.studyId).toBe(created.studyId);
    expect(events.map((e) => e.event)).toEqual(['study.changed', 'study.changed', 'study.changed']);
  });

  it('gives a second window a read-only view and says why', async () => {
    const file = path.join(folder, 'shared.cew');
    await newSession().create(file);
    const second = await newSession().openStudy(file);
    expect(second.readOnly).toBe(true);
    expect(second.readOnlyReason).toMatch(/another window of this workbench has this study open/);
  });

  it('refuses changes in a read-only view with a clear error', async () => {
    const file = path.join(folder, 'shared.cew');
    await newSession().create(file);
    const viewer = newSession();
    await viewer.openStudy(file);
    await expect(viewer.rename('mine now')).rejects.toThrow(/open read-only/);
  });

  it('restarts a dead worker and reopens the study intact, telling the user', async () => {
    const session = newSession();
    const file = path.join(folder, 'resilient.cew');
    const created = await session.create(file);
    await session.rename('Renamed before the crash');
    await session.workerClient.kill();
    const restarted = await waitFor(() => events.find((e) => e.event === 'worker.restarted'));
    expect(restarted.payload).toMatchObject({ reopened: true });
    const summary = await session.workerClient.call('study.summary', {});
    expect(summary).toMatchObject({
      studyId: created.studyId,
      name: 'Renamed before the crash',
      readOnly: false,
    });
    const integrity = new Database(file, { readonly: true }).pragma('integrity_check', {
      simple: true,
    });
    expect(integrity).toBe('ok');
  });

  it('runs the study check as a job that reports progress and finishes', async () => {
    const session = newSession();
    await session.create(path.join(folder, 'check.cew'));
    const jobId = session.startJob('Checking', (id) =>
      session.workerClient.call('study.verify', {}, id),
    );
    const finished = await waitFor(() => events.find((e) => e.event === 'job.finished'));
    expect(finished.payload).toMatchObject({
      jobId,
      status: 'done',
      result: { ok: true, problems: [] },
    });
    expect(events.some((e) => e.event === 'job.progress')).toBe(true);
    expect(session.jobs.list()).toEqual([]);
  });

  it('fails the running calls, not the app, when the worker dies mid-call', async () => {
    const session = newSession();
    await session.create(path.join(folder, 'x.cew'));
    const pending = session.workerClient.call('study.describe', {});
    await session.workerClient.kill();
    await expect(pending).rejects.toThrow(/study worker stopped/);
  });
});
