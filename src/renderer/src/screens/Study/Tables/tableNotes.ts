/**
 * The engine's notes that the footnote does not already say (the test's description is in
 * both; a suppression note is only in the notes): shown under the footnote and copied with it.
 */
import type { TableResult } from '../../../../../shared/domain/table';

export function extraNotes(result: Pick<TableResult, 'footnote' | 'tests'>): string[] {
  return result.tests.notes.filter((note) => !result.footnote.includes(note.replace(/\.$/, '')));
}
