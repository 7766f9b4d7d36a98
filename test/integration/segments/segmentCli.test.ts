/**
 * `cew segment` as a user runs it (the built out/main/cli.js): Customer Energy saved with counts
 * and shares, roles bound with --bind, a scheme exported to a file, edited and used again; and
 * k-means whose --json holds {clusters: [{id, size, center}], withinSS, silhouette, excluded} with
 * centres in the variables' own units — checked on iris against R's kmeans
 * (test/reference/segmentation/kmeans-reference.json).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStudyFile } from '../../../src/main/study/studyFile';
import type { SegmentScheme } from '../../../src/shared/domain/segments';
import { tempFolder } from '../../support/studyDb';
import { cli, createStudy, importInto, writeGeneratedSav } from '../import/studyHelpers';

const REFERENCE = path.resolve(import.meta.dirname, '../../reference/segmentation');
const FREQUENCY = { 1: 'Never', 2: 'Less than monthly', 3: 'Monthly', 4: 'Weekly', 5: 'Daily' };

let folder: string;
let cleanup: () => void;

/** Six online customers: creators 1 and 2 (video monthly, weekly), contributors 3 and 4, viewers 5, 6. */
async function customers(file: string): Promise<string> {
  const study = createStudy(folder, path.basename(file, '.cew'));
  const behaviour = (name: string, numbers: number[]) => ({
    name,
    numbers,
    valueLabels: FREQUENCY,
  });
  await importInto(
    study,
    await writeGeneratedSav(path.join(folder, `${path.basename(file, '.cew')}.sav`), [
      { name: 'resp_id', numbers: [1, 2, 3, 4, 5, 6] },
      { name: 'online', numbers: [1, 1, 1, 1, 1, 1] },
      behaviour('q_video', [3, 4, 1, 1, 1, 2]),
      behaviour('create_blog', [1, 1, 1, 1, 1, 1]),
      behaviour('create_review', [1, 1, 1, 1, 1, 1]),
      behaviour('create_idea', [1, 1, 1, 1, 1, 1]),
      behaviour('comment', [1, 1, 4, 1, 1, 1]),
      behaviour('rate', [1, 1, 1, 5, 2, 1]),
      behaviour('recommend', [1, 1, 1, 1, 1, 1]),
    ]),
  );
  closeStudyFile(study);
  return study.path;
}

beforeAll(() => ({ folder, cleanup } = tempFolder('cew-segment-cli-')));
afterAll(() => cleanup());

describe('cew segment --scheme', () => {
  let study: string;
  beforeAll(async () => {
    study = await customers('energy.cew');
  });

  it('names the role without a variable, and how to bind it', () => {
    const { code, stdout, stderr } = cli(['segment', study, '--scheme', 'customer-energy'], folder);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /role create_video: the study has no variable create_video; bind the role/,
    );
  });

  it('saves the segmentation as energy with --bind, printing counts and shares as one JSON document', () => {
    const { code, stdout, stderr } = cli(
      ['segment', study, '--scheme', 'customer-energy', '--bind', 'create_video=q_video', '--json'],
      folder,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      name: string;
      universe: number;
      segments: Array<{ label: string; count: number; share: number }>;
    };
    expect(result.name).toBe('energy');
    expect(result.universe).toBe(6);
    expect(result.segments.map((s) => [s.label, s.count, s.share])).toEqual([
      ['Creators', 2, 2 / 6],
      ['Contributors', 2, 2 / 6],
      ['Viewers', 2, 2 / 6],
    ]);
    const table = cli(['table', study, '--rows', 'energy', '--json'], folder);
    expect(table.code).toBe(0);
    const rows = (JSON.parse(table.stdout) as { rows: Array<{ label: string }> }).rows;
    expect(rows.map((r) => r.label)).toEqual(['Creators', 'Contributors', 'Viewers']);
  });

  it('exports a scheme to a file that, edited, is saved in the study and used by name', () => {
    const file = path.join(folder, 'scheme.json');
    expect(
      cli(['segment', study, '--export-scheme', 'customer-energy', '--out', file], folder).code,
    ).toBe(0);
    const scheme = JSON.parse(readFileSync(file, 'utf8')) as SegmentScheme;
    // Weekly creators only: respondent 1 (monthly) becomes a viewer.
    const weekly = {
      ...scheme,
      name: 'weekly-energy',
      rules: scheme.rules.map((rule, i) =>
        i === 0 ? JSON.parse(JSON.stringify(rule).replace(/"value":3/g, '"value":4')) : rule,
      ),
    } as SegmentScheme;
    writeFileSync(file, JSON.stringify(weekly));
    expect(cli(['segment', study, '--save-scheme', file], folder).code).toBe(0);
    const listed = cli(['segment', study, '--schemes', '--json'], folder);
    expect(
      (JSON.parse(listed.stdout) as Array<{ scheme: { name: string } }>).map((s) => s.scheme.name),
    ).toContain('weekly-energy');
    for (const scheme of ['weekly-energy', file]) {
      const preview = cli(
        [
          'segment',
          study,
          '--scheme',
          scheme,
          '--bind',
          'create_video=q_video',
          '--preview',
          '--json',
        ],
        folder,
      );
      expect(preview.code, preview.stderr).toBe(0);
      const counts = (JSON.parse(preview.stdout) as { segments: Array<{ count: number }> })
        .segments;
      expect(counts.map((s) => s.count)).toEqual([1, 2, 3]);
    }
  });

  it('refuses a scheme file with a mistake, naming the file and the field', () => {
    const file = path.join(folder, 'broken.json');
    writeFileSync(file, JSON.stringify({ name: 'Broken Name', title: 'x' }));
    const { code, stderr } = cli(['segment', study, '--scheme', file], folder);
    expect(code).toBe(2);
    expect(stderr).toMatch(/broken\.json: name: a scheme name is lower-case words/);
  });
});

