/**
 * Runs a compiled expression over columns in memory, one whole column per plan node: each node
 * is a tight loop over typed arrays, never a closure per row, so a million respondents take
 * milliseconds. Numbers are Float64Array with NaN for missing (coded variables too); text columns
 * are string arrays in which a blank value is missing; a variable's user-missing codes (listed in
 * its plan) read as missing too, except inside `value(x)`. Constants stay scalars until the end, so
 * `q5 = 1` allocates one result and nothing else. Input columns are never written to.
 */
import type { ArithmeticOperator, ComparisonOperator } from './ast';
import { ExpressionError } from './expressionError';
import {
  FALSE,
  TRUE,
  UNKNOWN,
  type CompiledCondition,
  type CompiledExpression,
  type CompiledNumber,
  type ConditionPlan,
  type NumberPlan,
  type RecodePlanRule,
  type RecodeValue,
} from './plan';
import { normaliseText } from './variableCatalog';

export type ColumnValues = Float64Array | readonly string[];
/** Columns by the canonical variable names a compiled expression lists in `needs`. */
export type ColumnSet = ReadonlyMap<string, ColumnValues>;

/** A number result: a whole column, or one value for every row. */
type Numbers = Float64Array | number;

// Kleene's three-valued logic as lookup tables indexed by a * 3 + b (FALSE 0, TRUE 1, UNKNOWN 2).
const AND = Uint8Array.of(FALSE, FALSE, FALSE, FALSE, TRUE, UNKNOWN, FALSE, UNKNOWN, UNKNOWN);
const OR = Uint8Array.of(FALSE, TRUE, UNKNOWN, TRUE, TRUE, TRUE, UNKNOWN, TRUE, UNKNOWN);
const NOT = Uint8Array.of(TRUE, FALSE, UNKNOWN);

/** Infinity and NaN from arithmetic (overflow, division by zero) are missing values. */
function finite(value: number): number {
  return value - value === 0 ? value : NaN;
}

function arithmeticScalar(op: ArithmeticOperator, x: number, y: number): number {
  switch (op) {
    case '+':
      return finite(x + y);
    case '-':
      return finite(x - y);
    case '*':
      return finite(x * y);
    case '/':
      return finite(x / y);
  }
}

function compareScalar(cmp: ComparisonOperator, x: number, y: number): number {
  if (x !== x || y !== y) return UNKNOWN;
  switch (cmp) {
    case '=':
      return x === y ? TRUE : FALSE;
    case '!=':
      return x !== y ? TRUE : FALSE;
    case '<':
      return x < y ? TRUE : FALSE;
    case '<=':
      return x <= y ? TRUE : FALSE;
    case '>':
      return x > y ? TRUE : FALSE;
    case '>=':
      return x >= y ? TRUE : FALSE;
  }
}

/** `y op x` for `x op' y`, so a constant can always sit on the right. */
const MIRRORED: Record<ComparisonOperator, ComparisonOperator> = {
  '=': '=',
  '!=': '!=',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};

class Evaluation {
  private readonly userMissingApplied = new Map<string, Float64Array>();

  constructor(
    private readonly columns: ColumnSet,
    private readonly rows: number,
  ) {}

  private numberColumn(name: string): Float64Array {
    return this.columns.get(name) as Float64Array;
  }

  private textColumn(name: string): readonly string[] {
    return this.columns.get(name) as readonly string[];
  }

  /**
   * A variable's values with its user-missing codes read as missing, computed once per variable
   * and evaluation. Like an input column, the result is never written to.
   */
  private withoutUserMissing(name: string, ranges: Float64Array): Float64Array {
    const known = this.userMissingApplied.get(name);
    if (known !== undefined) return known;
    const values = this.numberColumn(name);
    const out = new Float64Array(this.rows);
    const pairs = ranges.length;
    for (let i = 0; i < this.rows; i++) {
      const x = values[i]!;
      let k = 0;
      while (k < pairs && !(x >= ranges[k]! && x <= ranges[k + 1]!)) k += 2;
      out[i] = k < pairs ? NaN : x;
    }
    this.userMissingApplied.set(name, out);
    return out;
  }

  /** The values as a column, spreading a constant over every row (rare in a hot loop). */
  private column(values: Numbers): Float64Array {
    return typeof values === 'number' ? new Float64Array(this.rows).fill(values) : values;
  }

  /** A fresh array the caller may write to. */
  private materialise(values: Numbers): Float64Array {
    return typeof values === 'number' ? new Float64Array(this.rows).fill(values) : values.slice();
  }

  // ---- numbers -------------------------------------------------------------------------------

