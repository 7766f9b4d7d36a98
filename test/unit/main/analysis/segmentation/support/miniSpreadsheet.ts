/**
 * A tiny spreadsheet for the typing tool's tests: it evaluates the formulas the typing tool writes
 * — numbers, "text", TRUE/FALSE, cell and range references (with $ and Sheet!), + − * / ^ &,
 * comparisons, and IF, AND, OR, NOT, ISNUMBER, COUNT, SUMPRODUCT (of one array or several),
 * SQRT, MIN, MAX, MATCH, INDEX — with Excel's rules where they matter here: a blank cell is 0 in
 * arithmetic and comparisons, text
 * compares greater than any number, arithmetic on text is #VALUE!, IF evaluates only the branch
 * taken, and arithmetic on equal-sized ranges goes element by element (inside SUMPRODUCT).
 * Test code only: it checks that the sheet computes what the workbench computes.
 */
import type ExcelJS from 'exceljs';

type Scalar = number | string | boolean | null | { error: string };
type Value = Scalar | Scalar[][];

type Node =
  | { kind: 'literal'; value: Scalar }
  | { kind: 'ref'; sheet: string | null; from: [number, number]; to: [number, number] | null }
  | { kind: 'unary'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node }
  | { kind: 'call'; name: string; args: Node[] };

const TOKEN =
  /\s*(?:(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)|"((?:[^"]|"")*)"|((?:'[^']+'|[A-Za-z_][\w ]*?)!)?(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?|([A-Z][A-Z0-9.]*)\(|(TRUE|FALSE)\b|(<>|<=|>=|[-+*/^&=<>(),]))/y;

function cellAddress(text: string): [number, number] {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(text)!;
  let column = 0;
  for (const ch of match[1]!) column = column * 26 + ch.charCodeAt(0) - 64;
  return [Number(match[2]), column];
}

export function parseFormula(formula: string): Node {
  const tokens: Array<{ type: string; text: string; node?: Node }> = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < formula.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(formula);
    if (!m || m.index !== start) throw new Error(`cannot read ${formula} at ${start}`);
    if (m[1] !== undefined)
      tokens.push({ type: 'value', text: m[1], node: { kind: 'literal', value: Number(m[1]) } });
    else if (m[2] !== undefined)
      tokens.push({
        type: 'value',
        text: m[2],
        node: { kind: 'literal', value: m[2].replace(/""/g, '"') },
      });
    else if (m[4] !== undefined) {
      const sheet = m[3] ? m[3].slice(0, -1).replace(/^'|'$/g, '') : null;
      tokens.push({
        type: 'value',
        text: m[0],
        node: { kind: 'ref', sheet, from: cellAddress(m[4]), to: m[5] ? cellAddress(m[5]) : null },
      });
    } else if (m[6] !== undefined) tokens.push({ type: 'call', text: m[6] });
    else if (m[7] !== undefined)
      tokens.push({ type: 'value', text: m[7], node: { kind: 'literal', value: m[7] === 'TRUE' } });
    else if (m[8] !== undefined) tokens.push({ type: 'op', text: m[8] });
    else break;
  }
  let at = 0;
  const peek = () => tokens[at];
  const expect = (text: string) => {
    if (peek()?.text !== text) throw new Error(`expected ${text} in ${formula}`);
    at++;
  };
  const levels = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/'], ['^']];
  const binary = (level: number): Node => {
    if (level === levels.length) return unary();
    let left = binary(level + 1);
    while (peek()?.type === 'op' && levels[level]!.includes(peek()!.text)) {
      const op = tokens[at++]!.text;
      left = { kind: 'binary', op, left, right: binary(level + 1) };
    }
    return left;
  };
  const unary = (): Node => {
    if (peek()?.text === '-') {
      at++;
      return { kind: 'unary', operand: unary() };
    }
    return primary();
  };
  const primary = (): Node => {
    const token = tokens[at++];
    if (!token) throw new Error(`unexpected end of ${formula}`);
    if (token.type === 'value') return token.node!;
    if (token.type === 'call') {
      const args: Node[] = [];
      if (peek()?.text !== ')') {
        args.push(binary(0));
        while (peek()?.text === ',') {
          at++;
          args.push(binary(0));
        }
      }
      expect(')');
      return { kind: 'call', name: token.text, args };
    }
    if (token.text === '(') {
      const inner = binary(0);
      expect(')');
      return inner;
    }
    throw new Error(`unexpected ${token.text} in ${formula}`);
  };
  const node = binary(0);
  if (at !== tokens.length) throw new Error(`trailing ${tokens[at]!.text} in ${formula}`);
  return node;
}

const isError = (value: Scalar): value is { error: string } =>
  typeof value === 'object' && value !== null;

function number(value: Scalar): number | { error: string } {
  if (value === null) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (isError(value)) return value;
  return { error: '#VALUE!' };
}

function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : 0);
  const x = a === null ? (typeof b === 'string' ? '' : 0) : a;
  const y = b === null ? (typeof a === 'string' ? '' : 0) : b;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string') return x.toLowerCase().localeCompare((y as string).toLowerCase());
  return Number(x) - Number(y);
}

function scalarOp(op: string, a: Scalar, b: Scalar): Scalar {
  if (isError(a)) return a;
  if (isError(b)) return b;
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    const c = compare(a, b);
    return { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[op]!;
  }
  if (op === '&') return `${a ?? ''}${b ?? ''}`;
  const x = number(a);
  const y = number(b);
  if (isError(x)) return x;
  if (isError(y)) return y;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? { error: '#DIV/0!' } : x / y;
    default:
      return x ** y;
  }
}

