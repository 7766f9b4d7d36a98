/**
 * LibreOffice headless as an independent reader of the .xlsx files we write (a test tool, never
 * shipped). Like the PSPP guard: without it a test is skipped with the reason in its name, except
 * under CI=true, where .ci/run installs it and its absence is a failure.
 */
import { spawnSync } from 'node:child_process';
import { it } from 'vitest';

export const libreOfficeAvailable =
  spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

export function itWithLibreOffice(name: string, body: () => void, timeout?: number): void {
  if (libreOfficeAvailable) {
    it(name, body, timeout);
    return;
  }
  if (process.env.CI === 'true') {
    it(name, () => {
      throw new Error(
        'LibreOffice (soffice) is not on PATH; CI requires it (apt-get install libreoffice-calc libreoffice-impress)',
      );
    });
    return;
  }
  it.skip(
    `${name} — skipped: LibreOffice (soffice) is not on PATH (apt-get install libreoffice-calc libreoffice-impress)`,
    body,
  );
}
