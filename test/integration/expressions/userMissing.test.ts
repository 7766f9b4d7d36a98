/**
 * Expressions and tables agree on user-missing codes. A code the variable declares user-missing
 * (the demo's gender 99 "Prefer not to say", an SPSS file's MISSING VALUES) is missing in a filter
 * and a derived variable, exactly as every table leaves it out of its base; `value(x)` still reads
 * the stored code. Checked on the demo study against its own tables, and on a .sav file with
 * declared missing values against GNU PSPP (test/reference/expressions/user-missing.*).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTable } from '../../../src/main/analysis/crosstab/runTable';
import { populateDemoStudy } from '../../../src/main/demo/demoStudy';
import { chunkToNumbers } from '../../../src/main/import/columnEncoding';
import { closeStudyFile, type OpenStudy } from '../../../src/main/study/studyFile';
import { ColumnCache } from '../../../src/main/worker/columnCache';
import { previewExpression } from '../../../src/main/worker/expressionPreview';
import { deriveVariable, filterMask } from '../../../src/main/worker/studyExpressions';
import { studyTableData } from '../../../src/main/worker/studyTableData';
import { describeWithFixtures, fixture } from '../../support/fixtures';
import { parsePsppCsv } from '../../support/psppOracle';
import { tempFolder } from '../../support/studyDb';
import { createStudy, importInto, writableDb } from '../import/studyHelpers';

function kept(study: OpenStudy, expression: string): number {
  let count = 0;
  for (const keep of filterMask(study.db, new ColumnCache(study.db), expression)) count += keep;
  return count;
}

/** A one-variable table's counts by row label (the base row included), unweighted. */
function tableCounts(study: OpenStudy, variable: string): Map<string, number> {
  const table = runTable(studyTableData(study.db, new ColumnCache(study.db)), {
    rows: [variable],
    columns: [],
  });
  return new Map(table.rows.map((row) => [row.label, row.cells[0]!.n]));
}

function studyRows(study: OpenStudy): number {
  return (
    study.db.prepare('SELECT coalesce(sum(row_count), 0) AS n FROM sources').get() as { n: number }
  ).n;
}

describe('on the demo study, filters and derived variables count what its tables count', () => {
  let study: OpenStudy;
  let cleanup: () => void;

  beforeAll(async () => {
    const temp = tempFolder('cew-expr-missing-');
    cleanup = temp.cleanup;
    study = createStudy(temp.folder, 'demo');
    await populateDemoStudy(
      writableDb(study),
      path.join(temp.folder, 'sources'),
      new AbortController().signal,
      () => undefined,
      { customersPerSource: 300, executivesPerSource: 40 },
    );
  }, 120_000);

  afterAll(() => {
    closeStudyFile(study);
    cleanup();
  });

  it('declares gender 99 "Prefer not to say" user-missing, and some customers gave it', () => {
    expect(
      study.db
        .prepare(
          `SELECT m.kind, m.value FROM missing_codes m JOIN variables v ON v.id = m.variable_id
           WHERE v.name = 'gender'`,
        )
        .all(),
    ).toEqual([{ kind: 'value', value: '99' }]);
    expect(kept(study, 'value(gender) = 99')).toBeGreaterThan(0);
  });

  it('gender = 2 keeps as many respondents as the table counts Female, and refusals are in neither', () => {
    const counts = tableCounts(study, 'gender');
    expect(kept(study, 'gender = 2')).toBe(counts.get('Female'));
    expect(kept(study, 'gender = "Female"')).toBe(counts.get('Female'));
    expect(kept(study, 'gender >= 2')).toBe(
      counts.get('Female')! + counts.get('Non-binary or other')!,
    );
    expect(kept(study, 'gender != 1')).toBe(
      counts.get('Female')! + counts.get('Non-binary or other')!,
    );
    expect(kept(study, 'gender = 99')).toBe(0);
  });

  it('gender is missing counts system- plus user-missing: everyone outside the table base', () => {
    const counts = tableCounts(study, 'gender');
    const answered =
      counts.get('Male')! + counts.get('Female')! + counts.get('Non-binary or other')!;
    const refused = kept(study, 'value(gender) = 99');
    const unasked = kept(study, 'value(gender) is missing');
    expect(kept(study, 'gender is missing')).toBe(studyRows(study) - answered);
    expect(kept(study, 'gender is missing')).toBe(refused + unasked);
    expect(kept(study, 'gender is not missing')).toBe(answered);
  });

  it('a derived recode puts refusals nowhere: its table matches the gender table', () => {
    const cache = new ColumnCache(study.db);
    const summary = deriveVariable(writableDb(study), cache, {
      name: 'not_male',
      expression: 'recode(gender, 1 -> 1 "Male", else -> 2 "Not male")',
    });
    const gender = tableCounts(study, 'gender');
    const derived = tableCounts(study, 'not_male');
    expect(derived.get('Male')).toBe(gender.get('Male'));
    expect(derived.get('Not male')).toBe(
      gender.get('Female')! + gender.get('Non-binary or other')!,
    );
    expect(summary.valid).toBe(gender.get('Male')! + derived.get('Not male')!);
  });

  it('a recode missing rule takes refusals and unasked alike; value(x) keeps them apart', () => {
    const cache = new ColumnCache(study.db);
    deriveVariable(writableDb(study), cache, {
      name: 'gender_answer',
      expression:
        'recode(value(gender), 1..3 -> 1 "Answered", 99 -> 2 "Refused", missing -> 3 "Not asked")',
    });
    const counts = tableCounts(study, 'gender_answer');
    expect(counts.get('Refused')).toBe(kept(study, 'value(gender) = 99'));
    expect(counts.get('Not asked')).toBe(kept(study, 'value(gender) is missing'));
    expect(kept(study, 'recode(gender, missing -> 1, else -> 0) = 1')).toBe(
      kept(study, 'gender is missing'),
    );
  });

  it('the live preview counts what the saved filter and derived variable count', () => {
    const cache = new ColumnCache(study.db);
    expect(previewExpression(study.db, cache, { expression: 'gender >= 2', as: 'filter' })).toEqual(
      {
        as: 'filter',
        rows: studyRows(study),
        kept: kept(study, 'gender >= 2'),
      },
    );
    const gender = tableCounts(study, 'gender');
    const preview = previewExpression(study.db, cache, {
      expression: 'recode(gender, 1 -> 1 "Male", else -> 2 "Not male")',
      as: 'derived',
    });
    expect(preview).toMatchObject({
      as: 'derived',
      categories: [
        { code: 1, label: 'Male', count: gender.get('Male') },
        {
          code: 2,
          label: 'Not male',
          count: gender.get('Female')! + gender.get('Non-binary or other')!,
        },
      ],
    });
  });
});

