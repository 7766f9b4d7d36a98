/**
 * The first schema. Respondent data is stored by column — one typed-array BLOB per
 * (variable, source) — never one row per respondent (../shared/PERFORMANCE.md: 7× faster import,
 * 80× faster open). Labels are JSON objects keyed by language so one codebook serves every country.
 */
import type { WritableStudyDb } from '../studyDb';

export function migrateTo0010(db: WritableStudyDb): void {
  db.exec(`
    CREATE TABLE study_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE waves (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      label TEXT,
      sort_order INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    -- ids of waves, countries and respondent types are the codes of the system variables
    -- wave, country and respondent_type
    CREATE TABLE countries (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      -- display names by language: {"en": "Germany", "de": "Deutschland", "ko": "독일"}
      names_json TEXT NOT NULL DEFAULT '{}'
    ) STRICT;

    CREATE TABLE respondent_types (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      names_json TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    INSERT INTO respondent_types (id, code, names_json) VALUES
      (1, 'customer', '{"en":"Customer"}'),
      (2, 'executive', '{"en":"Executive"}');

    CREATE TABLE sources (
      id INTEGER PRIMARY KEY,
      file_name TEXT NOT NULL,
      file_size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      reader TEXT NOT NULL,
      row_count INTEGER NOT NULL,
      wave_id INTEGER REFERENCES waves(id),
      country_code TEXT REFERENCES countries(code),
      respondent_type TEXT REFERENCES respondent_types(code),
      encoding TEXT,
      imported_at TEXT NOT NULL,
      -- row order of sources: loading a variable concatenates its chunks in this order
      sort_order INTEGER NOT NULL,
      attributes_json TEXT NOT NULL DEFAULT '{}'
    ) STRICT;

    CREATE TABLE variables (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL CHECK (type IN ('single', 'multi', 'numeric', 'text', 'date')),
      -- how chunks are encoded: u8 / u16 codes, f64 numbers, utf8 text (bytes + u32 offsets)
      storage TEXT NOT NULL CHECK (storage IN ('u8', 'u16', 'f64', 'utf8')),
      labels_json TEXT NOT NULL DEFAULT '{}',
      source_language TEXT,
      is_system INTEGER NOT NULL DEFAULT 0 CHECK (is_system IN (0, 1)),
      is_identifying INTEGER NOT NULL DEFAULT 0 CHECK (is_identifying IN (0, 1)),
      -- where the column comes from; derived variables and weights keep their definition and
      -- are recomputed when sources change
      origin TEXT NOT NULL DEFAULT 'imported'
        CHECK (origin IN ('imported', 'system', 'derived', 'weight', 'segment')),
      definition_json TEXT,
      -- the source format's own attributes, kept for a faithful export (SPSS formats, widths, measure)
      format_attributes_json TEXT NOT NULL DEFAULT '{}',
      sort_order INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE value_labels (
      variable_id INTEGER NOT NULL REFERENCES variables(id) ON DELETE CASCADE,
      code TEXT NOT NULL,
      labels_json TEXT NOT NULL DEFAULT '{}',
      sort_order INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (variable_id, code)
    ) STRICT;

    CREATE TABLE missing_codes (
      id INTEGER PRIMARY KEY,
      variable_id INTEGER NOT NULL REFERENCES variables(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('value', 'range')),
      -- a value, or the bounds of a range; numbers as text keep exactness across JSON
      value TEXT,
      low REAL,
      high REAL
    ) STRICT;
    CREATE INDEX missing_codes_by_variable ON missing_codes (variable_id);

    CREATE TABLE multi_response_sets (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL CHECK (type IN ('categories', 'dichotomies')),
      counted_value TEXT,
      labels_json TEXT NOT NULL DEFAULT '{}',
      variables_json TEXT NOT NULL
    ) STRICT;

    CREATE TABLE column_chunks (
      id INTEGER PRIMARY KEY,
      variable_id INTEGER NOT NULL REFERENCES variables(id) ON DELETE CASCADE,
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      encoding TEXT NOT NULL CHECK (encoding IN ('u8', 'u16', 'f64', 'utf8')),
      row_count INTEGER NOT NULL,
      data BLOB NOT NULL,
      -- utf8 only: Uint32 offsets, row_count + 1 of them
      offsets BLOB,
      UNIQUE (variable_id, source_id)
    ) STRICT;
    CREATE INDEX column_chunks_by_source ON column_chunks (source_id);

    -- named, reusable filters in the expression language (docs/expressions.md)
    CREATE TABLE filters (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      expression TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE saved_tables (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      spec_json TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE charts (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      spec_json TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE reports (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      spec_json TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      action TEXT NOT NULL,
      details_json TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
  `);
}
