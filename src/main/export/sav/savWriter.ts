/**
 * Writes a SavFile (the model shared with the .sav reader) as an SPSS system file: .sav with
 * or without bytecode compression, or .zsav. Text is always written as UTF-8. The file appears
 * at its path only once it is complete: it is written beside the target under a temporary
 * name, synced, and renamed over the target, so an error or an abort never leaves a partial
 * file and never damages a file already there.
 */
import { randomBytes } from 'node:crypto';
import { type FileHandle, chmod, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SavFile } from '../../import/sav/savModel';
import {
  BytecodeCaseWriter,
  type ByteSink,
  CaseEncoder,
  type CaseWriter,
  UncompressedCaseWriter,
} from './savBytecode';
import { type SavCompression, buildDictionary } from './savDictionary';
import { planLayout } from './savLayout';
import { type PositionedOutput, ZlibBlockSink } from './savZlib';

export { SavWriteError } from './savLayout';
export { PRODUCT as SAV_PRODUCT, type SavCompression } from './savDictionary';

export interface WriteSavOptions {
  /** Defaults to the dictionary's compression ('zlib' writes the .zsav layout). */
  compression?: SavCompression;
  /** Aborting stops the write, removes the temporary file and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Cases written so far and in total; called as the data goes out. */
  onProgress?: (done: number, total: number) => void;
  /** Things the format could not hold as given (shortened labels, renamed variables, …). */
  onWarning?: (message: string) => void;
}

/** Appends to an open file, tracking the end position so the zlib header can be patched. */
class FileOutput implements PositionedOutput, ByteSink {
  private end = 0;

  constructor(private readonly handle: FileHandle) {}

  get position(): number {
    return this.end;
  }

  async write(chunk: Uint8Array): Promise<void> {
    let done = 0;
    while (done < chunk.length) {
      const { bytesWritten } = await this.handle.write(chunk, done, chunk.length - done, this.end);
      done += bytesWritten;
      this.end += bytesWritten;
    }
  }

  async writeAt(chunk: Uint8Array, position: number): Promise<void> {
    let done = 0;
    while (done < chunk.length) {
      const { bytesWritten } = await this.handle.write(
        chunk,
        done,
        chunk.length - done,
        position + done,
      );
      done += bytesWritten;
    }
  }
}

/** Makes the rename durable where the platform allows syncing a directory (not on Windows). */
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Durability of the rename is best-effort; the data itself was synced before it.
  }
}

async function writeCases(
  file: SavFile,
  writer: CaseWriter,
  options: WriteSavOptions,
): Promise<void> {
  const { signal, onProgress } = options;
  const total = file.cases;
  onProgress?.(0, total);
  for (let index = 0; index < total; index++) {
    if (writer.full) {
      await writer.flush();
      signal?.throwIfAborted();
      onProgress?.(index, total);
    }
    writer.addCase(index);
  }
  await writer.finish();
  signal?.throwIfAborted();
}

export async function writeSav(
  filePath: string,
  file: SavFile,
  options: WriteSavOptions = {},
): Promise<void> {
  const { signal } = options;
  signal?.throwIfAborted();
  const warn = (message: string): void => options.onWarning?.(message);
  const compression = options.compression ?? file.dictionary.compression;

  // Everything that can fail on the model fails here, before the disk is touched.
  const layout = planLayout(file, warn);
  const dictionary = buildDictionary(file, layout, compression, warn, new Date());
  const encoder = new CaseEncoder(layout);

  const target = path.resolve(filePath);
  const directory = path.dirname(target);
  const temporary = path.join(
    directory,
    `.${path.basename(target)}.partial-${randomBytes(6).toString('hex')}`,
  );
  const existingMode = await stat(target).then(
    (stats) => stats.mode & 0o7777,
    () => null,
  );

  let handle: FileHandle | null = await open(temporary, 'wx', 0o666);
  try {
    const output = new FileOutput(handle);
    await output.write(dictionary);
    if (compression === 'none') {
      await writeCases(file, new UncompressedCaseWriter(encoder, output), options);
    } else if (compression === 'bytecode') {
      await writeCases(file, new BytecodeCaseWriter(encoder, output), options);
    } else {
      const zlibSink = await ZlibBlockSink.start(output);
      await writeCases(file, new BytecodeCaseWriter(encoder, zlibSink), options);
      await zlibSink.finish();
    }
    encoder.truncationWarnings().forEach(warn);
    await handle.sync();
    await handle.close();
    handle = null;
    if (existingMode !== null) await chmod(temporary, existingMode).catch(() => undefined);
    signal?.throwIfAborted();
    await rename(temporary, target);
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  options.onProgress?.(file.cases, file.cases);
  await syncDirectory(directory);
}
