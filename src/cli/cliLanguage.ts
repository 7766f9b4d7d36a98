/**
 * `--language L` on the commands that show labels (table, describe, export-data): the labels of
 * one run in L instead of the study's label language, which stays as it is. A language the study
 * holds no labels in is allowed — every label then falls back — but said on stderr, since it is
 * most likely a typo (kr for ko).
 */
import { languageCode } from '../shared/api/study';
import type { StudySummary } from '../shared/domain/study';
import { CliUsageError, warn } from './cliOutput';

export const languageOption = { language: { type: 'string' } } as const;

/** The validated language code, or undefined for the study's own label language. */
export function parseLanguage(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = languageCode.safeParse(value);
  if (!parsed.success)
    throw new CliUsageError(`--language: ${parsed.error.issues[0]?.message ?? 'not a language'}`);
  return parsed.data;
}

export function warnIfUnknownLanguage(language: string | undefined, study: StudySummary): void {
  if (language !== undefined && !study.languages.includes(language))
    warn(
      `warning: ${study.name} has no labels in ${language} (it has ${study.languages.join(', ')}); labels fall back to each variable's source language`,
    );
}
