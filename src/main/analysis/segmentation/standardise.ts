/**
 * The space k-means works in. Each input is centred on its mean and, unless standardisation is
 * off, divided by its standard deviation (z-scores, with the n − 1 sample sd that R's `scale()`
 * and SPSS's DESCRIPTIVES /SAVE use), so a variable on a 0–100 scale does not outweigh one on
 * 1–5. Centring alone changes no distance; it is always done because the assignment pass computes
 * ‖μ‖² − 2x·μ, which loses digits when values sit far from zero. The mean and sd are kept with a
 * saved clustering so new respondents are placed on the same scale.
 */
export interface Scaling {
  mean: number;
  /** 1 when not standardised. */
  sd: number;
}

export class ConstantInputError extends Error {
  override readonly name = 'ConstantInputError';
}

/** Mean and sd of the values at `rows`. */
export function columnScaling(
  values: Float64Array,
  rows: Int32Array,
  standardize: boolean,
  name: string,
): Scaling {
  let sum = 0;
  for (let i = 0; i < rows.length; i++) sum += values[rows[i]!]!;
  const mean = sum / rows.length;
  if (!standardize) return { mean, sd: 1 };
  let squares = 0;
  for (let i = 0; i < rows.length; i++) {
    const d = values[rows[i]!]! - mean;
    squares += d * d;
  }
  const sd = rows.length > 1 ? Math.sqrt(squares / (rows.length - 1)) : 0;
  if (!(sd > 0))
    throw new ConstantInputError(
      `${name} has the same value for every respondent clustered: it cannot be standardised; leave it out`,
    );
  return { mean, sd };
}

/**
 * The values at `rows`, packed and scaled: one column of the working matrix; in shared memory
 * when `shared`, so a helper thread can read it (lloydThreads.ts).
 */
export function scaledColumn(
  values: Float64Array,
  rows: Int32Array,
  scaling: Scaling,
  shared = false,
): Float64Array {
  const out = shared
    ? new Float64Array(new SharedArrayBuffer(rows.length * Float64Array.BYTES_PER_ELEMENT))
    : new Float64Array(rows.length);
  const { mean, sd } = scaling;
  for (let i = 0; i < rows.length; i++) out[i] = (values[rows[i]!]! - mean) / sd;
  return out;
}
