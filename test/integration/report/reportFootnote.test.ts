/** The one footnote formatter of reports: what it says, for the screen and every export alike. */
import { describe, expect, it } from 'vitest';
import type { FootnoteFacts, RenderedItem } from '../../../src/shared/domain/report';
import { pageFootnotes, reportFootnote } from '../../../src/shared/domain/reportFootnote';

const facts: FootnoteFacts = {
  questions: [{ name: 'energy', label: 'Customer energy' }],
  base: { n: 6153, wn: 6153, effective: 6153 },
  weighted: false,
  preset: 'spss',
  levels: [0.95],
  test: 'z-pooled-proportion',
  adjustment: 'bonferroni',
  waves: ['2025', '2026'],
  countries: ['Germany', 'Italy'],
};

describe('reportFootnote', () => {
  it('names the question, the unweighted base, no weight, the test and level, the waves and countries', () => {
    expect(reportFootnote(facts)).toBe(
      'Question: energy: Customer energy. Base: all respondents with an answer; unweighted 6,153. ' +
        'Weight: none (unweighted). Significance: SPSS preset, column proportions z-test (pooled), ' +
        'Bonferroni-adjusted, letters at 95%. Source: waves 2025, 2026; countries Germany, Italy.',
    );
  });

  it('gives weighted and effective bases with the weight, and both letter levels', () => {
    const weighted = reportFootnote({
      ...facts,
      base: { n: 1200, wn: 1187.46, effective: 1010.2 },
      weighted: true,
      weight: 'Country weight',
      levels: [0.99, 0.95],
      preset: 'q',
    });
    expect(weighted).toContain('unweighted 1,200, weighted 1,187.5, effective 1,010.2.');
    expect(weighted).toContain('Weight: Country weight.');
    expect(weighted).toContain('Q preset');
    expect(weighted).toContain('letters in upper case at 99%, in lower case at 95%.');
  });

  it('names the filter and the repeat value as the base', () => {
    const text = reportFootnote({
      ...facts,
      filter: 'online = 1',
      repeat: { variable: 'country', code: 1, label: 'Germany' },
    });
    expect(text).toContain('Base: online = 1 and country = Germany with an answer;');
  });

  it('says a question without a label by its name, and an empty source as a dash', () => {
    const text = reportFootnote({
      ...facts,
      questions: [{ name: 'q7', label: 'q7' }],
      waves: [],
      countries: [],
    });
    expect(text).toMatch(/^Question: q7\. /);
    expect(text).toContain('Source: waves –; countries –.');
  });
});

describe('pageFootnotes', () => {
  it('gives one line per chart or table, led by its title only when the page has several', () => {
    const item = (title: string) =>
      ({ kind: 'table', title, footnote: `note of ${title}` }) as unknown as RenderedItem;
    const text: RenderedItem = { kind: 'text', text: 'words' };
    expect(pageFootnotes([item('A'), text])).toEqual(['note of A']);
    expect(pageFootnotes([item('A'), item('B')])).toEqual(['A — note of A', 'B — note of B']);
  });
});
