/**
 * The "codebook" sheet an agency (or our demo study's Italian wave) puts beside the data: one
 * row per label, with the columns `variable`, `label`, `code` and `value_label` (any order, any
 * case). A row with a label gives the variable label; a row with a code and a value label gives a
 * value label; a blank `variable` continues the variable above, so a codebook may name each
 * variable once. The result feeds the typing rules, where value labels make a column of codes a
 * `single` variable that keeps its codes.
 */
import { ApiError } from '../../../shared/api/apiTypes';
import type { ImportedValueLabel } from '../importedDataset';
import { isMissingText, parseNumberText } from '../tabular/cellText';
import type { DeclaredLabels } from '../tabular/columnTyping';
import { cellAddress } from './xlsxAddress';
import type { SheetCell, SheetGrid } from './xlsxWorkbook';

export const CODEBOOK_SHEET = 'codebook';
const COLUMNS = ['variable', 'label', 'code', 'value_label'] as const;

export function isCodebookSheet(name: string): boolean {
  return name.trim().toLowerCase() === CODEBOOK_SHEET;
}

function text(cell: SheetCell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  const value = cell instanceof Date ? cell.toISOString() : String(cell);
  return value.trim() === '' ? null : value;
}

/** Variable and value labels by variable name, read from a codebook sheet. */
export function readCodebook(sheet: SheetGrid, file: string): Map<string, DeclaredLabels> {
  const where = (row: number, column: number): string =>
    `${file}: sheet ${JSON.stringify(sheet.name)}, cell ${cellAddress(row, column)}`;
  const headerIndex = sheet.rows.findIndex((row) => row.some((cell) => text(cell) !== null));
  if (headerIndex < 0) return new Map();
  const header = sheet.rows[headerIndex]!.map((cell) => text(cell)?.trim().toLowerCase() ?? '');
  const at = Object.fromEntries(COLUMNS.map((name) => [name, header.indexOf(name)])) as Record<
    (typeof COLUMNS)[number],
    number
  >;
  if (at.variable < 0)
    throw new ApiError(
      'invalid-input',
      `${file}: sheet ${JSON.stringify(sheet.name)} has no "variable" column in its header row ${headerIndex + 1} (expected ${COLUMNS.join(', ')})`,
    );
  const labels = new Map<string, DeclaredLabels>();
  let current: string | null = null;
  for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    const cell = (column: number): SheetCell | undefined => (column < 0 ? undefined : row[column]);
    current = text(cell(at.variable)) ?? current;
    const label = text(cell(at.label));
    const code = cell(at.code);
    const valueLabel = text(cell(at.value_label));
    const codeText = text(code);
    if (current === null) {
      if (label !== null || codeText !== null || valueLabel !== null)
        throw new ApiError('invalid-input', `${where(r, at.variable)}: the row names no variable`);
      continue;
    }
    const entry = labels.get(current) ?? { label: null, valueLabels: [] as ImportedValueLabel[] };
    labels.set(current, entry);
    if (label !== null) entry.label ??= label;
    if (codeText === null && valueLabel === null) continue;
    const number =
      typeof code === 'number'
        ? code
        : codeText !== null && !isMissingText(codeText)
          ? parseNumberText(codeText)
          : Number.NaN;
    if (Number.isNaN(number))
      throw new ApiError(
        'invalid-input',
        `${where(r, at.code)}: the code ${JSON.stringify(codeText ?? '')} of ${current} is not a number`,
      );
    if (valueLabel === null)
      throw new ApiError(
        'invalid-input',
        `${where(r, at.value_label)}: code ${number} of ${current} has no value_label`,
      );
    if (!entry.valueLabels.some((existing) => existing.code === number))
      entry.valueLabels.push({ code: number, label: valueLabel });
  }
  return labels;
}
