/**
 * Writes a source table as the CSV a French agency exports from Excel: Windows-1252 bytes,
 * fields separated by semicolons (French Excel's list separator), CRLF line ends, a header row
 * of variable names, and the answer TEXTS in the cells of coded questions ("Tous les jours",
 * not 5) while numeric questions keep their numbers. The reader types such a column as a
 * category variable and the importer maps its texts onto the study's codes by label.
 */
import { writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { valueLabelOf, type SourceTable, type SourceVariable } from './sourceTable';

const DELIMITER = ';';

/** Quotes a field only when it must be, as Excel does: delimiter, quote or line break inside. */
function field(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cell(variable: SourceVariable, row: number): string {
  const { column } = variable;
  if (column.kind === 'texts') return field(column.values[row] ?? '');
  const value = column.values[row]!;
  if (Number.isNaN(value)) return '';
  return variable.type === 'single' ? field(valueLabelOf(variable, value)) : String(value);
}

/** The file's text, one CRLF-terminated line per row. */
export function csvText(table: SourceTable): string {
  const lines = [table.variables.map((variable) => field(variable.name)).join(DELIMITER)];
  for (let row = 0; row < table.cases; row++)
    lines.push(table.variables.map((variable) => cell(variable, row)).join(DELIMITER));
  return lines.map((line) => `${line}\r\n`).join('');
}

export async function writeCsvSource(
  file: string,
  table: SourceTable,
  encoding: string,
): Promise<void> {
  const text = csvText(table);
  const bytes = iconv.encode(text, encoding);
  // A character the code page lacks would be written as '?' and silently change a label.
  if (iconv.decode(bytes, encoding) !== text)
    throw new Error(`${file}: the texts do not all fit ${encoding}`);
  await writeFile(file, bytes);
}
