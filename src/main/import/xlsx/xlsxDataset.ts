/**
 * Excel .xlsx sheets as imported datasets: picks the sheet (options.sheet, else the first that
 * is not named "codebook") and the header row (options.headerRow as Excel numbers rows, else the
 * first row that is not empty), reads the rows below it as respondents (skipping rows with no
 * value at all), and types the columns with the rules shared with CSV
 * (tabular/columnTyping.ts). Cells keep their Excel kind: numbers are numbers, date cells are
 * dates, and text cells go through the same missing/number rules as CSV fields. A column mixing
 * kinds (numbers and words, numbers and dates) is text. A "codebook" sheet supplies labels.
 */
import { ApiError } from '../../../shared/api/apiTypes';
import type { ImportedDataset } from '../importedDataset';
import { isMissingText, parseNumberText } from '../tabular/cellText';
import {
  typeColumns,
  type DeclaredLabels,
  type RawColumn,
  type TabularReadOptions,
} from '../tabular/columnTyping';
import { epochMsToIso, epochMsToSpssSeconds } from '../tabular/isoDate';
import { cellAddress } from './xlsxAddress';
import { isCodebookSheet, readCodebook } from './xlsxCodebook';
import { readWorkbook, type SheetCell, type SheetGrid } from './xlsxWorkbook';
import { importCancelled } from '../importCancelled';

export type XlsxReadOptions = TabularReadOptions;

