/**
 * A study dataset as CSV: UTF-8 with a byte-order mark (so Excel reads accents and Korean right),
 * one header row of variable names, codes as numbers, missing as empty, written to a temporary
 * file beside the target and renamed onto it when complete.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { StudyDataset } from './studyDataset';
import { atomicTarget } from './atomicTarget';
import { valueFormatter } from './exportValues';
import { cellValue } from '../import/importedDataset';

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export async function writeCsv(
  file: string,
  dataset: StudyDataset,
  signal?: AbortSignal,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  await atomicTarget(file, async (partial) => {
    const out = createWriteStream(partial);
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, 'drain');
    };
    const formatters = dataset.variables.map((variable) => valueFormatter(variable, 'csv'));
    try {
      await write(`\ufeff${dataset.variables.map((v) => csvField(v.name)).join(',')}\r\n`);
      for (let row = 0; row < dataset.cases; row++) {
        if (row % 10_000 === 0) {
          if (signal?.aborted)
            throw Object.assign(new Error('the export was cancelled'), { name: 'AbortError' });
          onProgress?.(row, dataset.cases);
        }
        const fields = dataset.columns.map((column, index) => {
          const value = formatters[index]!(cellValue(column, row));
          if (value === null) return '';
          if (typeof value === 'number') return String(value);
          return csvField(value instanceof Date ? value.toISOString() : value);
        });
        await write(`${fields.join(',')}\r\n`);
      }
    } finally {
      out.end();
      await once(out, 'close');
    }
  });
}
