/**
 * Load cases of the CSV reader (issue 5: "load, not error"), too slow for `npm test`, run by
 * `npm run test:load`: a file of 10,000 columns, one of 2,000,000 rows, and one with a 100 MB
 * text field. The data comes from the seeded generators the unit tests use in smaller versions,
 * written to the OS temp folder. Speed is measured elsewhere (measureCsvSpeed.ts), never here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvDataset, readCsvTable } from '../../src/main/import/csv/csvDataset';
import { U8_MISSING } from '../../src/main/import/tabular/columnTyping';
import { writeBigFieldCsv, writeSurveyCsv, writeWideCsv } from '../unit/main/import/csv/surveyCsv';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'csv-load-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('CSV load', () => {
  it('reads a file of 10,000 columns', { timeout: 300_000 }, async () => {
    const file = path.join(tmp, 'wide.csv');
    writeWideCsv(file, 1_000, 10_000);
    const dataset = await readCsvDataset(file);
    expect(dataset.variables).toHaveLength(10_000);
    expect(dataset.cases).toBe(1_000);
    expect(dataset.columns[9_999]!.values[999]).toBe(999 + 9_999);
  });

  it('reads a file of 2,000,000 rows with the generator sums', { timeout: 600_000 }, async () => {
    const file = path.join(tmp, 'long.csv');
    const summary = writeSurveyCsv(file, 2_000_000, 20);
    const table = await readCsvTable(file);
    expect(table.rows).toBe(2_000_000);
    table.columns.slice(0, 20).forEach((column, c) => {
      expect(column.values).toBeInstanceOf(Uint8Array);
      let sum = 0;
      let missing = 0;
      for (const value of column.values as Uint8Array) {
        if (value === U8_MISSING) missing++;
        else sum += value;
      }
      expect(sum).toBe(summary.sums[c]);
      expect(missing).toBe(summary.missing[c]);
    });
  });

  it('reads a 100 MB text field', { timeout: 600_000 }, async () => {
    const file = path.join(tmp, 'bigfield.csv');
    const note = writeBigFieldCsv(file, 100 * 1024 * 1024);
    const dataset = await readCsvDataset(file, { types: { note: 'text' } });
    expect(dataset.cases).toBe(3);
    const notes = dataset.columns[1]!.values as Array<string | null>;
    expect(notes[1]!.length).toBe(note.length);
    expect(notes[1] === note).toBe(true);
  });
});
