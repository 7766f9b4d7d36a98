/** Schemes and conditions in words, for the parts the builder keeps as written and for summaries. */
import type {
  CompareOp,
  SegmentBindings,
  SegmentCondition,
  SegmentScheme,
} from '../../../../../shared/domain/segments';
import { i18n } from '../../../i18n';
import { mapRoles } from './schemeDraft';

/** Words in the UI language at the time a summary is made. */
const tr = i18n.getFixedT(null, 'segments');

const OP_SYMBOLS: Record<CompareOp, string> = {
  '=': '=',
  '!=': '≠',
  '<': '<',
  '<=': '≤',
  '>': '>',
  '>=': '≥',
};

export function opSymbol(op: CompareOp): string {
  return OP_SYMBOLS[op];
}

/** "any of a, b, c ≥ 3" where every part tests a number the same way; null otherwise. */
function uniformText(parts: SegmentCondition[]): string | null {
  const first = parts[0];
  if (!first || !('op' in first) || typeof first.value !== 'number') return null;
  const same = parts.every(
    (part) => 'op' in part && part.op === first.op && part.value === first.value,
  );
  if (!same) return null;
  const roles = parts.map((part) => ('role' in part ? part.role : ''));
  return tr('words.anyOfList', {
    variables: roles.join(', '),
    op: opSymbol(first.op),
    value: first.value,
  });
}

export function conditionText(condition: SegmentCondition): string {
  if ('any' in condition)
    return (
      uniformText(condition.any) ??
      tr('words.anyOfParts', { parts: condition.any.map(conditionText).join('; ') })
    );
  if ('all' in condition) return condition.all.map(conditionText).join(tr('words.and'));
  if ('not' in condition) return tr('words.not', { condition: conditionText(condition.not) });
  if ('in' in condition)
    return tr('words.oneOf', { role: condition.role, values: condition.in.join(', ') });
  const value = typeof condition.value === 'number' ? condition.value : condition.value.role;
  return `${condition.role} ${opSymbol(condition.op)} ${value}`;
}

/**
 * A scheme's rules in one line, over the variables they are bound to: "Creators: any of
 * create_video, create_blog ≥ 3 · Viewers: everyone else — among respondent_type = 1 and online = 1".
 */
export function schemeSummary(scheme: SegmentScheme, bindings: SegmentBindings): string {
  const bound = (condition: SegmentCondition) =>
    mapRoles(condition, (role) => bindings[role] ?? role);
  const rules = scheme.rules.map((rule) =>
    tr('words.ruleLine', { label: rule.label, condition: conditionText(bound(rule.when)) }),
  );
  const universe = scheme.universe
    ? tr('words.among', { condition: conditionText(bound(scheme.universe)) })
    : '';
  return `${[...rules, tr('words.everyoneElse', { label: scheme.else.label })].join(' · ')}${universe}`;
}
