/**
 * LibreOffice headless as an independent reader of the .xlsx files we write (a test tool, never
 * shipped). Like the PSPP guard: without it a test is skipped with the reason in its name, except
 * under CI=true, where .ci/run installs it and its absence is a failure.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import { itRequiring, type Requirement } from './requiredTool';

export const libreOfficeAvailable =
  spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

/** The CSV filter: the first sheet, recalculated, comma-separated, in UTF-8. */
export const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76';

/**
 * Converts `file` with LibreOffice headless into `outDir` — `target` is `pdf` or CSV_FILTER — with a user
 * profile of its own beside it, and returns the converted file's path. A failed conversion fails
 * the test with LibreOffice's message.
 */
export function libreOfficeConvert(
  file: string,
  target: string,
  outDir: string,
  timeout = 120_000,
): string {
  const run = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${outDir}-profile`,
      '--headless',
      '--convert-to',
      target,
      '--outdir',
      outDir,
      file,
    ],
    { encoding: 'utf8', timeout },
  );
  expect(run.status, run.stderr).toBe(0);
  const extension = target.split(':')[0]!;
  return path.join(outDir, `${path.basename(file, path.extname(file))}.${extension}`);
}

const libreOffice: Requirement = {
  available: libreOfficeAvailable,
  missing:
    'LibreOffice (soffice) is not on PATH (apt-get install libreoffice-calc libreoffice-impress)',
};

export function itWithLibreOffice(name: string, body: () => void, timeout?: number): void {
  itRequiring(libreOffice, name, body, timeout);
}
