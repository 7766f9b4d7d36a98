/**
 * k-means in a study: inputs read with their user-missing codes as missing (those respondents are
 * counted as excluded), a filter as the base, the clustering saved as a segment variable with its
 * centres and scaling, new respondents placed at the nearest stored centre when a source is
 * imported, and a cancelled job leaving the study as it was.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStudyFile, type OpenStudy } from '../../../src/main/study/studyFile';
import { ColumnCache } from '../../../src/main/worker/columnCache';
import {
  listSegmentations,
  recomputeSegments,
  runKMeans,
} from '../../../src/main/worker/studySegments';
import { studyTableData } from '../../../src/main/worker/studyTableData';
import { kmeansInput } from '../../../src/shared/api/segments';
import type { KMeansDefinition } from '../../../src/shared/domain/segments';
import { tempFolder } from '../../support/studyDb';
import {
  createStudy,
  importInto,
  writableDb,
  writeGeneratedSav,
  type GeneratedVariable,
} from '../import/studyHelpers';

const DK = 99;
/** Two groups: low spenders who rarely buy online, high spenders who often do; then two refusals. */
const SPEND = [10, 12, 11, 9, 10, 100, 98, 103, 101, 97, DK, 50];
const ONLINE = [1, 2, 1, 1, 2, 9, 8, 10, 9, 8, 5, null];

function file(spend: number[], online: Array<number | null>): GeneratedVariable[] {
  return [
    { name: 'resp_id', numbers: spend.map((_, i) => i + 1) },
    { name: 'spend', numbers: spend, missing: { kind: 'discrete', values: [DK] } },
    { name: 'online_buys', numbers: online },
  ];
}

let folder: string;
let cleanup: () => void;
let study: OpenStudy;
const never = new AbortController().signal;

beforeEach(async () => {
  ({ folder, cleanup } = tempFolder('cew-kmeans-'));
  study = createStudy(folder);
  await importInto(study, await writeGeneratedSav(path.join(folder, 'a.sav'), file(SPEND, ONLINE)));
});
afterEach(() => {
  closeStudyFile(study);
  cleanup();
});

const input = (extra: Record<string, unknown> = {}) =>
  kmeansInput.parse({ variables: ['spend', 'online_buys'], k: 2, seed: 1, ...extra });

describe('k-means in a study', () => {
  it('clusters the respondents with every input, counting the others as excluded', async () => {
    const report = await runKMeans(
      study.db,
      null,
      new ColumnCache(study.db),
      input(),
      never,
      () => {},
    );
    expect(report.included).toBe(10);
    expect(report.excluded).toBe(2);
    expect(report.saved).toBeNull();
    const [solution] = report.solutions;
    expect(solution!.clusters.map((c) => c.size)).toEqual([5, 5]);
    const centres = solution!.clusters.map((c) => c.center);
    expect(centres.map((c) => c.spend).sort((a, b) => a! - b!)).toEqual([10.4, 99.8]);
    expect(report.scaling.map((s) => s.variable)).toEqual(['spend', 'online_buys']);
  });

  it('clusters only the respondents a filter keeps', async () => {
    const report = await runKMeans(
      study.db,
      null,
      new ColumnCache(study.db),
      input({ filter: 'resp_id >= 3' }),
      never,
      () => {},
    );
    expect(report.included).toBe(8);
    expect(report.excluded).toBe(2);
  });

  it('saves the clustering as a named segment variable and places new respondents at its centres', async () => {
    const report = await runKMeans(
      study.db,
      writableDb(study),
      new ColumnCache(study.db),
      input({ name: 'spenders', labels: ['Low', 'High'] }),
      never,
      () => {},
    );
    expect(report.saved).toBe('spenders');
    const low = report.solutions[0]!.clusters.find((c) => c.label === 'Low')!;
    expect(low.center.spend).toBeCloseTo(10.4, 10);
    const values = () =>
      Array.from(studyTableData(study.db, new ColumnCache(study.db)).variable('spenders').values);
    const lowId = low.id;
    const highId = 3 - lowId;
    const groupOf = SPEND.map((spend, i) =>
      spend === DK || ONLINE[i] === null ? Number.NaN : spend < 50 ? lowId : highId,
    );
    expect(values()).toEqual(groupOf);
    const [saved] = listSegmentations(study.db, new ColumnCache(study.db));
    expect(saved!.method).toBe('kmeans');
    expect(saved!.segments.map((s) => s.label)).toEqual(['Low', 'High']);
    const definition = saved!.definition as KMeansDefinition;
    expect(definition.scaling.map((s) => s.variable)).toEqual(['spend', 'online_buys']);
    expect(definition.centers).toHaveLength(2);

    await importInto(
      study,
      await writeGeneratedSav(path.join(folder, 'b.sav'), file([95, 8], [7, 1])),
      { country: 'IT', afterWrite: (db) => void recomputeSegments(db, new ColumnCache(db)) },
    );
    expect(values()).toEqual([...groupOf, highId, lowId]);
  });

  it('refuses to save in a study open read-only, and to name clusters of a range of k', async () => {
    await expect(
      runKMeans(study.db, null, new ColumnCache(study.db), input({ name: 'x' }), never, () => {}),
    ).rejects.toThrow(/read-only/);
    await expect(
      runKMeans(
        study.db,
        null,
        new ColumnCache(study.db),
        input({ k: { from: 2, to: 3 }, labels: ['a', 'b'] }),
        never,
        () => {},
      ),
    ).rejects.toThrow(/name the clusters of one k/);
    expect(
      kmeansInput.safeParse({ variables: ['spend'], k: { from: 2, to: 3 }, name: 'x' }).success,
    ).toBe(false);
  });

  it('stops at the next iteration when cancelled, leaving nothing saved', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      runKMeans(
        study.db,
        writableDb(study),
        new ColumnCache(study.db),
        input({ name: 'spenders' }),
        controller.signal,
        () => {},
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(listSegmentations(study.db, new ColumnCache(study.db))).toEqual([]);
  });
});
