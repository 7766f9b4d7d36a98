/**
 * Specification of the typing rules CSV and Excel share (docs/import-typing.md): names, the
 * type of each kind of column, the ≤ 50 distinct values rule, code-point order, declared labels,
 * and every override the import wizard can make.
 */
import { describe, expect, it } from 'vitest';
import {
  columnNames,
  compareCodePoints,
  typeColumns,
  type RawColumn,
  type TypingOptions,
} from '../../../../../src/main/import/tabular/columnTyping';
import { isoDateToSpssSeconds } from '../../../../../src/main/import/tabular/isoDate';
import { plainValues } from '../../../../support/importedValues';

const context = { source: 'f.csv', place: (row: number) => `data row ${row + 1}` };

function text(...values: Array<string | null>): RawColumn {
  return { kind: 'text', values };
}

function numbers(...values: number[]): RawColumn {
  return { kind: 'number', values: Float64Array.from(values) };
}

function typeOne(column: RawColumn, options: TypingOptions = {}, name = 'x') {
  const typed = typeColumns([name], [column], options, context);
  return {
    variable: typed.variables[0]!,
    values: plainValues(typed.columns[0]!),
    warnings: typed.warnings,
  };
}

describe('columnNames', () => {
  it('keeps names verbatim and names blank and repeated headers uniquely', () => {
    expect(columnNames(['sch.wide', '', null, 'a', 'a', 'a', 'V3', '  '])).toEqual({
      names: ['sch.wide', 'V2', 'V3_2', 'a', 'a_2', 'a_3', 'V3', 'V8'],
      warning:
        'generated variable names: column 2 has no name: V2; column 3 has no name: V3_2; column 5 repeats the name "a": a_2; column 6 repeats the name "a": a_3; column 8 has no name: V8',
    });
  });

  it('never generates a name the file uses later', () => {
    expect(columnNames(['a', 'a', 'a_2']).names).toEqual(['a', 'a_3', 'a_2']);
  });

  it('gives no warning when nothing was generated', () => {
    expect(columnNames(['x', 'y']).warning).toBeNull();
  });
});

describe('compareCodePoints', () => {
  it('orders by code point, not by locale or UTF-16 unit', () => {
    const sorted = ['é', 'agree', 'Zebra', 'Agree', '😀', '\uFF5E', '10', '2'].sort(
      compareCodePoints,
    );
    expect(sorted).toEqual(['10', '2', 'Agree', 'Zebra', 'agree', 'é', '\uFF5E', '😀']);
  });
});

describe('guessed types', () => {
  it('types numbers as numeric, integers included', () => {
    const { variable, values } = typeOne(numbers(1, 2, 3, NaN));
    expect(variable).toMatchObject({ type: 'numeric', valueLabels: [], missing: [], label: null });
    expect(values).toEqual([1, 2, 3, NaN]);
  });

  it('keeps one-byte number columns as codes and widens wider ones to Float64 with NaN for missing', () => {
    const u8: RawColumn = { kind: 'number', values: Uint8Array.from([1, 255, 7]) };
    const i32: RawColumn = { kind: 'number', values: Int32Array.from([-5, -2147483648, 70000]) };
    const typed = typeColumns(['a', 'b'], [u8, i32], {}, context);
    expect(typed.columns[0]).toEqual({ kind: 'codes', values: Uint8Array.from([1, 255, 7]) });
    expect(typed.columns[1]!.kind).toBe('numeric');
    expect(plainValues(typed.columns[1]!)).toEqual([-5, NaN, 70000]);
  });

  it('types text of at most 50 distinct values as single, codes 1..k in code-point order', () => {
    const { variable, values } = typeOne(text('b', 'a', null, 'B', 'a'));
    expect(variable.type).toBe('single');
    expect(variable.valueLabels).toEqual([
      { code: 1, label: 'B' },
      { code: 2, label: 'a' },
      { code: 3, label: 'b' },
    ]);
    expect(values).toEqual([3, 2, NaN, 1, 2]);
  });

  it('keeps text with more distinct values than maxCategories as text', () => {
    const many = Array.from({ length: 51 }, (_, i) => `t${i}`);
    expect(typeOne(text(...many)).variable.type).toBe('text');
    expect(typeOne(text(...many.slice(0, 50))).variable.type).toBe('single');
    expect(typeOne(text('a', 'b', 'c'), { maxCategories: 2 }).variable.type).toBe('text');
    expect(typeOne(text('a', 'b', 'a'), { maxCategories: 2 }).variable.type).toBe('single');
  });

  it('types ISO dates as dates, before the categories rule', () => {
    const { variable, values } = typeOne(text('2024-01-01', null, '2024-01-01T12:00:00'));
    expect(variable.type).toBe('date');
    expect(values).toEqual([
      isoDateToSpssSeconds('2024-01-01'),
      NaN,
      isoDateToSpssSeconds('2024-01-01T12:00:00'),
    ]);
  });

  it('types Excel date columns as dates', () => {
    const column: RawColumn = { kind: 'date', values: Float64Array.from([1e10, NaN]) };
    expect(typeOne(column).variable.type).toBe('date');
  });

  it('makes a numeric column with declared value labels single, keeping its codes', () => {
    const declared = new Map([
      [
        'x',
        {
          label: 'Gender',
          valueLabels: [
            { code: 1, label: 'Male' },
            { code: 2, label: 'Female' },
          ],
        },
      ],
    ]);
    const typed = typeColumns(['x'], [numbers(2, 1, NaN)], {}, { ...context, declared });
    expect(typed.variables[0]).toMatchObject({
      type: 'single',
      label: 'Gender',
      valueLabels: declared.get('x')!.valueLabels,
    });
    expect([...typed.columns[0]!.values]).toEqual([2, 1, NaN]);
  });

  it('codes a text column by declared labels when every text is one of them', () => {
    const valueLabels = [
      { code: 5, label: 'Sì' },
      { code: 9, label: 'No' },
    ];
    const declared = new Map([['x', { label: null, valueLabels }]]);
    const typed = typeColumns(['x'], [text('No', 'Sì', null)], {}, { ...context, declared });
    expect(typed.variables[0]).toMatchObject({ type: 'single', valueLabels });
    expect([...typed.columns[0]!.values]).toEqual([9, 5, NaN]);
    const other = typeColumns(['x'], [text('No', 'Forse')], {}, { ...context, declared });
    expect(other.variables[0]!.valueLabels.map((label) => label.label)).toEqual(['Forse', 'No']);
  });

  it('records the source column and header in formatAttributes', () => {
    const typed = typeColumns(['', 'b'], [numbers(1), numbers(2)], {}, context);
    expect(typed.variables.map((v) => v.formatAttributes)).toEqual([
      { tabular: { column: 1, header: '' } },
      { tabular: { column: 2, header: 'b' } },
    ]);
  });
});

