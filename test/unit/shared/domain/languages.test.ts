import { describe, expect, it } from 'vitest';
import { languageName, sortLanguages } from '../../../../src/shared/domain/languages';

describe('label languages as the select lists them', () => {
  it('names the five shipped languages in themselves', () => {
    expect(['en', 'de', 'it', 'fr', 'ko'].map(languageName)).toEqual([
      'English',
      'Deutsch',
      'Italiano',
      'Français',
      '한국어',
    ]);
  });

  it('names another language as Intl knows it, and shows a code Intl does not know as itself', () => {
    expect(languageName('es')).toBe('Español');
    expect(languageName('und')).toBe('und');
  });

  it('orders the shipped languages first, then the others alphabetically, once each', () => {
    expect(sortLanguages(['ko', 'nl', 'en', 'es', 'de', 'en'])).toEqual([
      'en',
      'de',
      'ko',
      'es',
      'nl',
    ]);
  });
});
