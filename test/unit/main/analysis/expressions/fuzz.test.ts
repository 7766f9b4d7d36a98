/**
 * Two seeded fuzzers. Token soup: thousands of random token sequences must either evaluate or be
 * refused with an ExpressionError — never a TypeError, a RangeError or a hang. Random valid
 * expressions: the vectorised evaluator must agree, row by row, with a slow reference interpreter
 * written here from the rules in docs/expressions.md (not from the evaluator's code).
 */
import { describe, expect, it } from 'vitest';
import {
  ExpressionError,
  evaluate,
  parseExpression,
  compileExpression,
  type Expression,
} from '../../../../../src/main/analysis/expressions';
import type { VariableRange } from '../../../../../src/main/analysis/expressions/ast';
import { CATALOG, COLUMNS, ROWS, VARIABLES } from './sampleStudy';

/** mulberry32: small, fast, good enough to pick tokens, and the same sequence on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOUP = [
  ...['q1', 'Q5', 'country', 'age', 'q7a', 'q7e', 'q8a', 'q8c', 'name', 'sch.wide', 'visits'],
  ...['gender', 'q9'],
  ...['__proto__', 'constructor', 'nope', 'x.y', 'else', 'copy'],
  ...['and', 'or', 'not', 'in', 'is', 'missing', 'AND', 'Not'],
  ...['any', 'all', 'count', 'sum', 'mean', 'min', 'max', 'recode', 'band', 'value', 'foo'],
  ...['0', '1', '2', '5', '-1', '3.5', '1e15', '1e16', '1e400', '.5', '007', '1.2.3', '12ab'],
  ...['"DE"', '"germany"', "'Anna'", '"x"', '""', '"\\n"', '"\\q"', '"open', '"\\u0041"'],
  ...['(', ')', '(', ')', ',', ',', '..', '->', '=', '!=', '<>', '<', '<=', '>', '>='],
  ...['+', '-', '*', '/', '==', '&&', '!', ';', '\0', '\u00a0', '😀', '\ud800', '\t', '\n'],
];

describe('token soup', () => {
  it('never throws anything but ExpressionError (4,000 seeded cases)', () => {
    const next = random(20_240_601);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    let evaluated = 0;
    for (let n = 0; n < 4_000; n++) {
      const length = 1 + Math.floor(next() * 24);
      const parts = Array.from({ length }, () => pick(SOUP));
      const text = parts.join(next() < 0.8 ? ' ' : '');
      try {
        const compiled = compileExpression(parseExpression(text), CATALOG);
        evaluate(compiled, COLUMNS, ROWS);
        evaluated++;
      } catch (error) {
        if (!(error instanceof ExpressionError)) {
          throw new Error(`${JSON.stringify(text)} threw ${String(error)}`);
        }
        expect(error.column).toBeGreaterThanOrEqual(1);
        expect(error.column).toBeLessThanOrEqual(Array.from(text).length + 1);
      }
    }
    // Some soup must make sense, or the fuzzer only exercises the tokenizer.
    expect(evaluated).toBeGreaterThan(20);
  });
});

// ---- random valid expressions and a row-by-row reference ------------------------------------

const NUMERIC = [
  ...['q1', 'q5', 'Age', 'q8a', 'q8b', 'visits', 'sch.wide', 'create_video', 'q7c'],
  ...['gender', 'q9', 'value(gender)', 'value(q9)', 'value(q1)'],
];
const CODED = ['q1', 'q5', 'q7a', 'q8b', 'create_blog', 'gender', 'q9', 'value(gender)'];
const COMPARE = ['=', '!=', '<>', '<', '<=', '>', '>='];
const ARITH = ['+', '-', '*', '/'];

function generator(seed: number) {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const literal = (): string => pick(['0', '1', '2', '3', '5', '-1', '2.5', '0.5', '40']);
  const range = (): string => {
    const lo = int(-1, 4);
    return pick([`${lo}..${lo + int(0, 3)}`, `${lo}..`, `..${lo}`, `${lo}`]);
  };

  const number = (depth: number): string => {
    const choice = depth <= 0 ? int(0, 1) : int(0, 10);
    switch (choice) {
      case 0:
        return literal();
      case 1:
        return pick(NUMERIC);
      case 2:
        return `${number(depth - 1)} ${pick(ARITH)} ${number(depth - 1)}`;
      case 3:
        return `(${number(depth - 1)} ${pick(ARITH)} ${number(depth - 1)})`;
      case 4:
        return `-${pick(NUMERIC)}`;
      case 5:
        return `${pick(['sum', 'mean', 'min', 'max'])}(${number(depth - 1)}, ${pick(['q8a..q8c', 'q7a..q7e', number(depth - 1)])})`;
      case 6:
        return `count(${condition(depth - 1)}, ${pick(['q7a..q7e = 1', 'q8a..q8c >= 3', condition(depth - 1)])})`;
      case 7: {
        // Labels only where the subject has them: q1's.
        const subject = pick(CODED);
        const sources =
          subject === 'q1'
            ? ['"Very satisfied"', '("satisfied", 3)']
            : subject.includes('gender')
              ? ['"Prefer not to say"', '(99, 2)']
              : [];
        const second = pick([...sources, range(), 'missing', `(${range()}, missing)`]);
        const target = pick(['9', 'missing', 'copy']);
        const rest = pick(['', ', else -> 0', ', else -> copy']);
        return `recode(${subject}, ${range()} -> ${int(1, 3)}, ${second} -> ${target}${rest})`;
      }
      case 8:
        return `band(${pick(['age', 'visits', 'q8a * 10'])}, ..20, 21..40, 41..)`;
      case 9:
        return `(${condition(depth - 1)})`;
      default:
        return `${pick(NUMERIC)} * ${literal()}`;
    }
  };

  const condition = (depth: number): string => {
    const choice = depth <= 0 ? int(0, 2) : int(0, 11);
    switch (choice) {
      case 0:
        return `${pick(NUMERIC)} ${pick(COMPARE)} ${literal()}`;
      case 1:
        return `${pick(CODED)}${pick([' in', ' not in'])} (${range()}, ${range()})`;
      case 2:
        return pick([
          'country = "DE"',
          'country != "italy"',
          'country in ("FR", "de")',
          'name = "anna"',
          'name != "BOB"',
          'q1 = "satisfied"',
          'gender = "prefer not to say"',
          'value(gender) != "Female"',
        ]);
      case 3:
        return `${condition(depth - 1)} and ${condition(depth - 1)}`;
      case 4:
        return `${condition(depth - 1)} or ${condition(depth - 1)}`;
      case 5:
        return `not ${condition(depth - 1)}`;
      case 6:
        return `(${condition(depth - 1)} or ${condition(depth - 1)}) and ${condition(depth - 1)}`;
      case 7:
        return `${number(depth - 1)} ${pick(['is missing', 'is not missing'])}`;
      case 8:
        return `${pick(['any', 'all'])}(${pick(['q7a..q7e', 'q8a..q8c > 2', condition(depth - 1)])}, ${condition(depth - 1)})`;
      case 9:
        return `${number(depth - 1)} ${pick(COMPARE)} ${number(depth - 1)}`;
      case 10:
        return pick([
          'name is missing',
          'missing(q8b)',
          'visits',
          'missing(gender)',
          'value(q9) is missing',
          'count(value(q9), value(gender) = 99) > 1',
        ]);
      default:
        return `not (${condition(depth - 1)})`;
    }
  };
  return { number, condition, next };
}

/** A value as the reference sees it: a number (NaN missing), a truth (null unknown) or text. */
type Value =
  | { type: 'number'; value: number }
  | { type: 'truth'; value: boolean | null }
  | { type: 'text'; value: string | null }
  | { type: 'string'; value: string };

