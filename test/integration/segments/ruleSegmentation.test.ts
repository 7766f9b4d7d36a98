/**
 * Rule segmentations in a real study file, on a hand-made survey whose every respondent's segment
 * is worked out from the Customer Energy definition (docs/segmentation.md): saved as a segment
 * variable that tables, filters and exports use like any other, previewed with weights and by
 * country, split by valence with "don't know" declared user-missing, bound by name or by
 * --bind, recomputed when a new source is imported, and schemes saved in the study.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SegmentScheme } from '../../../src/shared/domain/segments';
import { runTable } from '../../../src/main/analysis/crosstab/runTable';
import { closeStudyFile, type OpenStudy } from '../../../src/main/study/studyFile';
import { ColumnCache } from '../../../src/main/worker/columnCache';
import { filterMask } from '../../../src/main/worker/studyExpressions';
import {
  listSchemes,
  listSegmentations,
  previewSegmentation,
  recomputeSegments,
  saveScheme,
  saveSegmentation,
} from '../../../src/main/worker/studySegments';
import { studyTableData } from '../../../src/main/worker/studyTableData';
import { tempFolder } from '../../support/studyDb';
import {
  createStudy,
  exportFrom,
  importInto,
  parseCsv,
  writableDb,
  writeGeneratedSav,
  type GeneratedVariable,
} from '../import/studyHelpers';

const _ = null;
const DK = 99;
const FREQUENCY = { 1: 'Never', 2: 'Less than monthly', 3: 'Monthly', 4: 'Weekly', 5: 'Daily' };
const AGREEMENT = { 1: 'Strongly disagree', 3: 'Neither', 5: 'Strongly agree', 99: "Don't know" };

/**
 * One row per customer: id, online, the seven behaviours (video, blog, review, idea, comment,
 * rate, recommend), energy +, energy −, weight; then the segment (1 creators, 2 contributors,
 * 3 viewers) and the valence split (1 creators +, 2 creators −, 3 contributors +,
 * 4 contributors −, 5 viewers), null for no segment.
 */
const CUSTOMERS: Array<[number, number | null, ...Array<number | null>]> = [
  // id online  cv cb cr ci  co ra re   +   −   w    energy split
  [1, 1, 3, 1, 1, 1, 1, 1, 1, 5, 2, 1, 1, 1], // videos monthly
  [2, 1, 1, 1, 5, 1, 1, 1, 1, 2, 5, 2, 1, 2], // reviews daily, complains more than enthuses
  [3, 1, 1, 1, 1, 4, 5, 1, 1, 4, 4, 1, 1, 1], // ideas weekly and comments daily: creator first; tie +
  [4, 1, 1, 2, 1, 1, 1, 3, 1, 3, 3, 1, 2, 3], // rates monthly
  [5, 1, 1, 1, 1, 1, 1, 1, 4, 1, 4, 2, 2, 4], // recommends weekly, warns more
  [6, 1, 2, 2, 2, 2, 2, 2, 2, 5, 1, 1, 3, 5], // everything less than monthly
  [7, 1, 1, 1, 1, 1, 1, 1, 1, DK, DK, 3, 3, 5], // never; don't know is no bar to a viewer
  [8, 2, _, _, _, _, _, _, _, 4, 2, 1, _, _], // offline
  [9, _, 5, 5, 5, 5, 5, 5, 5, 4, 2, 1, _, _], // did not say whether online
  [10, 1, _, 4, 1, 1, 1, 1, 1, 4, 1, 1, 1, 1], // skipped video, blogs weekly
  [11, 1, _, 1, 1, 1, 5, 1, 1, 3, 3, 1, _, _], // skipped video, creates nothing else: undecided
  [12, 1, 1, 1, 1, 1, 3, 1, 1, DK, 2, 1, 2, _], // contributor who does not know if they enthuse
];

