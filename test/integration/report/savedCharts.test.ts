/** Saved charts: kept in the study file by the worker, replaced on the same name, deleted, audited. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudySession } from '../../../src/main/session/studySession';
import { closeStudyFile } from '../../../src/main/study/studyFile';
import type { ChartSpec } from '../../../src/shared/domain/chart';
import { apiMethods } from '../../../src/shared/api/index';
import { builtWorkerPath, tempFolder } from '../../support/studyDb';
import { createStudy } from '../import/studyHelpers';

const SHARES: ChartSpec = {
  kind: 'percentStackedBar',
  table: { rows: ['energy'], columns: [{ variables: ['country'] }] },
  value: 'colPct',
  hideTotal: true,
};

let folder: string;
let cleanup: () => void;
let session: StudySession;

beforeAll(async () => {
  ({ folder, cleanup } = tempFolder('cew-charts-'));
  const opened = createStudy(folder, 'charts');
  closeStudyFile(opened);
  session = new StudySession({
    workerPath: builtWorkerPath,
    appVersion: 'test',
    emit: () => undefined,
  });
  await session.openStudy(path.join(folder, path.basename(opened.path)));
});

afterAll(async () => {
  await session?.dispose();
  cleanup();
});

describe('saved charts', () => {
  it('are listed by name with their spec after saving, and saving the same name (any case) replaces the chart', async () => {
    await session.workerClient.call('charts.save', { name: 'Shares', spec: SHARES });
    await session.workerClient.call('charts.save', {
      name: 'shares',
      spec: { ...SHARES, kind: 'bar' },
    });
    await session.workerClient.call('charts.save', { name: 'By wave', spec: SHARES });
    const saved = await session.workerClient.call('charts.saved', {});
    expect(saved.map((chart) => [chart.name, chart.spec.kind])).toEqual([
      ['By wave', 'percentStackedBar'],
      ['shares', 'bar'],
    ]);
    expect(saved[1]!.spec.table).toEqual(SHARES.table);
  });

  it('are deleted by name; deleting a name that is not there says so', async () => {
    expect(await session.workerClient.call('charts.delete', { name: 'BY WAVE' })).toEqual({
      deleted: true,
    });
    expect(await session.workerClient.call('charts.delete', { name: 'By wave' })).toEqual({
      deleted: false,
    });
    expect((await session.workerClient.call('charts.saved', {})).map((c) => c.name)).toEqual([
      'shares',
    ]);
  });

  it('reject a spec whose kind is not a chart kind, naming the field', () => {
    const parsed = apiMethods['charts.save'].input.safeParse({
      name: 'x',
      spec: { ...SHARES, kind: 'radar' },
    });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues[0]?.path)).toBe('["spec","kind"]');
  });
});
