import { describe, expect, it } from 'vitest';
import {
  ExpressionError,
  VariableCatalog,
  compileExpression,
  evaluate,
  parseExpression,
  type CompileOptions,
} from '../../../../../src/main/analysis/expressions';
import { CATALOG, COLUMNS, ROWS, compile } from './sampleStudy';

/** The ExpressionError compiling `text` against the sample study throws. */
function compileError(
  text: string,
  options?: CompileOptions,
  catalog: VariableCatalog = CATALOG,
): ExpressionError {
  const ast = parseExpression(text);
  try {
    compileExpression(ast, catalog, options);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} not to compile`);
}

describe('compile errors point at the column', () => {
  it.each([
    ['q5 = 1 and q99 = 2', 12, 'unknown variable q99'],
    ['mean(q8a, name)', 11, 'mean(…) needs numbers, but name is a text variable'],
    [
      'country = "Germny"',
      11,
      'country has no value labelled "Germny" (its labels: "Germany", "Italy", "France")',
    ],
    ['age = "old"', 7, 'Age has no value labels, so "old" matches nothing; compare with a code'],
    [
      'q1 + 1 = "Satisfied"',
      10,
      'the label "Satisfied" can only be matched against a variable with value labels',
    ],
    ['q5 > "Strongly agree"', 4, "'>' cannot compare with a label or text; use = or !="],
    ['name = 1', 1, 'name is a text variable: compare it with a string in quotes'],
    ['q1 < name', 6, 'name is a text variable: compare it with a string in quotes'],
    [
      'name in (1, "x")',
      10,
      'name is a text variable: compare it with strings in quotes, not numbers',
    ],
    ['"a" = "b"', 1, 'compare a variable with a string, not two strings'],
    [
      'q5 = missing',
      6,
      'a comparison with missing is never true; write q5 is missing or q5 is not missing',
    ],
    [
      'value(q1 + 1) = 2',
      7,
      'value(…) takes a variable name, e.g. value(gender): only a variable has a stored code',
    ],
    [
      'value(q7a..q7e) = 1',
      7,
      'a variable range like q7a..q7e only works inside any, all, count, sum, mean, min or max',
    ],
    [
      'q7a..q7e = 1',
      1,
      'a variable range like q7a..q7e only works inside any, all, count, sum, mean, min or max',
    ],
    [
      'count(q7e..q7a)',
      7,
      'the range q7e..q7a runs backwards: q7a comes before q7e in the codebook',
    ],
    ['count(q7a..q7x)', 12, 'unknown variable q7x'],
    [
      'count(q7a..q7c = q8a..q8c)',
      18,
      'only one variable range per operand of count(…); split it into two operands',
    ],
    ['name + 1', 1, "'+' needs numbers, but name is a text variable"],
    [
      '"a" and q1 = 1',
      1,
      'a string is not a condition; compare it with a variable, e.g. country = "a"',
    ],
    [
      'any(name)',
      5,
      'any(…) needs conditions, but name is a text variable; compare it with a string',
    ],
    ['recode(name, 1 -> 2)', 8, 'recode(…) needs numbers, but name is a text variable'],
    [
      'recode(q1 * 2, "Satisfied" -> 1)',
      16,
      'the label "Satisfied" can only be matched against a variable with value labels',
    ],
    ['"x" is missing', 1, 'a string in quotes is never missing'],
    [
      'name',
      1,
      'the expression gives text; a derived variable needs numbers and a filter a condition',
    ],
    [
      '"DE"',
      1,
      'the expression gives text; a derived variable needs numbers and a filter a condition',
    ],
  ])('%j → column %i: %s', (text, column, reason) => {
    const error = compileError(text);
    expect(error.reason).toBe(reason);
    expect(error.column).toBe(column);
  });

  it('reads a number as a filter the SPSS way: non-missing and non-zero', () => {
    const compiled = compile('visits', { expect: 'boolean' });
    expect(compiled.kind).toBe('boolean');
    expect(Array.from(evaluate(compiled, COLUMNS, ROWS))).toEqual([0, 1, 0, 1, 0, 1]);
    expect(compile('missing', { expect: 'boolean' }).kind).toBe('boolean');
  });

  it('turns a condition into a 1/0 variable where a number is expected', () => {
    expect(compile('q5 in (4, 5)', { expect: 'number' }).kind).toBe('number');
    expect(compile('q5 in (4, 5)', { expect: 'boolean' }).kind).toBe('boolean');
  });

  it('reports a name two variables share (ignoring case) as ambiguous', () => {
    const catalog = new VariableCatalog([
      { name: 'Q1', type: 'single' },
      { name: 'q1', type: 'single' },
    ]);
    expect(compileError('q1 = 1', {}, catalog).message).toBe(
      'column 1: q1 is ambiguous: the study has Q1 and q1',
    );
  });
});

describe('only study variables are reachable', () => {
  it.each([
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '__defineGetter__',
  ])('%s is just an unknown variable', (name) => {
    expect(compileError(`${name} = 1`).message).toBe(`column 1: unknown variable ${name}`);
    expect(compileError(`count(q7a..${name})`).reason).toBe(`unknown variable ${name}`);
  });

  it('finds a variable that really is called constructor, and nothing else by that name', () => {
    const catalog = new VariableCatalog([{ name: 'constructor', type: 'numeric' }]);
    const compiled = compileExpression(parseExpression('Constructor > 1'), catalog);
    expect(compiled.needs).toEqual(['constructor']);
    expect(compileError('__proto__ > 1', {}, catalog).reason).toBe('unknown variable __proto__');
  });

  it('expands a variable range in codebook order, whatever its names', () => {
    expect(compile('sum(q8c..sch.wide)').needs).toEqual(['q8c', 'visits', 'sch.wide']);
    expect(compile('count(Q7A..q7A = 1)').needs).toEqual(['q7a']);
  });
});
