/**
 * The one rule for which translation of a label is shown (issue #8). Labels are stored as objects
 * keyed by language; the user picks a label language, and a label missing in it falls back to the
 * language its variable came in (the source's language), then English, then whatever there is.
 * A fallback is reported, so every view can mark it rather than pass it off as a translation.
 */

export interface PickedLabel {
  text: string;
  /** The language the text is in. */
  language: string;
  /** True when the text is not in the chosen language. */
  fallback: boolean;
}

/** An empty translation is a missing one: it falls back like an absent key. */
function isText(text: unknown): text is string {
  return typeof text === 'string' && text !== '';
}

/** The label in `language`, else in `fallbackLanguage`, else English, else the first; null when there is none. */
export function pickLabel(
  labels: Readonly<Record<string, string>>,
  language: string,
  fallbackLanguage?: string | null,
): PickedLabel | null {
  for (const candidate of [language, fallbackLanguage, 'en']) {
    if (!candidate) continue;
    const text = labels[candidate];
    if (isText(text)) {
      return { text, language: candidate, fallback: candidate !== language };
    }
  }
  for (const [candidate, text] of Object.entries(labels)) {
    if (isText(text)) return { text, language: candidate, fallback: true };
  }
  return null;
}

/** pickLabel over a stored `labels_json` / `names_json` column. */
export function pickLabelJson(
  json: string,
  language: string,
  fallbackLanguage?: string | null,
): PickedLabel | null {
  return pickLabel(JSON.parse(json) as Record<string, string>, language, fallbackLanguage);
}

/** Keys to spread into a result that marks fallback labels: `{ labelLanguage }` only when fallen back. */
export function fallbackMark(picked: PickedLabel | null): { labelLanguage?: string } {
  return picked?.fallback ? { labelLanguage: picked.language } : {};
}
