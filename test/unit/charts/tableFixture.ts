/**
 * A small energy × country table in the engine's result shape, numbers chosen so each check has
 * one right answer: Germany has 3% creators, Korea's base is low, Korea's creators carry "AC" and
 * a '+' against the rest of the sample.
 */
import type { TableCell, TableResult } from '../../../src/shared/domain/table';

function cell(n: number, base: number, sig = '', marks?: string): TableCell {
  return {
    n,
    wn: n,
    colPct: (n / base) * 100,
    rowPct: null,
    sig,
    ...(marks ? { marks } : {}),
  };
}

const bases = [1000, 400, 350, 225, 25];

export const energyByCountry: TableResult = {
  columns: [
    { id: 'total', variable: 'total', code: null, label: 'Total', letter: null, group: -1 },
    { id: 'country:1', variable: 'country', code: 1, label: 'Germany', letter: 'A', group: 0 },
    { id: 'country:2', variable: 'country', code: 2, label: 'Italy', letter: 'B', group: 0 },
    { id: 'country:3', variable: 'country', code: 3, label: 'France', letter: 'C', group: 0 },
    { id: 'country:4', variable: 'country', code: 4, label: 'South Korea', letter: 'D', group: 0 },
  ],
  rows: [
    {
      variable: 'energy',
      code: 1,
      label: 'Creators',
      cells: [
        cell(50, 1000),
        cell(12, 400, '', '-'),
        cell(14, 350),
        cell(9, 225),
        cell(15, 25, 'AC', '+'),
      ],
    },
    {
      variable: 'energy',
      code: 2,
      label: 'Contributors',
      cells: [cell(200, 1000), cell(80, 400), cell(70, 350), cell(45, 225, 'B'), cell(5, 25)],
    },
    {
      variable: 'energy',
      code: 3,
      label: 'Viewers',
      cells: [
        cell(750, 1000),
        cell(308, 400, 'D'),
        cell(266, 350),
        cell(171, 225),
        cell(5, 25, '', '-'),
      ],
    },
  ],
  bases: bases.map((n) => ({ n, wn: n, effective: n, lowBase: n < 30 })),
  tests: { pairs: [], notes: [] },
  footnote: 'Unweighted; all respondents; letters: 95% confidence.',
};
