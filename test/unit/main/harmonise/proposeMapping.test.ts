import { describe, expect, it } from 'vitest';
import type { ImportedVariable } from '../../../../src/main/import/importedDataset';
import { labelSimilarity } from '../../../../src/main/harmonise/labelSimilarity';
import { proposeMapping } from '../../../../src/main/harmonise/proposeMapping';
import type { CodebookVariable } from '../../../../src/main/harmonise/studyCodebook';
import type { SourceMapping } from '../../../../src/shared/domain/mapping';

function fileVariable(
  name: string,
  label: string | null,
  valueLabels: Array<[number, string]> = [],
  type: ImportedVariable['type'] = valueLabels.length > 0 ? 'single' : 'numeric',
): ImportedVariable {
  return {
    name,
    label,
    type,
    valueLabels: valueLabels.map(([code, text]) => ({ code, label: text })),
    missing: [],
    formatAttributes: {},
  };
}

function studyVariable(
  name: string,
  labels: Record<string, string>,
  values: Array<[number, Record<string, string>]> = [],
  type: CodebookVariable['type'] = values.length > 0 ? 'single' : 'numeric',
): CodebookVariable {
  return {
    name,
    type,
    labels,
    sourceLanguage: 'en',
    values: values.map(([code, texts]) => ({ code, labels: texts })),
  };
}

const yesNo = (language: 'en' | 'de', yes: string, no: string) =>
  [
    [1, { [language]: yes }],
    [2, { [language]: no }],
  ] as Array<[number, Record<string, string>]>;

describe('label similarity', () => {
  it('treats labels that differ only in case, accents, punctuation and question numbers as equal', () => {
    expect(
      labelSimilarity('Q5. How often do you RATE brands?', 'how often do you rate brands'),
    ).toBe(1);
    expect(labelSimilarity('Télécommunications', 'telecommunications')).toBe(1);
  });

  it('keeps items that differ only by a number apart', () => {
    expect(labelSimilarity('Brand 3 awareness', 'Brand 4 awareness')).toBeLessThan(0.5);
  });

  it('compares scripts without spaces by their character pairs', () => {
    expect(labelSimilarity('브랜드에 대한 애착', '브랜드에 대한 애착')).toBe(1);
    expect(labelSimilarity('브랜드에 대한 애착', '가격 비교 빈도')).toBeLessThan(0.2);
  });
});

