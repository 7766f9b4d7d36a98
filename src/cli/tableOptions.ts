/**
 * The options that describe one cross-table, shared by the commands that make tables
 * (`table`, `export-tables`): `--rows a,b --cols c,d/e --weight W --filter EXPR --sig 0.99,0.95`.
 * `--cols c,d` puts c and d side by side; `c/d` nests d within c.
 */
import { commaList } from './cliOptions';

export const tableSpecOptions = {
  rows: { type: 'string' },
  cols: { type: 'string' },
  weight: { type: 'string' },
  filter: { type: 'string' },
  sig: { type: 'string' },
} as const;

interface TableSpecValues {
  rows?: string;
  cols?: string;
  weight?: string;
  filter?: string;
  sig?: string;
}

/** The table spec the options describe, unchecked (the caller checks it with the API's schema). */
export function tableSpecInput(values: TableSpecValues): Record<string, unknown> {
  return {
    rows: commaList(values.rows),
    columns: commaList(values.cols).map((group) => ({
      variables: group.split('/').map((v) => v.trim()),
    })),
    ...(values.weight ? { weight: values.weight } : {}),
    ...(values.filter ? { filter: values.filter } : {}),
    ...(values.sig ? { sigLevels: commaList(values.sig).map(Number) } : {}),
  };
}
