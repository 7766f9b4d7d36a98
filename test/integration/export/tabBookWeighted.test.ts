/**
 * A weighted table in a tab book: below the unweighted base come the weighted and the effective
 * base, and the percentages are the weighted ones the engine computed; means are numbers too.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeTabBook } from '../../../src/main/export/tabBook';
import type { TableResult } from '../../../src/shared/domain/table';
import { tempFolder } from '../../support/studyDb';

let folder: string;
let cleanup: () => void;
beforeEach(() => ({ folder, cleanup } = tempFolder('cew-tabbook-weighted-')));
afterEach(() => cleanup());

const result: TableResult = {
  columns: [
    { id: 'total', variable: 'total', code: null, label: 'Total', letter: null, group: -1 },
    { id: 'g1', variable: 'gender', code: 1, label: 'Men', letter: 'A', group: 0 },
    { id: 'g2', variable: 'gender', code: 2, label: 'Women', letter: 'B', group: 0 },
  ],
  rows: [
    {
      variable: 'q',
      code: 1,
      label: 'Yes',
      cells: [
        { n: 60, wn: 61.5, colPct: 41, rowPct: 100, sig: '' },
        { n: 40, wn: 42.25, colPct: 52.8125, rowPct: 68.7, sig: 'B' },
        { n: 20, wn: 19.25, colPct: 27.5, rowPct: 31.3, sig: '' },
      ],
    },
    {
      variable: 'age',
      code: null,
      label: 'Mean',
      cells: [
        { n: 150, wn: 150, colPct: null, rowPct: null, mean: 41.256, sig: '' },
        { n: 80, wn: 80, colPct: null, rowPct: null, mean: 39.5, sig: '' },
        { n: 70, wn: 70, colPct: null, rowPct: null, mean: null, sig: '' },
      ],
    },
  ],
  bases: [
    { n: 150, wn: 150, effective: 131.4, lowBase: false },
    { n: 80, wn: 80, effective: 70.2, lowBase: false },
    { n: 70, wn: 70, effective: 61.9, lowBase: false },
  ],
  tests: { pairs: [], notes: [] },
  footnote: 'Weighted by w; all respondents',
};

it('writes the unweighted, weighted and effective bases, and means as numbers', async () => {
  const file = path.join(folder, 'weighted.xlsx');
  await writeTabBook(file, [
    {
      title: 'q by gender',
      result,
      spec: { rows: ['q'], columns: [{ variables: ['gender'] }], weight: 'w', means: ['age'] },
    },
  ]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet('1 q by gender')!;
  const rows = new Map<string, number>();
  sheet.eachRow((row, number) => rows.set(String(row.getCell(1).value), number));
  const line = (label: string) => [2, 3, 4].map((c) => sheet.getCell(rows.get(label)!, c).value);
  expect(line('Base (unweighted)')).toEqual([150, 80, 70]);
  expect(line('Base (weighted)')).toEqual([150, 80, 70]);
  expect(line('Base: effective')).toEqual([131.4, 70.2, 61.9]);
  expect(line('Yes')).toEqual([0.41, 0.528125, 0.275]);
  expect(line('Mean')).toEqual([41.256, 39.5, null]);
  expect(sheet.getCell(rows.get('Mean')!, 2).numFmt).toBe('0.00');
  // Letters sit on the line below their percentage.
  expect(sheet.getCell(rows.get('Yes')! + 1, 3).value).toBe('B');
});
