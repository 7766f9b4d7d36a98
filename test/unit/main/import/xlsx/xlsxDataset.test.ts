/**
 * Specification of the Excel reader. Every readxl fixture is read, and every sheet that exceljs
 * can open is compared cell by cell with exceljs's independent reading (through the documented
 * typing rules); the two fixtures exceljs cannot open are checked against their documented
 * content. Generated workbooks cover the codebook sheet, sheet and header row choices, dates,
 * mixed columns, and errors that name the sheet and cell.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { describeWithFixtures, fixture, fixturesDir } from '../../../../support/fixtures';
import type { ImportedDataset } from '../../../../../src/main/import/importedDataset';
import { readXlsxDataset } from '../../../../../src/main/import/xlsx/xlsxDataset';

const SPSS_EPOCH_MS = Date.UTC(1582, 9, 14);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'xlsx-reader-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Cell = number | string | boolean | Date | null;

/** A sheet as exceljs reads it, formulas by result, merged ranges in their first cell only. */
async function exceljsSheets(file: string): Promise<Array<{ name: string; rows: Cell[][] }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const plain = (value: ExcelJS.CellValue): Cell => {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'object' || value instanceof Date) return value;
    if ('result' in value) return plain(value.result ?? null);
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('hyperlink' in value) return value.text;
    return null;
  };
  return workbook.worksheets.map((sheet) => {
    const rows: Cell[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row: Cell[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const cell = sheet.getCell(r, c);
        row.push(cell.isMerged && cell.master.address !== cell.address ? null : plain(cell.value));
      }
      rows.push(row);
    }
    return { name: sheet.name, rows };
  });
}

const isBlank = (cell: Cell | undefined): boolean =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

function isoOf(date: Date): string {
  const iso = date.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
}

