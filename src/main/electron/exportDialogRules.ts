/**
 * What the native export dialog filters on and what it hands back: one filter per format, and the
 * format's extension added when the dialog returns the typed name without it (Linux and some
 * Windows dialogs do). Pure, so it is unit-tested without Electron.
 */
import type { ExportFileFormat } from '../../shared/api/data';

export interface ExportFilter {
  name: string;
  extensions: string[];
}

const EXPORT_FILTERS: Record<ExportFileFormat, ExportFilter> = {
  sav: { name: 'SPSS data', extensions: ['sav'] },
  zsav: { name: 'SPSS compressed data', extensions: ['zsav'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  pptx: { name: 'PowerPoint presentation', extensions: ['pptx'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
};

/** The dialog's title: data files and reports are exported from different views. */
export function exportDialogTitle(format: ExportFileFormat): string {
  return format === 'pptx' || format === 'pdf' ? 'Export Report' : 'Export Data';
}

export function exportFilter(format: ExportFileFormat): ExportFilter {
  return EXPORT_FILTERS[format];
}

/** The chosen path with the format's extension (any letter case accepted as already there). */
export function withExportExtension(file: string, format: ExportFileFormat): string {
  const extension = `.${format}`;
  return file.toLowerCase().endsWith(extension) ? file : `${file}${extension}`;
}
