/**
 * Energy has a sign as well as a level (issue #9): `split: 'valence'` splits the segments a
 * scheme names (creators and contributors in Customer Energy) into a positive and a negative
 * half. The rule, documented in docs/segmentation.md: a respondent is **negative** when they
 * agree more with complaining and warning others than with enthusing and recommending
 * (negative > positive on the two agreement items), and **positive** otherwise — ties, such as
 * agreeing equally with both, count as positive. A respondent of a split segment who answered
 * "don't know" to either item cannot be signed and is missing (undecided), as every rule on a
 * missing answer is; the unsplit scheme still classifies them.
 *
 * The split is an ordinary scheme: each split rule becomes "<label> (positive)" — the rule and
 * positive ≥ negative — followed by "<label> (negative)" — the rule alone, reached only when the
 * sign was decided negative. Codes are renumbered 1, 2, … in rule order, the else segment last.
 */
import type { SegmentRule, SegmentScheme } from '../../../shared/domain/segments';

export function splitByValence(scheme: SegmentScheme): SegmentScheme {
  const valence = scheme.valence;
  if (!valence) throw new Error(`the scheme ${scheme.name} cannot be split by valence`);
  const positive = valence.positive.name;
  const negative = valence.negative.name;
  const rules: SegmentRule[] = [];
  for (const rule of scheme.rules) {
    if (!valence.split.includes(rule.code)) {
      rules.push({ ...rule, code: rules.length + 1 });
      continue;
    }
    rules.push({
      code: rules.length + 1,
      label: `${rule.label} (positive)`,
      when: { all: [rule.when, { role: positive, op: '>=', value: { role: negative } }] },
    });
    rules.push({ code: rules.length + 1, label: `${rule.label} (negative)`, when: rule.when });
  }
  const { valence: _valence, reference: _reference, ...rest } = scheme;
  return {
    ...rest,
    title: `${scheme.title}, split by valence`,
    roles: [...scheme.roles, valence.positive, valence.negative],
    rules,
    else: { ...scheme.else, code: rules.length + 1 },
  };
}
