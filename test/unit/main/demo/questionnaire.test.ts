/**
 * Specification of the master questionnaire: five real translations of every text, code frames
 * the importer can map by label, the one frequency scale of the behaviours, and the industry
 * column's codes.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  BEHAVIOURS,
  INDUSTRY_COLUMN,
  industryCode,
  industryOfCode,
  industryValues,
  masterQuestionnaire,
  variablesOf,
  type Translations,
} from '../../../../src/main/demo/questionnaire';

const LANGUAGES = ['en', 'de', 'it', 'fr', 'ko'];

/** Every translated text of the questionnaire, with where it is. */
function allTexts(): Array<{ where: string; texts: Translations }> {
  const { title, industries, variables } = masterQuestionnaire;
  return [
    { where: 'title', texts: title },
    { where: 'industry column', texts: INDUSTRY_COLUMN.labels },
    ...industries.map((industry) => ({
      where: `industry ${industry.code}`,
      texts: industry.names,
    })),
    ...variables.flatMap((variable) => [
      { where: variable.name, texts: variable.labels },
      ...variable.values.map((value) => ({
        where: `${variable.name} = ${value.code}`,
        texts: value.labels,
      })),
    ]),
  ];
}

describe('masterQuestionnaire', () => {
  it('speaks English, German, Italian, French and Korean', () => {
    expect(masterQuestionnaire.languages).toEqual(LANGUAGES);
  });

  it('has every text in all five languages and no others', () => {
    for (const { where, texts } of allTexts()) {
      expect(Object.keys(texts).sort(), where).toEqual([...LANGUAGES].sort());
      for (const language of LANGUAGES) expect(texts[language]!.trim(), where).not.toBe('');
    }
  });

  it('writes every Korean text in Hangul', () => {
    for (const { where, texts } of allTexts()) expect(texts.ko, where).toMatch(/[\uAC00-\uD7A3]/);
  });

  it('fits the French texts in Windows-1252 and the Korean texts in CP949, the agencies’ code pages', () => {
    for (const { where, texts } of allTexts()) {
      expect(iconv.decode(iconv.encode(texts.fr!, 'windows-1252'), 'windows-1252'), where).toBe(
        texts.fr,
      );
      expect(iconv.decode(iconv.encode(texts.ko!, 'cp949'), 'cp949'), where).toBe(texts.ko);
    }
  });

  it('gives every code of a variable its own label in each language, so files can be mapped by label', () => {
    for (const variable of masterQuestionnaire.variables) {
      for (const language of LANGUAGES) {
        const labels = variable.values.map((value) => value.labels[language]);
        expect(new Set(labels).size, `${variable.name} (${language})`).toBe(labels.length);
      }
    }
    for (const language of LANGUAGES) {
      const names = industryValues(language).map((value) => value.label);
      expect(new Set(names).size, language).toBe(names.length);
    }
  });

  it('codes single variables and leaves numeric and text variables without codes', () => {
    for (const variable of masterQuestionnaire.variables) {
      if (variable.type === 'single')
        expect(variable.values.length, variable.name).toBeGreaterThan(1);
      else expect(variable.values, variable.name).toEqual([]);
      for (const code of variable.missing ?? [])
        expect(
          variable.values.map((value) => value.code),
          variable.name,
        ).toContain(code);
    }
  });

  it('names each variable once, in lower-case letters, digits and underscores', () => {
    const names = masterQuestionnaire.variables.map((variable) => variable.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]{0,31}$/);
    expect(names).not.toContain(INDUSTRY_COLUMN.name);
  });

  it('asks customers and executives their own questions, each with its own ID first', () => {
    expect(variablesOf('customer')[0]!.name).toBe('resp_id');
    expect(variablesOf('executive')[0]!.name).toBe('exec_id');
    expect(variablesOf('customer').length + variablesOf('executive').length).toBe(
      masterQuestionnaire.variables.length,
    );
    expect(variablesOf('executive').map((variable) => variable.name)).toEqual([
      'exec_id',
      'exec_role',
      'company_size',
      'ce_importance_now',
      'ce_importance_5y',
      'ce_threat',
      'engage_creators',
      'engage_contributors',
    ]);
  });

  it('measures all nine behaviours on one scale from 1 never to 5 daily', () => {
    expect(BEHAVIOURS).toEqual([
      'create_video',
      'create_blog',
      'create_review',
      'create_idea',
      'comment',
      'rate',
      'recommend',
      'read_reviews',
      'compare_prices',
    ]);
    for (const name of BEHAVIOURS) {
      const variable = masterQuestionnaire.variables.find((candidate) => candidate.name === name)!;
      expect(
        variable.values.map((value) => [value.code, value.labels.en]),
        name,
      ).toEqual([
        [1, 'Never'],
        [2, 'Less than once a month'],
        [3, 'Monthly'],
        [4, 'Weekly'],
        [5, 'Daily'],
      ]);
      expect(variable.missing, name).toBeUndefined();
    }
  });

  it('declares "don’t know" (99) user-missing wherever it is offered', () => {
    for (const variable of masterQuestionnaire.variables) {
      const offered = variable.values.some((value) => value.code === 99);
      expect(variable.missing ?? [], variable.name).toEqual(offered ? [99] : []);
    }
  });
});

describe('the industry column', () => {
  it('codes the six industries 1..6 in the questionnaire’s order', () => {
    expect(masterQuestionnaire.industries.map((industry) => industry.code)).toEqual([
      'telecom',
      'retail',
      'banking',
      'automotive',
      'electronics',
      'travel',
    ]);
    expect(masterQuestionnaire.industries.map((_, index) => industryCode(index))).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
    expect(industryOfCode(3)?.code).toBe('banking');
    expect(industryOfCode(7)).toBeUndefined();
    expect(() => industryCode(6)).toThrow(RangeError);
  });

  it('labels the codes with the industry names in the file’s language', () => {
    expect(industryValues('de')).toEqual([
      { code: 1, label: 'Telekommunikation' },
      { code: 2, label: 'Einzelhandel' },
      { code: 3, label: 'Bankwesen' },
      { code: 4, label: 'Automobil' },
      { code: 5, label: 'Unterhaltungselektronik' },
      { code: 6, label: 'Reisen' },
    ]);
  });
});
