/**
 * The options that place a file in the study and tell the reader how to read it, shared by
 * `import` and `mapping` (which previews what `import` would do): `--country DE --wave 2026
 * [--type customer] [--language de] [--encoding E] [--sheet S] [--header-row N] [--delimiter C]`.
 */
import { CliUsageError } from './cliOutput';

export const sourceOptions = {
  country: { type: 'string' },
  wave: { type: 'string' },
  type: { type: 'string', default: 'customer' },
  language: { type: 'string' },
  encoding: { type: 'string' },
  sheet: { type: 'string' },
  'header-row': { type: 'string' },
  delimiter: { type: 'string' },
} as const;

interface SourceValues {
  country?: string;
  wave?: string;
  type?: string;
  language?: string;
  encoding?: string;
  sheet?: string;
  'header-row'?: string;
  delimiter?: string;
}

/** The source's place and reader options, unchecked (the caller checks them with the API's schema). */
export function sourceInput(file: string, values: SourceValues): Record<string, unknown> {
  if (!values.country)
    throw new CliUsageError('--country is required (a 2- or 3-letter code such as DE)');
  if (!values.wave) throw new CliUsageError('--wave is required (e.g. --wave 2026)');
  return {
    path: file,
    country: values.country,
    wave: values.wave,
    respondentType: values.type,
    language: values.language,
    encoding: values.encoding,
    ...(values.sheet ? { sheet: values.sheet } : {}),
    ...(values['header-row'] ? { headerRow: Number(values['header-row']) } : {}),
    ...(values.delimiter ? { delimiter: values.delimiter } : {}),
  };
}
