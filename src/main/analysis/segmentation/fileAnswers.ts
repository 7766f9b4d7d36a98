/**
 * A new file's answers to one study variable, on the study's codes, for classifying its
 * respondents into a saved segmentation. The file's variable of the same name (case-insensitive,
 * as everywhere) is read; its answers are matched to the study's by their labels, as an import
 * does (harmonise/codeMapping.ts), because a CSV of answer texts or another agency numbers them
 * its own way. User-missing answers — the file's own and the study's — become missing, and so do
 * answers the study's codebook does not have (with a warning naming them): the rules and centres
 * know nothing of them.
 */
import { ApiError } from '../../../shared/api/apiTypes';
import type { MissingSpec } from '../../../shared/domain/dataset';
import { userMissingTest } from '../crosstab/tableData';
import { matchCodes } from '../../harmonise/codeMapping';
import type { CodebookVariable } from '../../harmonise/studyCodebook';
import { numbersOf, type ImportedDataset } from '../../import/importedDataset';

export interface StudyAnswers extends CodebookVariable {
  /** The study variable's user-missing codes. */
  missing: MissingSpec[];
}

export interface FileAnswers {
  /** The file's variable name as spelt there. */
  name: string;
  /** On the study's codes, NaN where missing. */
  values: Float64Array;
  warnings: string[];
}

/** Null when the file has no variable `named` (default: the study variable's own name). */
export function fileAnswers(
  file: string,
  dataset: ImportedDataset,
  target: StudyAnswers,
  language: string,
  named: string = target.name,
): FileAnswers | null {
  const wanted = named.toLowerCase();
  const index = dataset.variables.findIndex((variable) => variable.name.toLowerCase() === wanted);
  if (index < 0) return null;
  const variable = dataset.variables[index]!;
  const column = dataset.columns[index]!;
  if (column.kind === 'text')
    throw new ApiError(
      'invalid-input',
      `${file}: ${variable.name} holds text; the segmentation needs its coded answers`,
    );
  const values = Float64Array.from(numbersOf(column));
  const warnings: string[] = [];
  const fileMissing = userMissingTest(variable.missing);
  const match = matchCodes(variable, target, language);
  if (match.conflicts.length > 0)
    throw new ApiError(
      'invalid-input',
      `${file}: ${match.conflicts.map((conflict) => conflict.message).join('; ')}`,
    );
  const recode = new Map(Object.entries(match.codes).map(([from, to]) => [Number(from), to]));
  const unknown = new Set(match.newCategories.map((category) => Number(category.code)));
  const studyMissing = userMissingTest(target.missing);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value !== value) continue;
    if (fileMissing(value) || unknown.has(value)) {
      values[i] = Number.NaN;
      continue;
    }
    const code = recode.get(value) ?? value;
    values[i] = studyMissing(code) ? Number.NaN : code;
  }
  // The file's own no-answer codes are missing anyway: only real answers are worth a warning.
  const unknownAnswers = match.newCategories.filter(
    (category) => !fileMissing(Number(category.code)),
  );
  if (unknownAnswers.length > 0)
    warnings.push(
      `${file}: ${variable.name} has answers the study does not have (${unknownAnswers
        .map((category) => `${category.code} "${category.label}"`)
        .join(', ')}): read as missing`,
    );
  return { name: variable.name, values, warnings };
}
