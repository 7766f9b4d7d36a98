/**
 * The reader registry: picks a reader by the file's extension. Every reader returns the same
 * ImportedDataset, so `info`, `import` and the wizard work the same for every format.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../shared/api/apiTypes';
import { readCsvDataset } from './csv/csvDataset';
import type { ImportedDataset } from './importedDataset';
import { savFileToDataset } from './sav/savDataset';
import { SavFormatError } from './sav/savModel';
import { readSav } from './sav/savReader';
import { readSssDataset } from './sss/sssDataset';
import { readXlsxDataset } from './xlsx/xlsxDataset';

export interface ReadOptions {
  /** Overrides the encoding the file declares or the reader detects (iconv-lite name). */
  encoding?: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Excel: the sheet to read (default: the first that is not "codebook"). */
  sheet?: string;
  /** Excel and CSV: 1-based row holding the variable names (default 1). */
  headerRow?: number;
  /** CSV: the field delimiter (default: sniffed). */
  delimiter?: string;
  /** CSV and Excel: a variable's type chosen by the user, by variable name. */
  types?: Record<string, 'single' | 'numeric' | 'text' | 'date'>;
  /** CSV and Excel: the order of a text variable's categories (codes 1..n in this order). */
  categoryOrder?: Record<string, string[]>;
  /** CSV and Excel: a text column with at most this many distinct values becomes single (50). */
  maxCategories?: number;
}

interface Reader {
  name: string;
  extensions: string[];
  read(file: string, options: ReadOptions): Promise<ImportedDataset>;
}

/**
 * The .sav reader only warns when the data ends before the number of cases the header declares
 * (it keeps what it could read). That is a truncated file: importing the cases that survived
 * would silently lose respondents, so — as GNU PSPP does ("Unexpected end of file") — it is an
 * error naming the file and the byte where it ends.
 */
async function readCompleteSav(file: string, options: ReadOptions): Promise<ImportedDataset> {
  const sav = await readSav(file, options);
  const declared = sav.dictionary.declaredCases;
  if (declared !== null && sav.cases < declared) {
    const { size } = await stat(file);
    throw new SavFormatError(
      file,
      size,
      `the file ends after ${sav.cases} of the ${declared} cases its header declares (truncated?)`,
    );
  }
  return savFileToDataset(file, sav);
}

const readers: Reader[] = [
  { name: 'sav', extensions: ['.sav', '.zsav'], read: readCompleteSav },
  { name: 'sss', extensions: ['.sss'], read: readSssDataset },
  { name: 'csv', extensions: ['.csv', '.tsv', '.tab', '.txt'], read: readCsvDataset },
  { name: 'xlsx', extensions: ['.xlsx'], read: readXlsxDataset },
];

export function readerFor(file: string): Reader {
  const extension = path.extname(file).toLowerCase();
  const reader = readers.find((candidate) => candidate.extensions.includes(extension));
  if (!reader) {
    const known = readers.flatMap((r) => r.extensions).join(', ');
    throw new ApiError(
      'invalid-input',
      `${file}: no reader for ${extension || 'files without an extension'} (known: ${known})`,
    );
  }
  return reader;
}

export function readDataset(file: string, options: ReadOptions = {}): Promise<ImportedDataset> {
  return readerFor(file).read(file, options);
}