const key = (text: string) => text.trim().toLowerCase();
const variableNamed = (name: string) =>
  VARIABLES.find((v) => v.name.toLowerCase() === name.toLowerCase())!;

function codes(name: string, label: string): number[] {
  const variable = variableNamed(name);
  return [...(variable.valueLabels ?? new Map<number, readonly string[]>())]
    .filter(([, texts]) => texts.some((text) => key(text) === key(label)))
    .map(([code]) => code);
}

function asNumber(value: Value): number {
  if (value.type === 'number') return value.value;
  if (value.type === 'truth') return value.value === null ? NaN : value.value ? 1 : 0;
  throw new Error('reference: not a number');
}

function asTruth(value: Value): boolean | null {
  if (value.type === 'truth') return value.value;
  const x = asNumber(value);
  return Number.isNaN(x) ? null : x !== 0;
}

const finite = (x: number) => (Number.isFinite(x) ? x : NaN);

/** The subject's variable name when it is a bare variable (for label matching). */
function nameOf(node: Expression, bound: Map<VariableRange, string>): string | null {
  if (node.kind === 'variable') return variableNamed(node.name).name;
  if (node.kind === 'variableRange') return bound.get(node) ?? null;
  if (node.kind === 'value') return nameOf(node.subject, bound);
  return null;
}

