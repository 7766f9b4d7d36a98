/**
 * The demo study end to end: the generator's agency files (German .sav, Italian .xlsx, French
 * CP1252 CSV, Korean Triple-S in CP949) imported through the normal import and mapping path onto
 * the master questionnaire's codebook, with no reviewed mapping. Expectations come from the
 * generator's own description of the files (waveChanges.ts) and the questionnaire, never from
 * numbers this import produced before.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { populateDemoStudy, type DemoImport } from '../../../src/main/demo/demoStudy';
import {
  RENAMED_IN_2026,
  RECODED_IN_2026,
  sourceCodeFrame,
} from '../../../src/main/demo/waveChanges';
import { masterQuestionnaire, questionnaireVariable } from '../../../src/main/demo/questionnaire';
import { chunkToNumbers } from '../../../src/main/import/columnEncoding';
import { readDataset } from '../../../src/main/import/readers';
import { loadColumn, type ColumnEncoding } from '../../../src/main/study/columnStore';
import { closeStudyFile, type OpenStudy } from '../../../src/main/study/studyFile';
import type { SourceMapping } from '../../../src/shared/domain/mapping';
import { tempFolder } from '../../support/studyDb';
import { createStudy, writableDb } from '../import/studyHelpers';

let study: OpenStudy;
let imports: DemoImport[];
let cleanup: () => void;

beforeAll(async () => {
  const temp = tempFolder('cew-demo-');
  cleanup = temp.cleanup;
  study = createStudy(temp.folder, 'demo');
  imports = await populateDemoStudy(
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

/** A variable's stored values for one source's respondents. */
function storedCodes(sourceId: number, name: string): number[] {
  const variable = study.db
    .prepare('SELECT id, storage FROM variables WHERE name = ?')
    .get(name) as {
    id: number;
    storage: ColumnEncoding;
  };
  const rows = study.db
    .prepare('SELECT id, row_count FROM sources ORDER BY sort_order')
    .all() as Array<{ id: number; row_count: number }>;
  let offset = 0;
  for (const row of rows) {
    if (row.id === sourceId) break;
    offset += row.row_count;
  }
  const count = rows.find((row) => row.id === sourceId)!.row_count;
  const column = loadColumn(study.db, variable.id, variable.storage);
  return Array.from(chunkToNumbers(column).subarray(offset, offset + count));
}

function sourceRows(): Array<{
  file_name: string;
  country_code: string;
  wave: string;
  respondent_type: string;
  mapping_json: string;
}> {
  return study.db
    .prepare(
      `SELECT s.file_name, s.country_code, w.code AS wave, s.respondent_type, s.mapping_json
       FROM sources s JOIN waves w ON w.id = s.wave_id ORDER BY s.sort_order`,
    )
    .all() as never;
}

