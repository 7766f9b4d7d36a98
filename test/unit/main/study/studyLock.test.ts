import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockPathFor, tryLockStudy } from '../../../../src/main/study/studyLock';
import { tempFolder } from '../../../support/studyDb';

describe('the study lock', () => {
  let folder: string;
  let cleanup: () => void;
  beforeEach(() => ({ folder, cleanup } = tempFolder()));
  afterEach(() => cleanup());

  it('lets one holder write and tells a second one who has the study', () => {
    const study = path.join(folder, 's.cew');
    const first = tryLockStudy(study);
    expect(first.acquired).toBe(true);
    const second = tryLockStudy(study);
    expect(second).toEqual({
      acquired: false,
      reason: 'another window of this workbench has this study open for editing',
    });
    if (first.acquired) first.lock.release();
    expect(tryLockStudy(study).acquired).toBe(true);
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const study = path.join(folder, 's.cew');
    writeFileSync(
      lockPathFor(study),
      JSON.stringify({
        pid: 2 ** 22 + 12345,
        host: hostname(),
        owner: 'gone',
        since: '2020-01-01',
      }),
    );
    expect(tryLockStudy(study).acquired).toBe(true);
  });

  it('respects a lock held by a running process elsewhere', () => {
    const study = path.join(folder, 's.cew');
    writeFileSync(
      lockPathFor(study),
      JSON.stringify({ pid: 1, host: 'colleague-laptop', owner: 'x', since: 'today' }),
    );
    const attempt = tryLockStudy(study);
    expect(attempt.acquired).toBe(false);
    if (!attempt.acquired) expect(attempt.reason).toMatch(/colleague-laptop/);
  });
});
