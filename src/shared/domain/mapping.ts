/**
 * Harmonisation: how one source's variables and codes land on the study's master codebook.
 * `SourceMapping` is what the user reviews and what is saved with a source (and reused for the next
 * wave of the same country); `MappingProposal` adds what the workbench could not decide and what
 * changed since the last wave, for the review screen and `cew mapping`.
 */

/** Why a source variable was matched to a study variable, strongest first. */
export type MappingEvidence =
  'same-name' | 'previous-wave' | 'code-frame' | 'label' | 'translation' | 'user';

export interface VariableMapping {
  /** The variable's name in the source file. */
  source: string;
  /** The study variable it lands on. */
  target: string;
  /** Source code → study code, for coded variables whose codes differ; absent codes map to themselves. */
  codes: Record<string, number>;
  evidence: MappingEvidence;
  /** 0..1: how sure the proposal is (1 for a user's choice). */
  confidence: number;
}

/** The mapping JSON of `cew import --mapping`, and what a source keeps. */
export interface SourceMapping {
  variables: VariableMapping[];
  /** Source variables that become new study variables under their own name. */
  new: string[];
}

export interface MappingCandidate {
  target: string;
  evidence: MappingEvidence;
  confidence: number;
}

/** What the proposal could not decide; an import without a reviewed mapping stops on any of these. */
export type MappingProblem =
  | { kind: 'ambiguous'; source: string; candidates: MappingCandidate[]; message: string }
  | { kind: 'code-conflict'; source: string; target: string; code: string; message: string };

/** What differs from the mapping used for the previous wave of the same country. */
export type MappingChange =
  | { kind: 'renamed'; target: string; from: string; to: string }
  | { kind: 'code-frame-changed'; target: string; source: string; detail: string }
  | { kind: 'new-category'; target: string; source: string; code: string; label: string | null }
  | { kind: 'dropped-category'; target: string; source: string; code: string }
  | { kind: 'new-variable'; source: string }
  | { kind: 'dropped-variable'; target: string };

export interface MappingProposal extends SourceMapping {
  file: string;
  country: string;
  wave: string;
  respondentType: 'customer' | 'executive';
  /** The language of the file's labels, used to compare them with the codebook's. */
  language: string;
  /**
   * Another language the file's labels match the codebook's in, where they match better than in
   * `language` (an agency in Germany delivering English labels); null when `language` fits.
   */
  suggestedLanguage: string | null;
  /** The source whose mapping was reused as evidence, if any. */
  previousSource: { id: number; fileName: string; wave: string } | null;
  problems: MappingProblem[];
  changes: MappingChange[];
  /** Labels of the source variables, so a review screen can show them beside the targets. */
  sourceLabels: Record<string, string | null>;
}
