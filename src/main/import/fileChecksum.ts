/**
 * The SHA-256 of an imported file, which the audit log and the Sources view show. A big file is
 * hashed on a thread of its own while the reader parses it on this one: on two cores the
 * checksum then costs no wall time (a 415 MB CSV takes about 0.25 s to hash). Small files are
 * hashed here, where starting a thread would cost more than it saves.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { importCancelled } from './importCancelled';

const BACKGROUND_FROM_BYTES = 32 * 1024 * 1024;
const READ_SIZE = 4 * 1024 * 1024;

async function sha256Here(file: string, signal: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: READ_SIZE })) {
    if (signal.aborted) throw importCancelled();
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

// Plain CommonJS evaluated by the thread: no module of ours to resolve inside an asar archive.
const HASH_THREAD = `
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const hash = createHash('sha256');
const buffer = Buffer.allocUnsafe(workerData.readSize);
const fd = openSync(workerData.file, 'r');
try {
  for (;;) {
    const read = readSync(fd, buffer, 0, buffer.length, null);
    if (read === 0) break;
    hash.update(buffer.subarray(0, read));
  }
} finally {
  closeSync(fd);
}
parentPort.postMessage(hash.digest('hex'));
`;

function sha256OnThread(file: string, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(HASH_THREAD, {
      eval: true,
      workerData: { file, readSize: READ_SIZE },
    });
    const cancel = () => {
      void worker.terminate();
      reject(importCancelled());
    };
    signal.addEventListener('abort', cancel, { once: true });
    const settle = () => signal.removeEventListener('abort', cancel);
    worker.once('message', (digest: string) => {
      settle();
      resolve(digest);
    });
    worker.once('error', (error) => {
      settle();
      reject(error);
    });
    // A thread that ends without a digest or an error (killed from outside) must not leave the
    // import waiting; after either, rejecting again does nothing.
    worker.once('exit', (code) => {
      settle();
      reject(new Error(`${file}: the checksum thread stopped (exit code ${code})`));
    });
  });
}

/**
 * Starts hashing `file`; the promise settles with its hex SHA-256. Aborting `signal` stops the
 * work (and rejects with an AbortError).
 */
export async function fileSha256(file: string, signal: AbortSignal): Promise<string> {
  if (signal.aborted) throw importCancelled();
  return statSync(file).size >= BACKGROUND_FROM_BYTES
    ? sha256OnThread(file, signal)
    : sha256Here(file, signal);
}
