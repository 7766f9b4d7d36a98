/**
 * The first sheet of a tab book: every table with a link to its sheet. The links are HYPERLINK()
 * formulas because exceljs writes its own internal links as broken external relationships
 * (../shared/DEPENDENCIES.md, exceljs issue #3027).
 */
import type ExcelJS from 'exceljs';
import type { TabBookTable } from './tabBookSheet';
import { formulaText, sheetLink } from './tabBookSheetNames';

export const CONTENTS_SHEET = 'Contents';
/** The row of the first table in the contents sheet (title, blank, header above it). */
export const CONTENTS_FIRST_ROW = 4;

export function addContentsSheet(
  workbook: ExcelJS.Workbook,
  bookTitle: string,
  tables: readonly TabBookTable[],
  sheetNames: readonly string[],
): void {
  const sheet = workbook.addWorksheet(CONTENTS_SHEET, {
    views: [{ state: 'frozen', ySplit: CONTENTS_FIRST_ROW - 1 }],
  });
  sheet.getCell(1, 1).value = bookTitle;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const header = sheet.getRow(CONTENTS_FIRST_ROW - 1);
  header.values = ['Table', 'Title', 'Base (n)'];
  header.font = { bold: true };
  header.getCell(1).border =
    header.getCell(2).border =
    header.getCell(3).border =
      {
        bottom: { style: 'thin' },
      };
  tables.forEach((table, index) => {
    const row = sheet.getRow(CONTENTS_FIRST_ROW + index);
    row.getCell(1).value = index + 1;
    row.getCell(2).value = {
      formula: `HYPERLINK(${formulaText(sheetLink(sheetNames[index]!))},${formulaText(table.title)})`,
      result: table.title,
    };
    row.getCell(2).font = { color: { argb: 'FF0563C1' }, underline: true };
    row.getCell(3).value = table.result.bases[0]?.n ?? null;
  });
  sheet.getColumn(1).width = 8;
  sheet.getColumn(2).width = Math.min(80, Math.max(30, ...tables.map((t) => t.title.length + 2)));
  sheet.getColumn(3).width = 10;
}
