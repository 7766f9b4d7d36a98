/**
 * The import wizard's look at a file before anything is written: what the reader found, the
 * first rows, the validation report against the open study's codebook, and guesses for country,
 * wave and respondent type from the file name.
 */
import path from 'node:path';
import type { ImportPreview } from '../../shared/domain/dataset';
import type { ReadableStudyDb } from '../study/studyDb';
import { guessSourceMeta } from './guessSourceMeta';
import { cellValue, datasetInfo } from './importedDataset';
import { readDataset, type ReadOptions } from './readers';
import { chooseRespondentId } from './respondentId';
import { spssSecondsToIso } from './sav/savReader';
import { validateDataset, type StudyVariableType } from './validateDataset';

export async function previewImport(
  file: string,
  options: ReadOptions & { idVariable?: string; rows: number },
  db: ReadableStudyDb | null,
): Promise<ImportPreview> {
  const dataset = await readDataset(file, options);
  const respondentId = chooseRespondentId(file, dataset, options.idVariable);
  const studyVariables = db
    ? (db
        .prepare('SELECT name, type FROM variables WHERE is_system = 0')
        .all() as StudyVariableType[])
    : [];
  const rows: ImportPreview['rows'] = [];
  for (let row = 0; row < Math.min(options.rows, dataset.cases); row++) {
    rows.push(
      dataset.columns.map((column, index) => {
        const value = cellValue(column, row);
        if (value === null) return null;
        // Dates are stored as SPSS seconds; the preview shows them as a person reads them.
        if (typeof value === 'number' && dataset.variables[index]!.type === 'date') {
          return spssSecondsToIso(value) ?? value;
        }
        return value;
      }),
    );
  }
  return {
    info: datasetInfo(dataset),
    rows,
    validation: validateDataset(file, dataset, {
      idVariable: respondentId.variable,
      idNamed: respondentId.how === 'named',
      studyVariables,
    }),
    guess: guessSourceMeta(path.basename(file)),
  };
}
