/**
 * Recursive-descent parser from tokens to the syntax tree. Precedence, loosest first: `or`, `and`,
 * `not`, comparisons (`= != <> < <= > >=`, `in (…)`, `is [not] missing`), `+ -`, `* /`, unary `-`.
 * Comparisons do not chain (`1 < x < 3` is an error, not a surprise). Nesting of parentheses,
 * calls and prefix operators is capped (EXPRESSION_LIMITS.maxDepth) before the stack could be, and
 * every error names the column of the token that broke the rule and what was expected there.
 */
import type {
  BandItem,
  ComparisonOperator,
  Expression,
  ListFunction,
  ListItem,
  RecodeRule,
  RecodeSource,
  RecodeTarget,
} from './ast';
import { ExpressionError } from './expressionError';
import { EXPRESSION_LIMITS } from './limits';
import { tokenize, type SymbolText, type Token } from './tokenizer';

/** Words that are never variable names. */
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'missing']);

const LIST_FUNCTIONS = new Map<string, ListFunction>([
  ['any', 'any'],
  ['all', 'all'],
  ['count', 'count'],
  ['sum', 'sum'],
  ['mean', 'mean'],
  ['min', 'min'],
  ['max', 'max'],
]);
const FUNCTION_NAMES = [...LIST_FUNCTIONS.keys(), 'missing', 'value', 'recode', 'band'].join(', ');

const COMPARISONS = new Map<string, ComparisonOperator>([
  ['=', '='],
  ['!=', '!='],
  ['<>', '!='],
  ['<', '<'],
  ['<=', '<='],
  ['>', '>'],
  ['>=', '>='],
]);

function describe(token: Token): string {
  switch (token.kind) {
    case 'number':
      return `the number ${token.text}`;
    case 'string':
      return `the string ${token.text.length > 40 ? `${token.text.slice(0, 40)}…` : token.text}`;
    case 'name':
      return KEYWORDS.has(token.lower) ? `'${token.text}'` : `the name ${token.text}`;
    case 'symbol':
      return `'${token.text}'`;
    case 'end':
      return 'the end of the expression';
  }
}

function formatNumber(value: number): string {
  return String(value);
}

