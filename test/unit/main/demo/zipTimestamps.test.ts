/**
 * Specification of the zip stamp rewriting that makes the demo's Excel files reproducible:
 * every entry's local header and central directory record carry the chosen moment, and the
 * workbook still opens.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixZipTimestamps } from '../../../../src/main/demo/zipTimestamps';
import { readWorkbook } from '../../../../src/main/import/xlsx/xlsxWorkbook';

/** Every entry's (name, local stamp, central stamp), read from the central directory. */
function stamps(zip: Buffer): Array<{ name: string; local: number[]; central: number[] }> {
  let end = zip.length - 22;
  while (zip.readUInt32LE(end) !== 0x06054b50) end--;
  const entries: Array<{ name: string; local: number[]; central: number[] }> = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      central: [zip.readUInt16LE(at + 12), zip.readUInt16LE(at + 14)],
      local: [zip.readUInt16LE(local + 10), zip.readUInt16LE(local + 12)],
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

async function workbookBytes(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('dati').addRows([['resp_id'], [1], [2]]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('fixZipTimestamps', () => {
  it('stamps every entry, in both its headers, with the given moment in MS-DOS form', async () => {
    const zip = fixZipTimestamps(await workbookBytes(), new Date(Date.UTC(2026, 2, 13, 9, 30, 16)));
    const time = (9 << 11) | (30 << 5) | 8;
    const date = ((2026 - 1980) << 9) | (3 << 5) | 13;
    const entries = stamps(zip);
    expect(entries.map((entry) => entry.name)).toContain('xl/workbook.xml');
    for (const entry of entries) {
      expect(entry.local, entry.name).toEqual([time, date]);
      expect(entry.central, entry.name).toEqual([time, date]);
    }
  });

  it('leaves a workbook the app still reads, cells intact', async () => {
    const zip = fixZipTimestamps(await workbookBytes(), new Date(Date.UTC(2025, 0, 1)));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'zip-timestamps-test-'));
    try {
      const file = path.join(dir, 'stamped.xlsx');
      await writeFile(file, zip);
      const workbook = await readWorkbook(file);
      expect(workbook.fallbackReason).toBeNull();
      expect(workbook.sheets[0]!.rows).toEqual([['resp_id'], [1], [2]]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses bytes that are not a zip archive', () => {
    expect(() => fixZipTimestamps(Buffer.alloc(100), new Date())).toThrow(/not a zip archive/);
  });
});
