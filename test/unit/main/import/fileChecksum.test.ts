/** The import's file checksum: the same SHA-256 whether a file is hashed here or on a thread. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSha256 } from '../../../../src/main/import/fileChecksum';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cew-checksum-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function fileOf(name: string, bytes: Buffer): { file: string; expected: string } {
  const file = path.join(tmp, name);
  writeFileSync(file, bytes);
  return { file, expected: createHash('sha256').update(bytes).digest('hex') };
}

/** Bytes that differ along the file, so a skipped or repeated read would change the hash. */
function patterned(size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 2654435761) >>> 24;
  return bytes;
}

describe('fileSha256', () => {
  it('hashes a small file', async () => {
    const { file, expected } = fileOf('small.csv', patterned(100_000));
    await expect(fileSha256(file, new AbortController().signal)).resolves.toBe(expected);
  });

  it('hashes a big file on its own thread to the same digest', async () => {
    // 40 MB: above the size from which the hash runs beside the read.
    const { file, expected } = fileOf('big.csv', patterned(40 * 1024 * 1024 + 17));
    await expect(fileSha256(file, new AbortController().signal)).resolves.toBe(expected);
  });

  it('stops with an AbortError when cancelled', async () => {
    const { file } = fileOf('cancelled.csv', patterned(40 * 1024 * 1024));
    const controller = new AbortController();
    const digest = fileSha256(file, controller.signal);
    controller.abort();
    await expect(digest).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('names the file when it cannot be read', async () => {
    await expect(
      fileSha256(path.join(tmp, 'nowhere.csv'), new AbortController().signal),
    ).rejects.toThrow(/nowhere\.csv/);
  });
});