class Parser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): Expression {
    if (this.peek().kind === 'end') throw new ExpressionError(1, 'the expression is empty');
    const expression = this.parseOr();
    const extra = this.peek();
    if (extra.kind !== 'end') {
      const reason = this.isSymbol(extra, ')')
        ? "unexpected ')': there is no '(' for it to close"
        : `expected an operator or the end of the expression, found ${describe(extra)}`;
      throw new ExpressionError(extra.column, reason);
    }
    return expression;
  }

  // ---- token helpers -------------------------------------------------------------------------

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.position + ahead, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.position++;
    return token;
  }

  private isSymbol(token: Token, symbol: SymbolText): boolean {
    return token.kind === 'symbol' && token.text === symbol;
  }

  private isKeyword(token: Token, word: string): boolean {
    return token.kind === 'name' && token.lower === word;
  }

  private expectSymbol(symbol: SymbolText, context: string): Token {
    const token = this.peek();
    if (!this.isSymbol(token, symbol)) {
      throw new ExpressionError(
        token.column,
        `expected '${symbol}' ${context}, found ${describe(token)}`,
      );
    }
    return this.next();
  }

  /** Counts one level of nesting; the caller calls `leave` when the nested part is parsed. */
  private enter(column: number): void {
    if (++this.depth > EXPRESSION_LIMITS.maxDepth) {
      throw new ExpressionError(
        column,
        `the expression is nested too deeply (more than ${EXPRESSION_LIMITS.maxDepth} levels)`,
      );
    }
  }

  private leave(): void {
    this.depth--;
  }

  // ---- precedence levels ---------------------------------------------------------------------

  private parseOr(): Expression {
    return this.parseLogical('or', () => this.parseAnd());
  }

  private parseAnd(): Expression {
    return this.parseLogical('and', () => this.parseNot());
  }

  private parseLogical(op: 'and' | 'or', operand: () => Expression): Expression {
    const first = operand();
    if (!this.isKeyword(this.peek(), op)) return first;
    const operands = [first];
    while (this.isKeyword(this.peek(), op)) {
      this.next();
      operands.push(operand());
    }
    return { kind: 'logical', op, operands, column: first.column };
  }

  private parseNot(): Expression {
    const token = this.peek();
    if (!this.isKeyword(token, 'not')) return this.parseComparison();
    this.next();
    this.enter(token.column);
    const operand = this.parseNot();
    this.leave();
    return { kind: 'not', operand, column: token.column };
  }

  private parseComparison(): Expression {
    const left = this.parseAdditive();
    const token = this.peek();
    let result: Expression = left;
    const op = token.kind === 'symbol' ? COMPARISONS.get(token.text) : undefined;
    if (op !== undefined) {
      this.next();
      const right = this.parseAdditive();
      result = { kind: 'comparison', op, left, right, column: token.column };
    } else if (this.isKeyword(token, 'in')) {
      this.next();
      result = this.parseInList(left, false, token.column);
    } else if (this.isKeyword(token, 'not') && this.isKeyword(this.peek(1), 'in')) {
      this.next();
      this.next();
      result = this.parseInList(left, true, token.column);
    } else if (this.isKeyword(token, 'is')) {
      this.next();
      const negated = this.isKeyword(this.peek(), 'not');
      if (negated) this.next();
      const word = this.peek();
      if (!this.isKeyword(word, 'missing')) {
        throw new ExpressionError(
          word.column,
          `expected 'missing' after '${negated ? 'is not' : 'is'}', found ${describe(word)}`,
        );
      }
      this.next();
      result = { kind: 'isMissing', subject: left, negated, column: token.column };
    }
    if (result !== left) {
      const after = this.peek();
      const chained =
        (after.kind === 'symbol' && COMPARISONS.has(after.text)) ||
        this.isKeyword(after, 'in') ||
        this.isKeyword(after, 'is');
      if (chained) {
        throw new ExpressionError(
          after.column,
          "comparisons do not chain: join them with 'and' (e.g. 1 < x and x < 3)",
        );
      }
    }
    return result;
  }

  private parseAdditive(): Expression {
    return this.parseChain(['+', '-'], () => this.parseMultiplicative());
  }

  private parseMultiplicative(): Expression {
    return this.parseChain(['*', '/'], () => this.parseUnary());
  }

  private parseChain(ops: Array<'+' | '-' | '*' | '/'>, operand: () => Expression): Expression {
    const first = operand();
    const rest = [];
    for (;;) {
      const token = this.peek();
      const op = ops.find((candidate) => this.isSymbol(token, candidate));
      if (op === undefined) break;
      this.next();
      rest.push({ op, operand: operand(), column: token.column });
    }
    return rest.length === 0 ? first : { kind: 'arithmetic', first, rest, column: first.column };
  }

  private parseUnary(): Expression {
    const token = this.peek();
    if (!this.isSymbol(token, '-')) return this.parsePrimary();
    this.next();
    this.enter(token.column);
    const operand = this.parseUnary();
    this.leave();
    if (operand.kind === 'number')
      return { kind: 'number', value: -operand.value, column: token.column };
    return { kind: 'negate', operand, column: token.column };
  }

  private parsePrimary(): Expression {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        if (this.isSymbol(this.peek(), '..')) {
          throw new ExpressionError(
            token.column,
            'a range of values like 1..3 only works inside in (…), recode(…) and band(…)',
          );
        }
        return { kind: 'number', value: token.value, column: token.column };
      case 'string':
        return { kind: 'string', value: token.value, column: token.column };
      case 'symbol':
        if (token.text === '(') {
          this.enter(token.column);
          const inner = this.parseOr();
          this.expectSymbol(')', `to close the '(' at column ${token.column}`);
          this.leave();
          return inner;
        }
        throw new ExpressionError(token.column, `expected a value, found ${describe(token)}`);
      case 'end':
        throw new ExpressionError(token.column, 'the expression ends too early: expected a value');
      case 'name':
        return this.parseName(token);
    }
  }

  private parseName(token: Token & { kind: 'name' }): Expression {
    const opensCall = this.isSymbol(this.peek(), '(');
    if (token.lower === 'missing') {
      if (!opensCall) return { kind: 'missing', column: token.column };
      const [subject] = this.parseArguments('missing', 1);
      return { kind: 'isMissing', subject: subject!, negated: false, column: token.column };
    }
    if (KEYWORDS.has(token.lower)) {
      throw new ExpressionError(token.column, `expected a value, found ${describe(token)}`);
    }
    if (opensCall) {
      if (token.lower === 'recode') return this.parseRecode(token.column);
      if (token.lower === 'band') return this.parseBand(token.column);
      if (token.lower === 'value') {
        const [subject] = this.parseArguments('value', 1);
        return { kind: 'value', subject: subject!, column: token.column };
      }
      const fn = LIST_FUNCTIONS.get(token.lower);
      if (fn === undefined) {
        throw new ExpressionError(
          token.column,
          `unknown function ${token.text}; the functions are ${FUNCTION_NAMES}`,
        );
      }
      return { kind: 'call', fn, args: this.parseArguments(fn, Infinity), column: token.column };
    }
    if (this.isSymbol(this.peek(), '..')) {
      this.next();
      const to = this.peek();
      if (to.kind !== 'name' || KEYWORDS.has(to.lower)) {
        throw new ExpressionError(
          to.column,
          `expected a variable name after '${token.text}..', found ${describe(to)}`,
        );
      }
      this.next();
      return {
        kind: 'variableRange',
        from: token.text,
        to: to.text,
        column: token.column,
        toColumn: to.column,
      };
    }
    return { kind: 'variable', name: token.text, column: token.column };
  }

  /** `( expression {, expression} )` after a function name, with at most `max` of them. */
  private parseArguments(fn: string, max: number): Expression[] {
    const open = this.next();
    this.enter(open.column);
    if (this.isSymbol(this.peek(), ')')) {
      throw new ExpressionError(this.peek().column, `${fn}(…) needs at least one operand`);
    }
    const args = [this.parseOr()];
    while (this.isSymbol(this.peek(), ',')) {
      const comma = this.next();
      if (args.length >= max) {
        throw new ExpressionError(comma.column, `${fn}(…) takes exactly one operand`);
      }
      args.push(this.parseOr());
    }
    this.expectSymbol(')', `after the operands of ${fn}(…)`);
    this.leave();
    return args;
  }

  // ---- literal values, ranges, lists ---------------------------------------------------------

  private startsNumber(token: Token): boolean {
    return token.kind === 'number' || this.isSymbol(token, '-');
  }

  /** An optionally negative number literal. */
  private parseSignedNumber(context: string): number {
    const token = this.peek();
    const negative = this.isSymbol(token, '-');
    if (negative) this.next();
    const number = this.peek();
    if (number.kind !== 'number') {
      throw new ExpressionError(
        number.column,
        `expected a number ${context}, found ${describe(number)}`,
      );
    }
    this.next();
    return negative ? -number.value : number.value;
  }

  /** `n`, `lo..hi`, `lo..` or `..hi`; a single number gives `{ lo: n, hi: n, single: true }`. */
  private parseValueOrRange(context: string): {
    lo: number | null;
    hi: number | null;
    single: boolean;
    column: number;
  } {
    const column = this.peek().column;
    if (this.isSymbol(this.peek(), '..')) {
      this.next();
      return { lo: null, hi: this.parseSignedNumber("after '..'"), single: false, column };
    }
    const lo = this.parseSignedNumber(context);
    if (!this.isSymbol(this.peek(), '..')) return { lo, hi: lo, single: true, column };
    this.next();
    if (!this.startsNumber(this.peek())) return { lo, hi: null, single: false, column };
    const hi = this.parseSignedNumber("after '..'");
    if (hi < lo) {
      throw new ExpressionError(
        column,
        `the range ${formatNumber(lo)}..${formatNumber(hi)} is empty: its low end is above its high end`,
      );
    }
    return { lo, hi, single: false, column };
  }

  private parseListItem(context: string): ListItem {
    const token = this.peek();
    if (token.kind === 'string') {
      this.next();
      return { kind: 'label', text: token.value, column: token.column };
    }
    if (!this.startsNumber(token) && !this.isSymbol(token, '..')) {
      throw new ExpressionError(
        token.column,
        `expected a number, a label in quotes or a range lo..hi ${context}, found ${describe(token)}`,
      );
    }
    const item = this.parseValueOrRange(context);
    return item.single
      ? { kind: 'value', value: item.lo!, column: item.column }
      : { kind: 'range', lo: item.lo, hi: item.hi, column: item.column };
  }

  private parseInList(subject: Expression, negated: boolean, column: number): Expression {
    const open = this.expectSymbol('(', "after 'in'");
    this.enter(open.column);
    if (this.isSymbol(this.peek(), ')')) {
      throw new ExpressionError(this.peek().column, 'the list after in is empty');
    }
    const items = [this.parseListItem('in the list')];
    while (this.isSymbol(this.peek(), ',')) {
      this.next();
      items.push(this.parseListItem('in the list'));
    }
    this.expectSymbol(')', 'after the list');
    this.leave();
    return { kind: 'in', subject, items, negated, column };
  }

  private parseOptionalLabel(): string | null {
    const token = this.peek();
    if (token.kind !== 'string') return null;
    this.next();
    return token.value;
  }

  // ---- recode and band -----------------------------------------------------------------------

  private parseRecode(column: number): Expression {
    const open = this.next();
    this.enter(open.column);
    const subject = this.parseOr();
    if (!this.isSymbol(this.peek(), ',')) {
      throw new ExpressionError(
        this.peek().column,
        `expected ',' and a rule such as 1..2 -> 1 after the variable to recode, found ${describe(this.peek())}`,
      );
    }
    const rules: RecodeRule[] = [];
    while (this.isSymbol(this.peek(), ',')) {
      this.next();
      const previous = rules[rules.length - 1];
      if (previous !== undefined && previous.sources === 'else') {
        throw new ExpressionError(previous.column, "'else' must be the last rule of recode(…)");
      }
      rules.push(this.parseRecodeRule());
    }
    this.expectSymbol(')', 'after the rules of recode(…)');
    this.leave();
    return { kind: 'recode', subject, rules, column };
  }

  private parseRecodeRule(): RecodeRule {
    const start = this.peek();
    let sources: RecodeSource[] | 'else';
    if (this.isKeyword(start, 'else')) {
      this.next();
      sources = 'else';
    } else if (this.isSymbol(start, '(')) {
      this.next();
      this.enter(start.column);
      sources = [this.parseRecodeSource()];
      while (this.isSymbol(this.peek(), ',')) {
        this.next();
        sources.push(this.parseRecodeSource());
      }
      this.expectSymbol(')', 'after the values to recode');
      this.leave();
    } else {
      sources = [this.parseRecodeSource()];
    }
    this.expectSymbol('->', 'after the values to recode');
    const token = this.peek();
    let target: RecodeTarget;
    if (this.isKeyword(token, 'missing')) {
      this.next();
      target = { kind: 'missing' };
    } else if (this.isKeyword(token, 'copy')) {
      this.next();
      target = { kind: 'copy' };
    } else if (this.startsNumber(token)) {
      target = { kind: 'value', value: this.parseSignedNumber("after '->'") };
    } else {
      throw new ExpressionError(
        token.column,
        `expected a number, 'missing' or 'copy' after '->', found ${describe(token)}`,
      );
    }
    const label = this.parseOptionalLabel();
    if (label !== null && target.kind !== 'value') {
      throw new ExpressionError(token.column, 'only a number target can have a label');
    }
    return { sources, target, label, column: start.column };
  }

  private parseRecodeSource(): RecodeSource {
    const token = this.peek();
    if (this.isKeyword(token, 'missing')) {
      this.next();
      return { kind: 'missing', column: token.column };
    }
    return this.parseListItem('to recode');
  }

  private parseBand(column: number): Expression {
    const open = this.next();
    this.enter(open.column);
    const subject = this.parseOr();
    if (!this.isSymbol(this.peek(), ',')) {
      throw new ExpressionError(
        this.peek().column,
        `expected ',' and a band such as 18..34 after the variable to band, found ${describe(this.peek())}`,
      );
    }
    const bands: BandItem[] = [];
    while (this.isSymbol(this.peek(), ',')) {
      this.next();
      const token = this.peek();
      if (!this.startsNumber(token) && !this.isSymbol(token, '..')) {
        throw new ExpressionError(
          token.column,
          `expected a band such as 18..34, 55.. or ..17, found ${describe(token)}`,
        );
      }
      const range = this.parseValueOrRange('for the band');
      bands.push({
        lo: range.lo,
        hi: range.hi,
        label: this.parseOptionalLabel(),
        column: range.column,
      });
    }
    this.expectSymbol(')', 'after the bands of band(…)');
    this.leave();
    return { kind: 'band', subject, bands, column };
  }
}

/** Parses one expression; throws ExpressionError (with the column) for anything malformed. */
export function parseExpression(text: string): Expression {
  return new Parser(tokenize(text)).parse();
}
