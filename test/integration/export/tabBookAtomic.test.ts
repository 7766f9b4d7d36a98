/**
 * A tab book that fails or is cancelled leaves nothing at its target: no file, no partial file
 * beside it, and a file already there stays as it was — whether writeTabBook is called directly
 * or the worker's `tables.exportTabBook` job is cancelled between tables.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeTabBook, type TabBookTable } from '../../../src/main/export/tabBook';
import { StudySession } from '../../../src/main/session/studySession';
import { closeStudyFile } from '../../../src/main/study/studyFile';
import type { EventMap } from '../../../src/shared/api/events';
import { builtWorkerPath, tempFolder } from '../../support/studyDb';
import { createStudy, importInto, writeGeneratedSav } from '../import/studyHelpers';

let folder: string;
let cleanup: () => void;
beforeEach(() => ({ folder, cleanup } = tempFolder('cew-tabbook-atomic-')));
afterEach(() => cleanup());

/** A one-row table: enough for a sheet. */
function table(title: string): TabBookTable {
  const base = { n: 10, wn: 10, effective: 10, lowBase: true };
  return {
    title,
    result: {
      columns: [
        { id: 'total', variable: 'total', code: null, label: 'Total', letter: null, group: -1 },
      ],
      rows: [
        {
          variable: 'q',
          code: 1,
          label: 'Yes',
          cells: [{ n: 5, wn: 5, colPct: 50, rowPct: 100, sig: '' }],
        },
      ],
      bases: [base],
      tests: { pairs: [], notes: [] },
      footnote: 'Unweighted',
    },
  };
}

const tables = ['one', 'two', 'three'].map(table);

/** Files in the folder other than the ones named. */
function leftovers(...expected: string[]): string[] {
  return readdirSync(folder).filter((name) => !expected.includes(name));
}

describe('writeTabBook', () => {
  it('writes the book when nothing goes wrong', async () => {
    const file = path.join(folder, 'book.xlsx');
    await writeTabBook(file, tables);
    expect(existsSync(file)).toBe(true);
    expect(leftovers('book.xlsx')).toEqual([]);
  });

  it('leaves no file when it fails part way', async () => {
    const file = path.join(folder, 'book.xlsx');
    await expect(
      writeTabBook(file, tables, {
        onProgress: (done) => {
          if (done === 2) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(existsSync(file)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('leaves a file already at the target as it was when cancelled', async () => {
    const file = path.join(folder, 'book.xlsx');
    writeFileSync(file, 'the previous book');
    const controller = new AbortController();
    await expect(
      writeTabBook(file, tables, {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(readFileSync(file, 'utf8')).toBe('the previous book');
    expect(leftovers('book.xlsx')).toEqual([]);
  });

  it('refuses a target in a folder that does not exist', async () => {
    await expect(writeTabBook(path.join(folder, 'no', 'book.xlsx'), tables)).rejects.toThrow(
      /no such folder/,
    );
  });
});

describe('the tables.exportTabBook job', () => {
  it('stops between tables when cancelled and leaves no file', async () => {
    const opened = createStudy(folder, 'small');
    const rows = 2_000;
    await importInto(
      opened,
      await writeGeneratedSav(path.join(folder, 'answers.sav'), [
        { name: 'a', numbers: Array.from({ length: rows }, (_, i) => (i % 3) + 1) },
        { name: 'b', numbers: Array.from({ length: rows }, (_, i) => (i % 2) + 1) },
      ]),
    );
    closeStudyFile(opened);
    const finished: Array<EventMap['job.finished']> = [];
    const progress: Array<EventMap['job.progress']> = [];
    const session = new StudySession({
      workerPath: builtWorkerPath,
      appVersion: 'test',
      emit: (event, payload) => {
        if (event === 'job.finished') finished.push(payload as EventMap['job.finished']);
        if (event === 'job.progress') progress.push(payload as EventMap['job.progress']);
      },
    });
    try {
      await session.openStudy(opened.path);
      const file = path.join(folder, 'many.xlsx');
      const specs = Array.from({ length: 1_000 }, () => ({
        rows: ['a'],
        columns: [{ variables: ['b'] }],
      }));
      const jobId = session.startJob('tab book', (id) =>
        session.workerClient.call('tables.exportTabBook', { specs, path: file }, id),
      );
      await expect.poll(() => progress.some((p) => p.jobId === jobId && p.done > 0)).toBe(true);
      expect(await session.cancelJob(jobId)).toBe(true);
      await expect.poll(() => finished.find((f) => f.jobId === jobId)?.status).toBe('cancelled');
      expect(existsSync(file)).toBe(false);
      expect(leftovers('small.cew', 'answers.sav').filter((name) => name.includes('many'))).toEqual(
        [],
      );
    } finally {
      await session.dispose();
    }
  });
});