function inItems(
  x: number,
  items: Array<{
    kind: string;
    value?: number;
    lo?: number | null;
    hi?: number | null;
    text?: string;
  }>,
  name: string | null,
): boolean {
  return items.some((item) => {
    if (item.kind === 'value') return x === item.value;
    if (item.kind === 'range') return x >= (item.lo ?? -Infinity) && x <= (item.hi ?? Infinity);
    return codes(name!, item.text!).includes(x);
  });
}

/** Whether `value` is one of the variable's declared user-missing codes (docs/expressions.md). */
function userMissing(name: string, value: number): boolean {
  return (variableNamed(name).userMissing ?? []).some((spec) =>
    typeof spec === 'number'
      ? value === spec
      : typeof spec === 'object' &&
        value >= (spec.low ?? -Infinity) &&
        value <= (spec.high ?? Infinity),
  );
}

function reference(
  node: Expression,
  row: number,
  bound: Map<VariableRange, string>,
  stored = false,
): Value {
  const at = (name: string): Value => {
    const column = COLUMNS.get(name)!;
    if (Array.isArray(column)) {
      const text = (column as string[])[row]!;
      return { type: 'text', value: text.trim() === '' ? null : text };
    }
    const value = (column as Float64Array)[row]!;
    return { type: 'number', value: stored || !userMissing(name, value) ? value : NaN };
  };
  const truth = (value: boolean | null): Value => ({ type: 'truth', value });
  switch (node.kind) {
    case 'number':
      return { type: 'number', value: node.value };
    case 'missing':
      return { type: 'number', value: NaN };
    case 'string':
      return { type: 'string', value: node.value };
    case 'variable':
      return at(variableNamed(node.name).name);
    case 'variableRange':
      return at(bound.get(node)!);
    case 'value':
      return reference(node.subject, row, bound, true);
    case 'negate':
      return { type: 'number', value: -asNumber(reference(node.operand, row, bound)) };
    case 'not': {
      const t = asTruth(reference(node.operand, row, bound));
      return truth(t === null ? null : !t);
    }
    case 'logical': {
      const values = node.operands.map((o) => asTruth(reference(o, row, bound)));
      if (node.op === 'and') {
        return truth(values.includes(false) ? false : values.includes(null) ? null : true);
      }
      return truth(values.includes(true) ? true : values.includes(null) ? null : false);
    }
    case 'arithmetic': {
      let acc = asNumber(reference(node.first, row, bound));
      for (const step of node.rest) {
        const y = asNumber(reference(step.operand, row, bound));
        acc = finite(
          step.op === '+'
            ? acc + y
            : step.op === '-'
              ? acc - y
              : step.op === '*'
                ? acc * y
                : acc / y,
        );
      }
      return { type: 'number', value: acc };
    }
    case 'comparison': {
      const left = reference(node.left, row, bound);
      const right = reference(node.right, row, bound);
      if (left.type === 'string' || right.type === 'string') {
        const [subject, subjectNode, label] =
          right.type === 'string'
            ? [left, node.left, right.value]
            : [right, node.right, (left as { value: string }).value];
        let equal: boolean | null;
        if (subject.type === 'text') {
          equal = subject.value === null ? null : key(subject.value) === key(label);
        } else {
          const x = asNumber(subject);
          equal = Number.isNaN(x) ? null : codes(nameOf(subjectNode, bound)!, label).includes(x);
        }
        return truth(equal === null ? null : node.op === '=' ? equal : !equal);
      }
      const x = asNumber(left);
      const y = asNumber(right);
      if (Number.isNaN(x) || Number.isNaN(y)) return truth(null);
      const ops = {
        '=': x === y,
        '!=': x !== y,
        '<': x < y,
        '<=': x <= y,
        '>': x > y,
        '>=': x >= y,
      };
      return truth(ops[node.op]);
    }
    case 'in': {
      const subject = reference(node.subject, row, bound);
      if (subject.type === 'text') {
        if (subject.value === null) return truth(null);
        const found = node.items.some(
          (i) => i.kind === 'label' && key(i.text) === key(subject.value!),
        );
        return truth(found !== node.negated);
      }
      const x = asNumber(subject);
      if (Number.isNaN(x)) return truth(null);
      return truth(inItems(x, node.items, nameOf(node.subject, bound)) !== node.negated);
    }
    case 'isMissing': {
      const subject = reference(node.subject, row, bound);
      const missing =
        subject.type === 'text'
          ? subject.value === null
          : subject.type === 'truth'
            ? subject.value === null
            : Number.isNaN(asNumber(subject));
      return truth(missing !== node.negated);
    }
    case 'call': {
      const operands: Value[] = [];
      for (const arg of node.args) {
        const ranges: VariableRange[] = [];
        const walk = (n: Expression): void => {
          if (n.kind === 'variableRange' && !bound.has(n)) ranges.push(n);
          if (n.kind === 'call') return;
          for (const child of childrenOf(n)) walk(child);
        };
        walk(arg);
        if (ranges.length === 0) {
          operands.push(reference(arg, row, bound));
          continue;
        }
        const range = ranges[0]!;
        const from = VARIABLES.indexOf(variableNamed(range.from));
        const to = VARIABLES.indexOf(variableNamed(range.to));
        for (let i = from; i <= to; i++) {
          operands.push(reference(arg, row, new Map(bound).set(range, VARIABLES[i]!.name)));
        }
      }
      if (node.fn === 'any') return truth(operands.some((o) => asTruth(o) === true));
      if (node.fn === 'all') return truth(operands.every((o) => asTruth(o) === true));
      if (node.fn === 'count') {
        return { type: 'number', value: operands.filter((o) => asTruth(o) === true).length };
      }
      const values = operands.map(asNumber).filter((x) => !Number.isNaN(x));
      if (values.length === 0) return { type: 'number', value: NaN };
      const sum = values.reduce((a, b) => a + b, 0);
      const result =
        node.fn === 'sum'
          ? sum
          : node.fn === 'mean'
            ? sum / values.length
            : node.fn === 'min'
              ? Math.min(...values)
              : Math.max(...values);
      return { type: 'number', value: finite(result) };
    }
    case 'recode': {
      const x = asNumber(reference(node.subject, row, bound));
      const name = nameOf(node.subject, bound);
      const target = (rule: (typeof node.rules)[number]): number =>
        rule.target.kind === 'value' ? rule.target.value : rule.target.kind === 'copy' ? x : NaN;
      for (const rule of node.rules) {
        if (rule.sources === 'else')
          return { type: 'number', value: Number.isNaN(x) ? NaN : target(rule) };
        const hit = rule.sources.some((source) =>
          source.kind === 'missing'
            ? Number.isNaN(x)
            : !Number.isNaN(x) && inItems(x, [source], name),
        );
        if (hit) return { type: 'number', value: target(rule) };
      }
      return { type: 'number', value: NaN };
    }
    case 'band': {
      const x = asNumber(reference(node.subject, row, bound));
      const index = node.bands.findIndex(
        (b) => x >= (b.lo ?? -Infinity) && x <= (b.hi ?? Infinity),
      );
      return { type: 'number', value: index < 0 ? NaN : index + 1 };
    }
  }
}

function childrenOf(node: Expression): Expression[] {
  switch (node.kind) {
    case 'negate':
    case 'not':
      return [node.operand];
    case 'logical':
      return node.operands;
    case 'arithmetic':
      return [node.first, ...node.rest.map((s) => s.operand)];
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
    default:
      return [];
  }
}

const plain = (x: number) => (x === 0 ? 0 : x);

describe('random valid expressions', () => {
  it('evaluate as a row-by-row reference does (1,500 seeded cases)', () => {
    const { number, condition, next } = generator(7_331);
    for (let n = 0; n < 1_500; n++) {
      const isCondition = next() < 0.5;
      const text = isCondition ? condition(4) : number(4);
      const ast = parseExpression(text);
      const compiled = compileExpression(ast, CATALOG, {
        expect: isCondition ? 'boolean' : 'number',
      });
      const actual = Array.from(evaluate(compiled, COLUMNS, ROWS), plain);
      const expected = Array.from({ length: ROWS }, (_, row) => {
        const value = reference(ast, row, new Map());
        return isCondition ? (asTruth(value) === true ? 1 : 0) : plain(asNumber(value));
      });
      expect(actual, text).toEqual(expected);
    }
  });
});
