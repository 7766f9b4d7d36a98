/** Column letters: A … Z, AA … (no limit at 26 or 52 columns, unlike SPSS and Dimensions). */
import { describe, expect, it } from 'vitest';
import { columnLetter, columnLetters } from '../../../../../src/main/analysis/significance';
import { joinLetters } from '../../../../../src/main/analysis/significance/letters';

describe('column letters', () => {
  it('runs A … Z, then AA, AB … ZZ, then AAA', () => {
    expect(columnLetters(3)).toEqual(['A', 'B', 'C']);
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(27)).toBe('AB');
    expect(columnLetter(701)).toBe('ZZ');
    expect(columnLetter(702)).toBe('AAA');
    expect(new Set(columnLetters(1000)).size).toBe(1000);
    expect(columnLetters(0)).toEqual([]);
  });

  it('rejects positions that are not non-negative integers', () => {
    expect(() => columnLetter(-1)).toThrow(RangeError);
    expect(() => columnLetters(1.5)).toThrow(RangeError);
  });

  it('runs single letters together and spaces them once a letter is longer', () => {
    expect(joinLetters(['B', 'c', 'D'])).toBe('BcD');
    expect(joinLetters(['B', 'AA', 'ab'])).toBe('B AA ab');
    expect(joinLetters([])).toBe('');
  });
});
