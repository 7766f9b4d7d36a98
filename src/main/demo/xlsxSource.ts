/**
 * Writes a source table as an Excel workbook the way the Italian agency delivers one: a data
 * sheet of codes under a header row of variable names, and a sheet named "codebook" with the
 * columns variable, label, code and value_label (the layout src/main/import/xlsx/xlsxCodebook.ts
 * reads), labels in Italian. The workbook's and the zip entries' dates are fixed, so the same
 * table gives the same bytes.
 */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { SourceTable } from './sourceTable';
import { fixZipTimestamps } from './zipTimestamps';

type Row = Array<string | number | null>;

function dataRows(table: SourceTable): Row[] {
  const rows: Row[] = [table.variables.map((variable) => variable.name)];
  for (let i = 0; i < table.cases; i++) {
    rows.push(
      table.variables.map(({ column }) => {
        if (column.kind === 'texts') return column.values[i] ?? null;
        const value = column.values[i]!;
        return Number.isNaN(value) ? null : value;
      }),
    );
  }
  return rows;
}

/** One row per label; the variable is named on its first row only, as agencies write it. */
function codebookRows(table: SourceTable): Row[] {
  const rows: Row[] = [['variable', 'label', 'code', 'value_label']];
  for (const variable of table.variables) {
    rows.push([variable.name, variable.label, null, null]);
    for (const value of variable.values) rows.push([null, null, value.code, value.label]);
  }
  return rows;
}

export async function writeXlsxSource(
  file: string,
  table: SourceTable,
  options: { dataSheet: string; author: string; created: Date },
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.author;
  workbook.lastModifiedBy = options.author;
  workbook.created = options.created;
  workbook.modified = options.created;
  workbook.addWorksheet(options.dataSheet).addRows(dataRows(table));
  workbook.addWorksheet('codebook').addRows(codebookRows(table));
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  await writeFile(file, fixZipTimestamps(bytes, options.created));
}
