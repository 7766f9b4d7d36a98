/**
 * Label languages by their own names, as the label-language select lists them: a Korean user
 * looks for 한국어, not "Korean". The five the workbench ships translations in come first.
 */

export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: 'English',
  de: 'Deutsch',
  it: 'Italiano',
  fr: 'Français',
  ko: '한국어',
};

const KNOWN_ORDER = Object.keys(LANGUAGE_NAMES);

/** ISO 639 codes that name no language (Triple-S writes "und" when a file declares none). */
const NOT_LANGUAGES = new Set(['und', 'mul', 'mis', 'zxx']);

/** A language's name in itself: the table above, else what Intl knows, else the code. */
export function languageName(code: string): string {
  const known = LANGUAGE_NAMES[code];
  if (known) return known;
  if (NOT_LANGUAGES.has(code)) return code;
  try {
    const own = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    if (own && own !== code) return own.charAt(0).toLocaleUpperCase(code) + own.slice(1);
  } catch {
    // not a code Intl accepts: show the code itself
  }
  return code;
}

/** The five known languages in their fixed order, then any others alphabetically. */
export function sortLanguages(codes: Iterable<string>): string[] {
  const rank = (code: string) => {
    const at = KNOWN_ORDER.indexOf(code);
    return at === -1 ? KNOWN_ORDER.length : at;
  };
  return [...new Set(codes)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
