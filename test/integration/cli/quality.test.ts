/**
 * The data-quality check as a user reaches it: `cew quality` (the built out/main/cli.js) and the
 * `study.dataQuality` API method, both through the study worker. The rules themselves are
 * specified in test/integration/harmonise/dataQuality.test.ts.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppHost } from '../../../src/main/appHost';
import { closeStudyFile } from '../../../src/main/study/studyFile';
import type { DataQualityReport } from '../../../src/shared/domain/dataQuality';
import { builtWorkerPath, tempFolder } from '../../support/studyDb';
import { cli, createStudy, importInto } from '../import/studyHelpers';

/** `rows` respondents whose q1 cycles through `codes`. */
function csv(folder: string, name: string, rows: number, codes: number[]): string {
  const lines = [
    'id,q1',
    ...Array.from({ length: rows }, (_, i) => `${i + 1},${codes[i % codes.length]}`),
  ];
  const file = path.join(folder, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Germany with 120 customers; Italy with 80, some of whom gave code 7, which no German gave. */
async function studyWithProblems(folder: string): Promise<string> {
  const study = createStudy(folder, 'energy');
  const types = { q1: 'single' as const };
  await importInto(study, csv(folder, 'de.csv', 120, [1, 2, 3]), { country: 'DE', types });
  await importInto(study, csv(folder, 'it.csv', 80, [1, 2, 3, 7]), { country: 'IT', types });
  closeStudyFile(study);
  return study.path;
}

describe('cew quality', () => {
  let folder: string;
  let cleanup: () => void;
  beforeEach(() => ({ folder, cleanup } = tempFolder()));
  afterEach(() => cleanup());

  it('prints the findings grouped by kind, each with what to do', async () => {
    await studyWithProblems(folder);
    const { code, stdout, stderr } = cli(['quality', 'energy.cew'], folder);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'Data quality: 2 warnings across 2 sources (2 countries, 1 wave).',
        '',
        'Codes answered in one country only (1)',
        '  ! q1 code 7 was answered by 20 respondents in Italy (IT) and by no one in Germany (DE).',
        '    → If it is an answer that Germany (DE) codes differently, merge code 7 into that code in the mapping of the sources from Italy (IT); if it is a local answer, footnote it or filter it out of cross-country tables.',
        '',
        'Small bases (1)',
        '  ! Only 80 customers in Italy (IT), wave 2026 (it.csv): below the small base of 100.',
        '    → Combine waves or countries for this group, or treat its figures with caution: mark or suppress low bases in its tables.',
        '',
      ].join('\n'),
    );
  });

  it('prints one JSON document with --json, with the small base it was given', async () => {
    await studyWithProblems(folder);
    const { code, stdout } = cli(['quality', 'energy.cew', '--small-base', '50', '--json'], folder);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as DataQualityReport;
    expect(report.thresholds).toEqual({ customer: 50, executive: 30 });
    expect(report.counts).toEqual({
      'missing-in-source': 0,
      'code-in-one-country': 1,
      'small-base': 0,
      'code-frame-changed': 0,
    });
  });

  it('says so when there is nothing to fix', async () => {
    const study = createStudy(folder, 'clean');
    await importInto(study, csv(folder, 'de.csv', 100, [1, 2]), { types: { q1: 'single' } });
    closeStudyFile(study);
    const { code, stdout } = cli(['quality', 'clean.cew'], folder);
    expect(code).toBe(0);
    expect(stdout).toBe('No problems found across 1 source (1 country, 1 wave).\n');
  });

  it('refuses a small base that is not a whole number, with usage exit code 2', () => {
    const { code, stdout, stderr } = cli(['quality', 'x.cew', '--small-base', 'ten'], folder);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/--small-base takes a whole number of respondents, not "ten"/);
  });
});

describe('the study.dataQuality API method', () => {
  let folder: string;
  let cleanup: () => void;
  beforeEach(() => ({ folder, cleanup } = tempFolder()));
  afterEach(() => cleanup());

  it('runs the check in the worker on the open study and validates its input', async () => {
    const file = await studyWithProblems(folder);
    const host = createAppHost({
      mode: 'browser',
      workerPath: builtWorkerPath,
      settingsFolder: folder,
    });
    try {
      expect(await host.dispatch('study.dataQuality', {})).toMatchObject({
        ok: false,
        error: { kind: 'unavailable' },
      });
      await host.dispatch('study.open', { path: file });
      const outcome = await host.dispatch('study.dataQuality', { smallBase: 90 });
      expect(outcome.ok).toBe(true);
      const report = (outcome as { result: DataQualityReport }).result;
      expect(report.findings.map((f) => [f.kind, f.country, f.base ?? f.code])).toEqual([
        ['code-in-one-country', 'IT', '7'],
        ['small-base', 'IT', 80],
      ]);
      expect(await host.dispatch('study.dataQuality', { smallBase: 0 })).toMatchObject({
        ok: false,
        error: { kind: 'invalid-input', message: expect.stringMatching(/smallBase/) },
      });
    } finally {
      await host.dispose();
    }
  });
});
