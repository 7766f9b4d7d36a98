/**
 * `export-data`: writes a study's respondents and codebook as .sav/.zsav, CSV or Excel. Every
 * writer goes through a temporary file renamed onto the target, so a cancelled or failed export
 * leaves no half-written file and an existing file untouched.
 */
import { ApiError } from '../../shared/api/apiTypes';
import type { ExportFormat, ExportSummary } from '../../shared/domain/dataset';
import { appendAudit } from '../study/auditLog';
import type { OpenStudy } from '../study/studyFile';
import { requireTargetFolder } from './atomicTarget';
import { writeSav } from './sav/savWriter';
import { writeCsv } from './csvExport';
import { datasetToSavFile } from './savExport';
import { studyToDataset, type StudyExportOptions } from './studyDataset';
import { writeXlsx } from './xlsxExport';

export interface ExportDataOptions extends StudyExportOptions {
  format: ExportFormat;
}

export async function exportData(
  study: OpenStudy,
  file: string,
  options: ExportDataOptions,
  signal: AbortSignal,
  progress: (done: number, total: number) => void,
): Promise<ExportSummary> {
  // Before any work, and for every format: the .sav writer makes its own temporary file, and a
  // missing folder came out as "ENOENT … open '…/.out.sav.partial-…'" instead of naming it.
  requireTargetFolder(file);
  const dataset = studyToDataset(study.db, options);
  if (dataset.variables.length === 0)
    throw new ApiError('invalid-input', 'variables: nothing to export');
  const warnings: string[] = [];
  try {
    switch (options.format) {
      case 'sav':
      case 'zsav':
        await writeSav(file, datasetToSavFile(dataset), {
          compression: options.format === 'zsav' ? 'zlib' : 'bytecode',
          signal,
          onProgress: progress,
          onWarning: (message) => warnings.push(message),
        });
        break;
      case 'csv':
        await writeCsv(file, dataset, signal, progress);
        break;
      case 'xlsx':
        await writeXlsx(file, dataset, signal, progress);
        break;
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    if (error instanceof ApiError) throw error;
    throw new ApiError('failed', `${file}: ${(error as Error).message}`);
  }
  if (study.writable) {
    appendAudit(study.writable, 'export', {
      file,
      format: options.format,
      rows: dataset.cases,
      variables: dataset.variables.length,
      droppedIdentifying: options.dropIdentifying === true,
    });
  }
  return {
    path: file,
    format: options.format,
    rows: dataset.cases,
    variables: dataset.variables.length,
    warnings,
  };
}
