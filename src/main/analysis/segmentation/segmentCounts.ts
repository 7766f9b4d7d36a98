/**
 * Counts and shares of a segment variable, overall and per group (country, industry, wave): the
 * numbers a live rule builder shows as the rules change. Shares are of the respondents given a
 * segment, weighted when a weight is given; a respondent whose weight is missing or negative
 * counts in the unweighted counts but weighs nothing.
 */
export interface SegmentTally {
  code: number;
  count: number;
  weighted: number;
  share: number;
}

function weightAt(weight: Float64Array | undefined, i: number): number {
  if (!weight) return 1;
  const w = weight[i]!;
  return w > 0 ? w : 0;
}

/** One tally per segment, in the order given. */
export function tallySegments(
  codes: Float64Array,
  segmentCodes: readonly number[],
  weight?: Float64Array,
): { tallies: SegmentTally[]; base: number } {
  const index = new Map(segmentCodes.map((code, i) => [code, i]));
  const counts = new Float64Array(segmentCodes.length);
  const weighted = new Float64Array(segmentCodes.length);
  for (let i = 0; i < codes.length; i++) {
    const at = index.get(codes[i]!);
    if (at === undefined) continue;
    counts[at]!++;
    weighted[at]! += weightAt(weight, i);
  }
  let total = 0;
  for (const w of weighted) total += w;
  let base = 0;
  for (const n of counts) base += n;
  return {
    base,
    tallies: segmentCodes.map((code, i) => ({
      code,
      count: counts[i]!,
      weighted: weighted[i]!,
      share: total > 0 ? weighted[i]! / total : 0,
    })),
  };
}

/** Shares per group of a grouping variable, in one pass; groups in the order given, empty ones left out. */
export function sharesByGroup(
  codes: Float64Array,
  segmentCodes: readonly number[],
  group: Float64Array,
  groups: ReadonlyArray<{ code: number; label: string }>,
  weight?: Float64Array,
): Array<{
  code: number;
  label: string;
  base: number;
  segments: Array<{ code: number; share: number }>;
}> {
  const known = new Map(groups.map((g) => [g.code, g.label]));
  // Codes found in the data but without a label still get a group of their own.
  for (let i = 0; i < group.length; i++) {
    const code = group[i]!;
    if (code === code && !known.has(code)) known.set(code, String(code));
  }
  const groupAt = new Map([...known.keys()].map((code, g) => [code, g]));
  const segmentAt = new Map(segmentCodes.map((code, s) => [code, s]));
  const width = segmentCodes.length;
  const counts = new Float64Array(known.size);
  const weighted = new Float64Array(known.size * width);
  for (let i = 0; i < codes.length; i++) {
    const s = segmentAt.get(codes[i]!);
    const g = groupAt.get(group[i]!);
    if (s === undefined || g === undefined) continue;
    counts[g]!++;
    weighted[g * width + s]! += weightAt(weight, i);
  }
  const out = [];
  for (const [code, label] of known) {
    const g = groupAt.get(code)!;
    if (counts[g] === 0) continue;
    let total = 0;
    for (let s = 0; s < width; s++) total += weighted[g * width + s]!;
    out.push({
      code,
      label,
      base: counts[g]!,
      segments: segmentCodes.map((segment, s) => ({
        code: segment,
        share: total > 0 ? weighted[g * width + s]! / total : 0,
      })),
    });
  }
  return out;
}
