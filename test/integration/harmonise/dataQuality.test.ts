/**
 * The data-quality check across countries and waves, on real study files filled by importing
 * generated CSVs (Germany and Italy, waves 2025 and 2026, customers and executives). Each file is
 * built so that one rule fires at one place; the clean study shows no rule fires elsewhere.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDataQuality } from '../../../src/main/harmonise/dataQuality';
import { closeStudyFile, type OpenStudy } from '../../../src/main/study/studyFile';
import type { DataQualityFinding } from '../../../src/shared/domain/dataQuality';
import { tempFolder } from '../../support/studyDb';
import { createStudy, importInto, writeGeneratedSav } from '../import/studyHelpers';

const CODED = ['q1', 'q2', 'q4', 'e1'] as const;

interface GeneratedSource {
  file: string;
  country: string;
  wave: string;
  respondentType?: 'customer' | 'executive';
  rows: number;
  /** Each variable's codes, given out in turn: row i gets codes[i % codes.length]. */
  variables: Record<string, number[]>;
}

/** The codes every respondent cycles through, so every code has respondents in every file. */
function cycle(codes: number[], rows: number): number[] {
  return Array.from({ length: rows }, (_, i) => codes[i % codes.length]!);
}

async function importCsv(study: OpenStudy, folder: string, source: GeneratedSource) {
  const names = Object.keys(source.variables);
  const columns = names.map((name) => cycle(source.variables[name]!, source.rows));
  const lines = [
    ['id', ...names].join(','),
    ...Array.from({ length: source.rows }, (_, i) =>
      [i + 1, ...columns.map((c) => c[i])].join(','),
    ),
  ];
  const file = path.join(folder, source.file);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const types = Object.fromEntries(
    names
      .filter((n) => (CODED as readonly string[]).includes(n))
      .map((n) => [n, 'single' as const]),
  );
  await importInto(study, file, {
    country: source.country,
    wave: source.wave,
    respondentType: source.respondentType ?? 'customer',
    types,
  });
}

/** A variable asked the same way everywhere: codes 1..5 and an age. */
const everywhere = { q1: [1, 2, 3, 4, 5], q2: [1, 2, 3], q3: [25, 38, 51, 64], q4: [1, 2, 3, 4] };

const cleanSources: GeneratedSource[] = [
  { file: 'de-2025.csv', country: 'DE', wave: '2025', rows: 120, variables: everywhere },
  { file: 'it-2025.csv', country: 'IT', wave: '2025', rows: 110, variables: everywhere },
  { file: 'de-2026.csv', country: 'DE', wave: '2026', rows: 130, variables: everywhere },
  { file: 'it-2026.csv', country: 'IT', wave: '2026', rows: 100, variables: everywhere },
  {
    file: 'de-2026-exec.csv',
    country: 'DE',
    wave: '2026',
    respondentType: 'executive',
    rows: 40,
    variables: { q1: [1, 2, 3, 4, 5], e1: [1, 2, 3] },
  },
];

/**
 * One problem of each kind:
 * - q3 is missing in it-2026.csv;
 * - q2 code 7 is answered in Italy only (both waves, so its code frame is stable);
 * - q4 drops code 4 and gains code 5 in Germany between 2025 and 2026 (Italy has 1..5 throughout,
 *   so no code is Germany's alone);
 * - it-2026.csv holds 60 customers (below 100), and de-2025-b.csv 20 of Germany's 120 in 2025.
 * The executives' e1 is asked of executives only, so it is not missing in customer sources.
 */
const messySources: GeneratedSource[] = [
  {
    file: 'de-2025-a.csv',
    country: 'DE',
    wave: '2025',
    rows: 100,
    variables: { ...everywhere },
  },
  {
    file: 'de-2025-b.csv',
    country: 'DE',
    wave: '2025',
    rows: 20,
    variables: { ...everywhere },
  },
  {
    file: 'it-2025.csv',
    country: 'IT',
    wave: '2025',
    rows: 110,
    variables: { ...everywhere, q2: [1, 2, 3, 7], q4: [1, 2, 3, 4, 5] },
  },
  {
    file: 'de-2026.csv',
    country: 'DE',
    wave: '2026',
    rows: 130,
    variables: { ...everywhere, q4: [1, 2, 3, 5] },
  },
  {
    file: 'it-2026.csv',
    country: 'IT',
    wave: '2026',
    rows: 60,
    variables: { q1: everywhere.q1, q2: [1, 2, 3, 7], q4: [1, 2, 3, 4, 5] },
  },
  cleanSources[4]!,
];

async function studyOf(folder: string, sources: GeneratedSource[]): Promise<OpenStudy> {
  const study = createStudy(folder);
  for (const source of sources) await importCsv(study, folder, source);
  return study;
}

function summary(finding: DataQualityFinding) {
  return {
    kind: finding.kind,
    severity: finding.severity,
    variable: finding.variable,
    country: finding.country,
    wave: finding.wave,
    code: finding.code,
    sources: finding.sources?.map((s) => s.fileName),
  };
}

