/**
 * The rule builder's editable form of a scheme (docs/segmentation.md). A scheme talks about roles
 * bound to variables; the builder shows the variables themselves, so a draft holds variable names
 * and turns them back into roles (one per variable) when it is previewed or saved. Conditions the
 * builder can edit are "any of / all of [variables] op threshold" clauses, all of which must hold;
 * anything else a scheme says (`not`, a role compared with a role, mixed thresholds) is kept as
 * written and shown in words.
 */
import type {
  CompareOp,
  RoleTest,
  SegmentBindings,
  SegmentCondition,
  SegmentScheme,
} from '../../../../../shared/domain/segments';
import { i18n } from '../../../i18n';

/** Problems in the UI language at the time they are found. */
const tr = i18n.getFixedT(null, 'segments');

export interface Clause {
  id: number;
  mode: 'any' | 'all';
  variables: string[];
  op: CompareOp;
  value: number;
}

export type DraftCondition =
  | { kind: 'clauses'; clauses: Clause[] }
  /** A condition the clauses cannot say, over variable names: kept as it is. */
  | { kind: 'kept'; condition: SegmentCondition };

export interface DraftRule {
  id: number;
  code: number;
  label: string;
  condition: DraftCondition;
}

export interface SchemeDraft {
  /** The scheme the draft started from: its name, roles' wording, valence items and reference. */
  origin: SegmentScheme;
  title: string;
  /** No clauses: everyone is in the universe. */
  universe: DraftCondition;
  rules: DraftRule[];
  otherwise: { code: number; label: string };
  missingAnswers: 'undecided' | 'not-met';
}

/** A study variable as the builder needs it. */
export interface DraftVariable {
  name: string;
  label: string | null;
}

/** What the API's role names allow (src/shared/api/segments.ts). */
const ROLE_NAME = /^[A-Za-z_][A-Za-z0-9_.]{0,63}$/;
const MAX_CODE = 254;

let lastId = 0;
export function newId(): number {
  lastId += 1;
  return lastId;
}

export function newClause(variables: string[] = []): Clause {
  return { id: newId(), mode: 'any', variables, op: '>=', value: 1 };
}

export function mapRoles(
  condition: SegmentCondition,
  rename: (role: string) => string,
): SegmentCondition {
  if ('any' in condition) return { any: condition.any.map((c) => mapRoles(c, rename)) };
  if ('all' in condition) return { all: condition.all.map((c) => mapRoles(c, rename)) };
  if ('not' in condition) return { not: mapRoles(condition.not, rename) };
  if ('in' in condition) return { role: rename(condition.role), in: condition.in };
  const value =
    typeof condition.value === 'number' ? condition.value : { role: rename(condition.value.role) };
  return { role: rename(condition.role), op: condition.op, value };
}

type NumberTest = { role: string; op: CompareOp; value: number };

function numberTest(condition: SegmentCondition): NumberTest | null {
  return 'op' in condition && typeof condition.value === 'number'
    ? { role: condition.role, op: condition.op, value: condition.value }
    : null;
}

/** The clauses saying the same as a condition, or null when they cannot. */
function toClauses(condition: SegmentCondition): Clause[] | null {
  const single = numberTest(condition);
  if (single) return [{ ...newClause([single.role]), op: single.op, value: single.value }];
  if ('any' in condition) {
    const tests = condition.any.map(numberTest);
    const first = tests[0];
    if (!first || tests.some((t) => !t || t.op !== first.op || t.value !== first.value))
      return null;
    return [
      { ...newClause(tests.map((t) => t!.role)), mode: 'any', op: first.op, value: first.value },
    ];
  }
  if ('all' in condition) {
    const parts = condition.all.map(toClauses);
    return parts.some((part) => part === null) ? null : parts.flatMap((part) => part!);
  }
  return null;
}

function toDraftCondition(condition: SegmentCondition | undefined): DraftCondition {
  if (!condition) return { kind: 'clauses', clauses: [] };
  const clauses = toClauses(condition);
  return clauses ? { kind: 'clauses', clauses } : { kind: 'kept', condition };
}

/**
 * A draft of a scheme with its roles bound: a role goes to its binding, else to the study's
 * variable of its own name, else it stays a role name the study does not have (shown as unbound).
 */
export function draftFromScheme(
  scheme: SegmentScheme,
  bindings: SegmentBindings,
  findVariable: (name: string) => string | null,
): SchemeDraft {
  const variableOf = (role: string) => findVariable(bindings[role] ?? role) ?? role;
  const bound = (condition: SegmentCondition | undefined) =>
    condition ? mapRoles(condition, variableOf) : undefined;
  return {
    origin: scheme,
    title: scheme.title,
    universe: toDraftCondition(bound(scheme.universe)),
    rules: scheme.rules.map((rule) => ({
      id: newId(),
      code: rule.code,
      label: rule.label,
      condition: toDraftCondition(bound(rule.when)),
    })),
    otherwise: { ...scheme.else },
    missingAnswers: scheme.missingAnswers ?? 'undecided',
  };
}

