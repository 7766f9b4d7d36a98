import { describe, expect, it } from 'vitest';
import type { ImportedDataset } from '../../../../src/main/import/importedDataset';
import { validateDataset } from '../../../../src/main/import/validateDataset';

function dataset(): ImportedDataset {
  return {
    format: 'csv',
    encoding: 'utf-8',
    cases: 4,
    variables: [
      {
        name: 'id',
        label: null,
        type: 'numeric',
        valueLabels: [],
        missing: [],
        formatAttributes: {},
      },
      {
        name: 'q1',
        label: 'Satisfaction',
        type: 'single',
        valueLabels: [
          { code: 1, label: 'Low' },
          { code: 2, label: 'High' },
        ],
        missing: [9],
        formatAttributes: {},
      },
      {
        name: 'empty',
        label: null,
        type: 'numeric',
        valueLabels: [],
        missing: [],
        formatAttributes: {},
      },
      {
        name: 'email',
        label: null,
        type: 'text',
        valueLabels: [],
        missing: [],
        formatAttributes: {},
      },
      {
        name: 'age',
        label: null,
        type: 'numeric',
        valueLabels: [],
        missing: [],
        formatAttributes: { sss: { range: { from: 18, to: 99 } } },
      },
    ],
    columns: [
      { kind: 'numeric', values: Float64Array.from([1, 2, 2, 3]) },
      { kind: 'numeric', values: Float64Array.from([1, 2, 3, 9]) },
      { kind: 'numeric', values: Float64Array.from([NaN, NaN, NaN, NaN]) },
      { kind: 'text', values: ['a@example.com', 'b@example.org', 'c@example.net', null] },
      { kind: 'numeric', values: Float64Array.from([17, 30, 45, 120]) },
    ],
    multiResponseSets: [],
    warnings: ['a reader warning'],
    fileAttributes: {},
  };
}

describe('the validation report before an import', () => {
  it('lists codes without labels, but not declared missing codes', () => {
    const report = validateDataset('f.csv', dataset());
    const issue = report.issues.find((i) => i.kind === 'codes-without-labels');
    expect(issue).toMatchObject({
      severity: 'warning',
      variable: 'q1',
      message: 'q1 has codes without labels: 3',
    });
  });

  it('finds codes without labels in one-byte coded columns wherever they stand', () => {
    // Unaligned in its buffer, long runs of one word, and the odd codes at the head, in the
    // middle and in the tail that four-byte reading treats separately.
    const buffer = new Uint8Array(10_003).fill(1);
    const codes = buffer.subarray(1);
    codes[0] = 7;
    codes[5_001] = 255; // missing, never reported
    codes[5_002] = 9; // declared missing
    codes[6_000] = 2;
    codes[codes.length - 1] = 4;
    const data = dataset();
    const coded: ImportedDataset = {
      ...data,
      cases: codes.length,
      variables: [data.variables[1]!],
      columns: [{ kind: 'codes', values: codes }],
    };
    const issue = validateDataset('f.csv', coded).issues.find(
      (i) => i.kind === 'codes-without-labels',
    );
    expect(issue?.message).toBe('q1 has codes without labels: 4, 7');
  });

  it('warns about empty variables, identifying columns and values outside a declared range', () => {
    const kinds = validateDataset('f.csv', dataset()).issues.map(
      (i) => `${i.kind}:${i.variable ?? ''}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        'empty-variable:empty',
        'identifying:email',
        'out-of-range:age',
        'reader-warning:',
      ]),
    );
    const range = validateDataset('f.csv', dataset()).issues.find((i) => i.kind === 'out-of-range');
    expect(range?.message).toBe('age: 2 values outside the declared range 18–99');
  });

  it('blocks on duplicate IDs only when the user named the ID variable', () => {
    expect(validateDataset('f.csv', dataset(), { idVariable: 'id', idNamed: true }).blocking).toBe(
      true,
    );
    const guessed = validateDataset('f.csv', dataset(), { idVariable: 'id', idNamed: false });
    expect(guessed.blocking).toBe(false);
    expect(guessed.issues.find((i) => i.kind === 'duplicate-id')?.message).toBe(
      'respondent ID id repeats: 2',
    );
  });

  it('blocks on a type conflict with the study codebook, but not numeric against single', () => {
    const report = validateDataset('f.csv', dataset(), {
      studyVariables: [
        { name: 'email', type: 'numeric' },
        { name: 'q1', type: 'numeric' },
      ],
    });
    expect(report.blocking).toBe(true);
    expect(report.issues.filter((i) => i.kind === 'type-conflict').map((i) => i.message)).toEqual([
      'email is text here but numeric in the study',
    ]);
  });
});
