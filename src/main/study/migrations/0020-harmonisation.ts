/**
 * Harmonisation (issue 8): industries as a system dimension like countries, and what each source
 * keeps of how it was mapped onto the master codebook — its language, its fixed industry and the
 * mapping itself, which the next wave of the same country reuses.
 */
import type { WritableStudyDb } from '../studyDb';

export function migrateTo0020(db: WritableStudyDb): void {
  db.exec(`
    -- ids are the codes of the system variable industry
    CREATE TABLE industries (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      names_json TEXT NOT NULL DEFAULT '{}',
      sort_order INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    -- the language of the source's labels
    ALTER TABLE sources ADD COLUMN language TEXT;
    -- an industry fixed for the whole source; null when it comes from a variable or is unknown
    ALTER TABLE sources ADD COLUMN industry_code TEXT;
    -- the SourceMapping (src/shared/domain/mapping.ts) the import applied
    ALTER TABLE sources ADD COLUMN mapping_json TEXT;
  `);
}
