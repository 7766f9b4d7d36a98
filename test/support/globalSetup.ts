/**
 * Tests that start the study worker or browser mode use the built bundles in out/ (one worker
 * bundle serves Electron, browser mode, the CLI and the tests), so build them once up front
 * unless they are newer than every source file.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  // For a quick run of tests that need no bundle (CEW_SKIP_BUILD=1); npm test always builds.
  if (process.env.CEW_SKIP_BUILD === '1') return;
  const root = path.resolve(import.meta.dirname, '..', '..');
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'ensure-built.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building out/ for the tests failed');
}
