/** Runtime validation at every boundary: turns a zod failure into a message naming the field. */
import type { z } from 'zod';
import { ApiError } from './apiTypes';
import { apiMethods, isMethodName, type MethodName, type ParsedInput } from './index';

export function describeZodError(method: string, error: z.ZodError): string {
  const issues = error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(input)';
    return `${field}: ${issue.message}`;
  });
  return `invalid input for ${method}: ${issues.join('; ')}`;
}

export function parseInput<K extends MethodName>(name: K, raw: unknown): ParsedInput<K> {
  const parsed = apiMethods[name].input.safeParse(raw ?? {});
  if (!parsed.success) throw new ApiError('invalid-input', describeZodError(name, parsed.error));
  return parsed.data as ParsedInput<K>;
}

export function requireMethodName(name: string): MethodName {
  if (!isMethodName(name))
    throw new ApiError('not-found', `unknown method ${JSON.stringify(name)}`);
  return name;
}