function clauseCondition(clause: Clause, roleOf: (variable: string) => string): SegmentCondition {
  const tests: RoleTest[] = clause.variables.map((variable) => ({
    role: roleOf(variable),
    op: clause.op,
    value: clause.value,
  }));
  if (tests.length === 1) return tests[0]!;
  return clause.mode === 'any' ? { any: tests } : { all: tests };
}

function schemeCondition(
  draft: DraftCondition,
  roleOf: (variable: string) => string,
): SegmentCondition | undefined {
  if (draft.kind === 'kept') return mapRoles(draft.condition, roleOf);
  const parts = draft.clauses.map((clause) => clauseCondition(clause, roleOf));
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { all: parts };
}

function conditionVariables(condition: DraftCondition): string[] {
  if (condition.kind === 'clauses') return condition.clauses.flatMap((c) => c.variables);
  const found: string[] = [];
  mapRoles(condition.condition, (role) => {
    found.push(role);
    return role;
  });
  return found;
}

/** Every variable the draft tests, once each, in the order they first appear. */
export function draftVariables(draft: SchemeDraft): string[] {
  const names = [draft.universe, ...draft.rules.map((rule) => rule.condition)].flatMap(
    conditionVariables,
  );
  return [...new Set(names)];
}

/** The draft's segments in code order of appearance: the rules', then everyone else's. */
export function draftSegments(draft: SchemeDraft): Array<{ code: number; label: string }> {
  return [...draft.rules, draft.otherwise].map(({ code, label }) => ({ code, label }));
}

/** A code no segment uses yet, for a new rule. */
function unusedCode(draft: SchemeDraft): number | null {
  const used = new Set(draftSegments(draft).map((segment) => segment.code));
  for (let code = 1; code <= MAX_CODE; code++) if (!used.has(code)) return code;
  return null;
}

/** The draft with one more rule at the end, under a code no segment uses yet. */
export function withNewRule(draft: SchemeDraft): SchemeDraft {
  const code = unusedCode(draft);
  if (code === null) return draft;
  const rule: DraftRule = {
    id: newId(),
    code,
    label: `Segment ${code}`,
    condition: { kind: 'clauses', clauses: [newClause()] },
  };
  return { ...draft, rules: [...draft.rules, rule] };
}

/** The draft with the rule at `index` moved one place up (-1) or down (1). */
export function withRuleMoved(draft: SchemeDraft, index: number, by: -1 | 1): SchemeDraft {
  const target = index + by;
  if (target < 0 || target >= draft.rules.length) return draft;
  const rules = [...draft.rules];
  const [rule] = rules.splice(index, 1);
  rules.splice(target, 0, rule!);
  return { ...draft, rules };
}

/** What stops the draft from being previewed or saved, in words; empty when nothing does. */
export function draftProblems(draft: SchemeDraft, variables: DraftVariable[]): string[] {
  const problems: string[] = [];
  const known = new Set(variables.map((v) => v.name));
  const unbound = draftVariables(draft).filter((name) => !known.has(name));
  if (unbound.length > 0) problems.push(tr('problems.unbound', { variables: unbound.join(', ') }));
  const where = [
    { name: tr('builder.who'), condition: draft.universe, optional: true },
    ...draft.rules.map((rule, index) => ({
      name: tr('problems.ruleName', {
        position: index + 1,
        label: rule.label.trim() || tr('problems.noName'),
      }),
      condition: rule.condition,
      optional: false,
    })),
  ];
  for (const { name, condition, optional } of where) {
    if (condition.kind !== 'clauses') continue;
    if (!optional && condition.clauses.length === 0)
      problems.push(tr('problems.needsCondition', { name }));
    if (condition.clauses.some((clause) => clause.variables.length === 0))
      problems.push(tr('problems.needsVariable', { name }));
  }
  if (draft.rules.length === 0) problems.push(tr('problems.addRule'));
  const labels = draftSegments(draft).map((segment) => segment.label.trim());
  if (labels.some((label) => label === '')) problems.push(tr('problems.segmentName'));
  const twice = labels.filter((label, i) => label !== '' && labels.indexOf(label) !== i);
  if (twice.length > 0) problems.push(tr('problems.twice', { label: twice[0] }));
  if (draft.title.trim() === '') problems.push(tr('problems.title'));
  return problems;
}

/** Role names for the variables: the variable's own name where it is a valid role name. */
function roleNames(names: string[]): {
  roleOf: (variable: string) => string;
  bindings: SegmentBindings;
} {
  const roles = new Map<string, string>();
  const bindings: SegmentBindings = {};
  const taken = new Set(names.filter((name) => ROLE_NAME.test(name)));
  let counter = 0;
  for (const name of names) {
    if (ROLE_NAME.test(name)) {
      roles.set(name, name);
      continue;
    }
    let role: string;
    do role = `variable_${++counter}`;
    while (taken.has(role));
    taken.add(role);
    roles.set(name, role);
    bindings[role] = name;
  }
  return { roleOf: (variable) => roles.get(variable) ?? variable, bindings };
}