// pyreadstat/sample_missing.sav: mylabl declares -1 user-missing, myord -1..-3 (three values),
// mynum the range 2000..3000 and -1. PSPP's values per respondent are in the reference's list.
const reference = parsePsppCsv(
  readFileSync(
    path.resolve(import.meta.dirname, '../../reference/expressions/user-missing.csv'),
    'utf8',
  ),
);

/** A column of PSPP's data list as numbers, NaN for system-missing ("."). */
function psppColumn(name: string): number[] {
  const list = reference.tables.find((table) => table.title === 'Data List')!;
  const index = list.rows[0]!.indexOf(name);
  return list.rows.slice(1).map((row) => {
    const text = row[index]!.trim();
    return text === '.' ? NaN : Number(text);
  });
}

describeWithFixtures('on an SPSS file with user-missing values, as GNU PSPP computes', () => {
  let study: OpenStudy;
  let cleanup: () => void;

  beforeAll(async () => {
    const temp = tempFolder('cew-expr-pspp-');
    cleanup = temp.cleanup;
    study = createStudy(temp.folder);
    await importInto(study, fixture('pyreadstat/sample_missing.sav'));
  });

  afterAll(() => {
    closeStudyFile(study);
    cleanup();
  });

  function mask(expression: string): number[] {
    return Array.from(filterMask(study.db, new ColumnCache(study.db), expression));
  }

  /** A derived variable's stored values. */
  function derived(name: string, expression: string): number[] {
    const cache = new ColumnCache(study.db);
    deriveVariable(writableDb(study), cache, { name, expression });
    return Array.from(chunkToNumbers(new ColumnCache(study.db).get(name).column));
  }

  /** A PSPP condition (1, 0 or system-missing) as a filter keeps it: only where it is 1. */
  const selected = (name: string) => psppColumn(name).map((value) => (value === 1 ? 1 : 0));

  it('conditions select the rows PSPP computes as true (COMPUTE with MISSING and VALUE)', () => {
    expect(mask('mylabl = 2')).toEqual(selected('female'));
    expect(mask('mylabl >= 2')).toEqual(selected('notmale'));
    expect(mask('mylabl is missing')).toEqual(selected('miss'));
    expect(mask('value(mylabl) = -1')).toEqual(selected('refused'));
    expect(mask('myord >= 2')).toEqual(selected('highord'));
  });

  it('arithmetic gives missing for a user-missing value, and value(x) the stored one', () => {
    const close = (values: number[]) =>
      values.map((v) => (Number.isNaN(v) ? v : Math.round(v * 100) / 100));
    expect(close(derived('numx2', 'mynum * 2'))).toEqual(psppColumn('numx2'));
    expect(close(derived('num2', 'value(mynum) * 2'))).toEqual(psppColumn('num2'));
  });

  it('recode: else leaves missing values missing, a missing rule takes both kinds', () => {
    expect(derived('grp', 'recode(mylabl, 1 -> 1, else -> 2)')).toEqual(psppColumn('grp'));
    expect(derived('grpmiss', 'recode(mylabl, 1 -> 1, missing -> 9, else -> 2)')).toEqual(
      psppColumn('grpmiss'),
    );
    // SPSS's RECODE … (ELSE=2) also takes user- and system-missing values; spelled out here.
    expect(derived('grpelse', 'recode(value(mylabl), 1 -> 1, missing -> 2, else -> 2)')).toEqual(
      psppColumn('grpelse'),
    );
  });

  it('the table of mylabl and the filters agree: 3 Male, 2 Female, 2 missing', () => {
    const counts = tableCounts(study, 'mylabl');
    expect([counts.get('Male'), counts.get('Female')]).toEqual([3, 2]);
    expect(kept(study, 'mylabl = "Male"')).toBe(3);
    expect(kept(study, 'mylabl = 2')).toBe(2);
    expect(kept(study, 'mylabl is missing')).toBe(2);
  });
});
