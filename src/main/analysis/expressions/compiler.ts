/**
 * Turns a syntax tree into a plan the evaluator can run, against one study's catalog. This is
 * where names meet the codebook (case-insensitively, through the catalog's Maps only), strings
 * meet value labels, variable ranges expand in codebook order, and types are checked — so every
 * mistake a person can make is reported here, with its column, before a single row is read.
 */
import type { MissingSpec } from '../../../shared/domain/dataset';
import {
  childrenOf,
  type Band,
  type Call,
  type Comparison,
  type Expression,
  type InList,
  type ListItem,
  type Recode,
  type ValueOf,
  type VariableRange,
} from './ast';
import { ExpressionError } from './expressionError';
import {
  UNKNOWN,
  type CompiledExpression,
  type ConditionPlan,
  type NeededColumn,
  type NumberPlan,
  type RecodePlanRule,
  type RecodeValue,
  type ResultKind,
} from './plan';
import { normaliseText, type CatalogEntry, type VariableCatalog } from './variableCatalog';

export interface CompileOptions {
  /**
   * `'boolean'` for a filter: a number selects the rows where it is non-missing and non-zero.
   * `'number'` for a derived variable: a condition becomes 1 (true), 0 (false) or missing, e.g. a
   * top-2-box net. Without it, the expression decides.
   */
  expect?: ResultKind;
}

/** A compiled sub-expression with what the rules around it need to know about it. */
type Typed =
  | {
      type: 'number';
      plan: NumberPlan;
      /** The variable when the expression is just a variable (labels can then be matched). */
      variable: CatalogEntry | null;
      /** The literal `missing`, which comparisons refuse with a hint. */
      missingLiteral: boolean;
      column: number;
    }
  | { type: 'condition'; plan: ConditionPlan; column: number }
  | { type: 'text'; name: string; column: number }
  | { type: 'string'; value: string; column: number };

/** Which variable each variable range stands for in the current expansion. */
type Bindings = ReadonlyMap<VariableRange, CatalogEntry>;

const NO_BINDINGS: Bindings = new Map();

const NO_RANGES = new Float64Array(0);

