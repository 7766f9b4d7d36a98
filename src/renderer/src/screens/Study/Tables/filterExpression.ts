/**
 * A filter built by picking categories: each pick is one variable and the codes kept, written as
 * an expression the engine reads (`country in ("DE", "FR")`). Picks and the free expression are
 * joined with `and`, each in parentheses, so the table's filter is one expression a person can
 * read in the footnote and in a saved table.
 */

export interface FilterPick {
  variable: string;
  codes: string[];
}

/** A code as a literal: numbers stay numbers, anything else is a quoted string. */
function literal(code: string): string {
  return /^-?\d+(\.\d+)?$/.test(code) ? code : JSON.stringify(code);
}

export function pickExpression(pick: FilterPick): string {
  if (pick.codes.length === 1) return `${pick.variable} = ${literal(pick.codes[0]!)}`;
  return `${pick.variable} in (${pick.codes.map(literal).join(', ')})`;
}

/** The table's whole filter; undefined when nothing filters. */
export function combinedFilter(picks: FilterPick[], free: string): string | undefined {
  const parts = [...picks.filter((p) => p.codes.length > 0).map(pickExpression), free.trim()];
  const given = parts.filter((part) => part.length > 0);
  if (given.length === 0) return undefined;
  if (given.length === 1) return given[0];
  return given.map((part) => `(${part})`).join(' and ');
}
