/**
 * An expression's live count while the user types it, with nothing saved: a filter's kept
 * respondents, or a derived variable's distribution (counts per code for a coded result, range
 * and mean for a measure). Evaluated exactly as filters.save and variables.derive evaluate it: the
 * same catalog (user-missing codes read as missing) and the same columns.
 */
import { ApiError } from '../../shared/api/apiTypes';
import type { ExpressionPreview } from '../../shared/api/variables';
import {
  compileExpression,
  evaluate,
  ExpressionError,
  parseExpression,
  type CompiledExpression,
} from '../analysis/expressions/index';
import type { ReadableStudyDb } from '../study/studyDb';
import type { ColumnCache } from './columnCache';
import { columnsFor, filterMask, studyCatalog, studyRows } from './studyExpressions';

/** A measure with at most this many distinct whole values is shown as counts per value. */
const MAX_LISTED_VALUES = 20;

function compile(db: ReadableStudyDb, expression: string): CompiledExpression {
  try {
    return compileExpression(parseExpression(expression), studyCatalog(db), {});
  } catch (error) {
    if (error instanceof ExpressionError)
      throw new ApiError('invalid-input', `expression: ${error.withCaret(expression)}`);
    throw error;
  }
}

function derivedPreview(
  db: ReadableStudyDb,
  cache: ColumnCache,
  expression: string,
): ExpressionPreview {
  const compiled = compile(db, expression);
  const rows = studyRows(db);
  const values =
    compiled.kind === 'boolean'
      ? Float64Array.from(evaluate(compiled, columnsFor(compiled, cache), rows))
      : evaluate(compiled, columnsFor(compiled, cache), rows);
  const labels =
    compiled.kind === 'boolean'
      ? new Map([
          [0, 'No'],
          [1, 'Yes'],
        ])
      : (compiled.valueLabels ?? new Map<number, string>());
  const counts = new Map<number, number>();
  let valid = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let overflow = false;
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    valid++;
    sum += value;
    if (value < min) min = value;
    if (value > max) max = value;
    if (overflow) continue;
    counts.set(value, (counts.get(value) ?? 0) + 1);
    overflow = counts.size > MAX_LISTED_VALUES;
  }
  const coded =
    !overflow && (labels.size > 0 || [...counts.keys()].every((v) => Number.isInteger(v)));
  if (!coded) {
    return {
      as: 'derived',
      rows,
      valid,
      categories: null,
      summary: valid === 0 ? null : { min, max, mean: sum / valid },
    };
  }
  // Labelled codes first in code order (with zero counts), then any unlabelled ones.
  const labelled = [...labels.keys()].sort((a, b) => a - b);
  const unlabelled = [...counts.keys()].filter((code) => !labels.has(code)).sort((a, b) => a - b);
  return {
    as: 'derived',
    rows,
    valid,
    categories: [...labelled, ...unlabelled].map((code) => ({
      code,
      label: labels.get(code) ?? null,
      count: counts.get(code) ?? 0,
    })),
    summary: null,
  };
}

export function previewExpression(
  db: ReadableStudyDb,
  cache: ColumnCache,
  input: { expression: string; as: 'filter' | 'derived' },
): ExpressionPreview {
  try {
    if (input.as === 'derived') return derivedPreview(db, cache, input.expression);
    const mask = filterMask(db, cache, input.expression);
    let kept = 0;
    for (const value of mask) kept += value;
    return { as: 'filter', rows: mask.length, kept };
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'invalid-input')
      return { as: 'invalid', message: error.message };
    throw error;
  }
}
