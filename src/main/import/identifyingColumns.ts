/**
 * Finds columns that identify a person — e-mail addresses, phone numbers, names — from their
 * content (and, for names, the variable's name), so they can be hidden in the data grid and
 * offered for removal on export. A guess the user can correct, never a guarantee.
 */
import type { ImportedColumn, ImportedVariable } from './importedDataset';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^\+?[\d\s().\-/]{7,20}$/;
const NAME_VARIABLE =
  /(^|_)(first_?name|last_?name|full_?name|surname|name|nachname|vorname|nome|cognome|nom|prenom|prénom|이름|성명)($|_)/i;

const SAMPLE = 2000;
const SHARE = 0.5;

function share(values: ReadonlyArray<string | null>, test: (value: string) => boolean): number {
  let seen = 0;
  let hits = 0;
  for (const value of values) {
    if (value === null || value.trim() === '') continue;
    seen++;
    if (test(value.trim())) hits++;
    if (seen >= SAMPLE) break;
  }
  return seen === 0 ? 0 : hits / seen;
}

export function isIdentifying(variable: ImportedVariable, column: ImportedColumn): boolean {
  if (column.kind !== 'text') return false;
  if (share(column.values, (v) => EMAIL.test(v)) >= SHARE) return true;
  if (share(column.values, (v) => PHONE.test(v) && v.replace(/\D/g, '').length >= 7) >= SHARE)
    return true;
  return (
    NAME_VARIABLE.test(variable.name) && share(column.values, (v) => /\p{L}/u.test(v)) >= SHARE
  );
}