const BEHAVIOURS = [
  'create_video',
  'create_blog',
  'create_review',
  'create_idea',
  'comment',
  'rate',
  'recommend',
];

function customerFile(
  rows: typeof CUSTOMERS,
  names: Record<string, string> = {},
): GeneratedVariable[] {
  const column = (i: number) => rows.map((row) => row[i] as number | null);
  const named = (name: string) => names[name] ?? name;
  return [
    { name: 'resp_id', numbers: column(0) },
    { name: 'online', numbers: column(1), valueLabels: { 1: 'Online', 2: 'Offline' } },
    ...BEHAVIOURS.map((name, b) => ({
      name: named(name),
      numbers: column(2 + b),
      valueLabels: FREQUENCY,
    })),
    ...['energy_positive', 'energy_negative'].map((name, e) => ({
      name,
      numbers: column(9 + e),
      valueLabels: AGREEMENT,
      missing: { kind: 'discrete' as const, values: [DK] },
    })),
    { name: 'w', numbers: column(11), decimals: 2 },
  ];
}

/** Executives who would be creators if they were customers: outside the universe. */
const executiveFile = (names: Record<string, string>): GeneratedVariable[] => [
  { name: 'exec_id', numbers: [101, 102] },
  { name: 'online', numbers: [1, 1], valueLabels: { 1: 'Online', 2: 'Offline' } },
  { name: names.create_video ?? 'create_video', numbers: [5, 5], valueLabels: FREQUENCY },
];

const expected = (column: 12 | 13) => [
  ...CUSTOMERS.map((row) => (row[column] === null ? Number.NaN : row[column])),
  Number.NaN,
  Number.NaN,
];

let folder: string;
let cleanup: () => void;
let study: OpenStudy;

async function handMadeStudy(names: Record<string, string> = {}): Promise<OpenStudy> {
  const opened = createStudy(folder);
  await importInto(
    opened,
    await writeGeneratedSav(path.join(folder, 'customers.sav'), customerFile(CUSTOMERS, names)),
  );
  await importInto(
    opened,
    await writeGeneratedSav(path.join(folder, 'executives.sav'), executiveFile(names)),
    {
      respondentType: 'executive',
    },
  );
  return opened;
}

function segmentCodes(name: string): number[] {
  const data = studyTableData(study.db, new ColumnCache(study.db));
  return Array.from(data.variable(name).values);
}

beforeEach(() => ({ folder, cleanup } = tempFolder('cew-segments-')));
afterEach(() => {
  closeStudyFile(study);
  cleanup();
});

