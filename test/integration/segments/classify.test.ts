/**
 * The typing tool on new files (`segments.classify`, `cew classify`): the demo study's own source
 * files — SPSS, Excel, French CSV of answer texts, Korean Triple-S — classified into its saved
 * segmentations land every respondent where the study put them, by rules (energy) and by nearest
 * centre (a k-means clustering saved as attitudes); respondents without a segment are told why;
 * errors name the file and the variable.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { populateDemoStudy } from '../../../src/main/demo/demoStudy';
import { closeStudyFile, type OpenStudy } from '../../../src/main/study/studyFile';
import { ColumnCache } from '../../../src/main/worker/columnCache';
import { classifyFile, runKMeans } from '../../../src/main/worker/studySegments';
import { studyTableData } from '../../../src/main/worker/studyTableData';
import { classifyInput } from '../../../src/shared/api/segments';
import type { z } from 'zod';
import { tempFolder } from '../../support/studyDb';
import { cli, createStudy, parseCsv, writableDb } from '../import/studyHelpers';

let folder: string;
let sources: string;
let cleanup: () => void;
let study: OpenStudy;
/** resp_id → the study's energy and attitudes codes ('' for none). */
const inStudy = new Map<string, { energy: string; attitudes: string }>();

beforeAll(async () => {
  ({ folder, cleanup } = tempFolder('cew-classify-'));
  sources = path.join(folder, 'sources');
  study = createStudy(folder, 'demo');
  await populateDemoStudy(
    writableDb(study),
    sources,
    new AbortController().signal,
    () => undefined,
  );
  const cache = new ColumnCache(study.db);
  await runKMeans(
    study.db,
    writableDb(study),
    cache,
    {
      variables: ['attachment', 'fatigue', 'deal_seeking'],
      k: 3,
      seed: 1,
      standardize: true,
      restarts: 5,
      maxIterations: 100,
      filter: 'online = 1',
      name: 'attitudes',
    },
    new AbortController().signal,
    () => undefined,
  );
  const data = studyTableData(study.db, new ColumnCache(study.db));
  const [ids, energy, attitudes] = ['resp_id', 'energy', 'attitudes'].map(
    (name) => data.variable(name).values,
  );
  const text = (value: number) => (Number.isNaN(value) ? '' : String(value));
  ids!.forEach((id, row) => {
    if (!Number.isNaN(id))
      inStudy.set(String(id), { energy: text(energy![row]!), attitudes: text(attitudes![row]!) });
  });
}, 300_000);

afterAll(() => {
  closeStudyFile(study);
  cleanup();
});

type Input = z.input<typeof classifyInput>;

function classify(input: Omit<Input, 'out'> & { out?: string }) {
  const out =
    input.out ?? path.join(folder, `${path.basename(input.path)}.${input.segmentation}.csv`);
  return classifyFile(study.db, classifyInput.parse({ ...input, out }));
}

/** The written CSV as {id, code, segment, reason} rows. */
function written(file: string) {
  const [header, ...rows] = parseCsv(
    readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim(),
  );
  expect(header).toEqual(['id', 'code', 'segment', 'reason']);
  return rows.map(([id, code, segment, reason]) => ({
    id: id!,
    code: code!,
    segment: segment!,
    reason: reason!,
  }));
}

describe('classifying the demo files into energy (rules)', () => {
  const files: Array<[string, Partial<Input>]> = [
    ['DE_2025_customers.sav', {}],
    ['IT_2025_customers.xlsx', {}],
    ['FR_2025_customers.csv', { encoding: 'windows-1252', language: 'fr' }],
    // Wave 2026 renamed rate to rate_brands.
    ['KR_2026_customers.sss', { map: { rate: 'rate_brands' } }],
  ];
  for (const [file, options] of files) {
    it(`puts every respondent of ${file} in the study's segment`, async () => {
      const report = await classify({
        segmentation: 'energy',
        path: path.join(sources, file),
        ...options,
      });
      expect(report.rows).toBe(1000);
      expect(report.respondentId).toEqual({ variable: 'resp_id', how: 'guessed' });
      expect(report.constants).toEqual([
        { variable: 'respondent_type', value: 'customer', how: 'file name' },
      ]);
      const rows = written(report.out);
      expect(rows).toHaveLength(1000);
      for (const row of rows)
        expect(row.code, `respondent ${row.id}`).toBe(inStudy.get(row.id)!.energy);
      // Customers who are not online are outside the universe, and say so.
      const offline = rows.filter((row) => row.code === '');
      expect(offline.length).toBe(report.unclassified);
      expect(new Set(offline.map((row) => row.reason))).toEqual(new Set(['outside the universe']));
      expect(rows.find((row) => row.code === '1')!.segment).toBe('Creators');
    });
  }
});

