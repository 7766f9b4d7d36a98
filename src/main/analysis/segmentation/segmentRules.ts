/**
 * Applies a segmentation scheme to whole columns: the universe first (outside it, or where it
 * cannot be decided, a respondent is missing — not a segment), then the rules in order, the first
 * that holds giving the segment, then the "else" segment.
 *
 * Conditions use three-valued logic, as SPSS and the expression language do (docs/expressions.md):
 * a test on a missing answer is undecided; `any` is true if one part is true, `all` false if one
 * part is false, `not` keeps undecided. A rule that is undecided stops the search — an earlier rule
 * that might have matched must not be skipped for a later one — and the respondent is missing and
 * counted as undecided. With `missingAnswers: 'not-met'` a test on a missing answer is simply false.
 */
import type {
  CompareOp,
  RoleTest,
  SegmentCondition,
  SegmentScheme,
} from '../../../shared/domain/segments';

export const NO = 0;
export const YES = 1;
export const UNKNOWN = 2;

/** Each role's answers as numbers, NaN where missing (user-missing codes included). */
export type RoleColumns = ReadonlyMap<string, Float64Array>;

export interface SchemeOutcome {
  /** The segment code per respondent, NaN for no segment. */
  codes: Float64Array;
  /** Respondents inside the universe (and the mask). */
  universe: number;
  /** Inside the universe, but missing because a needed answer was missing. */
  undecided: number;
}

function column(columns: RoleColumns, role: string): Float64Array {
  const values = columns.get(role);
  if (!values) throw new Error(`role ${role} has no column`);
  return values;
}

function compare(op: CompareOp, a: number, b: number): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

function evaluateTest(
  test: RoleTest,
  columns: RoleColumns,
  rows: number,
  whenMissing: number,
): Uint8Array {
  const out = new Uint8Array(rows);
  const values = column(columns, test.role);
  if ('in' in test) {
    const codes = new Set(test.in);
    for (let i = 0; i < rows; i++) {
      const value = values[i]!;
      out[i] = value !== value ? whenMissing : codes.has(value) ? YES : NO;
    }
    return out;
  }
  const { op, value } = test;
  if (typeof value === 'number') {
    for (let i = 0; i < rows; i++) {
      const a = values[i]!;
      out[i] = a !== a ? whenMissing : compare(op, a, value) ? YES : NO;
    }
    return out;
  }
  const other = column(columns, value.role);
  for (let i = 0; i < rows; i++) {
    const a = values[i]!;
    const b = other[i]!;
    out[i] = a !== a || b !== b ? whenMissing : compare(op, a, b) ? YES : NO;
  }
  return out;
}

/** YES, NO or UNKNOWN per respondent. */
export function evaluateCondition(
  condition: SegmentCondition,
  columns: RoleColumns,
  rows: number,
  missingAnswers: SegmentScheme['missingAnswers'] = 'undecided',
): Uint8Array {
  const whenMissing = missingAnswers === 'not-met' ? NO : UNKNOWN;
  const walk = (node: SegmentCondition): Uint8Array => {
    if ('role' in node) return evaluateTest(node, columns, rows, whenMissing);
    if ('not' in node) {
      const inner = walk(node.not);
      for (let i = 0; i < rows; i++) if (inner[i] !== UNKNOWN) inner[i] = 1 - inner[i]!;
      return inner;
    }
    const parts = 'any' in node ? node.any : node.all;
    const decisive = 'any' in node ? YES : NO;
    const out = new Uint8Array(rows).fill(1 - decisive);
    for (const part of parts) {
      const truth = walk(part);
      for (let i = 0; i < rows; i++) {
        const t = truth[i]!;
        if (out[i] === decisive) continue;
        if (t === decisive) out[i] = decisive;
        else if (t === UNKNOWN) out[i] = UNKNOWN;
      }
    }
    return out;
  };
  return walk(condition);
}

/**
 * The segment of every respondent. `mask` (1 = keep) narrows the universe further, e.g. to a
 * filter of the live rule builder; respondents outside it are missing and not counted.
 */
export function applyScheme(
  scheme: SegmentScheme,
  columns: RoleColumns,
  rows: number,
  mask?: Uint8Array,
): SchemeOutcome {
  const codes = new Float64Array(rows).fill(Number.NaN);
  const open = new Uint8Array(rows);
  const universe = scheme.universe
    ? evaluateCondition(scheme.universe, columns, rows, scheme.missingAnswers)
    : new Uint8Array(rows).fill(YES);
  let inUniverse = 0;
  for (let i = 0; i < rows; i++) {
    if (universe[i] === YES && (!mask || mask[i] === 1)) {
      open[i] = 1;
      inUniverse++;
    }
  }
  let undecided = 0;
  for (const rule of scheme.rules) {
    const truth = evaluateCondition(rule.when, columns, rows, scheme.missingAnswers);
    for (let i = 0; i < rows; i++) {
      if (open[i] === 0) continue;
      const t = truth[i]!;
      if (t === YES) {
        codes[i] = rule.code;
        open[i] = 0;
      } else if (t === UNKNOWN) {
        open[i] = 0;
        undecided++;
      }
    }
  }
  for (let i = 0; i < rows; i++) if (open[i] === 1) codes[i] = scheme.else.code;
  return { codes, universe: inUniverse, undecided };
}

/** Every role a condition tests, in the order they appear. */
export function rolesIn(condition: SegmentCondition, into: string[] = []): string[] {
  if ('role' in condition) {
    into.push(condition.role);
    if ('op' in condition && typeof condition.value === 'object') into.push(condition.value.role);
  } else if ('not' in condition) rolesIn(condition.not, into);
  else for (const part of 'any' in condition ? condition.any : condition.all) rolesIn(part, into);
  return into;
}

/** The roles a scheme's universe and rules use, each once. */
export function rolesUsed(scheme: SegmentScheme): string[] {
  const all: string[] = [];
  if (scheme.universe) rolesIn(scheme.universe, all);
  for (const rule of scheme.rules) rolesIn(rule.when, all);
  return [...new Set(all)];
}
