/** Reading a command's options: comma lists, and inputs checked by the API's own schemas. */
import type { z } from 'zod';
import { describeZodError } from '../shared/api/validate';
import { CliUsageError } from './cliOutput';

/** `a, b,,c` → ['a', 'b', 'c']. */
export function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The input checked as the API checks it; a problem is a usage error naming the option. */
export function parseCliInput<T>(command: string, schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new CliUsageError(
      describeZodError(command, parsed.error).replace(`invalid input for ${command}: `, ''),
    );
  return parsed.data;
}
