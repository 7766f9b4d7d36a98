/** How the Segments view writes shares and statistics, so every table of it reads the same. */

/** A share (a fraction) as a percentage with one decimal: 0.0429 → "4.3%". */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A statistic with a fixed number of decimals, for centres and sums of squares. */
export function formatFixed(value: number, decimals: number): string {
  return value.toLocaleString(undefined, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}
