/**
 * One table of a tab book on its own sheet, laid out the way Quantum/Dimensions tab books are:
 * the banner (group labels spanning their columns, column labels, letters), the bases, then per
 * answer a line of column percentages and — when the table has any — a line of significance
 * letters and marks right below it. Percentages are proportions with a percent format, so they
 * stay numbers a consultant can chart or sum.
 */
import type ExcelJS from 'exceljs';
import type { TableBase, TableResult, TableSpec } from '../../shared/domain/table';
import { legendLines, LOW_BASE_MARK } from './tabBookLegend';
import { formulaText, sheetLink } from './tabBookSheetNames';

export interface TabBookTable {
  title: string;
  result: TableResult;
  /** The spec the table ran from: its confidence levels, low-base threshold and decimals. */
  spec?: TableSpec;
}

export interface SheetContext {
  /** A variable's label (its question text) in the book's language, or null. */
  variableLabel: (name: string) => string | null;
  contentsSheet: string;
}

const GREY = { argb: 'FF808080' };
const LETTERS = { argb: 'FF1F4E9A' };
const LINK = { argb: 'FF0563C1' };
const THIN = { style: 'thin' as const };

function decimalsFormat(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
}

function lowBaseFormat(format: string): string {
  return `${format}" ${LOW_BASE_MARK}"`;
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

export function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  table: TabBookTable,
  context: SheetContext,
): void {
  const { result, spec } = table;
  const sheet = workbook.addWorksheet(name);
  const percentFormat = `${decimalsFormat(spec?.decimals?.percent ?? 0)}%`;
  const meanFormat = decimalsFormat(spec?.decimals?.mean ?? 2);
  const countFormat = decimalsFormat(spec?.decimals?.count ?? 0);
  const weighted =
    spec?.weight !== undefined || result.bases.some((base) => Math.abs(base.wn - base.n) > 1e-9);
  const withLetters = result.rows.some((row) =>
    row.cells.some((cell) => cell.sig !== '' || (cell.marks ?? '') !== ''),
  );
  const question = (variable: string) => {
    const label = context.variableLabel(variable);
    return label ? `${variable}: ${label}` : variable;
  };
  const groupLabel = (group: number) => {
    const column = result.columns.find((c) => c.group === group);
    if (!column) return '';
    const variables = [...(column.within ?? []).map((w) => w.variable), column.variable];
    return variables.map((v) => context.variableLabel(v) ?? v).join(' / ');
  };
  const labelWidths: number[] = [];
  let r = 1;
  const text = (row: number, value: string, font: Partial<ExcelJS.Font> = {}) => {
    const cell = sheet.getCell(row, 1);
    cell.value = value;
    cell.font = font;
  };

  text(r++, table.title, { bold: true, size: 14 });
  for (const variable of distinct(result.rows.map((row) => row.variable))) {
    text(r++, question(variable), { italic: true });
  }
  sheet.getCell(r, 1).value = {
    formula: `HYPERLINK(${formulaText(sheetLink(context.contentsSheet))},"← Contents")`,
    result: '← Contents',
  };
  sheet.getCell(r++, 1).font = { color: LINK, underline: true };
  r++;

  // The banner: group labels spanning their columns, column labels, letters.
  const groupRow = r;
  const labelRow = r + 1;
  const letterRow = r + 2;
  for (const group of distinct(result.columns.map((c) => c.group))) {
    const indices = result.columns.flatMap((c, i) => (c.group === group ? [i + 2] : []));
    const first = indices[0]!;
    const last = indices[indices.length - 1]!;
    sheet.getCell(groupRow, first).value = group === -1 ? '' : groupLabel(group);
    if (last > first) sheet.mergeCells(groupRow, first, groupRow, last);
  }
  result.columns.forEach((column, i) => {
    const label = [...(column.within ?? []).map((w) => w.label), column.label].join(' · ');
    sheet.getCell(labelRow, i + 2).value = label;
    sheet.getCell(letterRow, i + 2).value = column.letter ? `(${column.letter})` : '';
    labelWidths.push(label.length);
  });
  for (const row of [groupRow, labelRow, letterRow]) {
    for (let column = 1; column <= result.columns.length + 1; column++) {
      const cell = sheet.getCell(row, column);
      cell.font = { bold: row !== letterRow, color: row === letterRow ? LETTERS : undefined };
      cell.alignment = { horizontal: 'center', vertical: 'bottom', wrapText: true };
      if (row === letterRow) cell.border = { bottom: THIN };
    }
  }
  r = letterRow + 1;

  const rowLabels: string[] = [];
  const label = (row: number, value: string, font: Partial<ExcelJS.Font> = {}) => {
    text(row, value, font);
    rowLabels.push(value);
  };
  // Bases: unweighted always; weighted and effective when the table is weighted.
  const baseLines = (title: string, bases: readonly TableBase[]) => {
    const lines: Array<[string, (base: TableBase) => number, string]> = [
      [`${title} (unweighted)`, (base) => base.n, '0'],
      ...(weighted
        ? ([
            [`${title} (weighted)`, (base) => base.wn, countFormat],
            [`${title}: effective`, (base) => base.effective, countFormat],
          ] as Array<[string, (base: TableBase) => number, string]>)
        : []),
    ];
    for (const [line, value, format] of lines) {
      label(r, line, { bold: true });
      bases.forEach((base, i) => {
        const cell = sheet.getCell(r, i + 2);
        cell.value = value(base);
        cell.numFmt = base.lowBase ? lowBaseFormat(format) : format;
        cell.font = { bold: true, ...(base.lowBase ? { color: GREY, italic: true } : {}) };
      });
      r++;
    }
  };
  const stubBases = new Map((result.stubBases ?? []).map((stub) => [stub.variable, stub.bases]));
  baseLines(stubBases.size > 0 ? 'Base: all respondents' : 'Base', result.bases);

  result.rows.forEach((row, index) => {
    const bases = stubBases.get(row.variable) ?? result.bases;
    if (result.rows[index - 1]?.variable !== row.variable) {
      r++;
      label(r++, question(row.variable), { bold: true });
    }
    label(r, row.labelLanguage ? `${row.label} [${row.labelLanguage}]` : row.label);
    row.cells.forEach((cell, i) => {
      const target = sheet.getCell(r, i + 2);
      if (cell.mean !== undefined) {
        target.value = cell.mean;
        target.numFmt = meanFormat;
      } else {
        target.value = cell.colPct === null ? null : cell.colPct / 100;
        target.numFmt = percentFormat;
      }
      if (bases[i]?.lowBase) target.font = { color: GREY, italic: true };
    });
    r++;
    if (withLetters) {
      row.cells.forEach((cell, i) => {
        const letters = `${cell.sig}${cell.marks ?? ''}`;
        if (letters === '') return;
        const target = sheet.getCell(r, i + 2);
        target.value = letters;
        target.font = { color: LETTERS, size: 9 };
        target.alignment = { horizontal: 'right' };
      });
      r++;
    }
    const stub = stubBases.get(row.variable);
    if (stub && result.rows[index + 1]?.variable !== row.variable) {
      baseLines(`Base: ${row.variable}`, stub);
    }
  });

  // The footnote and legend wrap within the table's width, so the printed page stays that wide.
  const lastColumn = result.columns.length + 1;
  const firstColumnWidth = Math.min(60, Math.max(24, ...rowLabels.map((l) => l.length + 2)));
  const columnWidths = labelWidths.map((length) => Math.min(18, Math.max(9, length + 2)));
  const tableWidth = firstColumnWidth + columnWidths.reduce((sum, width) => sum + width, 0);
  const note = (line: string, font: Partial<ExcelJS.Font>) => {
    text(r, line, font);
    sheet.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' };
    if (lastColumn > 1) sheet.mergeCells(r, 1, r, lastColumn);
    sheet.getRow(r).height = 12 * Math.ceil((line.length * 0.95) / tableWidth);
    r++;
  };
  r++;
  note(result.footnote, { italic: true, size: 9 });
  for (const line of legendLines(result, spec, groupLabel)) note(line, { size: 9 });

  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: letterRow, activeCell: 'B1' }];
  sheet.getColumn(1).width = firstColumnWidth;
  columnWidths.forEach((width, i) => {
    sheet.getColumn(i + 2).width = width;
  });
  const lines = Math.max(1, ...labelWidths.map((length) => Math.ceil(length / 16)));
  sheet.getRow(labelRow).height = 15 * Math.min(lines, 4);
  sheet.pageSetup = {
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${groupRow}:${letterRow}`,
    printArea: `A1:${sheet.getColumn(lastColumn).letter}${r - 1}`,
  };
}
