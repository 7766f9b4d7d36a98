import { describe, expect, it } from 'vitest';
import { guessSourceMeta } from '../../../../src/main/import/guessSourceMeta';

describe('guessing country, wave and respondent type from a file name', () => {
  it('reads a country code, a year and executives', () => {
    expect(guessSourceMeta('DE_2026_exec.sav')).toEqual({
      country: 'DE',
      wave: '2026',
      respondentType: 'executive',
    });
  });

  it('reads a country name in the local language and a wave number', () => {
    expect(guessSourceMeta('energia Italia wave2.xlsx')).toEqual({ country: 'IT', wave: 'W2' });
  });

  it('guesses nothing it cannot see', () => {
    expect(guessSourceMeta('survey-final.csv')).toEqual({});
  });
});
