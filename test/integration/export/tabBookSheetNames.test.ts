/** Sheet names of a tab book are names Excel accepts, unique, and still say which table is which. */
import { describe, expect, it } from 'vitest';
import {
  formulaText,
  sheetLink,
  tabBookSheetNames,
} from '../../../src/main/export/tabBookSheetNames';

describe('tab book sheet names', () => {
  it('start with the table number and keep the title', () => {
    expect(tabBookSheetNames(['energy by country', 'gender by wave'], ['Contents'])).toEqual([
      '1 energy by country',
      '2 gender by wave',
    ]);
  });

  it('are at most 31 characters, without []:*?/\\ or a trailing separator', () => {
    const [name] = tabBookSheetNames(
      ['energy, create_video, create_blog by country/wave [2026]: *all*?'],
      [],
    );
    expect(name).toBe('1 energy, create_video, create_');
    expect(name!.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
  });

  it('are unique regardless of case, also against the contents sheet', () => {
    const long = 'x'.repeat(40);
    const names = tabBookSheetNames([long, long], []);
    expect(new Set(names).size).toBe(2);
    expect(tabBookSheetNames([''], ['1'])).toEqual(['1 (2)']);
    expect(names.every((name) => name.length <= 31)).toBe(true);
  });

  it('are quoted for HYPERLINK(), apostrophes doubled', () => {
    expect(sheetLink("1 customers' energy")).toBe("#'1 customers'' energy'!A1");
    expect(formulaText('say "hi"')).toBe('"say ""hi"""');
  });
});
