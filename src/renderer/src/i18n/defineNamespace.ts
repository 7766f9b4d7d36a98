/**
 * The shape of one namespace file: English strings and their Korean translation, side by side.
 * The Korean object must have every English key except plural forms Korean does not use
 * (`_one`, `_two`, `_few`, `_many`, `_zero`: Korean has only `_other`), so a forgotten
 * translation is a compile error rather than English text in a Korean screen.
 */

/** Nested strings, as i18next reads them (`a.b` reads `{ a: { b } }`). */
export interface StringTree {
  [key: string]: string | StringTree;
}

type PluralFormKoreanLacks = `${string}_${'zero' | 'one' | 'two' | 'few' | 'many'}`;

export type KoreanStrings<E> = {
  [K in keyof E as K extends PluralFormKoreanLacks ? never : K]: E[K] extends string
    ? string
    : KoreanStrings<E[K]>;
};

export interface NamespaceStrings<E extends StringTree> {
  en: E;
  ko: KoreanStrings<E>;
}

export function defineNamespace<E extends StringTree>(
  strings: NamespaceStrings<E>,
): NamespaceStrings<E> {
  return strings;
}
