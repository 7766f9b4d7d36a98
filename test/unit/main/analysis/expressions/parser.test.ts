import { describe, expect, it } from 'vitest';
import {
  ExpressionError,
  caret,
  parseExpression,
} from '../../../../../src/main/analysis/expressions';
import { tokenize } from '../../../../../src/main/analysis/expressions/tokenizer';

/** The ExpressionError `parseExpression(text)` throws (fails the test if it throws none). */
function parseError(text: string): ExpressionError {
  try {
    parseExpression(text);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} not to parse`);
}

describe('the tokenizer', () => {
  it('reads names with dots, ranges of names and ranges of numbers', () => {
    const texts = (text: string) =>
      tokenize(text).map((t) => (t.kind === 'end' ? '<end>' : t.text));
    expect(texts('sch.wide > 1.5')).toEqual(['sch.wide', '>', '1.5', '<end>']);
    expect(texts('count(q7a..q7e = 1)')).toEqual([
      'count',
      '(',
      'q7a',
      '..',
      'q7e',
      '=',
      '1',
      ')',
      '<end>',
    ]);
    expect(texts('1..2 55.. ..17 .5')).toEqual([
      '1',
      '..',
      '2',
      '55',
      '..',
      '..',
      '17',
      '.5',
      '<end>',
    ]);
    expect(texts('a<=b<>c!=d->e')).toEqual([
      'a',
      '<=',
      'b',
      '<>',
      'c',
      '!=',
      'd',
      '->',
      'e',
      '<end>',
    ]);
    expect(texts('@x #y $z _w')).toEqual(['@x', '#y', '$z', '_w', '<end>']);
  });

  it('reads numbers with exponents and strings with escapes', () => {
    const [number] = tokenize('2.5e3');
    expect(number).toMatchObject({ kind: 'number', value: 2500 });
    const [string] = tokenize(String.raw`"a\"b\\c\n\u00e9"`);
    expect(string).toMatchObject({ kind: 'string', value: 'a"b\\c\né' });
    expect(tokenize(`'it\\'s'`)[0]).toMatchObject({ kind: 'string', value: "it's" });
  });

  it('counts columns in characters a person sees, so astral characters count once', () => {
    const tokens = tokenize('"😀" = x');
    expect(tokens.map((t) => t.column)).toEqual([1, 5, 7, 8]);
  });
});

describe('the parser', () => {
  it('builds flat chains and the usual precedence', () => {
    expect(parseExpression('a and b and c')).toMatchObject({
      kind: 'logical',
      op: 'and',
      operands: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
    });
    expect(parseExpression('a or b and c')).toMatchObject({
      kind: 'logical',
      op: 'or',
      operands: [{ name: 'a' }, { kind: 'logical', op: 'and' }],
    });
    expect(parseExpression('not a = 1')).toMatchObject({
      kind: 'not',
      operand: { kind: 'comparison', op: '=' },
    });
    expect(parseExpression('1 + 2 * 3 - 4')).toMatchObject({
      kind: 'arithmetic',
      first: { value: 1 },
      rest: [
        { op: '+', operand: { kind: 'arithmetic', rest: [{ op: '*' }] } },
        { op: '-', operand: { value: 4 } },
      ],
    });
    expect(parseExpression('-3')).toEqual({ kind: 'number', value: -3, column: 1 });
  });

  it('parses every construct of the issue', () => {
    expect(parseExpression('q5 in (4,5) and country = "DE"')).toMatchObject({
      operands: [
        {
          kind: 'in',
          items: [
            { kind: 'value', value: 4 },
            { kind: 'value', value: 5 },
          ],
        },
        { kind: 'comparison', right: { kind: 'string', value: 'DE' } },
      ],
    });
    expect(parseExpression('recode(q1, 1..2 -> 1, 3 -> 2, else -> missing)')).toMatchObject({
      kind: 'recode',
      rules: [
        { sources: [{ kind: 'range', lo: 1, hi: 2 }], target: { kind: 'value', value: 1 } },
        { sources: [{ kind: 'value', value: 3 }], target: { kind: 'value', value: 2 } },
        { sources: 'else', target: { kind: 'missing' } },
      ],
    });
    expect(parseExpression('any(create_video, create_blog >= 3)')).toMatchObject({
      kind: 'call',
      fn: 'any',
      args: [{ kind: 'variable' }, { kind: 'comparison', op: '>=' }],
    });
    expect(parseExpression('count(q7a..q7e = 1)')).toMatchObject({
      args: [{ left: { kind: 'variableRange', from: 'q7a', to: 'q7e' } }],
    });
    expect(parseExpression('band(age, 18..34, 35..54, 55..)')).toMatchObject({
      kind: 'band',
      bands: [
        { lo: 18, hi: 34 },
        { lo: 35, hi: 54 },
        { lo: 55, hi: null },
      ],
    });
    expect(parseExpression('mean(q8a, q8b, q8c)')).toMatchObject({ fn: 'mean' });
    expect(parseExpression('x is not missing')).toMatchObject({ kind: 'isMissing', negated: true });
    expect(parseExpression('missing(x)')).toMatchObject({ kind: 'isMissing', negated: false });
    expect(parseExpression('x not in (..0, -5..-1)')).toMatchObject({
      kind: 'in',
      negated: true,
      items: [
        { lo: null, hi: 0 },
        { lo: -5, hi: -1 },
      ],
    });
    expect(parseExpression('x <> 1')).toMatchObject({ op: '!=' });
  });

  it('reads value(x) as a call, and value alone as a variable named value', () => {
    expect(parseExpression('VALUE(gender) = 99')).toEqual({
      kind: 'comparison',
      op: '=',
      left: { kind: 'value', subject: { kind: 'variable', name: 'gender', column: 7 }, column: 1 },
      right: { kind: 'number', value: 99, column: 17 },
      column: 15,
    });
    expect(parseExpression('count(value(q7a..q7e) = 9)')).toMatchObject({
      args: [{ left: { kind: 'value', subject: { kind: 'variableRange', from: 'q7a' } } }],
    });
    expect(parseExpression('value + 1')).toMatchObject({
      kind: 'arithmetic',
      first: { kind: 'variable', name: 'value' },
    });
  });
});

