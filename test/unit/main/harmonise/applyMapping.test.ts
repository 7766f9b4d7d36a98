/**
 * applyMapping on one-byte coded columns: study codes are applied through a lookup table, and the
 * column stays one byte per answer unless a study code does not fit in one.
 */
import { describe, expect, it } from 'vitest';
import { applyMapping } from '../../../../src/main/harmonise/applyMapping';
import type { ImportedDataset } from '../../../../src/main/import/importedDataset';
import { plainValues } from '../../../support/importedValues';

function codedDataset(codes: number[]): ImportedDataset {
  return {
    format: 'csv',
    encoding: 'utf-8',
    cases: codes.length,
    variables: [
      {
        name: 'q1',
        label: null,
        type: 'single',
        valueLabels: [
          { code: 1, label: 'Yes' },
          { code: 2, label: 'No' },
        ],
        missing: [],
        formatAttributes: {},
      },
    ],
    columns: [{ kind: 'codes', values: Uint8Array.from(codes) }],
    multiResponseSets: [],
    warnings: [],
    fileAttributes: {},
  };
}

function mapped(codes: Record<string, number>, studyType: 'single' | 'text' = 'single') {
  return applyMapping(
    'wave.csv',
    codedDataset([1, 2, 255, 2]),
    {
      variables: [{ source: 'q1', target: 'Q1', codes, evidence: 'user', confidence: 1 }],
      new: [],
    },
    new Map([['Q1', studyType]]),
  ).dataset;
}

describe('applyMapping on coded columns', () => {
  it('recodes one-byte codes and keeps them one byte, missing staying missing', () => {
    const dataset = mapped({ '1': 2, '2': 1 });
    expect(dataset.columns[0]).toEqual({ kind: 'codes', values: Uint8Array.from([2, 1, 255, 1]) });
    expect(dataset.variables[0]!.valueLabels).toEqual([
      { code: 2, label: 'Yes' },
      { code: 1, label: 'No' },
    ]);
  });

  it('widens to numbers when a study code does not fit in one byte', () => {
    const column = mapped({ '2': 300 }).columns[0]!;
    expect(column.kind).toBe('numeric');
    expect(plainValues(column)).toEqual([1, 300, NaN, 300]);
  });

  it('writes labels for a text study variable, and null for missing', () => {
    expect(plainValues(mapped({}, 'text').columns[0]!)).toEqual(['Yes', 'No', null, 'No']);
  });
});
