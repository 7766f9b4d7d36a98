/**
 * A confusion matrix: respondents by their actual segment and the segment a classifier gave them,
 * with the accuracy (the share on the diagonal), each segment's recall and precision, and the
 * balanced accuracy (the mean recall of the segments with respondents, each segment weighing the
 * same whatever its size). A respondent the classifier could not place counts against both
 * accuracies, as unclassified.
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
  const bySegment = segments.map(({ code }, k) => {
    const members = counts[k]!.reduce((sum, count) => sum + count, 0) + unclassified[k]!;
    const given = counts.reduce((sum, row) => sum + row[k]!, 0);
    return {
      code,
      n: members,
      recall: members > 0 ? counts[k]![k]! / members : 0,
      precision: given > 0 ? counts[k]![k]! / given : null,
    };
  });
  return {
    segments: segments.map(({ code, label }) => ({ code, label })),
    counts,
    unclassified,
    n,
    accuracy: n > 0 ? correct / n : 0,
    balancedAccuracy: balancedAccuracy(bySegment),
    bySegment,
  };
}

/** The mean recall over the segments with respondents (0 when none has any). */
export function balancedAccuracy(bySegment: ReadonlyArray<{ n: number; recall: number }>): number {
  const present = bySegment.filter((segment) => segment.n > 0);
  return present.length > 0
    ? present.reduce((sum, segment) => sum + segment.recall, 0) / present.length
    : 0;
}
