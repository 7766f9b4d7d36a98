/**
 * Putting groups (countries) weighted separately into one weight: as weighted (each group keeps
 * its own total — with share targets that is its sample size), equal (every group the same total,
 * so each country counts alike in a pooled figure), or proportional to a population figure per
 * group (a pooled figure for the region as a whole). Only a factor per group changes, so every
 * group's own margins, shares and efficiency stay as they were.
 *
 * Unless `total` is given, the overall total is kept (so equal/population weights still average
 * 1 when the group weights did). Rows without a group or without a weight get NaN / keep NaN: a row
 * that belongs to no group cannot be given a group's share.
 */
import { type CodeColumn, codeCounts, codeLookup, categoryIndexes } from './codeColumn';

export type CombineMode = 'weighted' | 'equal' | 'population';

export interface CombineOptions {
  readonly mode: CombineMode;
  /** Population figure per group code; required for 'population'. */
  readonly population?: ReadonlyMap<number, number>;
  /** Overall total of the combined weights (default: the total before combining). */
  readonly total?: number;
}

export interface CombinedWeights {
  readonly weights: Float64Array;
  /** Per group code: its total before, after, and the factor applied. */
  readonly groups: { group: number; before: number; after: number; factor: number }[];
}

export function combineWeights(
  weights: Float64Array,
  group: CodeColumn,
  options: CombineOptions,
): CombinedWeights {
  if (group.length !== weights.length) {
    throw new Error(`combineWeights: ${group.length} group codes for ${weights.length} weights`);
  }
  const codes = [...codeCounts(group, null).keys()];
  const index = new Int32Array(weights.length);
  categoryIndexes(group, codeLookup(codes), null, index);
  const before = new Float64Array(codes.length);
  for (let i = 0; i < weights.length; i++) {
    const k = index[i] as number;
    const w = weights[i] as number;
    if (k >= 0 && !Number.isNaN(w)) before[k] = (before[k] as number) + w;
  }
  const totalBefore = before.reduce((a, b) => a + b, 0);
  const total = options.total ?? totalBefore;
  if (!(total >= 0 && Number.isFinite(total))) {
    throw new Error(`combineWeights: total ${total} is not a number ≥ 0`);
  }

  // Groups whose rows carry no weight (all NaN or zero) cannot take a share of the total.
  const live = codes.map((_, k) => (before[k] as number) > 0);
  const liveCount = live.filter(Boolean).length;
  let factor: number[];
  switch (options.mode) {
    case 'weighted':
      // One factor for all: exactly 1 when the total is kept.
      factor = codes.map((_, k) => (live[k] && totalBefore > 0 ? total / totalBefore : 0));
      break;
    case 'equal':
      factor = codes.map((_, k) => (live[k] ? total / liveCount / (before[k] as number) : 0));
      break;
    case 'population': {
      const population = options.population;
      if (!population) throw new Error("combineWeights: 'population' needs population figures");
      const figures = codes.map((g, k) => (live[k] ? population.get(g) : 0));
      const missing = codes.filter((_, k) => figures[k] === undefined);
      if (missing.length > 0) {
        throw new Error(`combineWeights: no population figure for group ${missing.join(', ')}`);
      }
      const bad = figures.findIndex((p) => !((p as number) >= 0 && Number.isFinite(p)));
      if (bad >= 0) {
        throw new Error(
          `combineWeights: population ${figures[bad]} of group ${codes[bad]} is not a number ≥ 0`,
        );
      }
      const sum = figures.reduce((a: number, p) => a + (p as number), 0);
      factor = codes.map((_, k) =>
        live[k] && sum > 0 ? (((figures[k] as number) / sum) * total) / (before[k] as number) : 0,
      );
      break;
    }
  }

  const out = new Float64Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const k = index[i] as number;
    out[i] = k < 0 ? Number.NaN : (weights[i] as number) * (factor[k] as number);
  }
  return {
    weights: out,
    groups: codes.map((g, k) => ({
      group: g,
      before: before[k] as number,
      after: (before[k] as number) * (factor[k] as number),
      factor: factor[k] as number,
    })),
  };
}
