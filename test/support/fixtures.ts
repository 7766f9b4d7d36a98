/**
 * Where the shared survey fixtures live. Tests read them in place (never copied into the repo):
 * CEW_FIXTURES, else ../shared/fixtures beside the repository. Without the folder, fixture tests
 * are skipped with the reason — except under CI=true, where a missing folder fails the run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export const fixturesDir = path.resolve(
  process.env.CEW_FIXTURES ?? path.join(repoRoot, '..', 'shared', 'fixtures'),
);

export const fixturesAvailable = existsSync(fixturesDir);

/** Absolute path of a fixture, e.g. `fixture('haven/iris.sav')`. */
export function fixture(relativePath: string): string {
  return path.join(fixturesDir, relativePath);
}

/** `describe` for suites that need ../shared/fixtures: skipped with a reason when absent, failing under CI. */
export function describeWithFixtures(name: string, body: () => void): void {
  if (fixturesAvailable) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      throw new Error(
        `fixtures folder ${fixturesDir} is missing (set CEW_FIXTURES); CI requires it`,
      );
    });
    return;
  }
  describe.skip(
    `${name} — skipped: fixtures folder ${fixturesDir} not found (set CEW_FIXTURES)`,
    body,
  );
}
