/** The languages the interface is written in; English is the default and the fallback. */
export const UI_LANGUAGES = ['en', 'ko'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Each language's name written in itself, as a language menu shows it. */
export const UI_LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', ko: '한국어' };

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}