describe('cew segment --kmeans', () => {
  let study: string;
  const reference = JSON.parse(
    readFileSync(path.join(REFERENCE, 'kmeans-reference.json'), 'utf8'),
  ) as {
    iris: {
      variables: string[];
      solutions: Array<{
        sizes: number[];
        centres: Array<Record<string, number>>;
        tot_withinss: number;
        silhouette: number;
      }>;
    };
  };
  const variables = reference.iris.variables.join(',');

  beforeAll(() => {
    study = path.join(folder, 'iris.cew');
    const imported = cli(
      ['import', study, path.join(REFERENCE, 'iris.csv'), '--country', 'DE', '--wave', '1'],
      folder,
    );
    expect(imported.code, imported.stderr).toBe(0);
  });

  it('prints {clusters: [{id, size, center}], withinSS, silhouette, excluded} with centres in own units', () => {
    const { code, stdout, stderr } = cli(
      [
        'segment',
        study,
        '--kmeans',
        variables,
        '--k',
        '3',
        '--seed',
        '1',
        '--no-standardize',
        '--json',
      ],
      folder,
    );
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout) as {
      clusters: Array<{ id: number; size: number; center: Record<string, number> }>;
      withinSS: number;
      silhouette: number;
      excluded: number;
      saved: string | null;
    };
    const [theirs] = reference.iris.solutions;
    expect(result.clusters.map((c) => [c.id, c.size])).toEqual([
      [1, 62],
      [2, 50],
      [3, 38],
    ]);
    result.clusters.forEach((cluster, i) => {
      for (const [name, value] of Object.entries(theirs!.centres[i]!))
        expect(cluster.center[name]).toBeCloseTo(value, 9);
    });
    expect(result.withinSS).toBeCloseTo(theirs!.tot_withinss, 9);
    expect(result.silhouette).toBeCloseTo(theirs!.silhouette, 9);
    expect(result.excluded).toBe(0);
    expect(result.saved).toBeNull();
    expect(JSON.parse(cli(['segment', study, '--list', '--json'], folder).stdout)).toEqual([]);
  });

  it('runs a range of k and prints the diagnostics per k', () => {
    const json = cli(['segment', study, '--kmeans', variables, '--k', '2..4', '--json'], folder);
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as {
      solutions: Array<{ k: number; withinSS: number; silhouette: number }>;
      silhouetteSample: number;
    };
    expect(result.solutions.map((s) => s.k)).toEqual([2, 3, 4]);
    expect(result.silhouetteSample).toBe(150);
    const text = cli(['segment', study, '--kmeans', variables, '--k', '2..4'], folder);
    expect(text.stdout).toMatch(/^\s+k\s+within SS\s+between %\s+silhouette\s+sizes$/m);
    expect(text.stdout).toMatch(/Nothing saved/);
  });

  it('saves the clusters under --name with their labels, as a variable tables can use', () => {
    const saved = cli(
      [
        'segment',
        study,
        '--kmeans',
        variables,
        '--k',
        '3',
        '--no-standardize',
        '--name',
        'species_k',
        '--labels',
        'Middle,Small,Large',
        '--json',
      ],
      folder,
    );
    expect(saved.code, saved.stderr).toBe(0);
    expect((JSON.parse(saved.stdout) as { saved: string }).saved).toBe('species_k');
    expect(cli(['segment', study, '--list'], folder).stdout).toBe(
      'species_k (k-means on sepal_length, sepal_width, petal_length, petal_width): 1 Middle 62, 2 Small 50, 3 Large 38; no segment 0\n',
    );
    const table = cli(['table', study, '--rows', 'species_k', '--json'], folder);
    const rows = (
      JSON.parse(table.stdout) as { rows: Array<{ label: string; cells: Array<{ n: number }> }> }
    ).rows;
    expect(rows.map((r) => [r.label, r.cells[0]!.n])).toEqual([
      ['Middle', 62],
      ['Small', 50],
      ['Large', 38],
    ]);
  });
});
