#!/usr/bin/env node
// Builds out/ with electron-vite when any source is newer than the last build, silently: the
// build's own output is shown only if it fails, so `npm run cli` and `npm run web` print nothing
// but their own output.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'out', '.build-stamp');
const inputs = ['src', 'resources', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function isBuildFresh() {
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  return inputs.every((input) => newestMtime(path.join(root, input)) <= built);
}

// Outside out/, which the build empties.
const lock = path.join(root, 'node_modules', '.cew-build-lock');

/**
 * Two commands started together (a test run and `npm run web`) must not both write out/: the
 * second waits for the first's build and then finds it fresh. A lock older than ten minutes was
 * left by a killed build and is taken over.
 */
function takeBuildLock() {
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch {
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 600_000)
        rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
}

export function ensureBuilt() {
  if (isBuildFresh()) return;
  takeBuildLock();
  let built;
  try {
    built = buildUnlocked();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  if (!built) {
    process.stderr.write('cew: the build failed (see above)\n');
    process.exit(1);
  }
}

/** Builds unless another command just did; false when the build failed. */
function buildUnlocked() {
  if (isBuildFresh()) return true;
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    },
  );
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    return false;
  }
  writeFileSync(stamp, new Date(started).toISOString());
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  ensureBuilt();
