/**
 * Writes a file through a temporary file beside the target, renamed onto it only when complete:
 * a cancelled or failed export leaves no half-written file, and an existing file stays as it was.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../shared/api/apiTypes';

/** The folder the file goes into; a clear error when it does not exist. */
export function requireTargetFolder(file: string): string {
  const folder = path.dirname(path.resolve(file));
  if (!existsSync(folder)) throw new ApiError('not-found', `${folder}: no such folder`);
  return folder;
}

export async function atomicTarget(
  file: string,
  write: (partial: string) => Promise<void>,
): Promise<void> {
  const folder = requireTargetFolder(file);
  const partial = path.join(folder, `.${path.basename(file)}.partial-${randomUUID().slice(0, 8)}`);
  try {
    await write(partial);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
