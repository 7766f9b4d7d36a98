/**
 * The system variable `industry`: fixed for a whole source, or taken from the file's own
 * `industry` column by matching its answers to the study's industries by name in any language.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chunkToNumbers } from '../../../src/main/import/columnEncoding';
import { loadColumn, type ColumnEncoding } from '../../../src/main/study/columnStore';
import { closeStudyFile, type OpenStudy } from '../../../src/main/study/studyFile';
import { tempFolder } from '../../support/studyDb';
import { createStudy, importInto, writeGeneratedSav } from './studyHelpers';

let folder: string;
let cleanup: () => void;
let study: OpenStudy;

beforeEach(() => {
  ({ folder, cleanup } = tempFolder('cew-industry-'));
  study = createStudy(folder);
});
afterEach(() => {
  closeStudyFile(study);
  cleanup();
});

function industryOfRows(): Array<string | null> {
  const variable = study.db
    .prepare("SELECT id, storage FROM variables WHERE name = 'industry'")
    .get() as { id: number; storage: ColumnEncoding };
  const codes = chunkToNumbers(loadColumn(study.db, variable.id, variable.storage));
  const names = new Map(
    (
      study.db.prepare('SELECT id, code FROM industries').all() as Array<{
        id: number;
        code: string;
      }>
    ).map((row) => [row.id, row.code]),
  );
  return Array.from(codes, (code) => (Number.isNaN(code) ? null : (names.get(code) ?? '?')));
}

describe('the industry system variable', () => {
  it('takes a fixed industry for every respondent, and keeps a file column of that name apart', async () => {
    const file = await writeGeneratedSav(path.join(folder, 'bank.sav'), [
      { name: 'id', numbers: [1, 2, 3] },
      { name: 'industry', label: 'Sector code', numbers: [7, 8, 9] },
    ]);
    const summary = await importInto(study, file, { industry: 'banking' });
    expect(industryOfRows()).toEqual(['banking', 'banking', 'banking']);
    expect(summary.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/industry .* kept as industry_source/)]),
    );
    const names = JSON.parse(
      (
        study.db.prepare("SELECT names_json FROM industries WHERE code = 'banking'").get() as {
          names_json: string;
        }
      ).names_json,
    ) as Record<string, string>;
    expect(names).toMatchObject({ en: 'Banking', de: 'Bankwesen', ko: '은행' });
  });

  it('matches the answers of a file’s industry column by name in the file’s language, adding unknown ones', async () => {
    const file = await writeGeneratedSav(path.join(folder, 'de.sav'), [
      { name: 'id', numbers: [1, 2, 3, 4] },
      {
        name: 'industry',
        label: 'Branche',
        numbers: [1, 2, 3, null],
        valueLabels: { 1: 'Reisen', 2: 'Telekommunikation', 3: 'Landwirtschaft' },
      },
    ]);
    await importInto(study, file, { language: 'de' });
    expect(industryOfRows()).toEqual(['travel', 'telecom', 'landwirtschaft', null]);
    const added = study.db
      .prepare("SELECT names_json FROM industries WHERE code = 'landwirtschaft'")
      .get() as { names_json: string };
    expect(JSON.parse(added.names_json)).toEqual({ de: 'Landwirtschaft' });
    const variables = study.db.prepare('SELECT name FROM variables').all();
    expect(variables).not.toContainEqual({ name: 'industry_source' });
  });
});
