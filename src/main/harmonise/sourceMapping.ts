/**
 * The proposal for one read file in one open study: the study's codebook, the mapping the same
 * country's previous wave used (saved with its source), and the file's variables — less those
 * named like system variables, which the import renames or (industry) turns into the system
 * variable itself.
 */
import type { MappingProposal, SourceMapping } from '../../shared/domain/mapping';
import type { ImportedDataset } from '../import/importedDataset';
import { SYSTEM_VARIABLES } from '../import/systemVariables';
import type { ReadableStudyDb } from '../study/studyDb';
import { proposeMapping } from './proposeMapping';
import { labelSimilarity } from './labelSimilarity';
import { readCodebook, type CodebookVariable } from './studyCodebook';

export interface SourceContext {
  country: string;
  wave: string;
  respondentType: 'customer' | 'executive';
  language: string;
}

export interface PreviousMapping {
  id: number;
  fileName: string;
  wave: string;
  mapping: SourceMapping;
  labelledCodes: Record<string, number[]>;
}

/** The latest source of the same country and respondent type from another wave, with its mapping. */
export function previousMapping(
  db: ReadableStudyDb,
  context: Pick<SourceContext, 'country' | 'wave' | 'respondentType'>,
): PreviousMapping | null {
  const row = db
    .prepare(
      `SELECT s.id, s.file_name, w.code AS wave, s.mapping_json, s.attributes_json
       FROM sources s JOIN waves w ON w.id = s.wave_id
       WHERE s.country_code = ? AND s.respondent_type = ? AND w.code <> ? AND s.mapping_json IS NOT NULL
       ORDER BY w.sort_order DESC, s.id DESC LIMIT 1`,
    )
    .get(context.country, context.respondentType, context.wave) as
    | { id: number; file_name: string; wave: string; mapping_json: string; attributes_json: string }
    | undefined;
  if (!row) return null;
  const attributes = JSON.parse(row.attributes_json) as {
    labelledCodes?: Record<string, number[]>;
  };
  return {
    id: row.id,
    fileName: row.file_name,
    wave: row.wave,
    mapping: JSON.parse(row.mapping_json) as SourceMapping,
    labelledCodes: attributes.labelledCodes ?? {},
  };
}

/** Source variables that take part in the mapping (not the ones named like system variables). */
export function mappableVariables(dataset: ImportedDataset): ImportedDataset['variables'] {
  const system = new Set<string>(SYSTEM_VARIABLES);
  return dataset.variables.filter((variable) => !system.has(variable.name));
}

/**
 * In which of the codebook's languages the file's labels are written, judged on the variables
 * they share a name with: per language, how many of their labels are (nearly) the codebook's.
 */
export function labelMatchesByLanguage(
  codebook: readonly CodebookVariable[],
  variables: ImportedDataset['variables'],
): Map<string, number> {
  const byName = new Map(codebook.map((target) => [target.name.toLowerCase(), target]));
  const matches = new Map<string, number>();
  for (const variable of variables) {
    const target = byName.get(variable.name.toLowerCase());
    if (!target || !variable.label) continue;
    for (const [language, text] of Object.entries(target.labels))
      if (labelSimilarity(variable.label, text) >= 0.9)
        matches.set(language, (matches.get(language) ?? 0) + 1);
  }
  return matches;
}

/** A better language for the file's labels than the one given, when the labels clearly say so. */
function suggestedLanguage(matches: Map<string, number>, given: string): string | null {
  const givenMatches = matches.get(given) ?? 0;
  let best: string | null = null;
  for (const [language, count] of matches)
    if (count >= Math.max(2, givenMatches * 2) && (!best || count > matches.get(best)!))
      best = language;
  return best === given ? null : best;
}

export function proposeSourceMapping(
  db: ReadableStudyDb,
  file: string,
  dataset: ImportedDataset,
  context: SourceContext,
): MappingProposal {
  const previous = previousMapping(db, context);
  const variables = mappableVariables(dataset);
  const codebook = readCodebook(db);
  const result = proposeMapping({
    codebook,
    variables,
    language: context.language,
    previous: previous?.mapping ?? null,
    previousCodes: previous?.labelledCodes,
  });
  return {
    file,
    ...context,
    suggestedLanguage: suggestedLanguage(
      labelMatchesByLanguage(codebook, variables),
      context.language,
    ),
    ...result.mapping,
    previousSource: previous
      ? { id: previous.id, fileName: previous.fileName, wave: previous.wave }
      : null,
    problems: result.problems,
    changes: result.changes,
    sourceLabels: Object.fromEntries(variables.map((variable) => [variable.name, variable.label])),
  };
}
