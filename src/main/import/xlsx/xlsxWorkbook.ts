/**
 * An .xlsx workbook as plain grids of cell values, one per sheet, whichever library read it:
 * read-excel-file first (fastest here, and it reads inline strings and non-default XML
 * namespace prefixes), exceljs when read-excel-file fails (a workbook without styles.xml or
 * sharedStrings.xml); ../shared/DEPENDENCIES.md §2 has the measurements. Keeping both behind one
 * shape means the typing never depends on which library answered.
 *
 * Grids start at cell A1 (rows[0] is Excel row 1). Formulas give their cached result, error
 * cells (#N/A, #DIV/0!) and the non-first cells of a merged range are empty, and date-times are
 * rounded to the millisecond (read-excel-file truncates 11:30:00 to 11:29:59.999).
 */
import ExcelJS from 'exceljs';
import readXlsxFile from 'read-excel-file/node';
import { ApiError } from '../../../shared/api/apiTypes';

export type SheetCell = number | string | boolean | Date | null;

export interface SheetGrid {
  name: string;
  rows: SheetCell[][];
}

export interface Workbook {
  sheets: SheetGrid[];
  reader: 'read-excel-file' | 'exceljs';
  /** Why read-excel-file could not read it, when exceljs did. */
  fallbackReason: string | null;
}

/**
 * read-excel-file floors serial date-times to whole milliseconds, so a time stored as
 * 11:30:00 comes back 1 ms early; a value 1 ms short of a whole second is taken as that second.
 */
function roundedDate(date: Date): Date {
  const ms = date.getTime();
  return ((ms % 1000) + 1000) % 1000 === 999 ? new Date(ms + 1) : date;
}

function plainCell(value: unknown): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : roundedDate(value);
  return null;
}

async function readWithReadExcelFile(file: string): Promise<SheetGrid[]> {
  const sheets = await readXlsxFile(file, { trim: false });
  return sheets.map((sheet) => ({
    name: sheet.sheet,
    rows: sheet.data.map((row) => row.map((cell) => plainCell(cell as unknown))),
  }));
}

/** An exceljs cell value as a plain one: formulas by their result, rich text as its text. */
function exceljsCell(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date)
    return plainCell(value);
  if ('result' in value) return exceljsCell(value.result ?? null);
  if ('formula' in value || 'sharedFormula' in value) return null;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return value.text;
  return null;
}

async function readWithExcelJs(file: string): Promise<SheetGrid[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((worksheet) => {
    const rows: SheetCell[][] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: SheetCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        // exceljs repeats a merged range's value in every cell; read-excel-file (and Excel's
        // own data model) keep it in the first only.
        const merged = cell.isMerged && cell.master.address !== cell.address;
        while (cells.length < columnNumber - 1) cells.push(null);
        cells.push(merged ? null : exceljsCell(cell.value));
      });
      while (rows.length < rowNumber - 1) rows.push([]);
      rows.push(cells);
    });
    return { name: worksheet.name, rows };
  });
}

export async function readWorkbook(file: string): Promise<Workbook> {
  let firstError: Error;
  try {
    return {
      sheets: await readWithReadExcelFile(file),
      reader: 'read-excel-file',
      fallbackReason: null,
    };
  } catch (error) {
    firstError = error as Error;
  }
  try {
    const sheets = await readWithExcelJs(file);
    if (sheets.length === 0) throw new Error('no worksheets found');
    return { sheets, reader: 'exceljs', fallbackReason: firstError.message };
  } catch (error) {
    const code = (firstError as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR')
      throw new ApiError('not-found', `${file}: cannot be read (${code})`);
    throw new ApiError(
      'invalid-input',
      `${file}: not a readable .xlsx workbook (${firstError.message}; exceljs: ${(error as Error).message})`,
    );
  }
}
