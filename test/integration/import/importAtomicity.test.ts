/**
 * An import is all or nothing: a bad file, a cancel or a killed process leaves the study exactly
 * as it was — every table compared before and after (studyContent), only the audit log may
 * differ. Bad files go through the CLI (non-zero exit, the file and the byte offset on stderr);
 * the cancel goes through the worker (StudySession.cancelJob); the kill is a SIGKILL of the CLI
 * while its transaction is being written.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventMap } from '../../../src/shared/api/events';
import { readAudit } from '../../../src/main/study/auditLog';
import { openStudyFile, closeStudyFile } from '../../../src/main/study/studyFile';
import { StudySession } from '../../../src/main/session/studySession';
import { describeWithFixtures, fixture } from '../../support/fixtures';
import { integrityCheck, studyContent } from '../../support/studyContent';
import { builtCliPath, builtWorkerPath, tempFolder } from '../../support/studyDb';
import {
  cli,
  createStudy,
  importInto,
  seededRandom,
  writeGeneratedSav,
  type GeneratedVariable,
} from './studyHelpers';

const PERSONNEL = fixture('pspp/examples/personnel.sav');

/** The big file for cancel and kill: 300,000 cases × 40 numeric variables (about 60 MB). */
async function writeBigSav(file: string): Promise<string> {
  const random = seededRandom(20260401);
  const cases = 300_000;
  const variables: GeneratedVariable[] = [];
  for (let v = 0; v < 40; v++) {
    const numbers = new Float64Array(cases);
    for (let i = 0; i < cases; i++) {
      numbers[i] = v % 2 === 0 ? Math.round(random() * 1e6) / 100 : Math.floor(random() * 5) + 1;
    }
    variables.push({ name: `v${v + 1}`, numbers, decimals: 2 });
  }
  return writeGeneratedSav(file, variables);
}