  numbers(plan: NumberPlan): Numbers {
    switch (plan.op) {
      case 'constant':
        return plan.value;
      case 'column':
        return plan.userMissing.length === 0
          ? this.numberColumn(plan.name)
          : this.withoutUserMissing(plan.name, plan.userMissing);
      case 'negate': {
        const values = this.numbers(plan.operand);
        if (typeof values === 'number') return -values;
        const out = new Float64Array(this.rows);
        for (let i = 0; i < this.rows; i++) out[i] = -values[i]!;
        return out;
      }
      case 'arithmetic': {
        let acc = this.numbers(plan.first);
        let owned = false;
        for (const step of plan.rest) {
          const next = this.numbers(step.operand);
          if (typeof acc === 'number' && typeof next === 'number') {
            acc = arithmeticScalar(step.op, acc, next);
            continue;
          }
          const out = owned && typeof acc !== 'number' ? acc : new Float64Array(this.rows);
          this.arithmetic(step.op, acc, next, out);
          acc = out;
          owned = true;
        }
        return acc;
      }
      case 'fromCondition': {
        const truth = this.condition(plan.operand);
        const out = new Float64Array(this.rows);
        for (let i = 0; i < this.rows; i++) {
          const t = truth[i]!;
          out[i] = t === UNKNOWN ? NaN : t;
        }
        return out;
      }
      case 'aggregate':
        return this.aggregate(plan.fn, plan.operands);
      case 'count': {
        const out = new Float64Array(this.rows);
        for (const operand of plan.operands) {
          const truth = this.condition(operand);
          for (let i = 0; i < this.rows; i++) if (truth[i] === TRUE) out[i]!++;
        }
        return out;
      }
      case 'recode':
        return this.recode(
          this.numbers(plan.subject),
          plan.rules,
          plan.whenMissing,
          plan.otherwise,
        );
    }
  }

  private arithmetic(op: ArithmeticOperator, a: Numbers, b: Numbers, out: Float64Array): void {
    const av = typeof a === 'number' ? null : a;
    const bv = typeof b === 'number' ? null : b;
    const as = typeof a === 'number' ? a : NaN;
    const bs = typeof b === 'number' ? b : NaN;
    const n = this.rows;
    switch (op) {
      case '+':
        for (let i = 0; i < n; i++) {
          const r = (av === null ? as : av[i]!) + (bv === null ? bs : bv[i]!);
          out[i] = r - r === 0 ? r : NaN;
        }
        break;
      case '-':
        for (let i = 0; i < n; i++) {
          const r = (av === null ? as : av[i]!) - (bv === null ? bs : bv[i]!);
          out[i] = r - r === 0 ? r : NaN;
        }
        break;
      case '*':
        for (let i = 0; i < n; i++) {
          const r = (av === null ? as : av[i]!) * (bv === null ? bs : bv[i]!);
          out[i] = r - r === 0 ? r : NaN;
        }
        break;
      case '/':
        for (let i = 0; i < n; i++) {
          const r = (av === null ? as : av[i]!) / (bv === null ? bs : bv[i]!);
          out[i] = r - r === 0 ? r : NaN;
        }
        break;
    }
  }

  /** sum, mean, min, max over the non-missing operands; missing when all are missing. */
  private aggregate(fn: 'sum' | 'mean' | 'min' | 'max', operands: NumberPlan[]): Float64Array {
    const n = this.rows;
    if (fn === 'min' || fn === 'max') {
      const out = new Float64Array(n).fill(NaN);
      const sign = fn === 'min' ? 1 : -1;
      for (const operand of operands) {
        const values = this.column(this.numbers(operand));
        for (let i = 0; i < n; i++) {
          const x = values[i]!;
          const current = out[i]!;
          if (x === x && (current !== current || sign * x < sign * current)) out[i] = x;
        }
      }
      return out;
    }
    const total = new Float64Array(n);
    const valid = new Uint32Array(n);
    for (const operand of operands) {
      const values = this.column(this.numbers(operand));
      for (let i = 0; i < n; i++) {
        const x = values[i]!;
        if (x === x) {
          total[i]! += x;
          valid[i]!++;
        }
      }
    }
    for (let i = 0; i < n; i++) {
      const count = valid[i]!;
      total[i] = count === 0 ? NaN : finite(fn === 'mean' ? total[i]! / count : total[i]!);
    }
    return total;
  }

