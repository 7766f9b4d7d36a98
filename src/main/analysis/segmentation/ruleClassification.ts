/**
 * Rules applied to new respondents, saying for each one who gets no segment why not: outside the
 * universe, or undecided because an answer the deciding rule needs is missing. The segments are
 * exactly applyScheme's (the same three-valued logic, docs/segmentation.md "Missing answers");
 * only the reasons are added, in the words of the variables the roles are bound to.
 */
import type { SegmentCondition, SegmentScheme } from '../../../shared/domain/segments';
import {
  applyScheme,
  evaluateCondition,
  NO,
  rolesIn,
  UNKNOWN,
  YES,
  type RoleColumns,
} from './segmentRules';

export interface Classified {
  /** Segment code per respondent, NaN for none. */
  codes: Float64Array;
  /** Why a respondent has no segment; null for those who have one. */
  reasons: Array<string | null>;
}

/** The variables (by their bound names) a condition tests that this respondent did not answer. */
function missingIn(
  condition: SegmentCondition,
  columns: RoleColumns,
  variableOf: (role: string) => string,
  row: number,
): string[] {
  const roles = [...new Set(rolesIn(condition))];
  return roles
    .filter((role) => Number.isNaN(columns.get(role)![row]!))
    .map((role) => variableOf(role));
}

export function classifyByRules(
  scheme: SegmentScheme,
  columns: RoleColumns,
  rows: number,
  variableOf: (role: string) => string = (role) => role,
): Classified {
  const { codes } = applyScheme(scheme, columns, rows);
  const reasons: Array<string | null> = new Array<string | null>(rows).fill(null);
  const universe = scheme.universe
    ? evaluateCondition(scheme.universe, columns, rows, scheme.missingAnswers)
    : new Uint8Array(rows).fill(YES);
  const truths = scheme.rules.map((rule) =>
    evaluateCondition(rule.when, columns, rows, scheme.missingAnswers),
  );
  for (let i = 0; i < rows; i++) {
    if (!Number.isNaN(codes[i]!)) continue;
    if (universe[i] === NO) {
      reasons[i] = 'outside the universe';
      continue;
    }
    if (universe[i] === UNKNOWN) {
      const missing = missingIn(scheme.universe!, columns, variableOf, i);
      reasons[i] = `outside the universe: no answer to ${missing.join(', ')}`;
      continue;
    }
    const at = truths.findIndex((truth) => truth[i] === UNKNOWN);
    const rule = scheme.rules[at]!;
    const missing = missingIn(rule.when, columns, variableOf, i);
    reasons[i] = `undecided at ${rule.label}: no answer to ${missing.join(', ')}`;
  }
  return { codes, reasons };
}
