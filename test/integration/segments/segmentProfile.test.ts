/**
 * Segment profiles (`segments.profile`, `cew segment --profile`) on the demo study: the chosen
 * variables by energy segment are the cross-tab engine's own table over the respondents with a
 * segment (the same numbers `cew table` gives with that filter), with index vs total and letters;
 * the shares by country, industry and wave side by side; and the movement between waves, overall
 * and within each country, read from the engine's test of each wave against the previous one.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { populateDemoStudy } from '../../../src/main/demo/demoStudy';
import { closeStudyFile, type OpenStudy } from '../../../src/main/study/studyFile';
import { ColumnCache } from '../../../src/main/worker/columnCache';
import { profileSegmentation } from '../../../src/main/worker/studySegments';
import { profileInput } from '../../../src/shared/api/segments';
import type { SegmentProfile } from '../../../src/shared/domain/segments';
import type { TableResult } from '../../../src/shared/domain/table';
import { tempFolder } from '../../support/studyDb';
import { cli, createStudy, writableDb } from '../import/studyHelpers';

let folder: string;
let cleanup: () => void;
let demo: OpenStudy;
let profile: SegmentProfile;

const profileOf = (input: Record<string, unknown>) =>
  profileSegmentation(demo.db, new ColumnCache(demo.db), profileInput.parse(input));

beforeAll(async () => {
  ({ folder, cleanup } = tempFolder('cew-profile-'));
  demo = createStudy(folder, 'demo');
  await populateDemoStudy(
    writableDb(demo),
    path.join(folder, 'sources'),
    new AbortController().signal,
    () => undefined,
  );
  profile = profileOf({ segment: 'energy', variables: ['gender', 'age', 'attachment'] });
}, 300_000);

afterAll(() => {
  closeStudyFile(demo);
  cleanup();
});

const column = (table: TableResult, label: string) =>
  table.columns.findIndex((c) => c.label === label);

describe('the variables by segment', () => {
  it('has the segments as lettered columns beside a total of everyone with a segment', () => {
    const { columns, bases } = profile.variables;
    expect(columns.map((c) => [c.label, c.letter])).toEqual([
      ['Total', null],
      ['Creators', 'A'],
      ['Contributors', 'B'],
      ['Viewers', 'C'],
    ]);
    // 6,153 online customers: 264 creators, 1,199 contributors, 4,690 viewers.
    expect(bases.map((b) => b.n)).toEqual([6153, 264, 1199, 4690]);
  });

  it('shows coded variables as column % with index vs total, numeric ones as means', () => {
    const rows = profile.variables.rows;
    expect(new Set(rows.map((r) => r.variable))).toEqual(new Set(['gender', 'age', 'attachment']));
    const agree = rows.find((r) => r.variable === 'attachment' && r.label === 'Strongly agree')!;
    const creators = agree.cells[column(profile.variables, 'Creators')]!;
    expect(creators.index).toBeCloseTo((creators.colPct! / agree.cells[0]!.colPct!) * 100, 10);
    // Creators agree strongly far more often than viewers: the letter of the viewers' column.
    expect(creators.sig).toContain('C');
    const age = rows.find((r) => r.variable === 'age')!;
    expect(age.cells[0]!.mean).toBeGreaterThan(16);
  });

  it('is the table cew table gives with the filter "energy is not missing"', () => {
    const { code, stdout } = cli(
      [
        'table',
        demo.path,
        '--rows',
        'gender,attachment',
        '--means',
        'age',
        '--cols',
        'energy',
        '--filter',
        'energy is not missing',
        '--json',
      ],
      folder,
    );
    expect(code).toBe(0);
    const table = JSON.parse(stdout) as TableResult;
    expect(profile.variables.rows).toEqual(table.rows);
    expect(profile.variables.bases).toEqual(table.bases);
  });
});

describe('shares and movement', () => {
  it('puts the shares by country, industry and wave side by side', () => {
    const shares = profile.shares!;
    const groups = [...new Set(shares.columns.filter((c) => c.group >= 0).map((c) => c.variable))];
    expect(groups).toEqual(['country', 'industry', 'wave']);
    expect(shares.rows.map((r) => r.label)).toEqual(['Creators', 'Contributors', 'Viewers']);
  });

  it('gives each wave its shares and the change in points, with the test of the change', () => {
    const overall = profile.movement.overall!;
    expect(overall.waves.map((w) => w.label)).toEqual(['2025', '2026']);
    const shares = profile.shares!;
    for (const segment of overall.segments) {
      const row = shares.rows.find((r) => r.code === segment.code)!;
      const inShares = ['2025', '2026'].map((wave) => row.cells[column(shares, wave)]!.colPct);
      expect(segment.shares).toEqual(inShares);
      const [change] = segment.changes;
      expect(change!.points).toBeCloseTo(inShares[1]! - inShares[0]!, 12);
      expect(change!.p).toBeGreaterThan(0);
      expect(change!.significant).toBe(change!.adjustedP! <= 0.05);
    }
    expect(profile.movement.test).toMatch(/two-proportion z-test/);
  });

  it('gives the movement within each country; South Korea, in 2026 only, has no change', () => {
    const byCountry = profile.movement.byCountry;
    expect(byCountry.map((m) => m.group)).toEqual(['Germany', 'Italy', 'France', 'South Korea']);
    const korea = byCountry.at(-1)!;
    expect(korea.waves.map((w) => w.label)).toEqual(['2026']);
    expect(korea.segments.every((s) => s.changes.length === 0)).toBe(true);
  });
});

describe('what a profile refuses', () => {
  it('names a variable that is not a segmentation, and a text variable', () => {
    expect(() => profileOf({ segment: 'gender', variables: ['age'] })).toThrow(
      /the study has no segmentation gender \(there are: energy\)/,
    );
    expect(() => profileOf({ segment: 'energy', variables: ['motive_other'] })).toThrow(
      /variables: motive_other is text; a profile shows coded answers or means/,
    );
  });

  it('prints the profile with cew segment --profile', () => {
    const { code, stdout } = cli(
      ['segment', demo.path, '--profile', 'energy', '--variables', 'gender'],
      folder,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Profile of energy/);
    expect(stdout).toMatch(/Movement between waves:/);
  });
});
