/**
 * The Data grid's pages through the real API (dispatch → handlers → study worker → SQLite) on a
 * real study file: two agency files (Germany, France) written as SPSS .sav and imported, with a
 * respondent ID, a name (which identifies people), a coded question with labels and a score, both
 * with missing answers. Every expectation is worked out by hand from the rows below.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName, Result } from '../../../src/shared/api/index';
import { datasetToSavFile } from '../../../src/main/export/savExport';
import { writeSav } from '../../../src/main/export/sav/savWriter';
import { importFile } from '../../../src/main/import/importFile';
import type { Dispatch } from '../../../src/main/handlers/dispatch';
import type { StudySession } from '../../../src/main/session/studySession';
import { closeStudyFile, createStudyFile } from '../../../src/main/study/studyFile';
import { tempFolder } from '../../support/studyDb';
import { apiSession, callThrough } from '../../support/apiSession';

const N = Number.NaN;

/** Rows 1–5 come from Germany, rows 6–8 from France. */
const GERMANY = {
  resp_id: [101, 102, 103, 104, 105],
  name: ['Anna Schmidt', 'Ben Weber', 'Clara Vogel', 'Dirk Braun', 'Eva Roth'],
  sat: [2, N, 1, 3, 1],
  score: [7.5, 3, N, 10, 3],
};
const FRANCE = {
  resp_id: [201, 202, 203],
  name: ['Louis Martin', 'Chloé Petit', 'Hugo Bernard'],
  sat: [3, 2, N],
  score: [-2.5, N, 8],
};

function dataset(rows: typeof GERMANY): Parameters<typeof datasetToSavFile>[0] {
  const numeric = (values: number[]) => ({
    kind: 'numeric' as const,
    values: Float64Array.from(values),
  });
  return {
    format: 'sav',
    encoding: 'utf-8',
    cases: rows.resp_id.length,
    variables: [
      {
        name: 'resp_id',
        label: 'Respondent ID',
        type: 'numeric',
        valueLabels: [],
        missing: [],
        formatAttributes: {},
        isSystem: false,
      },
      {
        name: 'name',
        label: 'Name',
        type: 'text',
        valueLabels: [],
        missing: [],
        formatAttributes: {},
        isSystem: false,
      },
      {
        name: 'sat',
        label: 'Satisfaction',
        type: 'single',
        valueLabels: [
          { code: 1, label: 'Satisfied' },
          { code: 2, label: 'Neutral' },
          { code: 3, label: 'Dissatisfied' },
        ],
        missing: [],
        formatAttributes: {},
        isSystem: false,
      },
      {
        name: 'score',
        label: 'Score',
        type: 'numeric',
        valueLabels: [],
        missing: [],
        formatAttributes: {},
        isSystem: false,
      },
    ],
    columns: [
      numeric(rows.resp_id),
      { kind: 'text', values: rows.name },
      numeric(rows.sat),
      numeric(rows.score),
    ],
    multiResponseSets: [],
    warnings: [],
    fileAttributes: {},
  };
}

let cleanup: () => void;
let session: StudySession;
let dispatch: Dispatch;

function call<K extends MethodName>(method: K, input: Input<K>): Promise<Result<K>> {
  return callThrough(dispatch, method, input);
}

/** The page's rows as [respondent ID, ...values] for the chosen columns. */
async function rows(input: Partial<Input<'grid.page'>>): Promise<unknown[][]> {
  const page = await call('grid.page', { offset: 0, limit: 100, ...input });
  return page.rows.map((row, i) => [page.respondentIds[i], ...row]);
}

beforeAll(async () => {
  let folder: string;
  ({ folder, cleanup } = tempFolder('cew-grid-'));
  const file = path.join(folder, 'grid.cew');
  const study = createStudyFile(file, 'grid', 'test');
  const signal = new AbortController().signal;
  try {
    for (const [country, rows] of [
      ['DE', GERMANY],
      ['FR', FRANCE],
    ] as const) {
      const sav = path.join(folder, `${country}.sav`);
      await writeSav(sav, datasetToSavFile(dataset(rows)));
      await importFile(
        study.writable!,
        sav,
        { country, wave: '2025', respondentType: 'customer' },
        signal,
        () => undefined,
      );
    }
  } finally {
    closeStudyFile(study);
  }
  ({ session, dispatch } = apiSession(folder));
  await session.openStudy(file);
}, 120_000);

afterAll(async () => {
  await session?.dispose();
  cleanup?.();
});

describe('grid.columns', () => {
  it('lists the variables in codebook order without the ones that identify people', async () => {
    const { respondents, columns } = await call('grid.columns', {});
    expect(respondents).toBe(8);
    const names = columns.map((column) => column.name);
    expect(names).toEqual([
      'source',
      'wave',
      'country',
      'respondent_type',
      'resp_id',
      'sat',
      'score',
    ]);
    expect(columns.find((column) => column.name === 'sat')!.valueLabels).toEqual([
      { code: 1, label: 'Satisfied' },
      { code: 2, label: 'Neutral' },
      { code: 3, label: 'Dissatisfied' },
    ]);
  });

  it('lists them too when asked to show identifying variables', async () => {
    const { columns } = await call('grid.columns', { includeIdentifying: true });
    expect(columns.find((column) => column.name === 'name')).toMatchObject({
      isIdentifying: true,
      type: 'text',
    });
  });
});

