/**
 * The compiled form of an expression: a small tree of whole-column operations, with every name
 * resolved, every label turned into codes and every type settled, so the evaluator only runs
 * loops over typed arrays. Two node families: number plans yield a Float64Array (NaN = missing);
 * condition plans yield a Uint8Array of three-valued truth (FALSE, TRUE, UNKNOWN), which becomes
 * plain 1/0 only at the very end, so `not` over a missing comparison stays excluded, as in SPSS.
 */
import type { ArithmeticOperator, ComparisonOperator } from './ast';

export const FALSE = 0;
export const TRUE = 1;
/** A condition that depends on a missing value. */
export const UNKNOWN = 2;
export type Truth = typeof FALSE | typeof TRUE | typeof UNKNOWN;

/** Target of a recode rule: a code, NaN for missing, or the subject's own value. */
export type RecodeValue = number | 'copy';

export interface RecodePlanRule {
  /** Inclusive [lo, hi] pairs, flattened; open ends are ±Infinity. */
  ranges: Float64Array;
  target: RecodeValue;
}

export type NumberPlan =
  | { op: 'constant'; value: number }
  /**
   * A variable's stored values, with those in `userMissing` (inclusive [lo, hi] pairs, flattened)
   * read as missing; empty for `value(x)` and for variables without user-missing codes.
   */
  | { op: 'column'; name: string; userMissing: Float64Array }
  | { op: 'negate'; operand: NumberPlan }
  | {
      op: 'arithmetic';
      first: NumberPlan;
      rest: Array<{ op: ArithmeticOperator; operand: NumberPlan }>;
    }
  /** TRUE → 1, FALSE → 0, UNKNOWN → missing. */
  | { op: 'fromCondition'; operand: ConditionPlan }
  | { op: 'aggregate'; fn: 'sum' | 'mean' | 'min' | 'max'; operands: NumberPlan[] }
  | { op: 'count'; operands: ConditionPlan[] }
  | {
      op: 'recode';
      subject: NumberPlan;
      rules: RecodePlanRule[];
      /** For a missing subject: the `missing -> …` rule's target, else NaN. */
      whenMissing: number;
      /** For a value no rule matches: the `else` target, else NaN. */
      otherwise: RecodeValue;
    };

export type ConditionPlan =
  | { op: 'constant'; value: Truth }
  | { op: 'compare'; cmp: ComparisonOperator; left: NumberPlan; right: NumberPlan }
  | { op: 'member'; subject: NumberPlan; ranges: Float64Array; negated: boolean }
  /** `values` are normalised (see normaliseText). */
  | { op: 'textMember'; column: string; values: ReadonlySet<string>; negated: boolean }
  | { op: 'isMissing'; operand: NumberPlan; negated: boolean }
  | { op: 'isUnknown'; operand: ConditionPlan; negated: boolean }
  | { op: 'isEmptyText'; column: string; negated: boolean }
  | { op: 'not'; operand: ConditionPlan }
  | { op: 'logical'; fn: 'and' | 'or'; operands: ConditionPlan[] }
  /** Missing → UNKNOWN, 0 → FALSE, anything else → TRUE. */
  | { op: 'truthy'; operand: NumberPlan }
  | { op: 'anyAll'; fn: 'any' | 'all'; operands: ConditionPlan[] };

/** A variable the expression reads, with the column of its first mention (for errors). */
export interface NeededColumn {
  name: string;
  text: boolean;
  column: number;
}

interface CompiledCommon {
  /** The study variables the expression reads (canonical names), in order of first mention. */
  readonly needs: readonly string[];
  readonly inputs: readonly NeededColumn[];
}

export interface CompiledCondition extends CompiledCommon {
  readonly kind: 'boolean';
  readonly plan: ConditionPlan;
  readonly valueLabels: null;
}

export interface CompiledNumber extends CompiledCommon {
  readonly kind: 'number';
  readonly plan: NumberPlan;
  /** Value labels the expression implies (recode targets, bands), or null. */
  readonly valueLabels: ReadonlyMap<number, string> | null;
}

export type CompiledExpression = CompiledCondition | CompiledNumber;
export type ResultKind = CompiledExpression['kind'];
