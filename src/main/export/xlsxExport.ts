/**
 * A study dataset as an Excel workbook: a "data" sheet (names in the header row, codes and
 * numbers as numbers, missing as blank, frozen header) and a "codebook" sheet in the layout the
 * Excel reader understands (variable, label, code, value_label), so the file imports back whole.
 * Streamed with exceljs (../shared/DEPENDENCIES.md) so big studies do not sit in memory twice.
 */
import ExcelJS from 'exceljs';
import { atomicTarget } from './atomicTarget';
import { valueFormatter } from './exportValues';
import { cellValue } from '../import/importedDataset';
import type { StudyDataset } from './studyDataset';

export async function writeXlsx(
  file: string,
  dataset: StudyDataset,
  signal?: AbortSignal,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  await atomicTarget(file, async (partial) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: partial,
      useStyles: true,
      useSharedStrings: false,
    });
    const data = workbook.addWorksheet('data', { views: [{ state: 'frozen', ySplit: 1 }] });
    data.addRow(dataset.variables.map((variable) => variable.name)).commit();
    const formatters = dataset.variables.map((variable) => valueFormatter(variable, 'xlsx'));
    for (let row = 0; row < dataset.cases; row++) {
      if (row % 5_000 === 0) {
        if (signal?.aborted)
          throw Object.assign(new Error('the export was cancelled'), { name: 'AbortError' });
        onProgress?.(row, dataset.cases);
      }
      data
        .addRow(dataset.columns.map((column, index) => formatters[index]!(cellValue(column, row))))
        .commit();
    }
    data.commit();
    const codebook = workbook.addWorksheet('codebook', { views: [{ state: 'frozen', ySplit: 1 }] });
    codebook.addRow(['variable', 'label', 'code', 'value_label']).commit();
    for (const variable of dataset.variables) {
      codebook.addRow([variable.name, variable.label ?? '', null, null]).commit();
      for (const valueLabel of variable.valueLabels) {
        codebook.addRow([variable.name, null, valueLabel.code, valueLabel.label]).commit();
      }
    }
    codebook.commit();
    await workbook.commit();
  });
}