describe('the demo study', () => {
  it('stacks four countries and two waves into one study with no unmapped variable', () => {
    const questionnaireNames = masterQuestionnaire.variables.map((variable) => variable.name);
    const imported = study.db
      .prepare("SELECT name FROM variables WHERE origin = 'imported' ORDER BY sort_order")
      .all()
      .map((row) => (row as { name: string }).name);
    expect(imported.filter((name) => !questionnaireNames.includes(name))).toEqual([]);
    expect(imported).toEqual(questionnaireNames);
    expect(imports).toHaveLength(14);
    for (const { source, summary } of imports) {
      expect(summary.variablesAdded, `${source.path} added variables`).toBe(0);
    }
    const cells = sourceRows().map(
      (row) => `${row.country_code} ${row.wave} ${row.respondent_type}`,
    );
    expect(new Set(cells).size).toBe(14);
  });

  it('reuses the wave-2025 mapping for the same country in wave 2026 and recognises the renamed variables', () => {
    const customers2026 = sourceRows().filter(
      (source) =>
        source.wave === '2026' &&
        source.country_code !== 'KR' &&
        source.respondent_type === 'customer',
    );
    expect(customers2026).toHaveLength(3);
    for (const row of customers2026) {
      const mapping = JSON.parse(row.mapping_json) as SourceMapping;
      for (const [master, renamed] of Object.entries(RENAMED_IN_2026)) {
        const entry = mapping.variables.find((variable) => variable.source === renamed);
        expect(entry?.target, `${row.file_name}: ${renamed}`).toBe(master);
        // A CSV has no labels: its renamed columns are found by their answers alone.
        if (row.file_name.endsWith('.csv')) expect(entry?.evidence).toBe('code-frame');
        else expect(entry?.confidence).toBeGreaterThanOrEqual(0.85);
      }
      const kept = mapping.variables.filter((variable) => variable.evidence === 'previous-wave');
      expect(kept.length, row.file_name).toBeGreaterThan(5);
    }
  });

  it('lands the changed code frame of wave 2026 on the study codes', () => {
    const frame = sourceCodeFrame(RECODED_IN_2026, '2026');
    const labelled = sourceRows().filter(
      (row) =>
        row.wave === '2026' &&
        row.respondent_type === 'customer' &&
        !row.file_name.endsWith('.csv'),
    );
    expect(labelled.map((row) => row.country_code)).toEqual(['DE', 'IT', 'KR']);
    for (const row of labelled) {
      const mapping = JSON.parse(row.mapping_json) as SourceMapping;
      const entry = mapping.variables.find((variable) => variable.target === RECODED_IN_2026)!;
      for (const { code, masterCode } of frame)
        expect(entry.codes[String(code)] ?? code, `${row.file_name} code ${code}`).toBe(masterCode);
    }
  });

  it('stores the French answer texts of a CSV under the study codes whose French labels they are', async () => {
    const french = imports.find(
      ({ source }) =>
        source.country === 'FR' && source.wave === '2026' && source.respondentType === 'customer',
    )!;
    const file = await readDataset(french.source.path, { encoding: french.source.encoding });
    const index = file.variables.findIndex((variable) => variable.name === RECODED_IN_2026);
    const texts = new Map(file.variables[index]!.valueLabels.map((vl) => [vl.code, vl.label]));
    const fileCodes = file.columns[index]!.values as Float64Array;
    const stored = storedCodes(french.summary.sourceId, RECODED_IN_2026);
    const frenchLabel = new Map(
      questionnaireVariable(RECODED_IN_2026).values.map((value) => [value.code, value.labels.fr]),
    );
    expect(stored).toHaveLength(fileCodes.length);
    stored.forEach((code, row) => {
      const text = Number.isNaN(fileCodes[row]!) ? undefined : texts.get(fileCodes[row]!);
      expect(Number.isNaN(code) ? undefined : frenchLabel.get(code), `row ${row + 1}`).toBe(text);
    });
  });

  it('keeps the Korean and French labels of the questionnaire beside the files own', () => {
    const labels = JSON.parse(
      (
        study.db
          .prepare(
            `SELECT vl.labels_json FROM value_labels vl JOIN variables v ON v.id = vl.variable_id
             WHERE v.name = ? AND vl.code = ?`,
          )
          .get(RECODED_IN_2026, '1') as { labels_json: string }
      ).labels_json,
    ) as Record<string, string>;
    const master = questionnaireVariable(RECODED_IN_2026).values.find((value) => value.code === 1)!;
    expect(labels).toEqual(master.labels);
    const countries = study.db
      .prepare('SELECT code, names_json FROM countries ORDER BY code')
      .all() as Array<{ code: string; names_json: string }>;
    expect(countries.map((row) => row.code)).toEqual(['DE', 'FR', 'IT', 'KR']);
    expect(JSON.parse(countries[3]!.names_json)).toMatchObject({
      en: 'South Korea',
      ko: '대한민국',
    });
  });

  it('takes each respondent’s industry from the file’s industry column', () => {
    const industries = study.db
      .prepare('SELECT code FROM industries ORDER BY sort_order')
      .all()
      .map((row) => (row as { code: string }).code);
    expect(industries).toEqual(masterQuestionnaire.industries.map((industry) => industry.code));
    const codes = storedCodes(imports[0]!.summary.sourceId, 'industry');
    expect(codes.every((code) => code >= 1 && code <= industries.length)).toBe(true);
    expect(new Set(codes).size).toBe(industries.length);
  });
});
