/**
 * The one error type of the expression language. Everything the tokenizer, parser, compiler or
 * evaluator rejects is an ExpressionError carrying the 1-based column it is about, so the UI and
 * the CLI can point at the spot with `caret`. Anything else escaping from this folder is a bug.
 */

export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  /** 1-based position in the expression, counted in code points (what a person sees). */
  readonly column: number;
  /** The message without the `column N:` prefix, for UIs that show the column elsewhere. */
  readonly reason: string;

  constructor(column: number, reason: string) {
    super(`column ${column}: ${reason}`);
    this.column = column;
    this.reason = reason;
  }

  /** The message followed by the expression with a caret under the column. */
  withCaret(text: string): string {
    return `${this.message}\n${caret(text, this.column)}`;
  }
}

/** How many characters of a long expression to show around the column. */
const CARET_WINDOW = 72;

/**
 * Renders the line of `text` holding `column` with a `^` under that column. Tabs and control
 * characters are shown as spaces so the caret lines up; long lines are cut to a window around the
 * column, marked with `…`.
 */
export function caret(text: string, column: number): string {
  const chars = Array.from(text);
  const at = Math.min(Math.max(column - 1, 0), chars.length);
  let start = at;
  while (start > 0 && chars[start - 1] !== '\n') start--;
  let end = at;
  while (end < chars.length && chars[end] !== '\n') end++;

  let from = start;
  let to = end;
  if (to - from > CARET_WINDOW) {
    from = Math.max(start, at - Math.floor(CARET_WINDOW / 2));
    to = Math.min(end, from + CARET_WINDOW);
    from = Math.max(start, Math.min(from, to - CARET_WINDOW));
  }
  const shown = chars.slice(from, to).map((c) => (c < ' ' || c === '\u007f' ? ' ' : c));
  const prefix = from > start ? '…' : '';
  const suffix = to < end ? '…' : '';
  return `${prefix}${shown.join('')}${suffix}\n${' '.repeat(prefix.length + at - from)}^`;
}