/** User-missing codes and ranges as inclusive [lo, hi] pairs; text codes cannot match numbers. */
function userMissingRanges(specs: readonly MissingSpec[] | undefined): Float64Array {
  if (specs === undefined || specs.length === 0) return NO_RANGES;
  const ranges: number[] = [];
  for (const spec of specs) {
    if (typeof spec === 'number') {
      if (!Number.isNaN(spec)) ranges.push(spec, spec);
    } else if (typeof spec === 'object') ranges.push(spec.low ?? -Infinity, spec.high ?? Infinity);
  }
  return ranges.length === 0 ? NO_RANGES : Float64Array.from(ranges);
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function formatNumber(value: number): string {
  return String(value);
}

/** The label a band gets when none is written: "18–34", "55+", "up to 17". */
export function bandLabel(lo: number | null, hi: number | null): string {
  if (lo !== null && hi !== null) {
    return lo === hi ? formatNumber(lo) : `${formatNumber(lo)}–${formatNumber(hi)}`;
  }
  if (lo !== null) return `${formatNumber(lo)}+`;
  if (hi !== null) return `up to ${formatNumber(hi)}`;
  return 'any value';
}

class Compiler {
  readonly inputs = new Map<string, NeededColumn>();

  constructor(private readonly catalog: VariableCatalog) {}

  // ---- names ---------------------------------------------------------------------------------

  private resolve(name: string, column: number): CatalogEntry {
    const found = this.catalog.find(name);
    if (found.length === 0) throw new ExpressionError(column, `unknown variable ${name}`);
    if (found.length > 1) {
      throw new ExpressionError(
        column,
        `${name} is ambiguous: the study has ${found.map((v) => v.name).join(' and ')}`,
      );
    }
    return found[0]!;
  }

  /** A variable as an operand; `stored` (inside `value(…)`) keeps its user-missing codes. */
  private variable(entry: CatalogEntry, column: number, stored = false): Typed {
    const text = entry.type === 'text';
    if (!this.inputs.has(entry.name))
      this.inputs.set(entry.name, { name: entry.name, text, column });
    if (text) return { type: 'text', name: entry.name, column };
    return {
      type: 'number',
      plan: {
        op: 'column',
        name: entry.name,
        userMissing: stored ? NO_RANGES : userMissingRanges(entry.userMissing),
      },
      variable: entry,
      missingLiteral: false,
      column,
    };
  }

  private expandRange(range: VariableRange): readonly CatalogEntry[] {
    const from = this.resolve(range.from, range.column);
    const to = this.resolve(range.to, range.toColumn);
    if (to.index < from.index) {
      throw new ExpressionError(
        range.column,
        `the range ${range.from}..${range.to} runs backwards: ${to.name} comes before ${from.name} in the codebook`,
      );
    }
    return this.catalog.slice(from.index, to.index);
  }

  // ---- conversions between types -------------------------------------------------------------

  private toNumber(value: Typed, context: string): NumberPlan {
    switch (value.type) {
      case 'number':
        return value.plan;
      case 'condition':
        return { op: 'fromCondition', operand: value.plan };
      case 'text':
        throw new ExpressionError(
          value.column,
          `${context} needs numbers, but ${value.name} is a text variable`,
        );
      case 'string':
        throw new ExpressionError(value.column, `${context} needs numbers, not a string`);
    }
  }

  private toCondition(value: Typed, context: string): ConditionPlan {
    switch (value.type) {
      case 'condition':
        return value.plan;
      case 'number':
        return value.missingLiteral
          ? { op: 'constant', value: UNKNOWN }
          : { op: 'truthy', operand: value.plan };
      case 'text':
        throw new ExpressionError(
          value.column,
          `${context} needs conditions, but ${value.name} is a text variable; compare it with a string`,
        );
      case 'string':
        throw new ExpressionError(
          value.column,
          `a string is not a condition; compare it with a variable, e.g. country = ${quote(value.value)}`,
        );
    }
  }

  // ---- the tree ------------------------------------------------------------------------------

  compile(node: Expression, bindings: Bindings): Typed {
    switch (node.kind) {
      case 'number':
        return {
          type: 'number',
          plan: { op: 'constant', value: node.value },
          variable: null,
          missingLiteral: false,
          column: node.column,
        };
      case 'missing':
        return {
          type: 'number',
          plan: { op: 'constant', value: NaN },
          variable: null,
          missingLiteral: true,
          column: node.column,
        };
      case 'string':
        return { type: 'string', value: node.value, column: node.column };
      case 'variable':
        return this.variable(this.resolve(node.name, node.column), node.column);
      case 'value':
        return this.compileValueOf(node, bindings);
      case 'variableRange': {
        const bound = bindings.get(node);
        if (bound === undefined) {
          throw new ExpressionError(
            node.column,
            `a variable range like ${node.from}..${node.to} only works inside any, all, count, sum, mean, min or max`,
          );
        }
        return this.variable(bound, node.column);
      }
      case 'negate':
        return {
          type: 'number',
          plan: {
            op: 'negate',
            operand: this.toNumber(this.compile(node.operand, bindings), "'-'"),
          },
          variable: null,
          missingLiteral: false,
          column: node.column,
        };
      case 'not':
        return {
          type: 'condition',
          plan: {
            op: 'not',
            operand: this.toCondition(this.compile(node.operand, bindings), "'not'"),
          },
          column: node.column,
        };
      case 'logical':
        return {
          type: 'condition',
          plan: {
            op: 'logical',
            fn: node.op,
            operands: node.operands.map((operand) =>
              this.toCondition(this.compile(operand, bindings), `'${node.op}'`),
            ),
          },
          column: node.column,
        };
      case 'arithmetic':
        return {
          type: 'number',
          plan: {
            op: 'arithmetic',
            first: this.toNumber(this.compile(node.first, bindings), `'${node.rest[0]!.op}'`),
            rest: node.rest.map((step) => ({
              op: step.op,
              operand: this.toNumber(this.compile(step.operand, bindings), `'${step.op}'`),
            })),
          },
          variable: null,
          missingLiteral: false,
          column: node.column,
        };
      case 'comparison':
        return this.compileComparison(node, bindings);
      case 'in':
        return this.compileIn(node, bindings);
      case 'isMissing':
        return this.compileIsMissing(node.subject, node.negated, node.column, bindings);
      case 'call':
        return this.compileCall(node, bindings);
      case 'recode':
        return this.compileRecode(node, bindings).typed;
      case 'band':
        return this.compileBand(node, bindings).typed;
    }
  }

  /** `value(x)`: x's stored value; only a variable (or a bound variable range) has one. */
  private compileValueOf(node: ValueOf, bindings: Bindings): Typed {
    const subject = node.subject;
    const entry =
      subject.kind === 'variable'
        ? this.resolve(subject.name, subject.column)
        : subject.kind === 'variableRange'
          ? bindings.get(subject)
          : undefined;
    if (entry === undefined) {
      if (subject.kind === 'variableRange') return this.compile(subject, bindings); // its error
      throw new ExpressionError(
        subject.column,
        'value(…) takes a variable name, e.g. value(gender): only a variable has a stored code',
      );
    }
    return this.variable(entry, subject.column, true);
  }

  private compileComparison(node: Comparison, bindings: Bindings): Typed {
    const left = this.compile(node.left, bindings);
    const right = this.compile(node.right, bindings);
    for (const [side, other] of [
      [left, right],
      [right, left],
    ] as const) {
      if (side.type === 'number' && side.missingLiteral) {
        const name =
          other.type === 'number'
            ? (other.variable?.name ?? 'x')
            : other.type === 'text'
              ? other.name
              : 'x';
        throw new ExpressionError(
          side.column,
          `a comparison with missing is never true; write ${name} is missing or ${name} is not missing`,
        );
      }
    }
    const textual = [left, right].some((side) => side.type === 'string' || side.type === 'text');
    if (!textual) {
      return {
        type: 'condition',
        plan: {
          op: 'compare',
          cmp: node.op,
          left: this.toNumber(left, `'${node.op}'`),
          right: this.toNumber(right, `'${node.op}'`),
        },
        column: node.column,
      };
    }
    if (left.type === 'string' && right.type === 'string') {
      throw new ExpressionError(left.column, 'compare a variable with a string, not two strings');
    }
    const [subject, literal] = right.type === 'string' ? [left, right] : [right, left];
    if (literal.type !== 'string') {
      // No string on either side, so one side is a text variable and the other is not text.
      const text = left.type === 'text' ? left : right.type === 'text' ? right : null;
      throw new ExpressionError(
        text?.column ?? node.column,
        `${text?.name ?? 'a text variable'} is a text variable: compare it with a string in quotes`,
      );
    }
    if (node.op !== '=' && node.op !== '!=') {
      throw new ExpressionError(
        node.column,
        `'${node.op}' cannot compare with a label or text; use = or !=`,
      );
    }
    const item: ListItem = { kind: 'label', text: literal.value, column: literal.column };
    return this.membership(subject, [item], node.op === '!=', node.column);
  }

  private compileIn(node: InList, bindings: Bindings): Typed {
    return this.membership(
      this.compile(node.subject, bindings),
      node.items,
      node.negated,
      node.column,
    );
  }

  /** `subject in (items)`, shared by `in` and `=`/`!=` against a string. */
  private membership(subject: Typed, items: ListItem[], negated: boolean, column: number): Typed {
    if (subject.type === 'string') {
      throw new ExpressionError(
        subject.column,
        'compare a variable with a string, not a string with values',
      );
    }
    if (subject.type === 'text') {
      const values = new Set<string>();
      for (const item of items) {
        if (item.kind !== 'label') {
          throw new ExpressionError(
            item.column,
            `${subject.name} is a text variable: compare it with strings in quotes, not numbers`,
          );
        }
        values.add(normaliseText(item.text));
      }
      return {
        type: 'condition',
        plan: { op: 'textMember', column: subject.name, values, negated },
        column,
      };
    }
    const plan = this.toNumber(subject, "'in'");
    const variable = subject.type === 'number' ? subject.variable : null;
    const ranges: number[] = [];
    for (const item of items) {
      if (item.kind === 'value') ranges.push(item.value, item.value);
      else if (item.kind === 'range') ranges.push(item.lo ?? -Infinity, item.hi ?? Infinity);
      else
        for (const code of this.codesForLabel(variable, item.text, item.column))
          ranges.push(code, code);
    }
    return {
      type: 'condition',
      plan: { op: 'member', subject: plan, ranges: Float64Array.from(ranges), negated },
      column,
    };
  }

  private codesForLabel(
    variable: CatalogEntry | null,
    text: string,
    column: number,
  ): readonly number[] {
    if (variable === null) {
      throw new ExpressionError(
        column,
        `the label ${quote(text)} can only be matched against a variable with value labels`,
      );
    }
    const codes = this.catalog.codesForLabel(variable, text);
    if (codes.length > 0) return codes;
    const labels = [...(variable.valueLabels?.values() ?? [])].flatMap((texts) =>
      texts.slice(0, 1),
    );
    if (labels.length === 0) {
      throw new ExpressionError(
        column,
        `${variable.name} has no value labels, so ${quote(text)} matches nothing; compare with a code`,
      );
    }
    const shown = labels.slice(0, 6).map(quote).join(', ');
    throw new ExpressionError(
      column,
      `${variable.name} has no value labelled ${quote(text)} (its labels: ${shown}${labels.length > 6 ? ', …' : ''})`,
    );
  }

  private compileIsMissing(
    subjectNode: Expression,
    negated: boolean,
    column: number,
    bindings: Bindings,
  ): Typed {
    const subject = this.compile(subjectNode, bindings);
    let plan: ConditionPlan;
    switch (subject.type) {
      case 'number':
        plan = { op: 'isMissing', operand: subject.plan, negated };
        break;
      case 'condition':
        plan = { op: 'isUnknown', operand: subject.plan, negated };
        break;
      case 'text':
        plan = { op: 'isEmptyText', column: subject.name, negated };
        break;
      case 'string':
        throw new ExpressionError(subject.column, 'a string in quotes is never missing');
    }
    return { type: 'condition', plan, column };
  }

  // ---- list functions and variable ranges ----------------------------------------------------

  /** The variable ranges in `node` not yet bound, leaving nested list functions to expand theirs. */
  private freeRanges(node: Expression, bindings: Bindings): VariableRange[] {
    const found: VariableRange[] = [];
    const stack = [node];
    for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
      if (current.kind === 'variableRange' && !bindings.has(current)) found.push(current);
      else if (current.kind !== 'call') stack.push(...childrenOf(current));
    }
    return found.sort((a, b) => a.column - b.column);
  }

  /** Compiles each operand, once per variable when the operand holds a variable range. */
  private expandOperands(call: Call, bindings: Bindings): Typed[] {
    const operands: Typed[] = [];
    for (const arg of call.args) {
      const ranges = this.freeRanges(arg, bindings);
      if (ranges.length > 1) {
        throw new ExpressionError(
          ranges[1]!.column,
          `only one variable range per operand of ${call.fn}(…); split it into two operands`,
        );
      }
      const range = ranges[0];
      if (range === undefined) {
        operands.push(this.compile(arg, bindings));
        continue;
      }
      for (const variable of this.expandRange(range)) {
        operands.push(this.compile(arg, new Map(bindings).set(range, variable)));
      }
    }
    return operands;
  }

  private compileCall(node: Call, bindings: Bindings): Typed {
    const operands = this.expandOperands(node, bindings);
    const context = `${node.fn}(…)`;
    switch (node.fn) {
      case 'any':
      case 'all':
        return {
          type: 'condition',
          plan: {
            op: 'anyAll',
            fn: node.fn,
            operands: operands.map((o) => this.toCondition(o, context)),
          },
          column: node.column,
        };
      case 'count':
        return {
          type: 'number',
          plan: { op: 'count', operands: operands.map((o) => this.toCondition(o, context)) },
          variable: null,
          missingLiteral: false,
          column: node.column,
        };
      case 'sum':
      case 'mean':
      case 'min':
      case 'max':
        return {
          type: 'number',
          plan: {
            op: 'aggregate',
            fn: node.fn,
            operands: operands.map((o) => this.toNumber(o, context)),
          },
          variable: null,
          missingLiteral: false,
          column: node.column,
        };
    }
  }

  // ---- recode and band -----------------------------------------------------------------------

  private numericSubject(
    node: Expression,
    bindings: Bindings,
    context: string,
  ): Typed & { type: 'number' } {
    const subject = this.compile(node, bindings);
    if (subject.type === 'number') return subject;
    const plan = this.toNumber(subject, context);
    return { type: 'number', plan, variable: null, missingLiteral: false, column: subject.column };
  }

  compileRecode(node: Recode, bindings: Bindings): { typed: Typed; labels: Map<number, string> } {
    const subject = this.numericSubject(node.subject, bindings, 'recode(…)');
    const rules: RecodePlanRule[] = [];
    let whenMissing: number | undefined;
    let otherwise: RecodeValue = NaN;
    const explicit = new Map<number, string>();
    const implied = new Map<number, string>();
    const rulesPerTarget = new Map<number, number>();

    for (const rule of node.rules) {
      const target: RecodeValue =
        rule.target.kind === 'value'
          ? rule.target.value
          : rule.target.kind === 'copy'
            ? 'copy'
            : NaN;
      if (typeof target === 'number' && !Number.isNaN(target)) {
        rulesPerTarget.set(target, (rulesPerTarget.get(target) ?? 0) + 1);
        if (rule.label !== null && !explicit.has(target)) explicit.set(target, rule.label);
      }
      if (rule.sources === 'else') {
        otherwise = target;
        continue;
      }
      const ranges: number[] = [];
      for (const source of rule.sources) {
        if (source.kind === 'missing') {
          // Copying a missing value leaves it missing; the first `missing ->` rule wins.
          whenMissing ??= target === 'copy' ? NaN : target;
        } else if (source.kind === 'value') ranges.push(source.value, source.value);
        else if (source.kind === 'range')
          ranges.push(source.lo ?? -Infinity, source.hi ?? Infinity);
        else {
          for (const code of this.codesForLabel(subject.variable, source.text, source.column)) {
            ranges.push(code, code);
          }
        }
      }
      if (ranges.length > 0) rules.push({ ranges: Float64Array.from(ranges), target });
      // One labelled code recoded on its own keeps its label: `3 -> 2` makes 2 mean what 3 meant.
      const only = rule.sources.length === 1 ? rule.sources[0] : undefined;
      if (
        typeof target === 'number' &&
        ranges.length === 2 &&
        ranges[0] === ranges[1] &&
        only?.kind !== 'range'
      ) {
        const label = subject.variable?.valueLabels?.get(ranges[0]!)?.[0];
        if (label !== undefined) implied.set(target, label);
      }
    }

    const labels = new Map<number, string>();
    const targets = [...rulesPerTarget.keys()].sort((a, b) => a - b);
    for (const target of targets) {
      const label =
        explicit.get(target) ??
        (rulesPerTarget.get(target) === 1 ? implied.get(target) : undefined);
      if (label !== undefined) labels.set(target, label);
    }
    return {
      typed: {
        type: 'number',
        plan: {
          op: 'recode',
          subject: subject.plan,
          rules,
          whenMissing: whenMissing ?? NaN,
          otherwise,
        },
        variable: null,
        missingLiteral: false,
        column: node.column,
      },
      labels,
    };
  }

  compileBand(node: Band, bindings: Bindings): { typed: Typed; labels: Map<number, string> } {
    const subject = this.numericSubject(node.subject, bindings, 'band(…)');
    const labels = new Map<number, string>();
    const rules = node.bands.map((band, index): RecodePlanRule => {
      labels.set(index + 1, band.label ?? bandLabel(band.lo, band.hi));
      return {
        ranges: Float64Array.of(band.lo ?? -Infinity, band.hi ?? Infinity),
        target: index + 1,
      };
    });
    return {
      typed: {
        type: 'number',
        plan: { op: 'recode', subject: subject.plan, rules, whenMissing: NaN, otherwise: NaN },
        variable: null,
        missingLiteral: false,
        column: node.column,
      },
      labels,
    };
  }

  // ---- the whole expression ------------------------------------------------------------------

  compileRoot(ast: Expression, options: CompileOptions): CompiledExpression {
    let result: Typed;
    let labels: Map<number, string> | null = null;
    if (ast.kind === 'recode' || ast.kind === 'band') {
      const compiled =
        ast.kind === 'recode'
          ? this.compileRecode(ast, NO_BINDINGS)
          : this.compileBand(ast, NO_BINDINGS);
      result = compiled.typed;
      labels = compiled.labels.size > 0 ? compiled.labels : null;
    } else {
      result = this.compile(ast, NO_BINDINGS);
    }
    const inputs = [...this.inputs.values()];
    const needs = inputs.map((input) => input.name);

    if (result.type === 'text' || result.type === 'string') {
      throw new ExpressionError(
        ast.column,
        'the expression gives text; a derived variable needs numbers and a filter a condition',
      );
    }
    if (result.type === 'condition' && options.expect !== 'number') {
      return { kind: 'boolean', plan: result.plan, needs, inputs, valueLabels: null };
    }
    if (result.type === 'number' && options.expect === 'boolean') {
      // As SPSS's FILTER BY: a number selects the rows where it is non-missing and non-zero.
      const plan = this.toCondition(result, 'a filter');
      return { kind: 'boolean', plan, needs, inputs, valueLabels: null };
    }
    return {
      kind: 'number',
      plan: this.toNumber(result, 'a derived variable'),
      needs,
      inputs,
      valueLabels: labels,
    };
  }
}

/**
 * Resolves and type-checks `ast` against the study's variables. Throws ExpressionError with the
 * column of an unknown variable, an unmatched label, a type mismatch or a misplaced range.
 */
export function compileExpression(
  ast: Expression,
  variables: VariableCatalog,
  options: CompileOptions = {},
): CompiledExpression {
  return new Compiler(variables).compileRoot(ast, options);
}
