/**
 * Where the shared survey fixtures live. Tests read them in place (never copied into the repo):
 * CEW_FIXTURES, else ../shared/fixtures beside the repository. Without the folder, fixture tests
 * are skipped with the reason — except under CI=true, where a missing folder fails the run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describeRequiring } from './requiredTool';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export const fixturesDir = path.resolve(
  process.env.CEW_FIXTURES ?? path.join(repoRoot, '..', 'shared', 'fixtures'),
);

export const fixturesAvailable = existsSync(fixturesDir);

/** Absolute path of a fixture, e.g. `fixture('haven/iris.sav')`. */
export function fixture(relativePath: string): string {
  return path.join(fixturesDir, relativePath);
}

/** `describe` for suites that need ../shared/fixtures (see requiredTool.ts). */
export function describeWithFixtures(name: string, body: () => void): void {
  describeRequiring(
    {
      available: fixturesAvailable,
      missing: `fixtures folder ${fixturesDir} not found (set CEW_FIXTURES)`,
    },
    name,
    body,
  );
}
