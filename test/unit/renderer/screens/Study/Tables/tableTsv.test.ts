import { describe, expect, it } from 'vitest';
import type { TableResult } from '../../../../../../src/shared/domain/table';
import { tableDecimals } from '../../../../../../src/shared/domain/tableFormat';
import { tableTsv } from '../../../../../../src/renderer/src/screens/Study/Tables/tableTsv';

const LABELS = { base: 'Base (n)', weightedBase: 'Weighted base', effectiveBase: 'Effective base' };

function cell(colPct: number, sig = '', marks?: string) {
  return { n: 1, wn: 1, colPct, rowPct: null, sig, ...(marks ? { marks } : {}) };
}

const TABLE: TableResult = {
  columns: [
    { id: 'total', variable: 'total', code: null, label: 'Total', letter: null, group: -1 },
    { id: 'e:1', variable: 'energy', code: 1, label: 'Creators', letter: 'A', group: 0 },
    { id: 'e:2', variable: 'energy', code: 2, label: 'Contri\tbutors', letter: 'B', group: 0 },
  ],
  rows: [
    {
      variable: 'country',
      code: 'DE',
      label: 'Germany',
      cells: [cell(28.6), cell(19.7, '', '-'), cell(30.8, 'A')],
    },
    {
      variable: 'country',
      code: 'IT',
      label: 'Italy',
      cells: [cell(71.4), cell(80.3), cell(69.2)],
    },
  ],
  bases: [
    { n: 7700, wn: 7700, effective: 7700, lowBase: false },
    { n: 264, wn: 264, effective: 264, lowBase: false },
    { n: 12, wn: 12, effective: 12, lowBase: true },
  ],
  tests: { pairs: [], notes: [] },
  footnote: 'Unweighted; all respondents.',
};

describe('tableTsv', () => {
  it('writes numbers as shown and each lettered column’s letters in a column of its own to its right', () => {
    expect(tableTsv(TABLE, 'colPct', tableDecimals(), LABELS)).toBe(
      [
        '\tTotal\tCreators\t(A)\tContri butors\t(B)',
        'country: Germany\t29%\t20%\t-\t31%\tA',
        'country: Italy\t71%\t80%\t\t69%\t',
        'Base (n)\t7,700\t264\t\t12*\t',
        '',
        'Unweighted; all respondents.',
        '',
      ].join('\n'),
    );
  });

  it('leaves the letter columns out when no cell has a letter or mark', () => {
    const plain: TableResult = {
      ...TABLE,
      rows: TABLE.rows.map((row) => ({
        ...row,
        cells: row.cells.map((c) => ({ ...c, sig: '', marks: undefined })),
      })),
    };
    const [header, germany] = tableTsv(
      plain,
      'colPct',
      tableDecimals({ decimals: { percent: 1 } }),
      LABELS,
    ).split('\n');
    expect(header).toBe('\tTotal\tCreators\tContri butors');
    expect(germany).toBe('country: Germany\t28.6%\t19.7%\t30.8%');
  });
});
