/**
 * One drawn respondent in master terms, before any file exists: the shape shared by the
 * customer and executive draws and by the translation into a file's names, codes and language
 * (sourceTable.ts), so each format's writer starts from the same answers.
 */
export interface DemoRespondent {
  /** The `industry` column's code, 1..6. */
  industry: number;
  /** Master variable name → master code (or number); null when the question was not asked. */
  answers: Record<string, number | null>;
  /** Text variable name → index of a verbatim (openAnswers.ts); null when there is none. */
  verbatims: Record<string, number | null>;
}

/** Cuts a latent value into the categories 1..thresholds.length + 1. */
export function category(latent: number, thresholds: readonly number[]): number {
  let code = 1;
  for (const threshold of thresholds) if (latent > threshold) code++;
  return code;
}
