/**
 * Turns a coded variable into category indexes for counting: the categories are the labelled
 * codes in codebook order, then any other observed codes in ascending order; system- and
 * user-missing values map to NONE and are left out of every table, as SPSS does by default.
 */
import type { TableVariable } from './tableData';
import { userMissingTest } from './tableData';

export const NONE = 0xffff;

export interface Categories {
  codes: number[];
  labels: string[];
  /** Per respondent: index into codes, or NONE. */
  index: Uint16Array;
}

function formatCode(code: number): string {
  return Number.isInteger(code) ? String(code) : String(Number(code.toPrecision(12)));
}

export function categorize(variable: TableVariable): Categories {
  const isMissing = userMissingTest(variable.missing);
  const labelled = variable.valueLabels.filter((vl) => !isMissing(vl.code));
  const position = new Map<number, number>();
  const codes: number[] = [];
  const labels: string[] = [];
  for (const { code, label } of labelled) {
    if (position.has(code)) continue;
    position.set(code, codes.length);
    codes.push(code);
    labels.push(label);
  }
  const extra = new Set<number>();
  const { values } = variable;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!Number.isNaN(value) && !position.has(value) && !isMissing(value)) extra.add(value);
  }
  if (codes.length + extra.size >= NONE) {
    throw new Error(
      `${variable.name} has ${codes.length + extra.size} categories; tabulate it with means instead`,
    );
  }
  for (const code of [...extra].sort((a, b) => a - b)) {
    position.set(code, codes.length);
    codes.push(code);
    labels.push(formatCode(code));
  }
  const index = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    index[i] = Number.isNaN(value) ? NONE : (position.get(value) ?? NONE);
  }
  return { codes, labels, index };
}
