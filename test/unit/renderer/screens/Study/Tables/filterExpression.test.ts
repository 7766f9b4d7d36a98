import { describe, expect, it } from 'vitest';
import {
  combinedFilter,
  pickExpression,
} from '../../../../../../src/renderer/src/screens/Study/Tables/filterExpression';

describe('filter picks as expressions', () => {
  it('writes one code as an equality and several as a list; text codes quoted, numbers not', () => {
    expect(pickExpression({ variable: 'wave', codes: ['2'] })).toBe('wave = 2');
    expect(pickExpression({ variable: 'country', codes: ['DE', 'FR'] })).toBe(
      'country in ("DE", "FR")',
    );
  });

  it('joins the picks and the free expression with and, each in parentheses', () => {
    expect(combinedFilter([{ variable: 'wave', codes: ['2'] }], ' age > 30 ')).toBe(
      '(wave = 2) and (age > 30)',
    );
    expect(combinedFilter([], 'age > 30')).toBe('age > 30');
    expect(combinedFilter([{ variable: 'wave', codes: [] }], '  ')).toBeUndefined();
  });
});
