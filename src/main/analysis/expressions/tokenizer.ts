/**
 * Splits an expression into tokens. Hand-written, so every rejection names its column and nothing
 * is ever evaluated: numbers are checked to be finite and within the literal limit, names follow
 * the SPSS-like pattern (letters, digits, `_ . @ # $`, a dot only inside a name so `q7a..q7e` is a
 * variable range), strings take backslash escapes, and control characters (NUL included) are
 * refused outright rather than carried into labels or error messages.
 */
import { ExpressionError } from './expressionError';
import { EXPRESSION_LIMITS } from './limits';

export type SymbolText =
  | '('
  | ')'
  | ','
  | '..'
  | '->'
  | '='
  | '!='
  | '<>'
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/';

export type Token =
  | { kind: 'number'; value: number; text: string; column: number }
  | { kind: 'string'; value: string; text: string; column: number }
  /** `lower` is the name lower-cased, for keywords and case-insensitive variable lookup. */
  | { kind: 'name'; text: string; lower: string; column: number }
  | { kind: 'symbol'; text: SymbolText; column: number }
  | { kind: 'end'; column: number };

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isNameStart = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z_@#$]$/.test(c);
const isNamePart = (c: string | undefined): boolean =>
  c !== undefined && /^[A-Za-z0-9_@#$]$/.test(c);

/** Two-character symbols first, so `<=` is not read as `<` then `=`. */
const TWO_CHAR = new Set<string>(['..', '->', '!=', '<>', '<=', '>=']);
const ONE_CHAR = new Set<string>(['(', ')', ',', '=', '<', '>', '+', '-', '*', '/']);

/** Characters people carry over from other languages, with what to write instead. */
const HINTS = new Map<string, string>([
  ['==', "use '=' to compare"],
  ['&&', "use 'and'"],
  ['||', "use 'or'"],
  ['&', "use 'and'"],
  ['|', "use 'or'"],
  ['!', "use 'not' (or '!=' to compare)"],
  ['~', "use 'not'"],
  ['[', "use '(' and ')'"],
  [']', "use '(' and ')'"],
  ['{', "use '(' and ')'"],
  ['}', "use '(' and ')'"],
]);

const ESCAPES = new Map<string, string>([
  ['\\', '\\'],
  ['"', '"'],
  ["'", "'"],
  ['n', '\n'],
  ['t', '\t'],
  ['r', '\r'],
]);

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** A character as it should appear in a message: invisible ones by their code point. */
function describeChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (isControl(code) || /\s/u.test(c) || (code >= 0xd800 && code <= 0xdfff)) {
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `'${c}'`;
}

export function tokenize(text: string): Token[] {
  if (typeof text !== 'string') throw new ExpressionError(1, 'the expression must be text');
  if (text.length > EXPRESSION_LIMITS.maxLength) {
    throw new ExpressionError(
      EXPRESSION_LIMITS.maxLength + 1,
      `the expression is ${text.length} characters long; the limit is ${EXPRESSION_LIMITS.maxLength}`,
    );
  }

  const tokens: Token[] = [];
  let i = 0;
  // Columns count code points, so a non-BMP character in a string does not shift the caret.
  let column = 1;
  let columnAt = 0;
  const columnOf = (offset: number): number => {
    for (; columnAt < offset; columnAt++) {
      const unit = text.charCodeAt(columnAt);
      const previous = columnAt > 0 ? text.charCodeAt(columnAt - 1) : 0;
      const trailingHalf =
        unit >= 0xdc00 && unit <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff;
      if (!trailingHalf) column++;
    }
    return column;
  };
  const errorAt = (offset: number, reason: string): ExpressionError =>
    new ExpressionError(columnOf(offset), reason);

  while (i < text.length) {
    const c = text[i]!;
    const code = c.charCodeAt(0);
    if (
      c === ' ' ||
      c === '\t' ||
      c === '\n' ||
      c === '\r' ||
      (!isControl(code) && /\s/u.test(c))
    ) {
      i++;
      continue;
    }
    const start = i;

    if (isDigit(c) || (c === '.' && isDigit(text[i + 1]))) {
      while (isDigit(text[i])) i++;
      // A dot followed by a second dot is a range (`1..5`), not a decimal point.
      if (text[i] === '.' && text[i + 1] !== '.') {
        i++;
        while (isDigit(text[i])) i++;
      }
      if (text[i] === 'e' || text[i] === 'E') {
        const sign = text[i + 1] === '+' || text[i + 1] === '-' ? 1 : 0;
        if (isDigit(text[i + 1 + sign])) {
          i += 1 + sign;
          while (isDigit(text[i])) i++;
        }
      }
      if (isNamePart(text[i]) || (text[i] === '.' && text[i + 1] !== '.')) {
        while (isNamePart(text[i]) || text[i] === '.') i++;
        throw errorAt(start, `malformed number '${text.slice(start, i)}'`);
      }
      const literal = text.slice(start, i);
      const value = Number(literal);
      if (!Number.isFinite(value) || Math.abs(value) > EXPRESSION_LIMITS.maxNumber) {
        throw errorAt(start, `the number ${literal} is too large; numbers are limited to ±1e15`);
      }
      tokens.push({ kind: 'number', value, text: literal, column: columnOf(start) });
      continue;
    }

    if (isNameStart(c)) {
      i++;
      // A dot belongs to a name only between name characters: `sch.wide`, but `q7a..q7e`.
      while (isNamePart(text[i]) || (text[i] === '.' && isNamePart(text[i + 1]))) i++;
      const name = text.slice(start, i);
      tokens.push({ kind: 'name', text: name, lower: name.toLowerCase(), column: columnOf(start) });
      continue;
    }

    if (c === '"' || c === "'") {
      i++;
      let value = '';
      for (;;) {
        const d = text[i];
        if (d === undefined) throw errorAt(start, 'this string is never closed');
        if (d === c) {
          i++;
          break;
        } else if (d === '\\') {
          const e = text[i + 1];
          const simple = e === undefined ? undefined : ESCAPES.get(e);
          if (simple !== undefined) {
            value += simple;
            i += 2;
          } else if (e === 'u' && /^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) {
            const unit = parseInt(text.slice(i + 2, i + 6), 16);
            if (isControl(unit)) throw errorAt(i, 'control characters are not allowed in strings');
            value += String.fromCharCode(unit);
            i += 6;
          } else {
            throw errorAt(
              i,
              `unknown escape '\\${e ?? ''}'; use \\\\, \\", \\', \\n, \\t, \\r or \\uXXXX`,
            );
          }
        } else if (isControl(d.charCodeAt(0)) && d !== '\t') {
          throw errorAt(i, `unexpected character ${describeChar(d)} in a string`);
        } else {
          value += d;
          i++;
        }
      }
      tokens.push({ kind: 'string', value, text: text.slice(start, i), column: columnOf(start) });
      continue;
    }

    const two = text.slice(i, i + 2);
    if (TWO_CHAR.has(two)) {
      tokens.push({ kind: 'symbol', text: two as SymbolText, column: columnOf(start) });
      i += 2;
      continue;
    }
    const hint = HINTS.get(two) ?? HINTS.get(c);
    if (hint !== undefined)
      throw errorAt(start, `unexpected '${HINTS.has(two) ? two : c}': ${hint}`);
    if (ONE_CHAR.has(c)) {
      tokens.push({ kind: 'symbol', text: c as SymbolText, column: columnOf(start) });
      i++;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i) ?? code);
    throw errorAt(start, `unexpected character ${describeChar(char)}`);
  }
  tokens.push({ kind: 'end', column: columnOf(text.length) });
  return tokens;
}
