/** Plain types describing a study, shared by every process. */

export interface StudySummary {
  path: string;
  name: string;
  studyId: string;
  schemaVersion: number;
  createdAt: string;
  readOnly: boolean;
  /** Why the study is read-only, in words a user understands (e.g. another window has it open). */
  readOnlyReason: string | null;
  /** The language labels are shown and exported in (docs/labels.md); 'en' until the user picks one. */
  labelLanguage: string;
  /** The languages the study holds labels in, the label language among them. */
  languages: string[];
}

export interface SourceSummary {
  id: number;
  fileName: string;
  fileSize: number;
  sha256: string;
  reader: string;
  rowCount: number;
  wave: string | null;
  country: string | null;
  respondentType: string | null;
  importedAt: string;
  /** The validation report of the import (warnings; errors would have stopped it). */
  validation: Array<{
    severity: 'error' | 'warning';
    kind: string;
    variable?: string;
    message: string;
  }>;
}

export type VariableType = 'single' | 'multi' | 'numeric' | 'text' | 'date';

/** A label as shown, marked when it is not in the chosen label language (docs/labels.md). */
export interface ShownLabel {
  label: string | null;
  /** The language of `label`; null when there is no label. */
  labelLanguage: string | null;
  /** True when the label is not in the chosen language but a fallback. */
  labelFallback: boolean;
}

export interface VariableSummary extends ShownLabel {
  name: string;
  type: VariableType;
  isSystem: boolean;
  /** Names, e-mail addresses, phone numbers: hidden in the grid, offered for removal on export. */
  isIdentifying: boolean;
}

export interface StudyDescription {
  study: StudySummary;
  /** The language the labels below are in: the study's label language unless overridden. */
  language: string;
  sources: SourceSummary[];
  waves: string[];
  /** Display names in the label language ("Deutschland", "독일"). */
  countries: Array<{ code: string; name: string }>;
  variables: VariableSummary[];
  /** Multiple-response sets (from .sav files or defined by the user), tabulated as one question. */
  responseSets: Array<ShownLabel & { name: string; type: 'dichotomies' | 'categories' }>;
  respondents: number;
}

export interface RecentStudy {
  path: string;
  name: string;
  lastOpenedAt: string;
  /** False when the file is no longer where it was: shown as missing, removable. */
  exists: boolean;
}

export interface FileBrowserEntry {
  name: string;
  path: string;
  kind: 'folder' | 'study' | 'data';
}

export interface FileBrowserListing {
  folder: string;
  parent: string | null;
  entries: FileBrowserEntry[];
}

export type JobStatus = 'running' | 'done' | 'cancelled' | 'failed';

export interface JobInfo {
  jobId: string;
  label: string;
  done: number;
  total: number;
  status: JobStatus;
  error?: string;
}
