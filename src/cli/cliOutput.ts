/**
 * The CLI's output contract, for every command: with --json stdout holds exactly one JSON
 * document; progress, logs and warnings go to stderr; an error goes to stderr with a non-zero
 * exit and names the file and the place.
 */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`);
}

export function warn(text: string): void {
  process.stderr.write(`${text}\n`);
}