describeWithFixtures('an import is all or nothing', () => {
  let folder: string;
  let cleanup: () => void;
  let bigSav: string;

  beforeAll(async () => {
    ({ folder, cleanup } = tempFolder('cew-atomic-'));
    bigSav = await writeBigSav(path.join(folder, 'big.sav'));
  }, 60_000);
  afterAll(() => cleanup());

  /** A study with one source already in it (closed), so "unchanged" has something to keep. */
  async function studyWithOneSource(name: string): Promise<string> {
    const study = createStudy(folder, name);
    try {
      await importInto(study, PERSONNEL, { wave: '2025' });
    } finally {
      closeStudyFile(study);
    }
    return study.path;
  }

  describe('bad files: a non-zero exit naming the file and the byte offset, nothing written', () => {
    const personnel = () => readFileSync(PERSONNEL);
    const badFiles: Array<{ name: string; bytes: () => Buffer; message: RegExp }> = [
      {
        name: 'truncated inside the dictionary',
        bytes: () => personnel().subarray(0, 600),
        message: /at byte \d+/,
      },
      {
        name: 'truncated in the middle of a case',
        bytes: () => personnel().subarray(0, 3000),
        message: /at byte \d+/,
      },
      {
        name: 'truncated after 16 of its 56 cases',
        bytes: () => personnel().subarray(0, 2000),
        message: /at byte 2000: the file ends after 16 of the 56 cases its header declares/,
      },
      {
        name: 'wrong magic',
        bytes: () => Buffer.concat([Buffer.from('XXXX'), personnel().subarray(4)]),
        message: /at byte 0: not an SPSS system file/,
      },
      {
        name: 'random bytes',
        bytes: () => {
          const random = seededRandom(7);
          return Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256)));
        },
        message: /at byte 0: not an SPSS system file/,
      },
      { name: 'empty', bytes: () => Buffer.alloc(0), message: /at byte 0/ },
      {
        name: 'encrypted (pspp/tests/hotel-encrypted.sav)',
        bytes: () => readFileSync(fixture('pspp/tests/hotel-encrypted.sav')),
        message: /at byte \d+: encrypted \.sav files are not supported/,
      },
    ];

    let study: string;
    beforeAll(async () => {
      study = await studyWithOneSource('bad-files');
    });

    it.each(badFiles)('$name', ({ name, bytes, message }) => {
      const file = path.join(folder, `${name.replace(/\W+/g, '-')}.sav`);
      writeFileSync(file, bytes());
      const before = studyContent(study);
      const result = cli(['import', study, file, '--country', 'FR', '--wave', '2026'], folder);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(file);
      expect(result.stderr).toMatch(message);
      expect(studyContent(study)).toEqual(before);
      const last = readAuditOf(study).at(-1);
      expect(last).toMatchObject({
        action: 'import.failed',
        details: { file: path.basename(file) },
      });
    });
  });

  describe('a cancelled import', () => {
    const sessions: StudySession[] = [];
    afterEach(async () => {
      await Promise.all(sessions.splice(0).map((session) => session.dispose()));
    });

    it('leaves the study unchanged, and the study stays usable', async () => {
      const study = await studyWithOneSource('cancelled');
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
      sessions.push(session);
      await session.openStudy(study);
      const before = studyContent(study);

      const importJob = (file: string) =>
        session.startJob(`Importing ${file}`, (id) =>
          session.workerClient.call(
            'import.file',
            { path: file, country: 'AT', wave: '2026', respondentType: 'customer' },
            id,
          ),
        );
      const jobId = importJob(bigSav);
      // Cancel once the reader has made progress: the import is under way.
      await waitFor(() => progress.find((p) => p.jobId === jobId && p.done > 0));
      expect(await session.cancelJob(jobId)).toBe(true);
      const outcome = await waitFor(() => finished.find((f) => f.jobId === jobId));
      expect(outcome.status).toBe('cancelled');
      expect(studyContent(study)).toEqual(before);
      expect(readAuditOf(study).at(-1)).toMatchObject({
        action: 'import.cancelled',
        details: { file: 'big.sav' },
      });

      // The same session imports the next file normally.
      const nextId = importJob(PERSONNEL);
      const next = await waitFor(() => finished.find((f) => f.jobId === nextId));
      expect(next).toMatchObject({ status: 'done', result: { rows: 56 } });
    });
  });

  describe('a killed process', () => {
    it('leaves the study intact and unchanged when the CLI is killed while writing the import', async () => {
      const study = await studyWithOneSource('killed');
      const before = studyContent(study);
      const wal = `${study}-wal`;
      const child = spawn(
        process.execPath,
        [builtCliPath, 'import', study, bigSav, '--country', 'AT', '--wave', '2026'],
        {
          cwd: folder,
          stdio: 'ignore',
          env: { ...process.env, CEW_HOME: path.join(folder, 'home') },
        },
      );
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
        (resolve) => child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      let done = false;
      void exited.then(() => (done = true));
      // The import's transaction spills to the WAL as it writes its ~100 MB of chunks; kill the
      // process once several MB are there, long before the commit.
      await waitFor(
        () => done || (existsSync(wal) && statSync(wal).size > 8 * 1024 * 1024),
        30_000,
      );
      expect(done, 'the import finished before it could be killed').toBe(false);
      child.kill('SIGKILL');
      expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });

      expect(integrityCheck(study)).toBe('ok');
      expect(studyContent(study, { readOnly: false })).toEqual(before);
      // The stale lock is taken over: the study imports again.
      const again = cli(['import', study, PERSONNEL, '--country', 'AT', '--wave', '2026'], folder);
      expect(again.code, again.stderr).toBe(0);
    });
  });
});

function readAuditOf(study: string): ReturnType<typeof readAudit> {
  const open = openStudyFile(study, { readOnly: true });
  try {
    return readAudit(open.db);
  } finally {
    closeStudyFile(open);
  }
}

function waitFor<T>(check: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const value = check();
      if (value !== undefined && value !== false) return resolve(value);
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out waiting'));
      setTimeout(tick, 5);
    };
    tick();
  });
}
