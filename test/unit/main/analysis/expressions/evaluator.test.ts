import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../../src/main/analysis/expressions';
import { COLUMNS, ROWS, compile, run } from './sampleStudy';

const _ = NaN;

describe('the examples of issue 6', () => {
  it('q5 in (4,5) and country = "DE" matches codes and the country code', () => {
    // q5 in (4,5): T T F ? T F; country = DE: T F T F T ?; and: unknown & false is false.
    expect(run('q5 in (4,5) and country = "DE"')).toEqual([1, 0, 0, 0, 1, 0]);
    expect(compile('q5 in (4,5) and country = "DE"').kind).toBe('boolean');
  });

  it('recode(q1, 1..2 -> 1, 3 -> 2, else -> missing) groups codes', () => {
    expect(run('recode(q1, 1..2 -> 1, 3 -> 2, else -> missing)')).toEqual([1, 1, 2, _, 1, 1]);
  });

  it('any(create_video, create_blog >= 3) is true when any operand is true', () => {
    // create_video as a bare variable: 0 F, 1 T, missing ?. create_blog >= 3: T F ? ? T F.
    expect(run('any(create_video, create_blog >= 3)')).toEqual([1, 1, 0, 0, 1, 0]);
  });

  it('count(q7a..q7e = 1) counts the variables from q7a to q7e equal to 1, skipping missing', () => {
    expect(run('count(q7a..q7e = 1)')).toEqual([4, 2, 0, 3, 0, 1]);
  });

  it('band(age, 18..34, 35..54, 55..) gives codes 1, 2, 3 and missing outside every band', () => {
    // 54.5 falls between 35..54 and 55..: the bands are inclusive and do not stretch.
    expect(run('band(age, 18..34, 35..54, 55..)')).toEqual([1, 1, 2, _, 3, _]);
  });

  it('mean(q8a, q8b, q8c) averages the non-missing values', () => {
    expect(run('mean(q8a, q8b, q8c)')).toEqual([2, 5, _, 3, 3, _]);
  });
});

describe('functions', () => {
  it('sum, min and max work over the non-missing operands and a variable range', () => {
    expect(run('sum(q8a..q8c)')).toEqual([6, 10, _, 6, 9, _]);
    expect(run('min(q8a..q8c)')).toEqual([1, 5, _, 2, 1, _]);
    expect(run('max(q8a, q8b, q8c)')).toEqual([3, 5, _, 4, 4, _]);
    expect(run('mean(q8a..q8b, 10)')).toEqual([13 / 3, 7.5, 10, 16 / 3, 6, 10]);
  });

  it('all is true only when every operand is true', () => {
    expect(run('all(q7a..q7b)')).toEqual([1, 0, 0, 0, 0, 0]);
    expect(run('all(q8a >= 1, q8c >= 1)')).toEqual([1, 1, 0, 0, 1, 0]);
  });

  it('count over bare variables counts non-missing, non-zero values', () => {
    expect(run('count(q7a..q7e)')).toEqual([4, 2, 0, 3, 0, 1]);
    expect(run('count(visits, q7a)')).toEqual([1, 1, 0, 2, 0, 1]);
  });

  it('missing(x) is x is missing', () => {
    expect(run('missing(q1)')).toEqual([0, 0, 0, 1, 0, 0]);
    expect(run('q1 is missing')).toEqual([0, 0, 0, 1, 0, 0]);
    expect(run('q1 is not missing')).toEqual([1, 1, 1, 0, 1, 1]);
  });

  it('a list function operand may combine a range with other operands and nest', () => {
    expect(run('count(q7a..q7c = 1, q7e = 1)')).toEqual([3, 2, 0, 3, 0, 1]);
    expect(run('sum(count(q7a..q7e = 1), q8a)')).toEqual([5, 7, 0, 5, 4, 1]);
  });
});

