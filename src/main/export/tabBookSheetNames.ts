/**
 * Sheet names for a tab book: Excel refuses names over 31 characters, names with []:*?/\ and
 * names that start or end with an apostrophe, and compares names without regard to case. Each
 * table's sheet starts with its number, so two tables with the same title still get two sheets.
 */

export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/** A name Excel accepts, from any text. */
function cleaned(text: string): string {
  return text
    .replace(FORBIDDEN, ' ')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function fit(text: string): string {
  return text
    .slice(0, MAX_SHEET_NAME)
    .replace(/^'+/, '')
    .replace(/[\s,;'·-]+$/, '');
}

/**
 * One name per title, in order: `"<n> <title>"` cut to 31 characters, unique (case-insensitively)
 * among themselves and against `reserved` (the contents sheet).
 */
export function tabBookSheetNames(
  titles: readonly string[],
  reserved: readonly string[],
): string[] {
  const taken = new Set(reserved.map((name) => name.toLowerCase()));
  return titles.map((title, index) => {
    const base = fit(`${index + 1} ${cleaned(title)}`) || `${index + 1}`;
    let name = base;
    for (let copy = 2; taken.has(name.toLowerCase()); copy++) {
      const suffix = ` (${copy})`;
      name = fit(base.slice(0, MAX_SHEET_NAME - suffix.length)) + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/** A reference to cell A1 of a sheet, as HYPERLINK() takes it: `#'name'!A1`. */
export function sheetLink(name: string): string {
  return `#'${name.replace(/'/g, "''")}'!A1`;
}

/** A text as a string literal inside a formula (Excel caps literals at 255 characters). */
export function formulaText(text: string): string {
  return `"${text.slice(0, 255).replace(/"/g, '""')}"`;
}