function elementwise(a: Value, b: Value, f: (x: Scalar, y: Scalar) => Scalar): Value {
  if (!Array.isArray(a) && !Array.isArray(b)) return f(a, b);
  const rows = Array.isArray(a) ? a.length : (b as Scalar[][]).length;
  const cols = Array.isArray(a) ? a[0]!.length : (b as Scalar[][])[0]!.length;
  const at = (v: Value, r: number, c: number) => (Array.isArray(v) ? v[r]![c]! : v);
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => f(at(a, r, c), at(b, r, c))),
  );
}

const flat = (values: Value[]): Scalar[] =>
  values.flatMap((v) => (Array.isArray(v) ? v.flat() : [v]));

const truth = (value: Scalar): boolean | { error: string } => {
  if (isError(value)) return value;
  if (typeof value === 'string') return { error: '#VALUE!' };
  return Boolean(value);
};

/** A workbook's cells, typed values and formulas, evaluated on demand. */
export class MiniSpreadsheet {
  private readonly cache = new Map<string, Scalar>();

  constructor(private readonly workbook: ExcelJS.Workbook) {}

  /** The computed value of a cell, as Excel would show it ('' for an empty text result). */
  value(sheet: string, row: number, column: number): Scalar {
    const key = `${sheet}!${row}:${column}`;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const cell = this.workbook.getWorksheet(sheet)!.getCell(row, column);
    const raw = cell.value as unknown;
    let value: Scalar;
    if (raw === null || raw === undefined) value = null;
    else if (typeof raw === 'object' && 'formula' in (raw as object)) {
      const result = this.evaluate(parseFormula((raw as { formula: string }).formula), sheet);
      value = Array.isArray(result) ? result[0]![0]! : result;
    } else value = raw as Scalar;
    this.cache.set(key, value);
    return value;
  }

  private evaluate(node: Node, sheet: string): Value {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'ref': {
        const on = node.sheet ?? sheet;
        if (!node.to) return this.value(on, node.from[0], node.from[1]);
        const out: Scalar[][] = [];
        for (let r = node.from[0]; r <= node.to[0]; r++) {
          const line: Scalar[] = [];
          for (let c = node.from[1]; c <= node.to[1]; c++) line.push(this.value(on, r, c));
          out.push(line);
        }
        return out;
      }
      case 'unary':
        return elementwise(this.evaluate(node.operand, sheet), 0, (x) => scalarOp('-', 0, x));
      case 'binary':
        return elementwise(
          this.evaluate(node.left, sheet),
          this.evaluate(node.right, sheet),
          (a, b) => scalarOp(node.op, a, b),
        );
      case 'call':
        return this.call(node.name, node.args, sheet);
    }
  }

  private call(name: string, args: Node[], sheet: string): Value {
    const scalar = (i: number): Scalar => {
      const v = this.evaluate(args[i]!, sheet);
      return Array.isArray(v) ? v[0]![0]! : v;
    };
    const all = () => flat(args.map((arg) => this.evaluate(arg, sheet)));
    switch (name) {
      case 'IF': {
        const test = truth(scalar(0));
        if (isError(test)) return test;
        return test ? scalar(1) : args.length > 2 ? scalar(2) : false;
      }
      case 'AND':
      case 'OR': {
        const values = all()
          .filter((v) => v !== null)
          .map(truth);
        const error = values.find(isError);
        if (error) return error;
        return name === 'AND' ? values.every(Boolean) : values.some(Boolean);
      }
      case 'NOT': {
        const t = truth(scalar(0));
        return isError(t) ? t : !t;
      }
      case 'ISNUMBER':
        return typeof scalar(0) === 'number';
      case 'COUNT':
        return all().filter((v) => typeof v === 'number').length;
      case 'MIN': {
        const numbers = all().filter((v): v is number => typeof v === 'number');
        return numbers.length > 0 ? Math.min(...numbers) : 0;
      }
      case 'SQRT': {
        const x = number(scalar(0));
        return isError(x) ? x : x < 0 ? { error: '#NUM!' } : Math.sqrt(x);
      }
      case 'MAX': {
        const numbers = all().filter((v): v is number => typeof v === 'number');
        return numbers.length > 0 ? Math.max(...numbers) : 0;
      }
      case 'SUMPRODUCT': {
        // Several arrays of one size: the sum of their products element by element (text as 0).
        const arrays = args.map((arg) => flat([this.evaluate(arg, sheet)]));
        let sum = 0;
        for (let i = 0; i < arrays[0]!.length; i++) {
          let product = 1;
          for (const array of arrays) {
            const v = array[i];
            if (v === undefined) return { error: '#VALUE!' };
            if (isError(v)) return v;
            product *= typeof v === 'number' ? v : 0;
          }
          sum += product;
        }
        return sum;
      }
      case 'MATCH': {
        const wanted = scalar(0);
        const found = flat([this.evaluate(args[1]!, sheet)]).findIndex(
          (v) => v !== null && !isError(v) && compare(v, wanted) === 0,
        );
        return found < 0 ? { error: '#N/A' } : found + 1;
      }
      case 'INDEX': {
        const list = flat([this.evaluate(args[0]!, sheet)]);
        const at = number(scalar(1));
        if (isError(at)) return at;
        return list[at - 1] ?? { error: '#REF!' };
      }
      default:
        throw new Error(`the mini spreadsheet has no ${name}`);
    }
  }
}