/** What a cell must read as under the documented rules, for the variable's type. */
function expectedValue(cell: Cell, type: string): number | string | null {
  const missing = isBlank(cell) || (typeof cell === 'string' && ['NA', '.'].includes(cell.trim()));
  if (missing) return type === 'numeric' || type === 'date' ? Number.NaN : null;
  if (type === 'numeric') return typeof cell === 'number' ? cell : Number(cell);
  if (type === 'date')
    return cell instanceof Date
      ? (cell.getTime() - SPSS_EPOCH_MS) / 1000
      : (Date.parse(`${String(cell).replace(' ', 'T')}Z`) - SPSS_EPOCH_MS) / 1000;
  if (cell instanceof Date) return isoOf(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

function actualValue(
  dataset: ImportedDataset,
  row: number,
  column: number,
): number | string | null {
  const variable = dataset.variables[column]!;
  const value = dataset.columns[column]!.values[row]!;
  if (variable.type !== 'single') return value;
  if (typeof value !== 'number' || Number.isNaN(value)) return null;
  return variable.valueLabels.find((label) => label.code === value)?.label ?? value;
}

function values(dataset: ImportedDataset, name: string): Array<number | string | null> {
  const c = dataset.variables.findIndex((variable) => variable.name === name);
  if (c < 0) throw new Error(`no variable ${name}`);
  return Array.from({ length: dataset.cases }, (_, r) => actualValue(dataset, r, c));
}

const names = (dataset: ImportedDataset): string[] => dataset.variables.map((v) => v.name);
const types = (dataset: ImportedDataset): string[] => dataset.variables.map((v) => v.type);

function readxl(name: string): string {
  return fixture(`readxl/${name}`);
}

/** Fixtures exceljs cannot open (../shared/DEPENDENCIES.md §2), checked by their content instead. */
const EXCELJS_CANNOT = ['inlineStr.xlsx', 'nonstandard-xml-ns-prefix.xlsx'];

describeWithFixtures('readxl fixtures', () => {
  const all = fixturesDir
    ? readdirSync(path.join(fixturesDir, 'readxl')).filter((f) => f.endsWith('.xlsx'))
    : [];

  it('has all 15 workbooks', () => {
    expect(all).toHaveLength(15);
  });

  describe.each(all.filter((name) => !EXCELJS_CANNOT.includes(name)))('%s', (name) => {
    it('reads every sheet as exceljs does, cell by cell', async () => {
      const sheets = await exceljsSheets(readxl(name));
      let compared = 0;
      let cells = 0;
      for (const sheet of sheets) {
        const dataset = await readXlsxDataset(readxl(name), { sheet: sheet.name });
        expect(dataset.format).toBe('xlsx');
        expect(dataset.fileAttributes).toMatchObject({
          xlsx: { sheet: sheet.name, sheets: sheets.map((s) => s.name) },
        });
        const header = sheet.rows.findIndex((row) => !row.every(isBlank));
        const data = sheet.rows.slice(header + 1).filter((row) => !row.every(isBlank));
        expect(dataset.cases).toBe(data.length);
        const width = Math.max(
          ...[sheet.rows[header]!, ...data].map(
            (row) => row.findLastIndex((cell) => !isBlank(cell)) + 1,
          ),
        );
        expect(dataset.variables).toHaveLength(width);
        cells += dataset.cases * dataset.variables.length;
        dataset.variables.forEach((variable, c) => {
          const headerCell = sheet.rows[header]![c] ?? null;
          const renamed = dataset.warnings.some((w) => w.includes(`column ${c + 1} repeats`));
          if (!isBlank(headerCell) && !renamed)
            expect(variable.name).toBe(expectedValue(headerCell, 'text'));
          data.forEach((row, r) => {
            const want = expectedValue(row[c] ?? null, variable.type);
            const got = actualValue(dataset, r, c);
            compared++;
            if (!Object.is(got, want))
              throw new Error(
                `${name} ${sheet.name}: ${variable.name} row ${r + 1}: ${String(got)} ≠ ${String(want)}`,
              );
          });
        });
      }
      expect(compared).toBe(cells);
      if (name !== 'dates-1900-LibreOffice.xlsx') expect(compared).toBeGreaterThan(0);
    });
  });

  it('blanks.xlsx: blank cells are missing wherever they are; an empty row is not a respondent', async () => {
    const different = await readXlsxDataset(readxl('blanks.xlsx'));
    expect(values(different, 'x')).toEqual([NaN, 1]);
    expect(values(different, 'y')).toEqual(['a', null]);
    const middle = await readXlsxDataset(readxl('blanks.xlsx'), { sheet: 'same_row_middle' });
    expect(middle.cases).toBe(2);
    expect(values(middle, 'x')).toEqual([1, 2]);
  });

  it('datasets.xlsx: picks sheets by name, with their dimensions', async () => {
    const mtcars = await readXlsxDataset(readxl('datasets.xlsx'));
    expect(mtcars.fileAttributes).toMatchObject({
      xlsx: { sheet: 'mtcars', sheets: ['mtcars', 'chickwts', 'quakes'] },
    });
    expect([mtcars.cases, mtcars.variables.length]).toEqual([32, 11]);
    expect(values(mtcars, 'wt').slice(0, 2)).toEqual([2.62, 2.875]);
    const chickwts = await readXlsxDataset(readxl('datasets.xlsx'), { sheet: 'chickwts' });
    expect([chickwts.cases, chickwts.variables.length]).toEqual([71, 2]);
    expect(chickwts.variables[1]!.valueLabels.map((label) => label.label)).toEqual([
      'casein',
      'horsebean',
      'linseed',
      'meatmeal',
      'soybean',
      'sunflower',
    ]);
    const quakes = await readXlsxDataset(readxl('datasets.xlsx'), { sheet: 'quakes' });
    expect([quakes.cases, ...types(quakes)]).toEqual([
      1000,
      'numeric',
      'numeric',
      'numeric',
      'numeric',
      'numeric',
    ]);
    expect(values(quakes, 'lat')[0]).toBe(-20.42);
  });

  it('dates-1900-LibreOffice.xlsx: 1900-system serials are dates', async () => {
    const dataset = await readXlsxDataset(readxl('dates-1900-LibreOffice.xlsx'));
    // The sheet's one row is the header: its five dates name the variables.
    expect(names(dataset)).toEqual([
      '2000-01-01',
      '2000-01-01_2',
      '2000-01-01_3',
      '2000-01-01_4',
      '2000-01-01_5',
    ]);
  });

  it('datetime-rounding.xlsx: date-times land on the second Excel shows', async () => {
    const dataset = await readXlsxDataset(readxl('datetime-rounding.xlsx'));
    expect(types(dataset)).toEqual(['date', 'date']);
    // dttm_string is TEXT(dttm, "yyyy-mm-dd hh:mm:ss"): both columns must agree exactly.
    expect(values(dataset, 'dttm')).toEqual(values(dataset, 'dttm_string'));
    expect(values(dataset, 'dttm')[0]).toBe((Date.UTC(2016, 3, 28, 11, 30) - SPSS_EPOCH_MS) / 1000);
  });

  it('deaths.xlsx: the header row can be chosen below notes', async () => {
    const dataset = await readXlsxDataset(readxl('deaths.xlsx'), { headerRow: 5 });
    expect(names(dataset)).toEqual([
      'Name',
      'Profession',
      'Age',
      'Has kids',
      'Date of birth',
      'Date of death',
    ]);
    expect(values(dataset, 'Name')[0]).toBe('David Bowie');
    // Notes below the table are rows too: only the header row can be chosen, not a range.
    expect(dataset.cases).toBe(14);
    const other = await readXlsxDataset(readxl('deaths.xlsx'), { sheet: 'other', headerRow: 5 });
    expect(values(other, 'Name')[0]).toBe('Vera Rubin');
  });

  it('inlineStr.xlsx (inline strings; exceljs cannot read it): its documented cells', async () => {
    const dataset = await readXlsxDataset(readxl('inlineStr.xlsx'));
    expect(dataset.fileAttributes).toMatchObject({
      xlsx: { sheets: ['Requirements'], reader: 'read-excel-file' },
    });
    expect(names(dataset)).toEqual([
      'NN',
      'Hierarchy',
      'V3',
      'Outline Number',
      'ID',
      'Name',
      'Type',
      'Description',
    ]);
    expect(dataset.cases).toBe(1);
    expect(values(dataset, 'NN')).toEqual([1]);
    expect(values(dataset, 'Outline Number')).toEqual(['1.']);
    expect(values(dataset, 'ID')).toEqual(['RQ11610']);
    expect(values(dataset, 'Type')).toEqual(['Textual Requirement']);
  });

  it('iris-excel-xlsx.xlsx: 150 rows, species as a single variable', async () => {
    const dataset = await readXlsxDataset(readxl('iris-excel-xlsx.xlsx'));
    expect(dataset.cases).toBe(150);
    expect(dataset.variables[4]!.valueLabels.map((label) => label.label)).toEqual([
      'setosa',
      'versicolor',
      'virginica',
    ]);
    expect(values(dataset, 'Sepal.Length').slice(0, 3)).toEqual([5.1, 4.9, 4.7]);
  });

  it('missing-values-xlsx.xlsx: "NA" text, also from a formula, is missing', async () => {
    const dataset = await readXlsxDataset(readxl('missing-values-xlsx.xlsx'));
    expect(types(dataset)).toEqual(['numeric', 'numeric', 'numeric']);
    expect(values(dataset, 'x')).toEqual([NaN, 1, 2]);
    expect(values(dataset, 'y')).toEqual([NaN, 1, 2]);
  });

  it('no-styles-or-sharedStrings-parts.xlsx: read by exceljs when read-excel-file fails', async () => {
    const dataset = await readXlsxDataset(readxl('no-styles-or-sharedStrings-parts.xlsx'));
    expect(dataset.fileAttributes).toMatchObject({ xlsx: { reader: 'exceljs' } });
    expect(dataset.warnings[0]).toMatch(
      /^read with exceljs: read-excel-file could not read the file/,
    );
    expect(dataset.cases).toBe(11);
    expect(values(dataset, 'Age').slice(0, 3)).toEqual([73, 71, 72]);
    expect(dataset.variables[0]!.valueLabels.map((label) => label.label)).toEqual([
      'english',
      'german',
      'turkish',
    ]);
  });

  it('nonstandard-xml-ns-prefix.xlsx (exceljs cannot read it): its documented cells', async () => {
    const dataset = await readXlsxDataset(readxl('nonstandard-xml-ns-prefix.xlsx'));
    expect(names(dataset)).toEqual(['a', 'b']);
    expect(values(dataset, 'a')).toEqual([1, 2]);
    expect(values(dataset, 'b')).toEqual([3, 4]);
  });

  it('numbers-as-na-and-shared-strings-xlsx.xlsx: shared strings are text', async () => {
    const dataset = await readXlsxDataset(readxl('numbers-as-na-and-shared-strings-xlsx.xlsx'));
    expect(values(dataset, 'a')).toEqual(['b']);
    expect(values(dataset, 'c')).toEqual(['d']);
  });

  it('skipping.xlsx: leading blank rows are skipped; other junk needs the header row', async () => {
    const blank = await readXlsxDataset(readxl('skipping.xlsx'));
    expect(blank.fileAttributes).toMatchObject({ xlsx: { headerRow: 3 } });
    expect(names(blank)).toEqual(['var1', 'var2']);
    expect(values(blank, 'var1')).toEqual(['v2,1', 'v4,1']);
    for (const sheet of ['occupied_row_and_blank_row', 'two_occupied_rows']) {
      const dataset = await readXlsxDataset(readxl('skipping.xlsx'), { sheet, headerRow: 3 });
      expect(values(dataset, 'var2')).toEqual(['v2,2', 'v4,2']);
    }
  });

  it('unnamed-duplicated-columns.xlsx: blank and repeated headers get generated names', async () => {
    const dataset = await readXlsxDataset(readxl('unnamed-duplicated-columns.xlsx'));
    expect(names(dataset)).toEqual(['V1', 'var2', 'V3', 'var2_2']);
    expect(dataset.warnings).toEqual([
      'generated variable names: column 1 has no name: V1; column 3 has no name: V3; column 4 repeats the name "var2": var2_2',
    ]);
    expect(values(dataset, 'V3')).toEqual([1.1, 2.1]);
    expect(values(dataset, 'var2_2')).toEqual(['aa', 'bb']);
  });

  it('utf8-sheet-names.xlsx: sheets named µ and ∂', async () => {
    const dataset = await readXlsxDataset(readxl('utf8-sheet-names.xlsx'), { sheet: '∂' });
    expect(dataset.fileAttributes).toMatchObject({ xlsx: { sheet: '∂', sheets: ['µ', '∂'] } });
    expect(values(dataset, 'x')).toEqual([1]);
  });

  it('vietnamese-utf8.xlsx: UTF-8 names and values', async () => {
    const dataset = await readXlsxDataset(readxl('vietnamese-utf8.xlsx'));
    expect(names(dataset)).toEqual(['Mô tả']);
    expect(dataset.cases).toBe(6);
    expect(values(dataset, 'Mô tả')).toContain('SÉT lẫn sạn laterite');
  });

  it('names the sheets when the one asked for does not exist', async () => {
    await expect(readXlsxDataset(readxl('datasets.xlsx'), { sheet: 'iris' })).rejects.toThrow(
      'there is no sheet "iris" (sheets: "mtcars", "chickwts", "quakes")',
    );
  });
});

async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(sheetName);
    for (const row of rows) sheet.addRow(row);
  }
  const file = path.join(tmp, name);
  await book.xlsx.writeFile(file);
  return file;
}

