/**
 * The syntax tree the parser produces: what was written, with the column of every part, and no
 * knowledge of the study yet (the compiler resolves names against the codebook). Chains of the
 * same operator (`a + b - c`, `x and y and z`) are flat lists rather than left-deep trees, so the
 * tree's depth is bounded by the nesting limit however long the expression is, and every walk over
 * it stays far from the stack limit.
 */

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithmeticOperator = '+' | '-' | '*' | '/';
/** Functions taking a list of operands, each of which may hold one variable range. */
export type ListFunction = 'any' | 'all' | 'count' | 'sum' | 'mean' | 'min' | 'max';

export interface NumberLiteral {
  kind: 'number';
  value: number;
  column: number;
}

export interface StringLiteral {
  kind: 'string';
  value: string;
  column: number;
}

export interface MissingLiteral {
  kind: 'missing';
  column: number;
}

export interface VariableRef {
  kind: 'variable';
  /** As written; matched case-insensitively by the compiler. */
  name: string;
  column: number;
}

/** `q7a..q7e`: the variables from `from` to `to` in codebook order. */
export interface VariableRange {
  kind: 'variableRange';
  from: string;
  to: string;
  column: number;
  toColumn: number;
}

export interface Negation {
  kind: 'negate';
  operand: Expression;
  column: number;
}

export interface Not {
  kind: 'not';
  operand: Expression;
  column: number;
}

export interface Logical {
  kind: 'logical';
  op: 'and' | 'or';
  /** Two or more. */
  operands: Expression[];
  column: number;
}

export interface ArithmeticStep {
  op: ArithmeticOperator;
  operand: Expression;
  /** The operator's column. */
  column: number;
}

/** `first op operand op operand …`, all operators of one precedence level, applied left to right. */
export interface Arithmetic {
  kind: 'arithmetic';
  first: Expression;
  rest: ArithmeticStep[];
  column: number;
}

export interface Comparison {
  kind: 'comparison';
  /** `<>` is read as `!=`. */
  op: ComparisonOperator;
  left: Expression;
  right: Expression;
  /** The operator's column. */
  column: number;
}

/** A closed or open-ended range of values: `1..2`, `55..`, `..17`. */
export interface ValueRange {
  kind: 'range';
  lo: number | null;
  hi: number | null;
  column: number;
}

export type ListItem =
  | { kind: 'value'; value: number; column: number }
  | { kind: 'label'; text: string; column: number }
  | ValueRange;

export interface InList {
  kind: 'in';
  subject: Expression;
  items: ListItem[];
  negated: boolean;
  /** The column of `in` (or of `not` in `not in`). */
  column: number;
}

export interface IsMissing {
  kind: 'isMissing';
  subject: Expression;
  negated: boolean;
  column: number;
}

/** `value(x)`: the variable's stored value, its user-missing codes included (as SPSS's VALUE). */
export interface ValueOf {
  kind: 'value';
  /** A variable, or a variable range bound by an enclosing list function. */
  subject: Expression;
  column: number;
}

export interface Call {
  kind: 'call';
  fn: ListFunction;
  args: Expression[];
  column: number;
}

export type RecodeSource = ListItem | { kind: 'missing'; column: number };

export type RecodeTarget =
  | { kind: 'value'; value: number }
  | { kind: 'missing' }
  /** Keep the subject's value (`else -> copy`). */
  | { kind: 'copy' };

export interface RecodeRule {
  /** `'else'` for the catch-all rule. */
  sources: RecodeSource[] | 'else';
  target: RecodeTarget;
  /** `-> 1 "Top 2 box"`: the value label of the target code. */
  label: string | null;
  column: number;
}

export interface Recode {
  kind: 'recode';
  subject: Expression;
  rules: RecodeRule[];
  column: number;
}

export interface BandItem {
  lo: number | null;
  hi: number | null;
  label: string | null;
  column: number;
}

export interface Band {
  kind: 'band';
  subject: Expression;
  bands: BandItem[];
  column: number;
}

export type Expression =
  | NumberLiteral
  | StringLiteral
  | MissingLiteral
  | VariableRef
  | VariableRange
  | Negation
  | Not
  | Logical
  | Arithmetic
  | Comparison
  | InList
  | IsMissing
  | Call
  | ValueOf
  | Recode
  | Band;

/** The direct sub-expressions of a node (list items and rule sources are not expressions). */
export function childrenOf(node: Expression): Expression[] {
  switch (node.kind) {
    case 'number':
    case 'string':
    case 'missing':
    case 'variable':
    case 'variableRange':
      return [];
    case 'negate':
    case 'not':
      return [node.operand];
    case 'logical':
      return node.operands;
    case 'arithmetic':
      return [node.first, ...node.rest.map((step) => step.operand)];
    case 'comparison':
      return [node.left, node.right];
    case 'in':
    case 'isMissing':
    case 'value':
    case 'recode':
    case 'band':
      return [node.subject];
    case 'call':
      return node.args;
  }
}
