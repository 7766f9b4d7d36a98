/**
 * Which variable identifies a respondent: the one the user names (`--id`), else one guessed from
 * its name and the uniqueness of its values, else none (row numbers). Duplicates block an import
 * only when the user named the variable — a guess that fails is simply not used.
 */
import { ApiError } from '../../shared/api/apiTypes';
import { cellValue, type ImportedColumn, type ImportedDataset } from './importedDataset';

export interface RespondentIdChoice {
  variable: string | null;
  how: 'named' | 'guessed' | 'row-number';
}

const ID_NAME =
  /^(id|resp_?id|respondent(_?id)?|serial|case_?id|record|respnum|uuid|interview_?id|rid)$/i;

/** Why a column cannot identify respondents: an empty value or a repeated one; null if it can. */
function idProblem(column: ImportedColumn): string | null {
  const seen = new Set<string | number>();
  for (let row = 0; row < column.values.length; row++) {
    const value = cellValue(column, row);
    if (value === null || value === '') return `is missing in row ${row + 1}`;
    if (seen.has(value)) return `is not unique (${String(value)} occurs more than once)`;
    seen.add(value);
  }
  return null;
}

export function chooseRespondentId(
  file: string,
  dataset: ImportedDataset,
  named?: string,
): RespondentIdChoice {
  if (named) {
    const index = dataset.variables.findIndex((variable) => variable.name === named);
    if (index < 0)
      throw new ApiError('invalid-input', `${file}: --id ${named}: no such variable in the file`);
    // An empty ID used to be reported as "(missing) occurs more than once", even when only
    // one value was missing; say what is wrong and where.
    const problem = idProblem(dataset.columns[index]!);
    if (problem !== null) {
      throw new ApiError('invalid-input', `${file}: respondent ID ${named} ${problem}`);
    }
    return { variable: named, how: 'named' };
  }
  for (const [index, variable] of dataset.variables.entries()) {
    if (ID_NAME.test(variable.name) && idProblem(dataset.columns[index]!) === null) {
      return { variable: variable.name, how: 'guessed' };
    }
  }
  return { variable: null, how: 'row-number' };
}
