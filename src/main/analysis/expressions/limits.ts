/**
 * The bounds every expression must stay within. Expressions come from people typing into a box
 * (or from a saved study someone mailed us), so the parser must reject absurd input with a clear
 * message instead of overflowing the stack, allocating without bound or producing Infinity.
 */
export const EXPRESSION_LIMITS = {
  /** Characters (UTF-16 code units) in one expression; far beyond any hand-written filter. */
  maxLength: 10_000,
  /** Nesting of parentheses, function calls and prefix operators (`not`, unary `-`). */
  maxDepth: 64,
  /** Largest magnitude of a numeric literal: codes and amounts, never astronomy. */
  maxNumber: 1e15,
} as const;