  private recode(
    subject: Numbers,
    rules: RecodePlanRule[],
    whenMissing: number,
    otherwise: RecodeValue,
  ): Float64Array {
    // Flatten the rules into parallel arrays, in rule order: the first matching range wins.
    const lo: number[] = [];
    const hi: number[] = [];
    const target: number[] = [];
    const copy: boolean[] = [];
    for (const rule of rules) {
      for (let k = 0; k < rule.ranges.length; k += 2) {
        lo.push(rule.ranges[k]!);
        hi.push(rule.ranges[k + 1]!);
        target.push(rule.target === 'copy' ? NaN : rule.target);
        copy.push(rule.target === 'copy');
      }
    }
    const fallbackCopy = otherwise === 'copy';
    const fallback = otherwise === 'copy' ? NaN : otherwise;
    const ranges = lo.length;
    const values = this.column(subject);
    const out = new Float64Array(this.rows);
    for (let i = 0; i < this.rows; i++) {
      const x = values[i]!;
      if (x !== x) {
        out[i] = whenMissing;
        continue;
      }
      let k = 0;
      while (k < ranges && !(x >= lo[k]! && x <= hi[k]!)) k++;
      out[i] = k === ranges ? (fallbackCopy ? x : fallback) : copy[k] ? x : target[k]!;
    }
    return out;
  }

  // ---- conditions (always a fresh Uint8Array of FALSE / TRUE / UNKNOWN) ----------------------

  condition(plan: ConditionPlan): Uint8Array {
    const n = this.rows;
    switch (plan.op) {
      case 'constant':
        return new Uint8Array(n).fill(plan.value);
      case 'compare':
        return this.compare(plan.cmp, this.numbers(plan.left), this.numbers(plan.right));
      case 'member': {
        const values = this.column(this.numbers(plan.subject));
        const ranges = plan.ranges;
        const pairs = ranges.length;
        const hit = plan.negated ? FALSE : TRUE;
        const miss = plan.negated ? TRUE : FALSE;
        const out = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          const x = values[i]!;
          if (x !== x) {
            out[i] = UNKNOWN;
            continue;
          }
          let k = 0;
          while (k < pairs && !(x >= ranges[k]! && x <= ranges[k + 1]!)) k += 2;
          out[i] = k < pairs ? hit : miss;
        }
        return out;
      }
      case 'textMember': {
        const column = this.textColumn(plan.column);
        // Few distinct texts, many rows: normalise each distinct text once.
        const seen = new Map<string, number>();
        const out = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          const raw = column[i];
          if (typeof raw !== 'string') {
            out[i] = UNKNOWN;
            continue;
          }
          let truth = seen.get(raw);
          if (truth === undefined) {
            const text = normaliseText(raw);
            truth = text === '' ? UNKNOWN : plan.values.has(text) !== plan.negated ? TRUE : FALSE;
            seen.set(raw, truth);
          }
          out[i] = truth;
        }
        return out;
      }
      case 'isMissing': {
        const values = this.numbers(plan.operand);
        const yes = plan.negated ? FALSE : TRUE;
        const no = plan.negated ? TRUE : FALSE;
        if (typeof values === 'number') return new Uint8Array(n).fill(values !== values ? yes : no);
        const out = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          const x = values[i]!;
          out[i] = x !== x ? yes : no;
        }
        return out;
      }
      case 'isUnknown': {
        const out = this.condition(plan.operand);
        const yes = plan.negated ? FALSE : TRUE;
        const no = plan.negated ? TRUE : FALSE;
        for (let i = 0; i < n; i++) out[i] = out[i] === UNKNOWN ? yes : no;
        return out;
      }
      case 'isEmptyText': {
        const column = this.textColumn(plan.column);
        const yes = plan.negated ? FALSE : TRUE;
        const no = plan.negated ? TRUE : FALSE;
        const out = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          const raw = column[i];
          out[i] = typeof raw !== 'string' || raw.trim() === '' ? yes : no;
        }
        return out;
      }
      case 'not': {
        const out = this.condition(plan.operand);
        for (let i = 0; i < n; i++) out[i] = NOT[out[i]!]!;
        return out;
      }
      case 'logical': {
        const table = plan.fn === 'and' ? AND : OR;
        const [first, ...rest] = plan.operands;
        const out = this.condition(first!);
        for (const operand of rest) {
          const next = this.condition(operand);
          for (let i = 0; i < n; i++) out[i] = table[out[i]! * 3 + next[i]!]!;
        }
        return out;
      }
      case 'truthy': {
        const values = this.column(this.numbers(plan.operand));
        const out = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          const x = values[i]!;
          out[i] = x !== x ? UNKNOWN : x !== 0 ? TRUE : FALSE;
        }
        return out;
      }
      case 'anyAll': {
        // Definite by design: a missing operand simply is not true (see docs/expressions.md).
        const any = plan.fn === 'any';
        const out = new Uint8Array(n).fill(any ? FALSE : TRUE);
        for (const operand of plan.operands) {
          const truth = this.condition(operand);
          if (any) for (let i = 0; i < n; i++) out[i]! |= truth[i] === TRUE ? TRUE : FALSE;
          else for (let i = 0; i < n; i++) out[i]! &= truth[i] === TRUE ? TRUE : FALSE;
        }
        return out;
      }
    }
  }

  private compare(cmp: ComparisonOperator, a: Numbers, b: Numbers): Uint8Array {
    const n = this.rows;
    if (typeof a === 'number' && typeof b === 'number') {
      return new Uint8Array(n).fill(compareScalar(cmp, a, b));
    }
    // Keep the column on the left; the loops below then read one array and at most one more.
    if (typeof a === 'number') return this.compare(MIRRORED[cmp], b, a);
    const bv = typeof b === 'number' ? null : b;
    const y0 = typeof b === 'number' ? b : NaN;
    const out = new Uint8Array(n);
    switch (cmp) {
      case '=':
        for (let i = 0; i < n; i++) {
          const x = a[i]!;
          const y = bv === null ? y0 : bv[i]!;
          out[i] = x !== x || y !== y ? UNKNOWN : x === y ? TRUE : FALSE;
        }
        break;
      case '!=':
        for (let i = 0; i < n; i++) {
          const x = a[i]!;
          const y = bv === null ? y0 : bv[i]!;
          out[i] = x !== x || y !== y ? UNKNOWN : x !== y ? TRUE : FALSE;
        }
        break;
      case '<':
        for (let i = 0; i < n; i++) {
          const x = a[i]!;
          const y = bv === null ? y0 : bv[i]!;
          out[i] = x !== x || y !== y ? UNKNOWN : x < y ? TRUE : FALSE;
        }
        break;
      case '<=':
        for (let i = 0; i < n; i++) {
          const x = a[i]!;
          const y = bv === null ? y0 : bv[i]!;
          out[i] = x !== x || y !== y ? UNKNOWN : x <= y ? TRUE : FALSE;
        }
        break;
      case '>':
        for (let i = 0; i < n; i++) {
          const x = a[i]!;
          const y = bv === null ? y0 : bv[i]!;
          out[i] = x !== x || y !== y ? UNKNOWN : x > y ? TRUE : FALSE;
        }
        break;
      case '>=':
        for (let i = 0; i < n; i++) {
          const x = a[i]!;
          const y = bv === null ? y0 : bv[i]!;
          out[i] = x !== x || y !== y ? UNKNOWN : x >= y ? TRUE : FALSE;
        }
        break;
    }
    return out;
  }

  finishNumbers(values: Numbers): Float64Array {
    // A bare variable (`q5`) evaluates to its input column: hand back a copy, not the original.
    const isInput = typeof values !== 'number' && [...this.columns.values()].includes(values);
    return typeof values === 'number' || isInput ? this.materialise(values) : values;
  }
}