describe('recode and band', () => {
  it('takes the first matching rule, lists of sources and label sources', () => {
    expect(run('recode(q1, 1 -> 10, 1..3 -> 20)')).toEqual([10, 20, 20, _, 20, 10]);
    expect(run('recode(q5, (1, 3, 5) -> 1, ..2 -> 2, 4.. -> 3)')).toEqual([3, 1, 1, _, 1, 1]);
    expect(run('recode(country, "DE" -> 1, ("it", "France") -> 2)')).toEqual([1, 2, 1, 2, 1, _]);
  });

  it('leaves unmatched values missing unless an else rule says otherwise', () => {
    expect(run('recode(q1, 1 -> 10)')).toEqual([10, _, _, _, _, 10]);
    expect(run('recode(q1, 1 -> 10, else -> copy)')).toEqual([10, 2, 3, _, 2, 10]);
  });

  it('applies else to values only: a missing subject needs an explicit missing rule', () => {
    expect(run('recode(q1, 1 -> 10, else -> 0)')).toEqual([10, 0, 0, _, 0, 10]);
    expect(run('recode(q1, missing -> 9, else -> copy)')).toEqual([1, 2, 3, 9, 2, 1]);
  });

  it('recodes computed values and negative targets', () => {
    expect(run('recode(q8a - 3, ..-1 -> -1, 0 -> 0, 1.. -> 1)')).toEqual([-1, 1, _, -1, 1, _]);
  });

  it('implies value labels: written ones, and a single labelled source code', () => {
    const compiled = compile('recode(q1, 1..2 -> 1 "Satisfied (net)", 3 -> 2, else -> missing)');
    expect(compiled.kind).toBe('number');
    expect(compiled.valueLabels).toEqual(
      new Map([
        [1, 'Satisfied (net)'],
        [2, 'Dissatisfied'],
      ]),
    );
    // Two rules feeding code 1: no obvious label for it.
    expect(compile('recode(q1, 1 -> 1, 2 -> 1, 3 -> 2)').valueLabels).toEqual(
      new Map([[2, 'Dissatisfied']]),
    );
    expect(compile('recode(q1 + 0, 1 -> 1)').valueLabels).toBeNull();
  });

  it('labels bands "18–34", "55+" and "up to 17", or as written', () => {
    expect(compile('band(age, 18..34, 35..54, 55..)').valueLabels).toEqual(
      new Map([
        [1, '18–34'],
        [2, '35–54'],
        [3, '55+'],
      ]),
    );
    expect(compile('band(age, ..17, 18..34 "young adults", 40)').valueLabels).toEqual(
      new Map([
        [1, 'up to 17'],
        [2, 'young adults'],
        [3, '40'],
      ]),
    );
    expect(run('band(age, ..17, 18..34, 35..)')).toEqual([2, 2, 3, 3, 3, _]);
  });
});

