/**
 * What the cross-tab engine needs from a study, and nothing more: a variable's values as numbers
 * (NaN = system-missing), its value labels and its user-missing codes. The worker implements it
 * over the column cache; tests implement it over literal arrays.
 */
import type { MissingSpec } from '../../../shared/domain/dataset';
import type { VariableType } from '../../../shared/domain/study';

export interface TableVariable {
  name: string;
  type: VariableType;
  label: string | null;
  /** Only when the label is a fallback, not in the table's label language: the language it is in. */
  labelLanguage?: string;
  /** Code → label, in the codebook's order (labelLanguage as above). */
  valueLabels: Array<{ code: number; label: string; labelLanguage?: string }>;
  missing: MissingSpec[];
  values: Float64Array;
}

export interface TableData {
  rows: number;
  variable(name: string): TableVariable;
}

/** True when a value is user-missing (a discrete code or inside a range); excluded by default. */
export function userMissingTest(missing: readonly MissingSpec[]): (value: number) => boolean {
  const discrete = new Set<number>();
  const ranges: Array<{ low: number; high: number }> = [];
  for (const spec of missing) {
    if (typeof spec === 'number') discrete.add(spec);
    else if (typeof spec === 'object') {
      ranges.push({
        low: spec.low ?? Number.NEGATIVE_INFINITY,
        high: spec.high ?? Number.POSITIVE_INFINITY,
      });
    }
  }
  if (discrete.size === 0 && ranges.length === 0) return () => false;
  return (value) =>
    discrete.has(value) || ranges.some((range) => value >= range.low && value <= range.high);
}
