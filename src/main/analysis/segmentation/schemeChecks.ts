/**
 * What makes a scheme usable beyond its JSON shape: roles declared once and every tested role
 * declared, segment codes distinct and storable as small codes, labels present. A scheme comes
 * from a file another study exported or from a hand edit, so each problem is named plainly.
 */
import type { SegmentScheme } from '../../../shared/domain/segments';
import { rolesUsed } from './segmentRules';

/** Segment codes are stored as Uint8 codes, 255 being missing. */
const MAX_CODE = 254;

export function schemeProblems(scheme: SegmentScheme): string[] {
  const problems: string[] = [];
  const declared = new Set<string>();
  const roles = [
    ...scheme.roles,
    ...(scheme.valence ? [scheme.valence.positive, scheme.valence.negative] : []),
  ];
  for (const role of roles) {
    if (declared.has(role.name)) problems.push(`role ${role.name} is declared twice`);
    declared.add(role.name);
  }
  for (const role of rolesUsed(scheme)) {
    if (!declared.has(role)) problems.push(`role ${role} is tested but not declared in roles`);
  }
  const codes = new Set<number>();
  for (const segment of [...scheme.rules, scheme.else]) {
    if (!Number.isInteger(segment.code) || segment.code < 1 || segment.code > MAX_CODE)
      problems.push(`segment ${segment.label}: code ${segment.code} is not a whole number 1–254`);
    if (codes.has(segment.code)) problems.push(`code ${segment.code} is used by two segments`);
    codes.add(segment.code);
    if (segment.label.trim() === '') problems.push(`segment ${segment.code} has no label`);
  }
  for (const code of scheme.valence?.split ?? []) {
    if (!scheme.rules.some((rule) => rule.code === code))
      problems.push(`valence.split: no rule has code ${code}`);
  }
  for (const reference of scheme.reference?.shares ?? []) {
    if (!codes.has(reference.code))
      problems.push(`reference: no segment has code ${reference.code}`);
  }
  return problems;
}

/** Segments in code order of appearance: the rules' segments, then the else segment. */
export function schemeSegments(scheme: SegmentScheme): Array<{ code: number; label: string }> {
  return [...scheme.rules, scheme.else].map(({ code, label }) => ({ code, label }));
}