describe('the mapping proposal', () => {
  it('imports everything of the first source as new variables, without problems', () => {
    const result = proposeMapping({
      codebook: [],
      variables: [fileVariable('age', 'Age'), fileVariable('gender', 'Gender', [[1, 'Male']])],
      language: 'en',
      previous: null,
    });
    expect(result.mapping).toEqual({ variables: [], new: ['age', 'gender'] });
    expect(result.problems).toEqual([]);
  });

  it('matches the same name first, whatever the labels say', () => {
    const result = proposeMapping({
      codebook: [
        studyVariable('age', { en: 'Age' }),
        studyVariable('alter', { en: 'Age in years' }),
      ],
      variables: [fileVariable('age', 'Age in years')],
      language: 'en',
      previous: null,
    });
    expect(result.mapping.variables).toEqual([
      { source: 'age', target: 'age', codes: {}, evidence: 'same-name', confidence: 0.95 },
    ]);
  });

  it('finds a renamed variable by its label in the same language, or by a translation the study holds', () => {
    const codebook = [
      studyVariable('rate', {
        en: 'How often do you rate brands?',
        de: 'Wie oft bewerten Sie Marken?',
      }),
      studyVariable('comment', {
        en: 'How often do you comment?',
        de: 'Wie oft kommentieren Sie?',
      }),
    ];
    const english = proposeMapping({
      codebook,
      variables: [fileVariable('rate_brands', 'How often do you rate brands?')],
      language: 'en',
      previous: null,
    });
    expect(english.mapping.variables[0]).toMatchObject({
      source: 'rate_brands',
      target: 'rate',
      evidence: 'label',
      confidence: 0.9,
    });
    const german = proposeMapping({
      codebook,
      variables: [fileVariable('bewertung', 'Wie oft bewerten Sie Marken?')],
      language: 'de',
      previous: null,
    });
    expect(german.mapping.variables[0]).toMatchObject({ target: 'rate', evidence: 'translation' });
  });

  it('reuses the previous wave’s mapping of the same country for a variable with no other evidence', () => {
    const previous: SourceMapping = {
      variables: [{ source: 'v17', target: 'fatigue', codes: {}, evidence: 'user', confidence: 1 }],
      new: [],
    };
    const result = proposeMapping({
      codebook: [studyVariable('fatigue', { en: 'Feedback fatigue' })],
      variables: [fileVariable('v17', null)],
      language: 'en',
      previous,
    });
    expect(result.mapping.variables[0]).toMatchObject({
      target: 'fatigue',
      evidence: 'previous-wave',
    });
  });

  it('does not guess between two study variables the evidence cannot tell apart', () => {
    const result = proposeMapping({
      codebook: [
        studyVariable('trust_a', { en: 'Trust in the brand' }),
        studyVariable('trust_b', { en: 'Trust in the brands' }),
      ],
      variables: [fileVariable('trust', 'Trust in the brand.')],
      language: 'en',
      previous: null,
    });
    expect(result.mapping.variables.map((v) => v.target)).toEqual(['trust_a']);

    const tie = proposeMapping({
      codebook: [
        studyVariable('sat_store', { en: 'Satisfaction with the store' }),
        studyVariable('sat_stores', { en: 'Satisfaction with the stores' }),
      ],
      variables: [fileVariable('sat', 'Satisfaction with the storez')],
      language: 'en',
      previous: null,
    });
    expect(tie.mapping).toEqual({ variables: [], new: [] });
    expect(tie.problems).toEqual([expect.objectContaining({ kind: 'ambiguous', source: 'sat' })]);
  });

  it('stops on a variable whose name matches a study variable of another kind', () => {
    const result = proposeMapping({
      codebook: [studyVariable('age', { en: 'Age' }, [], 'date')],
      variables: [fileVariable('age', 'Age')],
      language: 'en',
      previous: null,
    });
    expect(result.problems[0]).toMatchObject({ kind: 'ambiguous', source: 'age' });
    expect(result.problems[0]!.message).toMatch(/numeric in the file but date in the study/);
  });

  it('maps a renumbered code frame by the answers’ labels and gives a new answer a code of its own', () => {
    const codebook = [
      studyVariable('motive', { en: 'Why' }, [
        [1, { en: 'Information' }],
        [2, { en: 'Deals' }],
        [3, { en: 'Help' }],
        [4, { en: 'Other' }],
      ]),
    ];
    const result = proposeMapping({
      codebook,
      variables: [
        fileVariable('motive', 'Why', [
          [1, 'Deals'],
          [2, 'Information'],
          [3, 'Help!'],
          [4, 'Entertainment'],
          [5, 'Something else'],
        ]),
      ],
      language: 'en',
      previous: null,
    });
    // 1↔2 swap by label; "Help!" is Help; the frame was renumbered, so "Entertainment" is a new
    // answer rather than Other relabelled: code 4 is Other's, so it takes the first code free in
    // both frames; "Something else" keeps 5, which the study does not use.
    expect(result.mapping.variables[0]!.codes).toEqual({ '1': 2, '2': 1, '4': 6 });
    expect(result.problems).toEqual([]);
  });

  it('keeps an answer relabelled on an unchanged code frame on its code', () => {
    const result = proposeMapping({
      codebook: [studyVariable('q1', { en: 'Q1' }, yesNo('en', 'Low', 'High'))],
      variables: [
        fileVariable('q1', 'Q1', [
          [1, 'Lowest'],
          [2, 'High'],
        ]),
      ],
      language: 'en',
      previous: null,
    });
    expect(result.mapping.variables[0]!.codes).toEqual({});
  });

  it('reports two file answers that land on one study answer as a code conflict', () => {
    const result = proposeMapping({
      codebook: [studyVariable('online', { de: 'Online' }, yesNo('de', 'Ja', 'Nein'))],
      variables: [
        fileVariable('online', 'Online', [
          [1, 'Ja'],
          [2, 'ja.'],
          [3, 'Nein'],
        ]),
      ],
      language: 'de',
      previous: null,
    });
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'code-conflict', source: 'online', code: '2' }),
    ]);
  });

  it('lists what changed since the previous wave: renames, code frames, answers and variables', () => {
    const previous: SourceMapping = {
      variables: [
        { source: 'rate', target: 'rate', codes: {}, evidence: 'same-name', confidence: 0.95 },
        { source: 'motive', target: 'motive', codes: {}, evidence: 'same-name', confidence: 0.95 },
        {
          source: 'fatigue',
          target: 'fatigue',
          codes: {},
          evidence: 'same-name',
          confidence: 0.95,
        },
      ],
      new: [],
    };
    const result = proposeMapping({
      codebook: [
        studyVariable('rate', { en: 'How often do you rate brands?' }),
        studyVariable('motive', { en: 'Why' }, [
          [1, { en: 'Information' }],
          [2, { en: 'Deals' }],
          [3, { en: 'Help' }],
        ]),
        studyVariable('fatigue', { en: 'Feedback fatigue' }),
      ],
      previousCodes: { motive: [1, 2, 3] },
      variables: [
        fileVariable('rate_brands', 'How often do you rate brands?'),
        fileVariable('motive', 'Why', [
          [1, 'Deals'],
          [2, 'Information'],
          [3, 'Entertainment'],
        ]),
        fileVariable('nps', 'Would you recommend us?'),
      ],
      language: 'en',
      previous,
    });
    expect(result.changes).toEqual([
      { kind: 'renamed', target: 'rate', from: 'rate', to: 'rate_brands' },
      expect.objectContaining({ kind: 'code-frame-changed', target: 'motive' }),
      {
        kind: 'new-category',
        target: 'motive',
        source: 'motive',
        code: '3',
        label: 'Entertainment',
      },
      { kind: 'dropped-category', target: 'motive', source: 'motive', code: '3' },
      { kind: 'new-variable', source: 'nps' },
      { kind: 'dropped-variable', target: 'fatigue' },
    ]);
  });
});