describe('generated workbooks', () => {
  it('takes variable and value labels from a codebook sheet; codes stay numeric single variables', async () => {
    const file = await workbook('codebook.xlsx', {
      codebook: [
        ['Variable', 'Label', 'Code', 'Value_Label'],
        ['sesso', 'Sesso', 1, 'Uomo'],
        [null, null, 2, 'Donna'],
        ['regione', 'Regione', null, null],
        ['soddisfatto', 'Soddisfatto?', '1', 'Sì'],
        ['soddisfatto', null, 2, 'No'],
        ['eta', 'Età', null, null],
        ['assente', 'Non nei dati', null, null],
      ],
      dati: [
        ['id', 'sesso', 'regione', 'soddisfatto', 'eta'],
        [1, 2, 'Lazio', 'No', 34],
        [2, 1, 'Puglia', 'Sì', 51],
        [3, null, 'Lazio', 'Sì', 29],
      ],
    });
    const dataset = await readXlsxDataset(file);
    expect(dataset.fileAttributes).toMatchObject({ xlsx: { sheet: 'dati', codebook: 'codebook' } });
    const byName = Object.fromEntries(dataset.variables.map((v) => [v.name, v]));
    expect(byName.sesso).toMatchObject({
      type: 'single',
      label: 'Sesso',
      valueLabels: [
        { code: 1, label: 'Uomo' },
        { code: 2, label: 'Donna' },
      ],
    });
    expect([...dataset.columns[1]!.values]).toEqual([2, 1, NaN]);
    expect(byName.regione).toMatchObject({ type: 'single', label: 'Regione' });
    expect(byName.soddisfatto).toMatchObject({ type: 'single', label: 'Soddisfatto?' });
    expect([...dataset.columns[3]!.values]).toEqual([2, 1, 1]);
    expect(byName.eta).toMatchObject({ type: 'numeric', label: 'Età' });
    expect(byName.id).toMatchObject({ type: 'numeric', label: null });
    expect(dataset.warnings).toContain('codebook: "assente" not in sheet "dati"');
  });

  it('names the codebook cell whose code is not a number or has no value label', async () => {
    const bad = await workbook('badcode.xlsx', {
      data: [['q'], [1]],
      codebook: [
        ['variable', 'code', 'value_label'],
        ['q', 'one', 'Yes'],
      ],
    });
    await expect(readXlsxDataset(bad)).rejects.toThrow(
      `${bad}: sheet "codebook", cell B2: the code "one" of q is not a number`,
    );
    const missing = await workbook('nolabel.xlsx', {
      data: [['q'], [1]],
      codebook: [
        ['variable', 'code', 'value_label'],
        ['q', 1, 'Yes'],
        [null, 2, null],
      ],
    });
    await expect(readXlsxDataset(missing)).rejects.toThrow(
      'sheet "codebook", cell C3: code 2 of q has no value_label',
    );
  });

  it('reads numbers, text, dates, booleans and mixed columns by the shared rules', async () => {
    const file = await workbook('kinds.xlsx', {
      Sheet1: [
        ['num', 'numtext', 'date', 'isodate', 'flag', 'mixed', 'errors'],
        [1.5, '2', new Date(Date.UTC(2024, 1, 29)), '2024-02-29', true, 1, { error: '#N/A' }],
        [2, ' 3 ', new Date(Date.UTC(2024, 2, 1, 10, 30)), '2024-03-01 10:30', false, 'x', 5],
        [null, 'NA', null, null, true, new Date(Date.UTC(2024, 0, 1)), 6],
      ],
    });
    const dataset = await readXlsxDataset(file);
    expect(types(dataset)).toEqual([
      'numeric',
      'numeric',
      'date',
      'date',
      'single',
      'single',
      'numeric',
    ]);
    expect(values(dataset, 'numtext')).toEqual([2, 3, NaN]);
    expect(values(dataset, 'date')).toEqual(values(dataset, 'isodate'));
    expect(values(dataset, 'flag')).toEqual(['TRUE', 'FALSE', 'TRUE']);
    expect(values(dataset, 'mixed')).toEqual(['1', 'x', '2024-01-01']);
    expect(values(dataset, 'errors')).toEqual([NaN, 5, 6]);
  });

  it('places conversion warnings at their cell', async () => {
    const file = await workbook('warn.xlsx', {
      S: [
        ['a', 'b'],
        [1, 'x'],
        [2, '3'],
        [3, 'y'],
      ],
    });
    const dataset = await readXlsxDataset(file, { types: { b: 'numeric' } });
    expect(dataset.warnings).toEqual([
      'b: 2 values are not numbers and became missing (first: sheet "S", cell B2, "x")',
    ]);
  });

  it('refuses a header row past the end, and a workbook with only a codebook', async () => {
    const file = await workbook('short.xlsx', { S: [['a'], [1]] });
    await expect(readXlsxDataset(file, { headerRow: 5 })).rejects.toThrow(
      'sheet "S": header row 5 is past its last row (2)',
    );
    const only = await workbook('only.xlsx', { Codebook: [['variable'], ['a']] });
    await expect(readXlsxDataset(only)).rejects.toThrow('no data sheet besides the codebook');
  });

  it('refuses a file that is not an .xlsx workbook', async () => {
    const file = path.join(tmp, 'not.xlsx');
    writeFileSync(file, 'a,b\n1,2\n');
    await expect(readXlsxDataset(file)).rejects.toThrow(`${file}: not a readable .xlsx workbook`);
  });
});
