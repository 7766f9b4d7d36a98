import { describe, expect, it } from 'vitest';
import { fallbackMark, pickLabel, pickLabelJson } from '../../../../src/shared/domain/labels';

const AGE = { en: 'Age', de: 'Alter', ko: '나이' };

describe('pickLabel: which translation of a label is shown', () => {
  it('shows the chosen language when the label has it, unmarked', () => {
    expect(pickLabel(AGE, 'ko', 'de')).toEqual({ text: '나이', language: 'ko', fallback: false });
  });

  it("falls back to the variable's source language before English, and marks it", () => {
    expect(pickLabel(AGE, 'fr', 'de')).toEqual({ text: 'Alter', language: 'de', fallback: true });
  });

  it('falls back to English when the source language has no label either', () => {
    expect(pickLabel(AGE, 'fr', 'it')).toEqual({ text: 'Age', language: 'en', fallback: true });
    expect(pickLabel(AGE, 'fr')).toEqual({ text: 'Age', language: 'en', fallback: true });
    expect(pickLabel(AGE, 'fr', null)).toEqual({ text: 'Age', language: 'en', fallback: true });
  });

  it('falls back to the first label there is when neither the source language nor English has one', () => {
    expect(pickLabel({ it: 'Età', fr: 'Âge' }, 'ko', 'de')).toEqual({
      text: 'Età',
      language: 'it',
      fallback: true,
    });
  });

  it('shows English unmarked when English is the chosen language', () => {
    expect(pickLabel(AGE, 'en', 'de')).toEqual({ text: 'Age', language: 'en', fallback: false });
  });

  it('treats an empty translation as missing', () => {
    expect(pickLabel({ de: '', en: 'Age' }, 'de')).toEqual({
      text: 'Age',
      language: 'en',
      fallback: true,
    });
  });

  it('gives null for a variable without any label', () => {
    expect(pickLabel({}, 'de', 'de')).toBeNull();
    expect(pickLabel({ de: '' }, 'de')).toBeNull();
  });

  it('reads a stored labels_json column', () => {
    expect(pickLabelJson('{"de":"Deutschland","ko":"독일"}', 'ko')?.text).toBe('독일');
  });
});

describe('fallbackMark: the marker a table result carries', () => {
  it('names the language of a fallback label', () => {
    expect(fallbackMark(pickLabel(AGE, 'fr', 'de'))).toEqual({ labelLanguage: 'de' });
  });

  it('adds nothing for a label in the chosen language, or no label', () => {
    expect(fallbackMark(pickLabel(AGE, 'de'))).toEqual({});
    expect(fallbackMark(null)).toEqual({});
  });
});
