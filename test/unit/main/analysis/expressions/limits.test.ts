import { describe, expect, it } from 'vitest';
import {
  EXPRESSION_LIMITS,
  ExpressionError,
  VariableCatalog,
  compileExpression,
  evaluate,
  parseExpression,
} from '../../../../../src/main/analysis/expressions';
import { COLUMNS, ROWS, run } from './sampleStudy';

/** The ExpressionError parsing `text` throws; anything else (a RangeError from the stack) fails. */
function rejection(text: string): ExpressionError {
  try {
    parseExpression(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return error as ExpressionError;
  }
  throw new Error('expected the expression to be rejected');
}

describe('absurd input is rejected cleanly', () => {
  it('stops 10,000 opening parentheses at the nesting limit, not the stack', () => {
    const error = rejection('('.repeat(10_000));
    expect(error.column).toBe(EXPRESSION_LIMITS.maxDepth + 1);
    expect(error.reason).toBe('the expression is nested too deeply (more than 64 levels)');
  });

  it('allows 64 levels of nesting and refuses 65', () => {
    expect(run(`${'('.repeat(64)}1${')'.repeat(64)}`)[0]).toBe(1);
    expect(rejection(`${'('.repeat(65)}1${')'.repeat(65)}`).column).toBe(65);
  });

  it('caps prefix operators and nested calls the same way', () => {
    expect(rejection(`${'-'.repeat(9_999)}1`).reason).toMatch(/nested too deeply/);
    expect(rejection(`${'not '.repeat(2_000)}x`).reason).toMatch(/nested too deeply/);
    expect(rejection(`${'sum('.repeat(1_000)}1${')'.repeat(1_000)}`).reason).toMatch(
      /nested too deeply/,
    );
    expect(rejection(`${'recode('.repeat(1_000)}x`).reason).toMatch(/nested too deeply/);
  });

  it('evaluates a chain as long as the length limit allows without recursion trouble', () => {
    const text = `${'1+'.repeat(4_999)}1`;
    expect(text.length).toBeLessThanOrEqual(EXPRESSION_LIMITS.maxLength);
    expect(run(text)).toEqual([5_000, 5_000, 5_000, 5_000, 5_000, 5_000]);
    expect(run(`${'q7a or '.repeat(1_400)}q7e`)).toEqual([1, 0, 0, 1, 0, 1]);
  });

  it('refuses input longer than the length limit, pointing just past the limit', () => {
    const error = rejection('a'.repeat(10_001));
    expect(error.message).toBe(
      'column 10001: the expression is 10001 characters long; the limit is 10000',
    );
    expect(() => parseExpression('1'.padStart(10_000, ' '))).not.toThrow();
  });

  it('refuses numbers that are infinite or beyond ±1e15', () => {
    expect(rejection('x > 1e400').message).toBe(
      'column 5: the number 1e400 is too large; numbers are limited to ±1e15',
    );
    expect(rejection('x > 1e16').column).toBe(5);
    expect(rejection(`x > ${'9'.repeat(400)}`).column).toBe(5);
    expect(rejection('x in (1..2e15)').column).toBe(10);
    expect(run('-1e15 < 1e15')[0]).toBe(1);
    expect(run('1e-400 = 0')[0]).toBe(1);
  });

  it('refuses NUL and other control characters, in the text and in strings', () => {
    expect(rejection('q5 = 1\0').message).toBe('column 7: unexpected character U+0000');
    expect(rejection('name = "a\0b"').message).toBe(
      'column 10: unexpected character U+0000 in a string',
    );
    expect(rejection('name = "a\\u0000b"').reason).toBe(
      'control characters are not allowed in strings',
    );
    expect(rejection('q5\u001b= 1').column).toBe(3);
    expect(rejection('q5 = 1\u0085').column).toBe(7);
  });

  it('refuses lookalike and stray characters by code point', () => {
    expect(rejection('q5 ＝ 1').reason).toBe("unexpected character '＝'");
    expect(rejection('q5 = \ud800').reason).toBe('unexpected character U+D800');
    expect(rejection('q5 = 1 `rm -rf`').reason).toBe("unexpected character '`'");
    // A dotted name is one name, never a property access.
    expect(parseExpression('x.constructor')).toMatchObject({
      kind: 'variable',
      name: 'x.constructor',
    });
    expect(() => run('q1.__proto__ = 1')).toThrow('column 1: unknown variable q1.__proto__');
  });

  it('refuses what is not text at all', () => {
    expect(rejection(42 as unknown as string).reason).toBe('the expression must be text');
    expect(rejection(null as unknown as string).reason).toBe('the expression must be text');
  });

  it('expands a range over thousands of variables without trouble', () => {
    const variables = Array.from({ length: 5_000 }, (_, i) => ({
      name: `v${i}`,
      type: 'numeric' as const,
    }));
    const compiled = compileExpression(
      parseExpression('count(v0..v4999 = 1)'),
      new VariableCatalog(variables),
    );
    expect(compiled.needs).toHaveLength(5_000);
    const columns = new Map(variables.map((v, i) => [v.name, Float64Array.of(i % 2, 1)]));
    expect(Array.from(evaluate(compiled, columns, 2))).toEqual([2_500, 5_000]);
  });

  it('tells the caller which variable is missing from the columns it passed', () => {
    const compiled = compileExpression(
      parseExpression('q5 = 1 and q1 = 2'),
      new VariableCatalog([
        { name: 'q5', type: 'single' },
        { name: 'q1', type: 'single' },
      ]),
    );
    const partial = new Map([['q5', COLUMNS.get('q5')!]]);
    expect(() => evaluate(compiled, partial, ROWS)).toThrow('column 12: no data was loaded for q1');
    const short = new Map([...partial, ['q1', Float64Array.of(1)]]);
    expect(() => evaluate(compiled, short, ROWS)).toThrow('column 12: q1 has 1 rows, expected 6');
  });
});