describe('grid.page', () => {
  const variables = ['sat', 'score', 'country'];

  it('shows labels for coded answers, numbers as numbers and null for missing', async () => {
    const page = await call('grid.page', { variables, offset: 0, limit: 3 });
    expect(page.total).toBe(8);
    expect(page.columns).toEqual([
      { name: 'sat', label: 'Satisfaction', type: 'single' },
      { name: 'score', label: 'Score', type: 'numeric' },
      { name: 'country', label: 'Country', type: 'single' },
    ]);
    expect(page.rows).toEqual([
      ['Neutral', 7.5, 'Germany'],
      [null, 3, 'Germany'],
      ['Satisfied', null, 'Germany'],
    ]);
    expect(page.respondentIds).toEqual(['101', '102', '103']);
    expect(page.rowNumbers).toEqual([1, 2, 3]);
  });

  it('shows the codes instead when labels are turned off', async () => {
    const page = await call('grid.page', {
      variables: ['sat', 'country'],
      offset: 0,
      limit: 8,
      labels: false,
    });
    const countryCodes = new Set(page.rows.map((row) => row[1]));
    expect(page.rows.map((row) => row[0])).toEqual([2, null, 1, 3, 1, 3, 2, null]);
    expect(countryCodes.size).toBe(2);
    for (const code of countryCodes) expect(typeof code).toBe('number');
  });

  it('cuts pages at offset and limit, the last one short, with the total of every row', async () => {
    const page = await call('grid.page', { variables: ['score'], offset: 6, limit: 5 });
    expect(page).toMatchObject({ total: 8, offset: 6, rows: [[null], [8]] });
    expect(page.respondentIds).toEqual(['202', '203']);
    expect(page.rowNumbers).toEqual([7, 8]);
  });

  it('sorts a numeric column ascending and descending with missing values last, ties in study order', async () => {
    expect(
      await rows({ variables: ['score'], sort: { variable: 'score', descending: false } }),
    ).toEqual([
      ['201', -2.5],
      ['102', 3],
      ['105', 3],
      ['101', 7.5],
      ['203', 8],
      ['104', 10],
      ['103', null],
      ['202', null],
    ]);
    expect(
      await rows({ variables: ['score'], sort: { variable: 'SCORE', descending: true } }),
    ).toEqual([
      ['104', 10],
      ['203', 8],
      ['101', 7.5],
      ['102', 3],
      ['105', 3],
      ['201', -2.5],
      ['103', null],
      ['202', null],
    ]);
  });

  it('sorts a coded column by its codes, missing last in both directions', async () => {
    const ascending = await rows({
      variables: ['sat'],
      sort: { variable: 'sat', descending: false },
    });
    expect(ascending.map((row) => row[0])).toEqual([
      '103',
      '105',
      '101',
      '202',
      '104',
      '201',
      '102',
      '203',
    ]);
    const descending = await rows({
      variables: ['sat'],
      sort: { variable: 'sat', descending: true },
      labels: false,
    });
    expect(descending).toEqual([
      ['104', 3],
      ['201', 3],
      ['101', 2],
      ['202', 2],
      ['103', 1],
      ['105', 1],
      ['102', null],
      ['203', null],
    ]);
  });

  it('sorts a text column alphabetically', async () => {
    const sorted = await rows({
      variables: ['name'],
      includeIdentifying: true,
      sort: { variable: 'name', descending: false },
    });
    expect(sorted.map((row) => row[1])).toEqual([
      'Anna Schmidt',
      'Ben Weber',
      'Chloé Petit',
      'Clara Vogel',
      'Dirk Braun',
      'Eva Roth',
      'Hugo Bernard',
      'Louis Martin',
    ]);
  });

  it('keeps only the respondents a filter expression selects, by label or by ISO code', async () => {
    const french = await call('grid.page', {
      variables,
      offset: 0,
      limit: 100,
      filter: 'country = "FR"',
    });
    expect(french.total).toBe(3);
    expect(french.respondentIds).toEqual(['201', '202', '203']);
    const satisfied = await call('grid.page', {
      variables,
      offset: 0,
      limit: 100,
      filter: 'sat = "satisfied"',
    });
    expect(satisfied.respondentIds).toEqual(['103', '105']);
  });

  it('combines column filters with the expression and sorts what is left', async () => {
    const codes = await call('grid.page', {
      variables,
      offset: 0,
      limit: 100,
      columnFilters: [{ variable: 'sat', codes: [1, 2] }],
      sort: { variable: 'score', descending: true },
    });
    expect(codes.respondentIds).toEqual(['101', '105', '103', '202']);
    const both = await call('grid.page', {
      variables,
      offset: 0,
      limit: 100,
      filter: 'score > 5',
      columnFilters: [{ variable: 'sat', codes: [1, 2] }],
    });
    expect(both.respondentIds).toEqual(['101']);
    const range = await call('grid.page', {
      variables,
      offset: 0,
      limit: 100,
      columnFilters: [{ variable: 'score', min: 3, max: 8 }],
    });
    expect(range.respondentIds).toEqual(['101', '102', '105', '203']);
  });

  it('hides identifying variables unless asked, even when named', async () => {
    const hidden = await call('grid.page', { variables: ['resp_id', 'name'], offset: 0, limit: 1 });
    expect(hidden.columns.map((column) => column.name)).toEqual(['resp_id']);
    const shown = await call('grid.page', {
      variables: ['resp_id', 'name'],
      offset: 0,
      limit: 1,
      includeIdentifying: true,
    });
    expect(shown.rows).toEqual([[101, 'Anna Schmidt']]);
  });

  it('answers a filter that does not compile with an error that points at the column', async () => {
    await expect(call('grid.page', { offset: 0, limit: 10, filter: 'score >' })).rejects.toThrow(
      /invalid-input: expression/,
    );
    await expect(
      call('grid.page', { offset: 0, limit: 10, sort: { variable: 'nothing', descending: false } }),
    ).rejects.toThrow(/no variable named "nothing"/);
  });
});
