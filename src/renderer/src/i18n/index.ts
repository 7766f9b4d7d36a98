/// <reference types="vite/client" />
/**
 * The interface's words in English and Korean (i18next). The UI language is the user's choice
 * for menus, buttons and messages; it is separate from a study's label language, which chooses
 * the language of variable and answer labels (the toolbar's label-language select).
 *
 * HOW A VIEW ADDS ITS STRINGS
 * 1. Create ONE file per view: src/renderer/src/i18n/namespaces/<ns>.ts, where <ns> is the
 *    view's namespace (tables, variables, data, charts, compare, reports, …). It is found and
 *    bundled by file name — no other file needs editing:
 *
 *      import { defineNamespace } from '../defineNamespace';
 *
 *      const tables = defineNamespace({
 *        en: { title: 'Tables', rowCount_one: '{{count}} row', rowCount_other: '{{count}} rows' },
 *        ko: { title: '표', rowCount_other: '{{count}}개 행' },
 *      });
 *      export default tables;
 *
 *      declare module 'i18next' {
 *        interface ResourceNamespaceMap {
 *          tables: typeof tables.en;
 *        }
 *      }
 *
 *    `ko` must have every `en` key (tsc fails otherwise) except the plural forms Korean lacks:
 *    English needs `_one` and `_other`, Korean only `_other`. Write real Korean; a key missing
 *    at run time falls back to English.
 * 2. In the view:  const { t } = useTranslation('tables');  then  t('title'),
 *    t('rowCount', { count: n }). Keys are typed. Words every view shares (Cancel, Save,
 *    Close, Dismiss, Loading…) are in `common`: load both, useTranslation(['tables', 'common']),
 *    then t('common:cancel') (the prefix types only when `common` is in the list). Outside
 *    React: import { i18n } from '../i18n' and i18n.t('tables:title'), or
 *    i18n.getFixedT(null, 'tables') for a t bound to the namespace and the current language.
 * 3. Never build a sentence by concatenating pieces: use {{name}} interpolation and plurals
 *    (`count`). '{{count, number}}' writes the count with the UI language's digit grouping.
 *    Other numbers and dates go through src/renderer/src/format.ts (Intl in the UI language)
 *    or src/shared/domain/tableFormat.ts for table cells.
 *
 * The user's choice of UI language (and theme) is kept in the app settings (app.setPreferences,
 * both desktop and browser mode) and applied by src/renderer/src/preferences. Keyboard
 * shortcuts and the Help panel: src/renderer/src/shortcuts/registry.ts.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { NamespaceStrings, StringTree } from './defineNamespace';
import { isUiLanguage, UI_LANGUAGES, type UiLanguage } from './languages';

export { UI_LANGUAGES, UI_LANGUAGE_NAMES, isUiLanguage, type UiLanguage } from './languages';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
  }
}

const namespaceFiles = import.meta.glob<{ default: NamespaceStrings<StringTree> }>(
  './namespaces/*.ts',
  { eager: true },
);

function buildResources(): Record<UiLanguage, Record<string, StringTree>> {
  const resources: Record<UiLanguage, Record<string, StringTree>> = { en: {}, ko: {} };
  for (const [file, module] of Object.entries(namespaceFiles)) {
    const namespace = file.replace(/^.*\//, '').replace(/\.ts$/, '');
    resources.en[namespace] = module.default.en;
    resources.ko[namespace] = module.default.ko as StringTree;
  }
  return resources;
}

const resources = buildResources();

/** The app's one i18next instance; React components reach it through useTranslation. */
export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...UI_LANGUAGES],
  ns: Object.keys(resources.en),
  defaultNS: 'common',
  // React escapes text itself; escaping here would show &amp; in labels.
  interpolation: { escapeValue: false },
  // Every string is bundled, so initialising is synchronous: the first render is translated.
  initAsync: false,
  returnNull: false,
});

/** The language the interface is showing now. */
export function uiLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : 'en';
}

/** Switches the interface language; the page's lang attribute follows (fonts, screen readers). */
export function setUiLanguage(language: UiLanguage): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/** The namespaces bundled, so a test can check every one has its Korean. */
export const bundledResources = resources;
