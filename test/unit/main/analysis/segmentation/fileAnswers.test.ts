/**
 * A new file's answers on the study's codes (fileAnswers.ts): matched by label, the file's and the
 * study's "don't know" codes and unknown answers read as missing — by hand on one question.
 */
import { describe, expect, it } from 'vitest';
import {
  fileAnswers,
  type StudyAnswers,
} from '../../../../../src/main/analysis/segmentation/fileAnswers';
import type { ImportedDataset } from '../../../../../src/main/import/importedDataset';

/** The study's frequency scale: 1 Never … 3 Monthly, 99 Don't know (declared missing). */
const study: StudyAnswers = {
  name: 'comment',
  type: 'single',
  labels: { en: 'Comments on posts' },
  sourceLanguage: 'en',
  values: [
    { code: 1, labels: { en: 'Never' } },
    { code: 2, labels: { en: 'Less than monthly' } },
    { code: 3, labels: { en: 'Monthly' } },
    { code: 99, labels: { en: "Don't know" } },
  ],
  missing: [99],
};

/** A file numbering the answers its own way: 1 Monthly, 2 Never, 3 Hourly, 8 Don't know, 9 refused. */
function file(values: number[], name = 'COMMENT'): ImportedDataset {
  return {
    format: 'csv',
    encoding: 'utf-8',
    cases: values.length,
    variables: [
      {
        name,
        label: null,
        type: 'single',
        valueLabels: [
          { code: 1, label: 'Monthly' },
          { code: 2, label: 'Never' },
          { code: 3, label: 'Hourly' },
          { code: 8, label: "Don't know" },
          { code: 9, label: 'Refused' },
        ],
        missing: [9],
        formatAttributes: {},
      },
    ],
    columns: [{ kind: 'numeric', values: Float64Array.from(values) }],
    multiResponseSets: [],
    warnings: [],
    fileAttributes: {},
  };
}

describe("a file's answers on the study's codes", () => {
  it('recodes by label, and reads the file and study missing codes and unknown answers as missing', () => {
    const read = fileAnswers('new.csv', file([1, 2, 3, 8, 9, Number.NaN]), study, 'en')!;
    // Monthly → 3, Never → 1, Hourly (unknown) → missing, Don't know → 99 → missing, refused → missing.
    expect(Array.from(read.values)).toEqual([3, 1, NaN, NaN, NaN, NaN]);
    expect(read.name).toBe('COMMENT');
    expect(read.warnings).toEqual([
      'new.csv: COMMENT has answers the study does not have (3 "Hourly"): read as missing',
    ]);
  });

  it('finds the variable by name case-insensitively, or under the name it is mapped to', () => {
    expect(fileAnswers('new.csv', file([1], 'rate_brands'), study, 'en')).toBeNull();
    expect(
      fileAnswers('new.csv', file([1], 'rate_brands'), study, 'en', 'RATE_BRANDS')?.values[0],
    ).toBe(3);
  });
});