describe('missing values', () => {
  it('arithmetic with a missing operand is missing', () => {
    expect(run('q1 + 1')).toEqual([2, 3, 4, _, 3, 2]);
    expect(run('q8a * q8b')).toEqual([2, _, _, 8, 16, _]);
  });

  it('division by zero and overflow are missing, not Infinity', () => {
    expect(run('q8a / 0')).toEqual([_, _, _, _, _, _]);
    expect(run('q8a / visits')).toEqual([_, 2.5, _, 2 / 7, _, _]);
    // 21 factors of 1e15 exceed the largest double (about 1.8e308).
    expect(run(Array(21).fill('q8a * 1e15').join(' * '))).toEqual([_, _, _, _, _, _]);
  });

  it('a comparison with a missing operand is never true, whatever the operator', () => {
    expect(run('q1 = 1')).toEqual([1, 0, 0, 0, 0, 1]);
    expect(run('q1 != 1')).toEqual([0, 1, 1, 0, 1, 0]);
    expect(run('q1 <> 1')).toEqual([0, 1, 1, 0, 1, 0]);
    expect(run('q1 < 3')).toEqual([1, 1, 0, 0, 1, 1]);
    expect(run('q1 in (1, 2)')).toEqual([1, 1, 0, 0, 1, 1]);
    expect(run('q1 not in (1, 2)')).toEqual([0, 0, 1, 0, 0, 0]);
  });

  it('not of an undecided comparison stays undecided, so the row stays excluded (as in SPSS)', () => {
    expect(run('not (q1 = 1)')).toEqual([0, 1, 1, 0, 1, 0]);
    expect(run('not q1 = 1')).toEqual([0, 1, 1, 0, 1, 0]);
    expect(run('not (q1 = 1) or q1 is missing')).toEqual([0, 1, 1, 1, 1, 0]);
    expect(run('(q1 = 1) is missing')).toEqual([0, 0, 0, 1, 0, 0]);
  });

  it('and / or decide when one side settles it (three-valued logic)', () => {
    // Row 3: q1 is missing, age 54.5.
    expect(run('q1 = 1 or age > 50')).toEqual([1, 0, 0, 1, 1, 1]);
    expect(run('q1 = 1 and age > 50')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(run('not (q1 = 1 and age > 50)')).toEqual([1, 1, 1, 0, 1, 0]);
    expect(run('not (q1 = 1 and age > 60)')).toEqual([1, 1, 1, 1, 1, 0]);
  });

  it('count skips missing, sum and mean use the non-missing values, all-missing gives missing', () => {
    expect(run('count(q8a..q8c = 5)')).toEqual([0, 2, 0, 0, 0, 0]);
    expect(run('sum(q8a, q8b)')).toEqual([3, 5, _, 6, 8, _]);
    expect(run('mean(q8b)')).toEqual([2, _, _, 4, 4, _]);
    expect(run('mean(1, missing, 3)')).toEqual([2, 2, 2, 2, 2, 2]);
    expect(run('sum(missing, q8b)')).toEqual([2, _, _, 4, 4, _]);
  });

  it('any is false when all its operands are missing', () => {
    expect(run('any(q8a..q8c)')).toEqual([1, 1, 0, 1, 1, 0]);
  });

  it('a condition used as a number is 1, 0 or missing', () => {
    expect(run('(q5 >= 4) + (q1 = 1)')).toEqual([2, 1, 0, _, 1, 1]);
    expect(Array.from(evaluateNumber('q5 >= 4'))).toEqual([1, 1, 0, _, 1, 0]);
  });

  it('a number used as a condition is true when non-missing and non-zero', () => {
    expect(run('visits and q7a')).toEqual([0, 0, 0, 1, 0, 0]);
    expect(run('not visits')).toEqual([1, 0, 1, 0, 0, 0]);
  });
});

describe('user-missing codes (gender: 99 declared missing; q9: 8..9)', () => {
  // gender is 1, 2, 99, missing, 2, 99; q9 is 5, 8, 1, 9, missing, 3.
  it('are missing in a comparison: gender >= 2 is not true for a refusal', () => {
    expect(run('gender >= 2')).toEqual([0, 1, 0, 0, 1, 0]);
    expect(run('gender = 99')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(run('gender != 1')).toEqual([0, 1, 0, 0, 1, 0]);
    expect(run('q9 in (1..9)')).toEqual([1, 0, 1, 0, 0, 1]);
  });

  it('are missing for is missing, and value(x) is missing only where nothing is stored', () => {
    expect(run('gender is missing')).toEqual([0, 0, 1, 1, 0, 1]);
    expect(run('missing(q9)')).toEqual([0, 1, 0, 1, 1, 0]);
    expect(run('value(gender) is missing')).toEqual([0, 0, 0, 1, 0, 0]);
  });

  it('value(x) reads the stored code, so value(gender) = 99 selects the refusals', () => {
    expect(run('value(gender) = 99')).toEqual([0, 0, 1, 0, 0, 1]);
    expect(run('value(gender) = "Prefer not to say"')).toEqual([0, 0, 1, 0, 0, 1]);
    expect(run('count(value(q9) in (8..9), value(gender) = 99)')).toEqual([0, 1, 1, 1, 0, 1]);
    expect(run('count(value(q7a..q7e) = 1)')).toEqual(run('count(q7a..q7e = 1)'));
  });

  it('arithmetic and aggregates treat them as missing', () => {
    expect(evaluateNumber('q9 * 10')).toEqual(Float64Array.of(50, _, 10, _, _, 30));
    expect(evaluateNumber('sum(q9, gender)')).toEqual(Float64Array.of(6, 2, 1, _, 2, 3));
    expect(evaluateNumber('value(q9) * 10')).toEqual(Float64Array.of(50, 80, 10, 90, _, 30));
  });

  it('recode: else leaves them missing and a missing source matches them', () => {
    expect(evaluateNumber('recode(gender, 1 -> 1, else -> 2)')).toEqual(
      Float64Array.of(1, 2, _, _, 2, _),
    );
    expect(evaluateNumber('recode(gender, 99 -> 3, else -> copy)')).toEqual(
      Float64Array.of(1, 2, _, _, 2, _),
    );
    expect(evaluateNumber('recode(gender, missing -> 9, else -> copy)')).toEqual(
      Float64Array.of(1, 2, 9, 9, 2, 9),
    );
    expect(evaluateNumber('recode(value(gender), 99 -> 3, else -> copy)')).toEqual(
      Float64Array.of(1, 2, 3, _, 2, 3),
    );
    expect(evaluateNumber('band(q9, ..2, 3..)')).toEqual(Float64Array.of(2, _, 1, _, _, 2));
  });

  it('a derived value keeps its own labels from value(x): the refusal label travels', () => {
    const compiled = compile('recode(value(gender), "Prefer not to say" -> 3, else -> copy)');
    expect(compiled.valueLabels).toEqual(new Map([[3, 'Prefer not to say']]));
  });
});

describe('labels, codes and text', () => {
  it('matches a string against value labels case-insensitively, in any language', () => {
    expect(run('country = "germany"')).toEqual([1, 0, 1, 0, 1, 0]);
    expect(run('country = "DEUTSCHLAND"')).toEqual([1, 0, 1, 0, 1, 0]);
    expect(run('"de" = country')).toEqual([1, 0, 1, 0, 1, 0]);
    expect(run('q1 = "very satisfied"')).toEqual([1, 0, 0, 0, 0, 1]);
    expect(run("q5 = 'Strongly Agree'")).toEqual([0, 1, 0, 0, 1, 0]);
  });

  it('mixes codes, labels and ranges in one list', () => {
    expect(run('country in ("DE", "italia")')).toEqual([1, 1, 1, 0, 1, 0]);
    expect(run('country in (3, "DE")')).toEqual([1, 0, 1, 1, 1, 0]);
    expect(run('country != "DE"')).toEqual([0, 1, 0, 1, 0, 0]);
    expect(run('q5 in (..2, 5)')).toEqual([0, 1, 0, 0, 1, 1]);
    expect(run('age in (18..34, 55..)')).toEqual([1, 1, 0, 0, 1, 0]);
  });

  it('compares text case-insensitively, ignoring surrounding blanks; a blank is missing', () => {
    expect(run('name = "anna"')).toEqual([1, 0, 0, 1, 0, 0]);
    expect(run('name != "anna"')).toEqual([0, 1, 0, 0, 0, 1]);
    expect(run('name in ("BOB", "carl")')).toEqual([0, 1, 0, 0, 0, 1]);
    expect(run('name is missing')).toEqual([0, 0, 1, 0, 1, 0]);
  });
});

describe('names and arithmetic', () => {
  it('matches variable names case-insensitively and keywords in any case', () => {
    expect(run('Q5 IN (4,5) AND COUNTRY = "de"')).toEqual([1, 0, 0, 0, 1, 0]);
    expect(run('AGE >= 35 Or Q1 Is Missing')).toEqual([0, 0, 1, 1, 1, 0]);
    expect(compile('AGE + Q1').needs).toEqual(['Age', 'q1']);
  });

  it('reads names with dots such as sch.wide', () => {
    expect(run('sch.wide > 25')).toEqual([0, 0, 1, 0, 1, 1]);
    expect(run('SCH.WIDE / 10')).toEqual([1, 2, 3, _, 5, 6]);
  });

  it('follows the usual precedence and left-to-right order', () => {
    expect(run('2 + 3 * 4')[0]).toBe(14);
    expect(run('(2 + 3) * 4')[0]).toBe(20);
    expect(run('10 - 2 - 3')[0]).toBe(5);
    expect(run('12 / 2 / 3')[0]).toBe(2);
    expect(run('-q8a + 1')).toEqual([0, -4, _, -1, -3, _]);
    expect(run('- -2')[0]).toBe(2);
    expect(run('q8a - 1 - 1')).toEqual([-1, 3, _, 0, 2, _]);
  });

  it('treats dates as numbers', () => {
    expect(run('interviewed >= 19002')).toEqual([0, 0, 1, 1, 0, 1]);
  });

  it('gives a condition 1/0 for a filter and a copy, never the input column, for a number', () => {
    const result = evaluateNumber('q1');
    expect(Array.from(result)).toEqual([1, 2, 3, _, 2, 1]);
    expect(result).not.toBe(COLUMNS.get('q1'));
    expect(Array.from(evaluateNumber('7'))).toEqual([7, 7, 7, 7, 7, 7]);
  });

  it('lists the variables it needs once each, in order of first mention, with catalog spelling', () => {
    expect(compile('count(q7a..q7c = 1) + q7A + AGE').needs).toEqual(['q7a', 'q7b', 'q7c', 'Age']);
    expect(compile('1 + 2').needs).toEqual([]);
  });
});

function evaluateNumber(text: string): Float64Array {
  const compiled = compile(text, { expect: 'number' });
  if (compiled.kind !== 'number') throw new Error('expected a number expression');
  return evaluate(compiled, COLUMNS, ROWS);
}