describe('the data-quality check across countries and waves', () => {
  let folder: string;
  let cleanup: () => void;
  let study: OpenStudy | null = null;
  beforeEach(() => ({ folder, cleanup } = tempFolder()));
  afterEach(() => {
    if (study) closeStudyFile(study);
    study = null;
    cleanup();
  });

  it('finds no problems in a study asked the same way in every country and wave', async () => {
    study = await studyOf(folder, cleanSources);
    expect(checkDataQuality(study.db)).toEqual({
      findings: [],
      counts: {
        'missing-in-source': 0,
        'code-in-one-country': 0,
        'small-base': 0,
        'code-frame-changed': 0,
      },
      severities: { warning: 0, info: 0 },
      sources: 5,
      countries: 2,
      waves: 2,
      thresholds: { customer: 100, executive: 30 },
    });
  });

  it('fires each rule exactly where the data differs, warnings first in variable order', async () => {
    study = await studyOf(folder, messySources);
    const report = checkDataQuality(study.db);
    expect(report.findings.map(summary)).toEqual([
      {
        kind: 'code-in-one-country',
        severity: 'warning',
        variable: 'q2',
        country: 'IT',
        wave: undefined,
        code: '7',
        sources: undefined,
      },
      {
        kind: 'missing-in-source',
        severity: 'warning',
        variable: 'q3',
        country: undefined,
        wave: undefined,
        code: undefined,
        sources: ['it-2026.csv'],
      },
      {
        kind: 'code-frame-changed',
        severity: 'warning',
        variable: 'q4',
        country: 'DE',
        wave: '2026',
        code: undefined,
        sources: undefined,
      },
      {
        kind: 'small-base',
        severity: 'warning',
        variable: undefined,
        country: 'IT',
        wave: '2026',
        code: undefined,
        sources: ['it-2026.csv'],
      },
      {
        kind: 'small-base',
        severity: 'info',
        variable: undefined,
        country: 'DE',
        wave: '2025',
        code: undefined,
        sources: ['de-2025-b.csv'],
      },
    ]);
    expect(report.counts).toEqual({
      'missing-in-source': 1,
      'code-in-one-country': 1,
      'small-base': 2,
      'code-frame-changed': 1,
    });
    expect(report.severities).toEqual({ warning: 4, info: 1 });
    expect(report).toMatchObject({ sources: 6, countries: 2, waves: 2 });
  });

  it('says in full sentences which variable, files, countries and waves, and what to do', async () => {
    study = await studyOf(folder, messySources);
    const [oneCountry, missing, frame, small, smallFile] = checkDataQuality(study.db).findings;
    expect(oneCountry).toMatchObject({
      // 27 of it-2025.csv's 110 and 15 of it-2026.csv's 60 (every fourth respondent).
      message:
        'q2 code 7 was answered by 42 respondents in Italy (IT) and by no one in Germany (DE).',
      action: expect.stringMatching(
        /merge code 7 into that code in the mapping of the sources from Italy \(IT\)/,
      ),
    });
    expect(missing).toMatchObject({
      message:
        'q3 has no data in it-2026.csv (Italy (IT), wave 2026, customers), though 4 other sources of the same respondents have it.',
      action: expect.stringMatching(/map that variable onto q3 in the source's mapping/),
    });
    // Every fourth of de-2026.csv's 130 gave code 5; every fourth of de-2025-*.csv's 100 + 20, code 4.
    expect(frame).toMatchObject({
      respondentType: 'customer',
      previousWave: '2025',
      codesAdded: ['5'],
      codesDropped: ['4'],
      message:
        'q4 changed for customers in Germany (DE) between waves 2025 and 2026: code 5 is new (32 respondents in 2026) and code 4 is no longer answered (30 respondents in 2025).',
      action: expect.stringMatching(/^Check wave 2026's questionnaire/),
    });
    expect(small).toMatchObject({
      base: 60,
      threshold: 100,
      respondentType: 'customer',
      message:
        'Only 60 customers in Italy (IT), wave 2026 (it-2026.csv): below the small base of 100.',
      action: expect.stringMatching(
        /Combine waves or countries for this group, or treat its figures with caution/,
      ),
    });
    expect(smallFile).toMatchObject({
      base: 20,
      message:
        'de-2025-b.csv holds only 20 customers (Germany (DE), wave 2025); its group has 120 across 2 sources.',
    });
  });

  it('takes its small-base thresholds from the caller, executives separately', async () => {
    study = await studyOf(folder, messySources);
    const small = (options: Parameters<typeof checkDataQuality>[1]) =>
      checkDataQuality(study!.db, options)
        .findings.filter((f) => f.kind === 'small-base')
        .map((f) => [f.severity, f.sources?.map((s) => s.fileName).join(), f.threshold]);
    expect(small({ smallBase: 50 })).toEqual([['info', 'de-2025-b.csv', 50]]);
    expect(small({ smallBase: 50, smallExecutiveBase: 41 })).toEqual([
      ['warning', 'de-2026-exec.csv', 41],
      ['info', 'de-2025-b.csv', 50],
    ]);
  });

  it('leaves out user-missing codes and reads wide codes', async () => {
    study = createStudy(folder);
    // q5: code 9 ("Don't know") is user-missing; codes 300 (beyond a byte) and 8 occur in Italy only.
    const q5 = (codes: number[]) => ({
      name: 'q5',
      numbers: cycle(codes, 120),
      valueLabels: { 1: 'Yes', 2: 'No', 8: 'Other', 9: "Don't know", 300: 'Local brand' },
      missing: { kind: 'discrete' as const, values: [9] },
    });
    const de = await writeGeneratedSav(path.join(folder, 'de.sav'), [q5([1, 2])]);
    const it = await writeGeneratedSav(path.join(folder, 'it.sav'), [q5([1, 2, 8, 9, 300])]);
    await importInto(study, de, { country: 'DE', wave: '2026' });
    await importInto(study, it, { country: 'IT', wave: '2026' });
    const findings = checkDataQuality(study.db).findings;
    expect(findings.map((f) => [f.kind, f.variable, f.code])).toEqual([
      ['code-in-one-country', 'q5', '8'],
      ['code-in-one-country', 'q5', '300'],
    ]);
    expect(findings[1]!.message).toBe(
      'q5 code 300 ("Local brand") was answered by 24 respondents in Italy (IT) and by no one in Germany (DE).',
    );
  });
});