function checkColumns(compiled: CompiledExpression, columns: ColumnSet, rows: number): void {
  if (!Number.isSafeInteger(rows) || rows < 0) {
    throw new RangeError(`rows must be a non-negative integer, not ${rows}`);
  }
  for (const input of compiled.inputs) {
    const values = columns.get(input.name);
    if (values === undefined) {
      throw new ExpressionError(input.column, `no data was loaded for ${input.name}`);
    }
    const shapeOk = input.text ? Array.isArray(values) : values instanceof Float64Array;
    if (!shapeOk) {
      throw new ExpressionError(
        input.column,
        `${input.name} must be given as ${input.text ? 'an array of strings' : 'a Float64Array'}`,
      );
    }
    if (values.length !== rows) {
      throw new ExpressionError(
        input.column,
        `${input.name} has ${values.length} rows, expected ${rows}`,
      );
    }
  }
}

/**
 * Evaluates over `rows` respondents. A condition gives a Uint8Array of 1 (true) and 0 (false or
 * undecidable because of missing values); a number gives a Float64Array with NaN for missing.
 */
export function evaluate(compiled: CompiledCondition, columns: ColumnSet, rows: number): Uint8Array;
export function evaluate(compiled: CompiledNumber, columns: ColumnSet, rows: number): Float64Array;
export function evaluate(
  compiled: CompiledExpression,
  columns: ColumnSet,
  rows: number,
): Uint8Array | Float64Array;
export function evaluate(
  compiled: CompiledExpression,
  columns: ColumnSet,
  rows: number,
): Uint8Array | Float64Array {
  checkColumns(compiled, columns, rows);
  const evaluation = new Evaluation(columns, rows);
  if (compiled.kind === 'number')
    return evaluation.finishNumbers(evaluation.numbers(compiled.plan));
  const truth = evaluation.condition(compiled.plan);
  for (let i = 0; i < rows; i++) if (truth[i] === UNKNOWN) truth[i] = FALSE;
  return truth;
}
