/**
 * The pieces of k-means on small inputs whose answers can be worked out by hand: the seeded
 * generator, standardisation, k-means++ seeding, Hartigan's transfers, the silhouette and its
 * sample, and placing respondents at the nearest stored centre.
 */
import { describe, expect, it } from 'vitest';
import { hartiganTransfers } from '../../../../../src/main/analysis/segmentation/hartiganTransfers';
import {
  kMeansPlusPlus,
  TooFewDistinctRowsError,
} from '../../../../../src/main/analysis/segmentation/kMeansPlusPlus';
import { nearestCentre } from '../../../../../src/main/analysis/segmentation/nearestCentre';
import { seededRandom } from '../../../../../src/main/analysis/segmentation/seededRandom';
import {
  meanSilhouette,
  sampleRows,
} from '../../../../../src/main/analysis/segmentation/silhouette';
import {
  columnScaling,
  ConstantInputError,
  scaledColumn,
} from '../../../../../src/main/analysis/segmentation/standardise';

describe('the seeded generator', () => {
  it('gives the same numbers in [0, 1) for the same seed and stream, others for another', () => {
    const a = seededRandom(1, 4);
    const b = seededRandom(1, 4);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(1, 5)()).not.toBe(first[0]);
    expect(seededRandom(2, 4)()).not.toBe(first[0]);
  });

  it('is close to uniform', () => {
    const random = seededRandom(7);
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) bins[Math.floor(random() * 10)]!++;
    for (const count of bins) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});

describe('standardisation', () => {
  const rows = Int32Array.of(0, 1, 2, 3);

  it('centres on the mean and divides by the n − 1 standard deviation', () => {
    const values = Float64Array.of(2, 4, 4, 6, 999);
    const scaling = columnScaling(values, rows, true, 'x');
    expect(scaling.mean).toBe(4);
    expect(scaling.sd).toBeCloseTo(Math.sqrt(8 / 3), 15);
    expect(Array.from(scaledColumn(values, rows, scaling))).toEqual(
      [-2, 0, 0, 2].map((v) => v / Math.sqrt(8 / 3)),
    );
  });

  it('only centres when standardisation is off', () => {
    expect(columnScaling(Float64Array.of(2, 4, 4, 6), rows, false, 'x')).toEqual({
      mean: 4,
      sd: 1,
    });
  });

  it('refuses to standardise a variable with one value, naming it', () => {
    expect(() => columnScaling(Float64Array.of(3, 3, 3, 3), rows, true, 'q7')).toThrow(
      ConstantInputError,
    );
    expect(() => columnScaling(Float64Array.of(3, 3, 3, 3), rows, true, 'q7')).toThrow(/^q7 /);
  });
});

describe('k-means++ seeding', () => {
  const columns = [Float64Array.of(0, 0.1, 10, 10.1, 20, 20.1)];

  it('draws the same seeds for the same stream, on rows of the data', () => {
    const first = kMeansPlusPlus(columns, 3, seededRandom(3));
    expect(kMeansPlusPlus(columns, 3, seededRandom(3))).toEqual(first);
    for (const centre of first) expect(Array.from(columns[0]!)).toContain(centre);
  });

  it('spreads the seeds over the groups far apart', () => {
    for (let stream = 0; stream < 20; stream++) {
      const seeds = Array.from(kMeansPlusPlus(columns, 3, seededRandom(9, stream)));
      expect(new Set(seeds.map((x) => Math.round(x / 10))).size).toBe(3);
    }
  });

  it('says so when the rows have fewer distinct values than k', () => {
    expect(() => kMeansPlusPlus([Float64Array.of(1, 1, 2, 2)], 3, seededRandom(1))).toThrow(
      TooFewDistinctRowsError,
    );
  });
});

describe("Hartigan's transfers", () => {
  it('moves a row Lloyd leaves in place when moving it lowers the within-cluster sum of squares', () => {
    // Clusters {0, 2} (mean 1) and {3.1} (mean 3.1): row 2 is nearer its own mean (1 < 1.1), yet
    // moving it gives {0} and {2, 3.1}: SS 0 + 0.605 instead of 2 + 0.
    const columns = [Float64Array.of(0, 2, 3.1)];
    const centres = Float64Array.of(1, 3.1);
    const assign = Uint8Array.of(0, 0, 1);
    const sizes = Float64Array.of(2, 1);
    expect(hartiganTransfers(columns, centres, assign, sizes)).toBe(1);
    expect(Array.from(assign)).toEqual([0, 1, 1]);
    expect(Array.from(sizes)).toEqual([1, 2]);
    expect(centres[0]).toBeCloseTo(0, 12);
    expect(centres[1]).toBeCloseTo(2.55, 12);
  });

  it('leaves a solution alone when no single move helps', () => {
    const columns = [Float64Array.of(0, 1, 10, 11)];
    const assign = Uint8Array.of(0, 0, 1, 1);
    expect(
      hartiganTransfers(columns, Float64Array.of(0.5, 10.5), assign, Float64Array.of(2, 2)),
    ).toBe(0);
  });
});

describe('the silhouette', () => {
  it('matches the definition on four points in two clusters', () => {
    // Points 0, 1 | 4, 6. For 0: a = 1, b = (4 + 6) / 2 = 5, s = 0.8; for 1: a = 1, b = 4, s = 0.75;
    // for 4: a = 2, b = 3.5, s = 1.5/3.5; for 6: a = 2, b = 5.5, s = 3.5/5.5.
    const columns = [Float64Array.of(0, 1, 4, 6)];
    const mean = meanSilhouette(columns, Uint8Array.of(0, 0, 1, 1), 2, Int32Array.of(0, 1, 2, 3));
    expect(mean).toBeCloseTo((0.8 + 0.75 + 1.5 / 3.5 + 3.5 / 5.5) / 4, 14);
  });

  it('gives a row alone in its cluster a silhouette of 0', () => {
    const columns = [Float64Array.of(0, 1, 10)];
    // 0: a = 1, b = 10 → 0.9; 1: a = 1, b = 9 → 8/9; 10: alone → 0.
    expect(meanSilhouette(columns, Uint8Array.of(0, 0, 1), 2, Int32Array.of(0, 1, 2))).toBeCloseTo(
      (0.9 + 8 / 9) / 3,
      14,
    );
  });

  it('samples distinct rows in increasing order, the same for the same seed, all of them when few', () => {
    const sample = sampleRows(1_000_000, 10_000, seededRandom(1, 0));
    expect(sample.length).toBe(10_000);
    expect(new Set(sample).size).toBe(10_000);
    for (let i = 1; i < sample.length; i++) expect(sample[i]!).toBeGreaterThan(sample[i - 1]!);
    expect(sampleRows(1_000_000, 10_000, seededRandom(1, 0))).toEqual(sample);
    expect(Array.from(sampleRows(5, 10, seededRandom(1)))).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('the nearest stored centre', () => {
  it('places respondents on the stored scale and leaves those with a missing input out', () => {
    const columns = [Float64Array.of(10, 30, Number.NaN, 21), Float64Array.of(1, 1, 1, 9)];
    const scaling = [
      { mean: 20, sd: 10 },
      { mean: 0, sd: 1 },
    ];
    const centres = [
      [-1, 1],
      [1, 1],
      [0, 9],
    ];
    expect(Array.from(nearestCentre(columns, scaling, centres))).toEqual([1, 2, Number.NaN, 3]);
    expect(Array.from(nearestCentre(columns, scaling, centres, Uint8Array.of(1, 0, 1, 1)))).toEqual(
      [1, Number.NaN, Number.NaN, 3],
    );
  });
});
