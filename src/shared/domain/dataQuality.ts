/**
 * The data-quality check across countries and waves (docs/data-quality.md): what a consultant
 * should look at before weighting or tabulating across sources, each finding with a sentence
 * that names the variable, the files, countries and waves, and what they can do about it.
 */

export type DataQualityKind =
  'missing-in-source' | 'code-in-one-country' | 'small-base' | 'code-frame-changed';

export const DATA_QUALITY_KINDS: readonly DataQualityKind[] = [
  'missing-in-source',
  'code-in-one-country',
  'small-base',
  'code-frame-changed',
];

/** How the CLI and the panel head each group of findings. */
export const DATA_QUALITY_TITLES: Record<DataQualityKind, string> = {
  'missing-in-source': 'Variables missing in a source',
  'code-in-one-country': 'Codes answered in one country only',
  'small-base': 'Small bases',
  'code-frame-changed': 'Code frames changed between waves',
};

export type DataQualitySeverity = 'warning' | 'info';

/** A source as a finding names it: the file, and where and whom it was fielded. */
export interface DataQualitySource {
  id: number;
  fileName: string;
  country: string | null;
  wave: string | null;
  respondentType: string | null;
  rows: number;
}

export interface DataQualityFinding {
  kind: DataQualityKind;
  severity: DataQualitySeverity;
  variable?: string;
  /** The sources the finding is about (missing-in-source: where the variable is missing). */
  sources?: DataQualitySource[];
  country?: string;
  wave?: string;
  respondentType?: string;
  /** code-in-one-country: the code, as stored in the study. */
  code?: string;
  /** code-frame-changed: the earlier wave compared with `wave`, and the codes that differ. */
  previousWave?: string;
  codesAdded?: string[];
  codesDropped?: string[];
  /** small-base: the respondents counted and the threshold they fall below. */
  base?: number;
  threshold?: number;
  /** A full sentence naming the variable, the files, countries and waves. */
  message: string;
  /** What the user can do about it. */
  action: string;
}

export interface DataQualityReport {
  findings: DataQualityFinding[];
  counts: Record<DataQualityKind, number>;
  severities: Record<DataQualitySeverity, number>;
  /** What was checked, for "no problems found across N sources". */
  sources: number;
  countries: number;
  waves: number;
  /** The small-base thresholds that were applied. */
  thresholds: { customer: number; executive: number };
}
