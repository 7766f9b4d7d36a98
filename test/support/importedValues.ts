/**
 * A read column's values as tests compare them: numbers with NaN for missing (one-byte codes
 * widened, 255 becoming NaN), or texts with null for missing.
 */
import { numbersOf, type ImportedColumn } from '../../src/main/import/importedDataset';

export function plainValues(column: ImportedColumn): Array<number | string | null> {
  return column.kind === 'text' ? [...column.values] : [...numbersOf(column)];
}
