/**
 * Guesses a source's country, wave and respondent type from its file name, so the wizard can
 * pre-fill them ("DE_wave2_2026_exec.sav" → DE, 2026, executive). Only a suggestion: the user
 * confirms or changes every field before importing.
 */
import { COUNTRY_NAMES } from '../../shared/domain/countries';

export interface SourceMetaGuess {
  country?: string;
  wave?: string;
  respondentType?: 'customer' | 'executive';
}

export function guessSourceMeta(fileName: string): SourceMetaGuess {
  const stem = fileName.replace(/\.[^.]+$/, '');
  const tokens = stem.split(/[^A-Za-z0-9\u00C0-\uFFFF]+/).filter(Boolean);
  const guess: SourceMetaGuess = {};
  for (const token of tokens) {
    const upper = token.toUpperCase();
    if (!guess.country && token.length === 2 && upper in COUNTRY_NAMES) guess.country = upper;
    if (!guess.country) {
      const byName = Object.entries(COUNTRY_NAMES).find(([, names]) =>
        Object.values(names).some((name) => name.toLowerCase() === token.toLowerCase()),
      );
      if (byName) guess.country = byName[0];
    }
    if (!guess.wave && /^(19|20)\d\d$/.test(token)) guess.wave = token;
    if (!guess.wave && /^w(ave)?\d{1,2}$/i.test(token))
      guess.wave = token.toLowerCase().replace(/^w(ave)?/, 'W');
    if (/^(exec|execs|executive|executives|b2b|manager|managers)$/i.test(token))
      guess.respondentType = 'executive';
    if (/^(customer|customers|consumer|consumers|b2c)$/i.test(token))
      guess.respondentType = 'customer';
  }
  return guess;
}
