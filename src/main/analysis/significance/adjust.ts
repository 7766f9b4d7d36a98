/**
 * Multiple-comparison adjustments of p-values, written to agree with R's p.adjust (the reference
 * the tests compare with):
 * - Bonferroni: min(1, m·p) for a family of m tests (Bonferroni 1936; SPSS CTABLES ADJUST=BONFERRONI).
 * - Benjamini–Hochberg: step-up false discovery rate, p(i)·m/i made monotone from the largest p
 *   down and capped at 1 (Benjamini & Hochberg 1995, JRSS B 57:289–300; p.adjust(method = "BH")).
 */

export function bonferroni(p: number, m: number): number {
  return Math.min(1, p * m);
}

/** BH-adjusted p-values, in the order given. */
export function benjaminiHochberg(ps: readonly number[]): number[] {
  const m = ps.length;
  const order = ps.map((_, i) => i).sort((i, j) => ps[j]! - ps[i]!);
  const adjusted = new Array<number>(m);
  let running = 1;
  order.forEach((index, k) => {
    // k = 0 is the largest p, rank m; cummin from the top keeps the adjusted values monotone.
    const rank = m - k;
    running = Math.min(running, (ps[index]! * m) / rank);
    adjusted[index] = Math.min(1, running);
  });
  return adjusted;
}
