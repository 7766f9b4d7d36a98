/**
 * One writer per study. A lock file beside the study (`<study>.cew.lock`) says which process has it
 * open for writing; a second window or process gets a read-only view and is told who holds it.
 * A lock left by a process that no longer runs on this machine is stale and taken over.
 * The lock is held by the session in the main thread, not by the worker, so a crashed and
 * restarted worker reopens the study it already owns.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';

interface LockContent {
  pid: number;
  host: string;
  owner: string;
  since: string;
}

export interface StudyLock {
  path: string;
  owner: string;
  release(): void;
}

export type LockAttempt = { acquired: true; lock: StudyLock } | { acquired: false; reason: string };

export function lockPathFor(studyPath: string): string {
  return `${studyPath}.lock`;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(lockPath: string): LockContent | null {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockContent>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return {
      pid: parsed.pid,
      host: parsed.host,
      owner: String(parsed.owner ?? ''),
      since: String(parsed.since ?? ''),
    };
  } catch {
    return null;
  }
}

/** In-process registry: two windows of this process are two owners of the same pid. */
const heldHere = new Set<string>();

export function tryLockStudy(studyPath: string): LockAttempt {
  const lockPath = lockPathFor(studyPath);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      const content: LockContent = {
        pid: process.pid,
        host: hostname(),
        owner: randomUUID(),
        since: new Date().toISOString(),
      };
      writeSync(fd, JSON.stringify(content));
      closeSync(fd);
      heldHere.add(lockPath);
      const lock: StudyLock = {
        path: lockPath,
        owner: content.owner,
        release() {
          if (!heldHere.delete(lockPath)) return;
          const current = readLock(lockPath);
          if (current?.owner === content.owner) rmSync(lockPath, { force: true });
        },
      };
      return { acquired: true, lock };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        // A folder we may not write to (a read-only share): the study can still be read.
        return {
          acquired: false,
          reason: `the study's folder cannot be written to (${(error as Error).message})`,
        };
      }
      const holder = readLock(lockPath);
      const stale =
        holder !== null &&
        holder.host === hostname() &&
        !heldHere.has(lockPath) &&
        !processIsAlive(holder.pid);
      if (holder === null || stale) {
        rmSync(lockPath, { force: true });
        continue;
      }
      const who =
        holder.pid === process.pid
          ? 'another window of this workbench'
          : `another workbench (process ${holder.pid} on ${holder.host}, since ${holder.since})`;
      return { acquired: false, reason: `${who} has this study open for editing` };
    }
  }
  return { acquired: false, reason: 'the study lock could not be taken' };
}
