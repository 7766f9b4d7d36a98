/**
 * The typing tool's definition, as JSON: everything needed to put a new respondent in a saved
 * segmentation without the study — the rules with the variables they read (or the centres with
 * the means and standard deviations that standardise the answers), the questions with their codes
 * and the codes that count as no answer. The Excel typing tool is written from this same object.
 */
import type {
  KMeansDefinition,
  RulesDefinition,
  TypingTool,
  TypingToolInput,
} from '../../../shared/domain/segments';
import { conditionText } from './conditionText';
import { rolesUsed } from './segmentRules';
import { splitByValence } from './valenceSplit';

export interface SegmentationToType {
  name: string;
  label: string;
  definition: RulesDefinition | KMeansDefinition;
  segments: Array<{ code: number; label: string }>;
}

/** The variables the tool asks, in the order it asks them. */
export function typingToolVariables(definition: RulesDefinition | KMeansDefinition): string[] {
  if (definition.method === 'kmeans') return [...definition.variables];
  const scheme =
    definition.split === 'valence' ? splitByValence(definition.scheme) : definition.scheme;
  return [...new Set(rolesUsed(scheme).map((role) => definition.bindings[role] ?? role))];
}

/**
 * `inputs` describes each of typingToolVariables' variables (roles are filled in here);
 * `goldenInputs` each question of the golden typing tool saved with the segmentation, if any.
 */
export function typingTool(
  segmentation: SegmentationToType,
  inputs: TypingToolInput[],
  goldenInputs: TypingToolInput[] = [],
): TypingTool {
  const { definition } = segmentation;
  const base = {
    format: 'cew-typing-tool' as const,
    version: 1 as const,
    segmentation: segmentation.name,
    label: segmentation.label,
    segments: segmentation.segments,
    ...(definition.golden ? { golden: { ...definition.golden, inputs: goldenInputs } } : {}),
  };
  if (definition.method === 'kmeans') {
    return {
      ...base,
      inputs: inputs.map((input) => ({ ...input, roles: [] })),
      method: 'kmeans',
      standardize: definition.standardize,
      scaling: definition.scaling,
      centers: definition.centers,
      centersInUnits: definition.centers.map((centre) =>
        Object.fromEntries(
          definition.scaling.map((s, d) => [s.variable, centre[d]! * s.sd + s.mean]),
        ),
      ),
      filter: definition.filter,
    };
  }
  const scheme =
    definition.split === 'valence' ? splitByValence(definition.scheme) : definition.scheme;
  const roles = rolesUsed(scheme);
  const variableOf = (role: string) => definition.bindings[role] ?? role;
  return {
    ...base,
    inputs: inputs.map((input) => ({
      ...input,
      roles: roles.filter(
        (role) => variableOf(role).toLowerCase() === input.variable.toLowerCase(),
      ),
    })),
    method: 'rules',
    scheme,
    bindings: Object.fromEntries(roles.map((role) => [role, variableOf(role)])),
    missingAnswers: scheme.missingAnswers ?? 'undecided',
    universe: scheme.universe ? conditionText(scheme.universe, variableOf) : null,
    rules: scheme.rules.map((rule) => ({
      code: rule.code,
      label: rule.label,
      when: conditionText(rule.when, variableOf),
    })),
    else: scheme.else,
  };
}