function sameRules(a: SegmentScheme, b: SegmentScheme): boolean {
  const shape = (s: SegmentScheme) =>
    JSON.stringify([s.universe ?? null, s.rules, s.else, s.missingAnswers ?? 'undecided']);
  return shape(a) === shape(b);
}

/**
 * The scheme a draft stands for, and the bindings of its roles. Call only when draftProblems is
 * empty. The starting scheme's description stays only while the rules still say what it says.
 */
export function schemeFromDraft(
  draft: SchemeDraft,
  variables: DraftVariable[],
  name: string = draft.origin.name,
): { scheme: SegmentScheme; bindings: SegmentBindings } {
  const { origin } = draft;
  const used = draftVariables(draft);
  const { roleOf, bindings } = roleNames(used);
  const valenceRoles = new Set(
    origin.valence ? [origin.valence.positive.name, origin.valence.negative.name] : [],
  );
  const labelOf = (variable: string): string => {
    const role = origin.roles.find((r) => r.name === variable);
    const study = variables.find((v) => v.name === variable);
    return (role?.label ?? study?.label ?? variable).slice(0, 500);
  };
  const rules = draft.rules.map((rule) => ({
    code: rule.code,
    label: rule.label.trim(),
    when: schemeCondition(rule.condition, roleOf)!,
  }));
  const codes = new Set(rules.map((rule) => rule.code));
  const universe = schemeCondition(draft.universe, roleOf);
  const split = origin.valence?.split.filter((code) => codes.has(code)) ?? [];
  const allCodes = new Set([...codes, draft.otherwise.code]);
  const shares = origin.reference?.shares.filter((share) => allCodes.has(share.code)) ?? [];
  const scheme: SegmentScheme = {
    name,
    title: draft.title.trim(),
    roles: used
      .filter((variable) => !valenceRoles.has(roleOf(variable)))
      .map((variable) => ({ name: roleOf(variable), label: labelOf(variable) })),
    ...(universe ? { universe } : {}),
    rules,
    else: { code: draft.otherwise.code, label: draft.otherwise.label.trim() },
    ...(draft.missingAnswers === 'not-met' ? { missingAnswers: 'not-met' as const } : {}),
    ...(origin.valence && split.length > 0 ? { valence: { ...origin.valence, split } } : {}),
    ...(origin.reference && shares.length > 0
      ? { reference: { source: origin.reference.source, shares } }
      : {}),
  };
  if (origin.description && sameRules(scheme, origin))
    return { scheme: { ...scheme, description: origin.description }, bindings };
  return { scheme, bindings };
}

/** Replaces one variable by another wherever the draft tests it (binding a role anew). */
export function replaceVariable(draft: SchemeDraft, from: string, to: string): SchemeDraft {
  const swap = (condition: DraftCondition): DraftCondition =>
    condition.kind === 'kept'
      ? { kind: 'kept', condition: mapRoles(condition.condition, (r) => (r === from ? to : r)) }
      : {
          kind: 'clauses',
          clauses: condition.clauses.map((clause) => ({
            ...clause,
            variables: [...new Set(clause.variables.map((v) => (v === from ? to : v)))],
          })),
        };
  return {
    ...draft,
    universe: swap(draft.universe),
    rules: draft.rules.map((rule) => ({ ...rule, condition: swap(rule.condition) })),
  };
}

/**
 * Drops the variables the study does not have; conditions left with no variable, and rules left
 * with no condition, go with them. Returns the labels of the rules dropped.
 */
export function dropVariables(
  draft: SchemeDraft,
  keep: (variable: string) => boolean,
): { draft: SchemeDraft; droppedRules: string[] } {
  const prune = (condition: DraftCondition): DraftCondition | null => {
    if (condition.kind === 'kept')
      return conditionVariables(condition).every(keep) ? condition : null;
    const clauses = condition.clauses
      .map((clause) => ({ ...clause, variables: clause.variables.filter(keep) }))
      .filter((clause) => clause.variables.length > 0);
    return { kind: 'clauses', clauses };
  };
  const droppedRules: string[] = [];
  const rules = draft.rules.flatMap((rule) => {
    const condition = prune(rule.condition);
    if (!condition || (condition.kind === 'clauses' && condition.clauses.length === 0)) {
      droppedRules.push(rule.label);
      return [];
    }
    return [{ ...rule, condition }];
  });
  const universe = prune(draft.universe) ?? { kind: 'clauses', clauses: [] };
  return { draft: { ...draft, universe, rules }, droppedRules };
}
