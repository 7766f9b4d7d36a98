/**
 * A confusion matrix: respondents by their actual segment and the segment a classifier gave them,
 * with the accuracy (the share on the diagonal) and each segment's recall and precision. A
 * respondent the classifier could not place counts against the accuracy, as unclassified.
 */
import type { ConfusionMatrix } from '../../../shared/domain/segments';

/**
 * `actual[row]` and `predicted[row]` are segment indices (−1 = none predicted) for each of
 * `rows`; `segments` names them in index order.
 */
export function confusionMatrix(
  segments: ReadonlyArray<{ code: number; label: string }>,
  rows: Int32Array,
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
): ConfusionMatrix {
  const g = segments.length;
  const counts = Array.from({ length: g }, () => new Array<number>(g).fill(0));
  const unclassified = new Array<number>(g).fill(0);
  for (const row of rows) {
    const a = actual[row]!;
    const p = predicted[row]!;
    if (p >= 0) counts[a]![p]!++;
    else unclassified[a]!++;
  }
  let correct = 0;
  for (let k = 0; k < g; k++) correct += counts[k]![k]!;
  const n = rows.length;
  return {
    segments: segments.map(({ code, label }) => ({ code, label })),
    counts,
    unclassified,
    n,
    accuracy: n > 0 ? correct / n : 0,
    bySegment: segments.map(({ code }, k) => {
      const members = counts[k]!.reduce((sum, count) => sum + count, 0) + unclassified[k]!;
      const given = counts.reduce((sum, row) => sum + row[k]!, 0);
      return {
        code,
        n: members,
        recall: members > 0 ? counts[k]![k]! / members : 0,
        precision: given > 0 ? counts[k]![k]! / given : null,
      };
    }),
  };
}
