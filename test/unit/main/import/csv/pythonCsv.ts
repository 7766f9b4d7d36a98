/**
 * An independent CSV parse to check the reader against: Python's csv module (on this machine and
 * in CI), since papaparse and csv-parse are not installed. Returns every record's fields as
 * strings, exactly as Python reads them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = `
import csv, json, sys
path, delimiter, encoding, out = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
with open(path, newline='', encoding=encoding) as f:
    rows = [row for row in csv.reader(f, delimiter=delimiter, strict=True) if row != []]
with open(out, 'w', encoding='utf-8') as f:
    json.dump(rows, f)
`;

export function pythonCsvRows(file: string, delimiter = ',', encoding = 'utf-8-sig'): string[][] {
  // Through a file, not stdout: a pipe of several MB is slow to drain with spawnSync.
  const folder = mkdtempSync(path.join(os.tmpdir(), 'python-csv-'));
  try {
    const out = path.join(folder, 'rows.json');
    const result = spawnSync('python3', ['-c', SCRIPT, file, delimiter, encoding, out], {
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`python3 csv failed: ${result.stderr}`);
    return JSON.parse(readFileSync(out, 'utf8')) as string[][];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
