/**
 * The reader registry: picks a reader by the file's extension. Every reader returns the same
 * ImportedDataset, so `info`, `import` and the wizard work the same for every format.
 */
import path from 'node:path';
import { ApiError } from '../../shared/api/apiTypes';
import type { ImportedDataset } from './importedDataset';
import { readSavDataset } from './sav/savDataset';

export interface ReadOptions {
  encoding?: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

interface Reader {
  name: string;
  extensions: string[];
  read(file: string, options: ReadOptions): Promise<ImportedDataset>;
}

const readers: Reader[] = [{ name: 'sav', extensions: ['.sav', '.zsav'], read: readSavDataset }];

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