describe('a rule segmentation in a study', () => {
  beforeEach(async () => {
    study = await handMadeStudy();
  });

  it('saves Customer Energy as the segment variable energy, every respondent as worked out by hand', () => {
    const saved = saveSegmentation(writableDb(study), new ColumnCache(study.db), {
      scheme: 'customer-energy',
      bindings: {},
    });
    expect(saved.name).toBe('energy');
    expect(segmentCodes('energy')).toEqual(expected(12));
    expect(saved.universe).toBe(10);
    expect(saved.undecided).toBe(1);
    expect(saved.segments.map((s) => [s.label, s.count])).toEqual([
      ['Creators', 4],
      ['Contributors', 3],
      ['Viewers', 2],
    ]);
    const row = study.db
      .prepare("SELECT origin, type, definition_json FROM variables WHERE name = 'energy'")
      .get() as { origin: string; type: string; definition_json: string };
    expect(row.origin).toBe('segment');
    expect(row.type).toBe('single');
    expect(JSON.parse(row.definition_json)).toMatchObject({
      method: 'rules',
      scheme: { name: 'customer-energy' },
      bindings: {
        online: 'online',
        create_video: 'create_video',
        respondent_type: 'respondent_type',
      },
      split: null,
    });
  });

  it('is a variable like any other: tabulated, filtered on by label, exported', async () => {
    const cache = new ColumnCache(study.db);
    saveSegmentation(writableDb(study), cache, { scheme: 'customer-energy', bindings: {} });
    const table = runTable(studyTableData(study.db, cache), { rows: ['energy'], columns: [] });
    expect(table.rows.map((r) => [r.label, r.cells[0]!.n])).toEqual([
      ['Creators', 4],
      ['Contributors', 3],
      ['Viewers', 2],
    ]);
    const creators = filterMask(study.db, cache, 'energy = "creators"');
    expect(creators.reduce((a, b) => a + b, 0)).toBe(4);
    const out = path.join(folder, 'out.csv');
    await exportFrom(study, out, { format: 'csv', variables: ['resp_id', 'energy'] });
    const [header, ...rows] = parseCsv(readFileSync(out, 'utf8').replace(/^\ufeff/, ''));
    expect(header).toEqual(['resp_id', 'energy']);
    expect(rows.slice(0, 12).map((r) => r[1])).toEqual(
      CUSTOMERS.map((r) => (r[12] === null ? '' : String(r[12]))),
    );
  });

  it('splits creators and contributors by valence, a "don\'t know" leaving the sign undecided', () => {
    const saved = saveSegmentation(writableDb(study), new ColumnCache(study.db), {
      scheme: 'customer-energy',
      bindings: {},
      split: 'valence',
      name: 'energy_valence',
    });
    expect(segmentCodes('energy_valence')).toEqual(expected(13));
    expect(saved.undecided).toBe(2);
    expect(saved.segments.map((s) => s.label)).toEqual([
      'Creators (positive)',
      'Creators (negative)',
      'Contributors (positive)',
      'Contributors (negative)',
      'Viewers',
    ]);
  });

  it('previews weighted shares beside the reference without saving anything', () => {
    const preview = previewSegmentation(study.db, new ColumnCache(study.db), {
      scheme: 'customer-energy',
      bindings: {},
      weight: 'w',
    });
    // Weights of creators 1+2+1+1 = 5, contributors 1+2+1 = 4, viewers 1+3 = 4; of 13.
    expect(preview.segments.map((s) => [s.count, s.weighted, s.share])).toEqual([
      [4, 5, 5 / 13],
      [3, 4, 4 / 13],
      [2, 4, 4 / 13],
    ]);
    expect(preview.segments.map((s) => s.reference?.text)).toEqual([
      'under 5%',
      'about 20%',
      'about 75%',
    ]);
    expect(preview.byGroup.map((g) => g.variable)).toEqual(['country', 'wave']);
    expect(preview.byGroup[0]!.groups).toEqual([
      {
        code: expect.any(Number) as number,
        label: 'Germany',
        base: 9,
        segments: [
          { code: 1, share: 5 / 13 },
          { code: 2, share: 4 / 13 },
          { code: 3, share: 4 / 13 },
        ],
      },
    ]);
    const variables = study.db
      .prepare("SELECT count(*) AS n FROM variables WHERE origin = 'segment'")
      .get() as { n: number };
    expect(variables.n).toBe(0);
  });

  it('previews a draft scheme from the rule builder, narrowed by a filter', () => {
    const draft: SegmentScheme = {
      name: 'draft',
      title: 'Draft',
      roles: [
        { name: 'online', label: 'Online' },
        { name: 'comment', label: 'Comments' },
      ],
      universe: { role: 'online', op: '=', value: 1 },
      rules: [{ code: 1, label: 'Commenters', when: { role: 'comment', op: '>=', value: 3 } }],
      else: { code: 2, label: 'Others' },
    };
    const preview = previewSegmentation(study.db, new ColumnCache(study.db), {
      scheme: draft,
      bindings: {},
      filter: 'resp_id <= 6',
    });
    // Respondents 1–6 (executives have no resp_id, so the filter drops them); only 3 comments monthly.
    expect(preview.universe).toBe(6);
    expect(preview.segments.map((s) => s.count)).toEqual([1, 5]);
  });

  it('recomputes the segment variable over the rows of a newly imported source', async () => {
    saveSegmentation(writableDb(study), new ColumnCache(study.db), {
      scheme: 'customer-energy',
      bindings: {},
    });
    const more = await writeGeneratedSav(
      path.join(folder, 'more.sav'),
      customerFile(
        CUSTOMERS.slice(0, 6).map(
          (row) => [row[0] + 100, ...row.slice(1)] as (typeof CUSTOMERS)[number],
        ),
      ),
    );
    await importInto(study, more, {
      country: 'IT',
      afterWrite: (db) => void recomputeSegments(db, new ColumnCache(db)),
    });
    expect(segmentCodes('energy')).toEqual([...expected(12), 1, 1, 1, 2, 2, 3]);
    const [listed] = listSegmentations(study.db, new ColumnCache(study.db));
    expect(listed!.segments.map((s) => s.count)).toEqual([7, 5, 3]);
    expect(listed!.missing).toBe(5);
  });

  it('uses and lists a scheme saved in the study, and keeps built-in names for the built-ins', () => {
    const mine: SegmentScheme = {
      name: 'weekly-creators',
      title: 'Weekly creators',
      roles: [{ name: 'create_video', label: 'Videos' }],
      rules: [{ code: 1, label: 'Weekly', when: { role: 'create_video', op: '>=', value: 4 } }],
      else: { code: 2, label: 'Less' },
    };
    saveScheme(writableDb(study), mine);
    expect(listSchemes(study.db).map((s) => [s.scheme.name, s.builtIn])).toEqual([
      ['customer-energy', true],
      ['social-technographics', true],
      ['participation-90-9-1', true],
      ['weekly-creators', false],
    ]);
    const preview = previewSegmentation(study.db, new ColumnCache(study.db), {
      scheme: 'weekly-creators',
      bindings: {},
    });
    // Everyone is in this universe: 9, 101 and 102 make videos daily; 1–7 and 12 less than weekly;
    // 8, 10 and 11 did not answer.
    expect(preview.segments.map((s) => s.count)).toEqual([3, 8]);
    expect(preview.undecided).toBe(3);
    expect(() => saveScheme(writableDb(study), { ...mine, name: 'customer-energy' })).toThrow(
      /customer-energy is a built-in scheme/,
    );
  });

  it('refuses a name that an imported variable has', () => {
    expect(() =>
      saveSegmentation(writableDb(study), new ColumnCache(study.db), {
        scheme: 'customer-energy',
        bindings: {},
        name: 'online',
      }),
    ).toThrow(/online already exists and is not a segment variable/);
  });
});

describe('binding roles to variables', () => {
  beforeEach(async () => {
    study = await handMadeStudy({ create_video: 'q_video' });
  });

  it('names the role that has no variable of its name', () => {
    expect(() =>
      previewSegmentation(study.db, new ColumnCache(study.db), {
        scheme: 'customer-energy',
        bindings: {},
      }),
    ).toThrow(
      /role create_video: the study has no variable create_video; bind the role to one \(--bind create_video=VARIABLE\)/,
    );
  });

  it('binds a role to a variable of another name', () => {
    const saved = saveSegmentation(writableDb(study), new ColumnCache(study.db), {
      scheme: 'customer-energy',
      bindings: { create_video: 'Q_VIDEO' },
    });
    expect(saved.bindings.create_video).toBe('q_video');
    expect(segmentCodes('energy')).toEqual(expected(12));
  });

  it('refuses a binding for a role the scheme does not have', () => {
    expect(() =>
      previewSegmentation(study.db, new ColumnCache(study.db), {
        scheme: 'customer-energy',
        bindings: { create_video: 'q_video', create_podcast: 'q_video' },
      }),
    ).toThrow(/bind create_podcast: the scheme customer-energy has no role create_podcast/);
  });
});
