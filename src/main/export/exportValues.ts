/**
 * How a study value reads in a CSV or Excel export: dates (stored as SPSS seconds since
 * 1582-10-14) as ISO dates, codes and numbers as numbers, text as text, missing as empty.
 */
import { spssSecondsToIso } from '../import/sav/savReader';
import type { ExportedVariable } from './studyDataset';

export type ExportValue = string | number | Date | null;

function printFormatType(variable: ExportedVariable): number | undefined {
  const spss = variable.formatAttributes.spss as { printFormat?: { type?: number } } | undefined;
  return spss?.printFormat?.type;
}

/** A formatter per variable, chosen once, not per value. */
export function valueFormatter(
  variable: ExportedVariable,
  target: 'csv' | 'xlsx',
): (value: unknown) => ExportValue {
  const missing = (value: unknown) =>
    value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
  if (variable.type !== 'date')
    return (value) => (missing(value) ? null : (value as string | number));
  const formatType = printFormatType(variable);
  return (value) => {
    if (missing(value) || typeof value !== 'number')
      return missing(value) ? null : (value as string);
    const iso = spssSecondsToIso(value, formatType);
    if (iso === null) return value;
    if (target === 'csv' || !/^\d{4}-\d\d-\d\d/.test(iso)) return iso;
    return new Date(iso.length === 10 ? `${iso}T00:00:00Z` : `${iso}Z`);
  };
}