describe('classifying into a k-means clustering (nearest centre)', () => {
  it('places the French respondents at the centres the study placed them, the offline ones outside the filter', async () => {
    const report = await classify({
      segmentation: 'attitudes',
      path: path.join(sources, 'FR_2025_customers.csv'),
      encoding: 'windows-1252',
    });
    expect(report.method).toBe('kmeans');
    const rows = written(report.out);
    for (const row of rows)
      expect(row.code, `respondent ${row.id}`).toBe(inStudy.get(row.id)!.attitudes);
    const reasons = new Set(rows.filter((row) => row.code === '').map((row) => row.reason));
    expect(reasons.has("outside the clustering's filter")).toBe(true);
  });
});

describe('respondents without a segment, and errors', () => {
  /** A client's own CSV on the study's codes; its name says these are customers. */
  function clientFile(name: string): string {
    const file = path.join(folder, name);
    const header =
      'id,online,create_video,create_blog,create_review,create_idea,comment,rate,recommend';
    writeFileSync(
      file,
      [
        header,
        'c1,1,3,1,1,1,1,1,1', // videos monthly: a creator
        'c2,2,,,,,,,', // offline
        'c3,1,,1,1,1,5,1,1', // skipped videos, creates nothing else, comments daily: undecided
        'c4,,1,1,1,1,1,1,1', // did not say whether online
        'c5,1,1,1,1,1,1,1,1', // does nothing: a viewer
      ].join('\n'),
    );
    return file;
  }

  it('gives each respondent without a segment the reason, naming the unanswered variables', async () => {
    const report = await classify({
      segmentation: 'energy',
      path: clientFile('panel_customers.csv'),
    });
    expect(written(report.out)).toEqual([
      { id: 'c1', code: '1', segment: 'Creators', reason: '' },
      { id: 'c2', code: '', segment: '', reason: 'outside the universe' },
      {
        id: 'c3',
        code: '',
        segment: '',
        reason: 'undecided at Creators: no answer to create_video',
      },
      { id: 'c4', code: '', segment: '', reason: 'outside the universe: no answer to online' },
      { id: 'c5', code: '3', segment: 'Viewers', reason: '' },
    ]);
    expect(report.respondentId).toEqual({ variable: 'id', how: 'guessed' });
  });

  it('needs the respondent type of a file whose name does not say it, and takes it when given', async () => {
    const file = clientFile('panel.csv');
    await expect(classify({ segmentation: 'energy', path: file })).rejects.toThrow(
      `${file}: no variable respondent_type (segmentation energy needs it); give --respondent-type for the whole file`,
    );
    const executives = await classify({
      segmentation: 'energy',
      path: file,
      respondentType: 'executive',
    });
    expect(executives.classified).toBe(0);
    expect(executives.constants).toEqual([
      { variable: 'respondent_type', value: 'executive', how: 'given' },
    ]);
  });

  it('names the file and the variable it lacks, and the file variable with its label', async () => {
    const executives = path.join(sources, 'DE_2025_executives.sav');
    await expect(classify({ segmentation: 'energy', path: executives })).rejects.toThrow(
      `${executives}: no variable online (segmentation energy needs it); give --map online=FILEVAR`,
    );
    const korean = path.join(sources, 'KR_2026_customers.sss');
    await expect(classify({ segmentation: 'energy', path: korean })).rejects.toThrow(
      `${korean}: no variable rate (segmentation energy needs it); give --map rate=FILEVAR (the file's rate_brands has its label)`,
    );
  });

  it('runs as cew classify, with the segmentations the study has named when one is not', () => {
    const out = path.join(folder, 'cli.csv');
    const file = path.join(sources, 'DE_2025_customers.sav');
    const ok = cli(
      ['classify', study.path, '--segmentation', 'energy', file, '--out', out, '--json'],
      folder,
    );
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ segmentation: 'energy', rows: 1000, out });
    const missing = cli(
      ['classify', study.path, '--segmentation', 'enrgy', file, '--out', out],
      folder,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no segmentation enrgy \(there are: energy, attitudes\)/);
  });
});
