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

export interface VariableSummary {
  name: string;
  type: VariableType;
  label: string | null;
  isSystem: boolean;
  /** Names, e-mail addresses, phone numbers: hidden in the grid, offered for removal on export. */
  isIdentifying: boolean;
}

export interface StudyDescription {
  study: StudySummary;
  sources: SourceSummary[];
  waves: string[];
  countries: Array<{ code: string; name: string }>;
  variables: VariableSummary[];
  /** Multiple-response sets (from .sav files or defined by the user), tabulated as one question. */
  responseSets: Array<{ name: string; label: string | null; type: 'dichotomies' | 'categories' }>;
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
