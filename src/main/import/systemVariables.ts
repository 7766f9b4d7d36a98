/**
 * The variables every respondent gets from the source it came in: which file, wave, country,
 * respondent type and industry. A file's own column with one of these names is kept under another
 * name (`wave_source`), except `industry`, which feeds the system variable.
 */
export const SYSTEM_VARIABLES = [
  'source',
  'wave',
  'country',
  'respondent_type',
  'industry',
] as const;
export type SystemVariable = (typeof SYSTEM_VARIABLES)[number];

export const SYSTEM_LABELS: Record<SystemVariable, string> = {
  source: 'Source file',
  wave: 'Wave',
  country: 'Country',
  respondent_type: 'Respondent type',
  industry: 'Industry',
};
