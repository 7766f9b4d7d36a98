/**
 * A micro-benchmark of column-at-a-time evaluation over 1,000,000 respondents. It only logs
 * timings (speed is measured by `npm run bench`, never asserted in tests); the assertions check
 * the results, so the loops cannot be optimised away unnoticed.
 */
import { describe, expect, it } from 'vitest';
import {
  VariableCatalog,
  compileExpression,
  evaluate,
  parseExpression,
} from '../../../../../src/main/analysis/expressions';

const ROWS = 1_000_000;

function column(rows: number, generate: (i: number) => number): Float64Array {
  const values = new Float64Array(rows);
  for (let i = 0; i < rows; i++) values[i] = generate(i);
  return values;
}

describe('evaluation speed (logged, not asserted)', () => {
  it('evaluates the issue examples over 1,000,000 rows', () => {
    const catalog = new VariableCatalog([
      { name: 'country', type: 'single', valueLabels: new Map([[1, ['Germany', 'DE']]]) },
      { name: 'q1', type: 'single' },
      { name: 'q5', type: 'single' },
      { name: 'create_video', type: 'numeric' },
      { name: 'create_blog', type: 'single' },
      ...['q7a', 'q7b', 'q7c', 'q7d', 'q7e'].map((name) => ({ name, type: 'multi' as const })),
      { name: 'age', type: 'numeric' },
      ...['q8a', 'q8b', 'q8c'].map((name) => ({ name, type: 'single' as const })),
    ]);
    // Deterministic pseudo-data with about 5% missing values.
    const columns = new Map<string, Float64Array>();
    for (const [index, variable] of catalog.slice(0, catalog.size - 1).entries()) {
      columns.set(
        variable.name,
        column(ROWS, (i) => ((i * (index + 7)) % 101 < 5 ? NaN : ((i * (index + 3)) % 5) + 1)),
      );
    }
    columns.set(
      'age',
      column(ROWS, (i) => 16 + (i % 70)),
    );

    const expressions = [
      'q5 in (4,5) and country = "DE"',
      'recode(q1, 1..2 -> 1, 3 -> 2, else -> missing)',
      'any(create_video, create_blog >= 3)',
      'count(q7a..q7e = 1)',
      'band(age, 18..34, 35..54, 55..)',
      'mean(q8a, q8b, q8c)',
      'not (q1 = 1 or q5 > 2) and (age - 18) / 10 >= 2',
    ];
    const timings: Record<string, string> = {};
    for (const text of expressions) {
      const compiled = compileExpression(parseExpression(text), catalog);
      evaluate(compiled, columns, ROWS); // warm-up: let the JIT compile the loops
      const start = performance.now();
      const result = evaluate(compiled, columns, ROWS);
      timings[text] = `${(performance.now() - start).toFixed(1)} ms`;
      expect(result).toHaveLength(ROWS);
    }
    console.info(`expression evaluation over ${ROWS.toLocaleString('en')} rows`, timings);
  });
});
