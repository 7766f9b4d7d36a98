import { afterEach, describe, expect, it } from 'vitest';
import { bundledResources, i18n } from '../../../../src/renderer/src/i18n';
import type { StringTree } from '../../../../src/renderer/src/i18n/defineNamespace';

/** Every key path of a namespace, plural forms folded onto their base key. */
function keyPaths(tree: StringTree, prefix = ''): Set<string> {
  const paths = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (typeof value === 'string') paths.add(path);
    else for (const inner of keyPaths(value, `${path}.`)) paths.add(inner);
  }
  return paths;
}

describe('UI strings in English and Korean', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('bundles every namespace file, the shell and the views', () => {
    expect(Object.keys(bundledResources.en)).toEqual(
      expect.arrayContaining(['common', 'welcome', 'study', 'help', 'weights', 'importer']),
    );
    expect(Object.keys(bundledResources.ko).sort()).toEqual(
      Object.keys(bundledResources.en).sort(),
    );
  });

  it('has a Korean string for every English key of every namespace', () => {
    for (const [namespace, english] of Object.entries(bundledResources.en)) {
      const korean = keyPaths(bundledResources.ko[namespace]!);
      const missing = [...keyPaths(english)].filter((path) => !korean.has(path));
      expect({ namespace, missing }).toEqual({ namespace, missing: [] });
    }
  });

  it('counts respondents with plurals and grouped digits in each language', () => {
    const t = i18n.getFixedT(null, 'study');
    expect(t('notice.respondents', { count: 1 })).toBe('1 respondent');
    expect(t('notice.respondents', { count: 7700 })).toBe('7,700 respondents');
    void i18n.changeLanguage('ko');
    expect(t('notice.respondents', { count: 7700 })).toBe('응답자 7,700명');
  });

  it('falls back to English for a key a language lacks', () => {
    void i18n.changeLanguage('ko');
    expect(i18n.t('common:appName')).toBe('Customer Energy Workbench');
    expect(i18n.t('common:cancel')).toBe('취소');
    i18n.addResource('en', 'common', 'onlyInEnglish', 'Only in English');
    expect(i18n.t('common:onlyInEnglish' as 'common:cancel')).toBe('Only in English');
  });
});
