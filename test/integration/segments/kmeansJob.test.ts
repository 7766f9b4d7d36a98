/**
 * k-means as a job of the study worker (the built out/main/studyWorker.js), as the app runs it:
 * progress events while it runs, the KMeansReport with job.finished, and a cancel that stops it
 * at the next iteration.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap, EventName } from '../../../src/shared/api/events';
import type { KMeansReport } from '../../../src/shared/domain/segments';
import { StudySession } from '../../../src/main/session/studySession';
import { seededRandom } from '../../../src/main/analysis/segmentation/seededRandom';
import { builtWorkerPath, tempFolder } from '../../support/studyDb';
import { closeStudyFile } from '../../../src/main/study/studyFile';
import { createStudy, importInto, writeGeneratedSav } from '../import/studyHelpers';

type Recorded = { event: EventName; payload: EventMap[EventName] };

function waitFor<T>(check: () => T | undefined, timeoutMs = 60_000): Promise<T> {
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

let folder: string;
let cleanup: () => void;
let session: StudySession;
let events: Recorded[];
let study: string;

beforeEach(async () => {
  ({ folder, cleanup } = tempFolder('cew-kmeans-job-'));
  events = [];
  const random = seededRandom(3);
  const rows = 20_000;
  const opened = createStudy(folder, 'clusters');
  await importInto(
    opened,
    await writeGeneratedSav(
      path.join(folder, 'answers.sav'),
      ['a', 'b', 'c'].map((name) => ({
        name,
        numbers: Float64Array.from({ length: rows }, () => Math.round(random() * 100) / 10),
        decimals: 1,
      })),
    ),
  );
  closeStudyFile(opened);
  study = opened.path;
  session = new StudySession({
    workerPath: builtWorkerPath,
    appVersion: 'test',
    emit: (event, payload) => events.push({ event, payload }),
  });
  await session.openStudy(study);
});

afterEach(async () => {
  await session.dispose();
  cleanup();
});

function finished(jobId: string) {
  return waitFor(
    () =>
      events.find(
        (e) =>
          e.event === 'job.finished' && (e.payload as EventMap['job.finished']).jobId === jobId,
      )?.payload as EventMap['job.finished'] | undefined,
  );
}

describe('segments.kmeans as a worker job', () => {
  it('reports progress and ends with the report', async () => {
    const jobId = session.startJob('k-means', (id) =>
      session.workerClient.call(
        'segments.kmeans',
        { variables: ['a', 'b', 'c'], k: { from: 2, to: 3 }, restarts: 2 },
        id,
      ),
    );
    const done = await finished(jobId);
    expect(done.status).toBe('done');
    const report = done.result as KMeansReport;
    expect(report.solutions.map((s) => s.k)).toEqual([2, 3]);
    expect(report.included).toBe(20_000);
    expect(report.silhouetteSample).toBe(10_000);
    const progress = events.filter(
      (e) => e.event === 'job.progress' && (e.payload as EventMap['job.progress']).jobId === jobId,
    );
    expect(progress.length).toBeGreaterThan(1);
  });

  it('stops when cancelled', async () => {
    const jobId = session.startJob('k-means', (id) =>
      session.workerClient.call(
        'segments.kmeans',
        { variables: ['a', 'b', 'c'], k: 12, restarts: 1000, name: 'never' },
        id,
      ),
    );
    await waitFor(() =>
      events.find(
        (e) =>
          e.event === 'job.progress' &&
          (e.payload as EventMap['job.progress']).jobId === jobId &&
          (e.payload as EventMap['job.progress']).done > 0,
      ),
    );
    expect(await session.cancelJob(jobId)).toBe(true);
    const done = await finished(jobId);
    expect(done.status).toBe('cancelled');
    const list = await session.workerClient.call('segments.list', {});
    expect(list).toEqual([]);
  });
});
