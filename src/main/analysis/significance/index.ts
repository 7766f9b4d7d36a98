/**
 * Significance tests of the cross-tab engine: column proportions and column means tests with
 * letters (presets "spss", "dimensions", "q"), each column vs the rest of the sample and each wave
 * vs the previous wave as marks, and Pearson's chi-square per table. Pure functions over the
 * engine's summary sums; formulas and sources in docs/statistics.md ("Significance tests").
 */
export { columnProportionsTest } from './proportions';
export { meansTTest } from './means';
export { chiSquareTest, type ChiSquareResult } from './chiSquare';
export { columnLetter, columnLetters } from './letters';
export { benjaminiHochberg, bonferroni } from './adjust';
export type * from './types';