describe('parse errors point at the column', () => {
  it.each([
    ['q5 in (4,5 and country = "DE"', 12, "expected ')' after the list, found 'and'"],
    ['(q5 = 1', 8, "expected ')' to close the '(' at column 1, found the end of the expression"],
    ['q5 = 1 ; q6', 8, "unexpected character ';'"],
    ['q5 = 1 2', 8, 'expected an operator or the end of the expression, found the number 2'],
    ['q5 = 1)', 7, "unexpected ')': there is no '(' for it to close"],
    ['q5 = ', 6, 'the expression ends too early: expected a value'],
    ['', 1, 'the expression is empty'],
    ['   ', 1, 'the expression is empty'],
    ['q5 == 1', 4, "unexpected '==': use '=' to compare"],
    ['a && b', 3, "unexpected '&&': use 'and'"],
    ['!a', 1, "unexpected '!': use 'not' (or '!=' to compare)"],
    ['1 < x < 3', 7, "comparisons do not chain: join them with 'and' (e.g. 1 < x and x < 3)"],
    ['x is 3', 6, "expected 'missing' after 'is', found the number 3"],
    ['x = "abc', 5, 'this string is never closed'],
    ['x = "a\\qb"', 7, "unknown escape '\\q'; use \\\\, \\\", \\', \\n, \\t, \\r or \\uXXXX"],
    ['x = 12abc', 5, "malformed number '12abc'"],
    ['x = 1.2.3', 5, "malformed number '1.2.3'"],
    [
      'foo(x)',
      1,
      'unknown function foo; the functions are any, all, count, sum, mean, min, max, missing, value, recode, band',
    ],
    ['count()', 7, 'count(…) needs at least one operand'],
    ['missing(a, b)', 10, 'missing(…) takes exactly one operand'],
    ['value(a, b)', 8, 'value(…) takes exactly one operand'],
    ['value()', 7, 'value(…) needs at least one operand'],
    ['x = 1..3', 5, 'a range of values like 1..3 only works inside in (…), recode(…) and band(…)'],
    ['x in ()', 7, 'the list after in is empty'],
    ['x in (5..1)', 7, 'the range 5..1 is empty: its low end is above its high end'],
    [
      'x in (a)',
      7,
      'expected a number, a label in quotes or a range lo..hi in the list, found the name a',
    ],
    ['q7a.. = 1', 7, "expected a variable name after 'q7a..', found '='"],
    [
      'recode(q1)',
      10,
      "expected ',' and a rule such as 1..2 -> 1 after the variable to recode, found ')'",
    ],
    ['recode(q1, 1 2)', 14, "expected '->' after the values to recode, found the number 2"],
    [
      'recode(q1, 1 -> x)',
      17,
      "expected a number, 'missing' or 'copy' after '->', found the name x",
    ],
    ['recode(q1, else -> 1, 2 -> 3)', 12, "'else' must be the last rule of recode(…)"],
    ['recode(q1, 1 -> missing "none")', 17, 'only a number target can have a label'],
    ['band(age, x)', 11, 'expected a band such as 18..34, 55.. or ..17, found the name x'],
    ['a and or b', 7, "expected a value, found 'or'"],
    ['in', 1, "expected a value, found 'in'"],
  ])('%j → column %i: %s', (text, column, reason) => {
    const error = parseError(text);
    expect(error.reason).toBe(reason);
    expect(error.column).toBe(column);
    expect(error.message).toBe(`column ${column}: ${reason}`);
  });
});

describe('caret', () => {
  it('draws a caret under the column', () => {
    const text = 'q5 in (4,5 and country = "DE"';
    expect(caret(text, 12)).toBe(`${text}\n           ^`);
    expect(parseError(text).withCaret(text)).toBe(
      `column 12: expected ')' after the list, found 'and'\n${text}\n           ^`,
    );
  });

  it('points past the end for an expression that ends too early', () => {
    expect(caret('q5 =', 5)).toBe('q5 =\n    ^');
  });

  it('shows only the line holding the column, with tabs and control characters as spaces', () => {
    expect(caret('a = 1\nand\tb = ', 13)).toBe('and b = \n      ^');
  });

  it('cuts long lines to a window around the column', () => {
    const text = `${'a + '.repeat(100)}?`;
    const drawn = caret(text, 401).split('\n');
    expect(drawn[0]!.startsWith('…')).toBe(true);
    expect(drawn[0]!.length).toBeLessThan(80);
    expect(drawn[0]![drawn[1]!.length - 1]).toBe('?');
  });
});
