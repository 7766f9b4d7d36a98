/**
 * A rule's condition in words, for the typing tool's plainly laid out rules sheet and its JSON:
 * `any of create_video ≥ 3, create_blog ≥ 3` — written with the variables the roles are bound to,
 * since those are what a client types answers to.
 */
import type { CompareOp, SegmentCondition } from '../../../shared/domain/segments';

const SYMBOL: Record<CompareOp, string> = {
  '=': '=',
  '!=': '≠',
  '<': '<',
  '<=': '≤',
  '>': '>',
  '>=': '≥',
};

export function conditionText(
  condition: SegmentCondition,
  variableOf: (role: string) => string = (role) => role,
): string {
  const walk = (node: SegmentCondition, nested: boolean): string => {
    if ('role' in node) {
      const name = variableOf(node.role);
      if ('in' in node) return `${name} in (${node.in.join(', ')})`;
      const value =
        typeof node.value === 'number' ? String(node.value) : variableOf(node.value.role);
      return `${name} ${SYMBOL[node.op]} ${value}`;
    }
    if ('not' in node) return `not (${walk(node.not, false)})`;
    const [word, parts] = 'any' in node ? ['any of', node.any] : ['all of', node.all];
    if (parts.length === 1) return walk(parts[0]!, nested);
    const text = `${word} ${parts.map((part) => walk(part, true)).join(', ')}`;
    return nested ? `(${text})` : text;
  };
  return walk(condition, false);
}