function isEmptyCell(cell: SheetCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function isEmptyRow(row: SheetCell[] | undefined): boolean {
  return row === undefined || row.every(isEmptyCell);
}

function pickSheet(sheets: SheetGrid[], requested: string | undefined, file: string): SheetGrid {
  const names = sheets.map((sheet) => JSON.stringify(sheet.name)).join(', ');
  if (requested !== undefined) {
    const sheet =
      sheets.find((candidate) => candidate.name === requested) ??
      sheets.find((candidate) => candidate.name.toLowerCase() === requested.toLowerCase());
    if (!sheet)
      throw new ApiError(
        'invalid-input',
        `${file}: there is no sheet ${JSON.stringify(requested)} (sheets: ${names})`,
      );
    return sheet;
  }
  const sheet = sheets.find((candidate) => !isCodebookSheet(candidate.name));
  if (!sheet)
    throw new ApiError(
      'invalid-input',
      `${file}: no data sheet besides the codebook (sheets: ${names})`,
    );
  return sheet;
}

function headerIndexOf(sheet: SheetGrid, requested: number | undefined, file: string): number {
  if (requested !== undefined) {
    if (!Number.isInteger(requested) || requested < 1)
      throw new ApiError('invalid-input', `${file}: the header row must be a whole number ≥ 1`);
    if (requested > sheet.rows.length)
      throw new ApiError(
        'invalid-input',
        `${file}: sheet ${JSON.stringify(sheet.name)}: header row ${requested} is past its last row (${sheet.rows.length})`,
      );
    return requested - 1;
  }
  const first = sheet.rows.findIndex((row) => !isEmptyRow(row));
  if (first < 0)
    throw new ApiError('invalid-input', `${file}: sheet ${JSON.stringify(sheet.name)} is empty`);
  return first;
}

function headerText(cell: SheetCell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return epochMsToIso(cell.getTime());
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

/** A cell as CSV would see it: missing, a number, a date, or text (what Excel shows). */
type Classified =
  | { kind: 'missing' }
  | { kind: 'number'; value: number }
  | { kind: 'date'; ms: number }
  | { kind: 'text'; text: string };

function classify(cell: SheetCell | undefined): Classified {
  if (cell === null || cell === undefined) return { kind: 'missing' };
  if (typeof cell === 'number') return { kind: 'number', value: cell };
  if (cell instanceof Date) return { kind: 'date', ms: cell.getTime() };
  if (typeof cell === 'boolean') return { kind: 'text', text: cell ? 'TRUE' : 'FALSE' };
  if (isMissingText(cell)) return { kind: 'missing' };
  const value = parseNumberText(cell);
  return Number.isNaN(value) ? { kind: 'text', text: cell } : { kind: 'number', value };
}

function cellText(cell: Classified): string | null {
  switch (cell.kind) {
    case 'missing':
      return null;
    case 'number':
      return String(cell.value);
    case 'date':
      return epochMsToIso(cell.ms);
    case 'text':
      return cell.text;
  }
}

/** One column of cells: numbers, dates, or (any text, or a mix of kinds) text. */
function sheetColumn(rows: SheetCell[][], column: number): RawColumn {
  const cells = rows.map((row) => {
    const cell = row[column];
    // Numeric-looking text keeps its spelling if the column ends up text ("007" stays "007").
    return typeof cell === 'string' && !isMissingText(cell)
      ? { ...classify(cell), original: cell }
      : { ...classify(cell), original: null };
  });
  const kinds = new Set(cells.map((cell) => cell.kind).filter((kind) => kind !== 'missing'));
  if (kinds.size === 1 && kinds.has('date'))
    return {
      kind: 'date',
      values: Float64Array.from(cells, (cell) =>
        cell.kind === 'date' ? epochMsToSpssSeconds(cell.ms) : Number.NaN,
      ),
    };
  if (kinds.size === 0 || (kinds.size === 1 && kinds.has('number')))
    return {
      kind: 'number',
      values: Float64Array.from(cells, (cell) =>
        cell.kind === 'number' ? cell.value : Number.NaN,
      ),
    };
  return { kind: 'text', values: cells.map((cell) => cell.original ?? cellText(cell)) };
}

export async function readXlsxDataset(
  file: string,
  options: XlsxReadOptions = {},
): Promise<ImportedDataset> {
  if (options.signal?.aborted) throw importCancelled();
  options.onProgress?.(0, 1);
  const workbook = await readWorkbook(file);
  if (options.signal?.aborted) throw importCancelled();
  const sheet = pickSheet(workbook.sheets, options.sheet, file);
  const headerIndex = headerIndexOf(sheet, options.headerRow, file);
  const dataRows: SheetCell[][] = [];
  const excelRows: number[] = [];
  for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
    if (isEmptyRow(sheet.rows[r])) continue;
    dataRows.push(sheet.rows[r]!);
    excelRows.push(r);
  }
  const header = sheet.rows[headerIndex] ?? [];
  let width = header.length;
  for (const row of dataRows) width = Math.max(width, row.length);
  // Columns past the last header cell that are empty in every row are not columns.
  while (
    width > 0 &&
    isEmptyCell(header[width - 1]) &&
    dataRows.every((row) => isEmptyCell(row[width - 1]))
  )
    width--;
  const headers = Array.from({ length: width }, (_, c) => headerText(header[c]));
  const columns = Array.from({ length: width }, (_, c) => sheetColumn(dataRows, c));

  const codebookSheet = workbook.sheets.find(
    (candidate) => candidate !== sheet && isCodebookSheet(candidate.name),
  );
  const declared: Map<string, DeclaredLabels> = codebookSheet
    ? readCodebook(codebookSheet, file)
    : new Map();
  const typed = typeColumns(headers, columns, options, {
    source: file,
    place: (row, column) =>
      `sheet ${JSON.stringify(sheet.name)}, cell ${cellAddress(excelRows[row]!, column)}`,
    declared,
  });
  const names = new Set(typed.variables.map((variable) => variable.name));
  const unknown = [...declared.keys()].filter((name) => !names.has(name));
  const warnings = [
    ...(workbook.fallbackReason !== null
      ? [`read with exceljs: read-excel-file could not read the file (${workbook.fallbackReason})`]
      : []),
    ...(unknown.length > 0
      ? [
          `codebook: ${unknown.map((name) => JSON.stringify(name)).join(', ')} not in sheet ${JSON.stringify(sheet.name)}`,
        ]
      : []),
    ...typed.warnings,
  ];
  options.onProgress?.(1, 1);
  return {
    format: 'xlsx',
    encoding: 'utf-8',
    cases: dataRows.length,
    variables: typed.variables,
    columns: typed.columns,
    multiResponseSets: [],
    warnings,
    fileAttributes: {
      xlsx: {
        sheet: sheet.name,
        sheets: workbook.sheets.map((candidate) => candidate.name),
        headerRow: headerIndex + 1,
        reader: workbook.reader,
        codebook: codebookSheet?.name ?? null,
      },
    },
  };
}
