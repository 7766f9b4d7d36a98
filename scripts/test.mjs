#!/usr/bin/env node
// `npm test`: every check CI runs, in order — build, type check, lint (ESLint, Prettier, no
// focused tests, Electron security scan), unit and integration tests, then end-to-end tests in
// Chromium against browser mode. Every step runs even if an earlier one failed, and the run ends
// with one plain summary line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const reports = mkdtempSync(path.join(tmpdir(), 'cew-test-'));
const failures = [];
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(name, command, args) {
  process.stdout.write(`\n=== ${name}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) failures.push(name);
}

function vitestStep(project) {
  const report = path.join(reports, `${project}.json`);
  step(`vitest ${project}`, bin('vitest'), [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests ?? 0;
    totals.failed += json.numFailedTests ?? 0;
    totals.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    if ((json.numTotalTests ?? 0) === 0) failures.push(`vitest ${project} ran no test`);
  } catch {
    failures.push(`vitest ${project} wrote no report`);
  }
}

step('build', process.execPath, [path.join(root, 'scripts', 'ensure-built.mjs')]);
step('typecheck', bin('tsc'), ['-b']);
step('eslint', bin('eslint'), ['.', '--max-warnings', '0']);
step('prettier', bin('prettier'), ['--check', '.']);
step('no focused tests', process.execPath, [path.join(root, 'scripts', 'check-no-only.mjs')]);
step('electronegativity', process.execPath, [path.join(root, 'scripts', 'electronegativity.mjs')]);
vitestStep('unit');
vitestStep('e2e');
rmSync(reports, { recursive: true, force: true });

process.stdout.write('\n');
if (failures.length > 0) process.stdout.write(`failed steps: ${failures.join(', ')}\n`);
process.stdout.write(
  `tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
process.exit(failures.length > 0 ? 1 : 0);