describe('overrides', () => {
  it('forces numeric: texts that are not numbers become missing, with a warning that places them', () => {
    const { variable, values, warnings } = typeOne(text('1', 'x', '2.5', null, 'y'), {
      types: { x: 'numeric' },
    });
    expect(variable.type).toBe('numeric');
    expect(values).toEqual([1, NaN, 2.5, NaN, NaN]);
    expect(warnings).toEqual([
      'x: 2 values are not numbers and became missing (first: data row 2, "x")',
    ]);
  });

  it('forces date: texts that are not ISO dates become missing, with a warning', () => {
    const { values, warnings } = typeOne(text('2024-01-01', '01/02/2024'), {
      types: { x: 'date' },
    });
    expect(values).toEqual([isoDateToSpssSeconds('2024-01-01'), NaN]);
    expect(warnings[0]).toBe(
      'x: 1 value is not ISO dates and became missing (first: data row 2, "01/02/2024")',
    );
  });

  it('forces text: numbers in their shortest form, dates as ISO', () => {
    expect(typeOne(numbers(2.5, NaN, 10), { types: { x: 'text' } }).values).toEqual([
      '2.5',
      null,
      '10',
    ]);
    const dates: RawColumn = {
      kind: 'date',
      values: Float64Array.from([
        isoDateToSpssSeconds('2024-03-01')!,
        isoDateToSpssSeconds('2024-03-01T10:30:00')!,
      ]),
    };
    expect(typeOne(dates, { types: { x: 'text' } }).values).toEqual([
      '2024-03-01',
      '2024-03-01T10:30:00',
    ]);
  });

  it('forces single: numbers stay codes, texts get categories', () => {
    expect(typeOne(numbers(3, 1, 3), { types: { x: 'single' } })).toMatchObject({
      variable: { type: 'single', valueLabels: [] },
      values: [3, 1, 3],
    });
    const many = Array.from({ length: 80 }, (_, i) => `t${i}`);
    expect(typeOne(text(...many), { types: { x: 'single' } }).variable.valueLabels).toHaveLength(
      80,
    );
  });

  it('orders categories as asked, listed ones first (present or not), the rest in code-point order', () => {
    const { variable, values } = typeOne(text('Good', 'Bad', 'Meh', 'Awful'), {
      categoryOrder: { x: ['Excellent', 'Good', 'Bad'] },
    });
    expect(variable.valueLabels.map((label) => `${label.code}:${label.label}`)).toEqual([
      '1:Excellent',
      '2:Good',
      '3:Bad',
      '4:Awful',
      '5:Meh',
    ]);
    expect(values).toEqual([2, 3, 5, 4]);
  });

  it('makes a text column single when given a category order, even with many values', () => {
    const many = Array.from({ length: 60 }, (_, i) => `t${i}`);
    expect(typeOne(text(...many), { categoryOrder: { x: ['t5'] } }).variable.type).toBe('single');
  });

  it('ignores a category order on a variable forced to another type, with a warning', () => {
    const result = typeOne(text('a', 'b'), {
      types: { x: 'text' },
      categoryOrder: { x: ['b', 'a'] },
    });
    expect(result.variable.type).toBe('text');
    expect(result.warnings).toEqual([
      'x: categoryOrder is ignored because the variable is text, not single',
    ]);
  });

  it('refuses overrides for variables the file does not have, and unknown types', () => {
    expect(() => typeOne(numbers(1), { types: { y: 'text' } })).toThrow(
      'f.csv: types names "y", which is not a variable of this file (variables: x)',
    );
    expect(() => typeOne(numbers(1), { categoryOrder: { y: [] } })).toThrow(
      'categoryOrder names "y"',
    );
    expect(() => typeOne(numbers(1), { types: { x: 'multi' as 'text' } })).toThrow(
      'types gives x the type "multi"',
    );
    expect(() => typeOne(numbers(1), { maxCategories: -1 })).toThrow(
      'maxCategories must be a whole number',
    );
  });

  it('applies overrides by generated names', () => {
    const typed = typeColumns(['', ''], [text('a'), text('b')], { types: { V2: 'text' } }, context);
    expect(typed.variables.map((v) => `${v.name}:${v.type}`)).toEqual(['V1:single', 'V2:text']);
  });
});
