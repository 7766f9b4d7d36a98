/** Counts and shares of segments, weighted and unweighted, overall and per group. */
import { describe, expect, it } from 'vitest';
import {
  sharesByGroup,
  tallySegments,
} from '../../../../../src/main/analysis/segmentation/segmentCounts';

const M = Number.NaN;
const codes = Float64Array.from([1, 2, 2, 3, 3, 3, M, 3]);

describe('segment counts', () => {
  it('counts each segment and gives shares of the respondents with a segment', () => {
    const { tallies, base } = tallySegments(codes, [1, 2, 3]);
    expect(base).toBe(7);
    expect(tallies.map((t) => [t.code, t.count, t.share])).toEqual([
      [1, 1, 1 / 7],
      [2, 2, 2 / 7],
      [3, 4, 4 / 7],
    ]);
  });

  it('weights shares, a missing weight counting but weighing nothing', () => {
    const weight = Float64Array.from([2, 1, 1, 1, 1, 1, 5, M]);
    const { tallies } = tallySegments(codes, [1, 2, 3], weight);
    expect(tallies.map((t) => [t.count, t.weighted])).toEqual([
      [1, 2],
      [2, 2],
      [4, 3],
    ]);
    expect(tallies.map((t) => t.share)).toEqual([2 / 7, 2 / 7, 3 / 7]);
  });

  it('gives shares per group, labelled, leaving out groups without a segment', () => {
    const group = Float64Array.from([1, 1, 2, 2, 2, 2, 3, 9]);
    const groups = sharesByGroup(codes, [1, 2, 3], group, [
      { code: 1, label: 'DE' },
      { code: 2, label: 'IT' },
      { code: 3, label: 'FR' },
    ]);
    expect(groups).toEqual([
      {
        code: 1,
        label: 'DE',
        base: 2,
        segments: [
          { code: 1, share: 0.5 },
          { code: 2, share: 0.5 },
          { code: 3, share: 0 },
        ],
      },
      {
        code: 2,
        label: 'IT',
        base: 4,
        segments: [
          { code: 1, share: 0 },
          { code: 2, share: 0.25 },
          { code: 3, share: 0.75 },
        ],
      },
      {
        code: 9,
        label: '9',
        base: 1,
        segments: [
          { code: 1, share: 0 },
          { code: 2, share: 0 },
          { code: 3, share: 1 },
        ],
      },
    ]);
  });
});
