/**
 * k-means as a consultant runs it: respondents with a missing input counted and left out, a base
 * narrowing who is clustered, each k reproducible alone or inside a range, clusters numbered by
 * size and named, centres in the variables' own units.
 */
import { describe, expect, it } from 'vitest';
import { clusterAnalysis } from '../../../../../src/main/analysis/segmentation/clusterAnalysis';
import { seededRandom } from '../../../../../src/main/analysis/segmentation/seededRandom';

/** Three well-separated groups of 100, 60 and 40 around (0, 0), (10, 100), (20, 0). */
function groups(): Float64Array[] {
  const random = seededRandom(42);
  const x: number[] = [];
  const y: number[] = [];
  const add = (n: number, cx: number, cy: number) => {
    for (let i = 0; i < n; i++) {
      x.push(cx + random() - 0.5);
      y.push(cy + 10 * (random() - 0.5));
    }
  };
  add(40, 20, 0);
  add(100, 0, 0);
  add(60, 10, 100);
  return [Float64Array.from(x), Float64Array.from(y)];
}

const base = { names: ['x', 'y'], seed: 1, restarts: 5, maxIterations: 100, standardize: true };

describe('cluster analysis', () => {
  it('finds the groups, numbered by size, with centres in the variables’ own units', async () => {
    const result = await clusterAnalysis({ ...base, columns: groups(), ks: [3] });
    const [solution] = result.solutions;
    expect(solution!.clusters.map((c) => [c.id, c.label, c.size])).toEqual([
      [1, 'Cluster 1', 100],
      [2, 'Cluster 2', 60],
      [3, 'Cluster 3', 40],
    ]);
    // `+ 0` turns a rounded -0 into 0.
    const centre = solution!.clusters.map((c) => [
      Math.round(c.center.x!) + 0,
      Math.round(c.center.y!) + 0,
    ]);
    expect(centre).toEqual([
      [0, 0],
      [10, 100],
      [20, 0],
    ]);
    expect(solution!.converged).toBe(true);
    expect(solution!.silhouette).toBeGreaterThan(0.8);
  });

  it('counts and leaves out respondents with a missing input, and those outside the base', async () => {
    const [x, y] = groups();
    x![0] = Number.NaN;
    y![1] = Number.NaN;
    const inBase = new Uint8Array(200).fill(1);
    inBase[199] = 0;
    inBase[0] = 0;
    const result = await clusterAnalysis({ ...base, columns: [x!, y!], base: inBase, ks: [3] });
    expect(result.excluded).toBe(1);
    expect(result.included).toBe(197);
    expect(result.silhouetteSample).toBe(197);
  });

  it('gives k = 3 alone exactly what k = 3 gives in the range 2..4', async () => {
    const alone = await clusterAnalysis({ ...base, columns: groups(), ks: [3] });
    const range = await clusterAnalysis({ ...base, columns: groups(), ks: [2, 3, 4] });
    expect(range.solutions.map((s) => s.k)).toEqual([2, 3, 4]);
    expect(range.solutions[1]).toEqual(alone.solutions[0]);
    // The within-cluster sum of squares falls as k grows; the silhouette picks k = 3.
    const within = range.solutions.map((s) => s.withinSS);
    expect(within[0]).toBeGreaterThan(within[1]!);
    expect(within[1]).toBeGreaterThan(within[2]!);
    const best = range.solutions.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
    expect(best.k).toBe(3);
  });

  it('names the clusters as asked and reports progress up to the end', async () => {
    const steps: Array<[number, number]> = [];
    const result = await clusterAnalysis({
      ...base,
      columns: groups(),
      ks: [3],
      labels: ['Big', 'Middle', 'Small'],
      progress: (done, total) => steps.push([done, total]),
    });
    expect(result.solutions[0]!.clusters.map((c) => c.label)).toEqual(['Big', 'Middle', 'Small']);
    expect(steps[0]).toEqual([0, 6]);
    expect(steps.at(-1)).toEqual([6, 6]);
  });

  it('stops when the job is cancelled between iterations', async () => {
    const cancelled = Object.assign(new Error('cancelled'), { name: 'AbortError' });
    await expect(
      clusterAnalysis({
        ...base,
        columns: groups(),
        ks: [3],
        between: () => {
          throw cancelled;
        },
      }),
    ).rejects.toBe(cancelled);
  });

  it('says when too few respondents answered every input', async () => {
    await expect(
      clusterAnalysis({
        ...base,
        columns: [Float64Array.of(1, 2, Number.NaN)],
        names: ['x'],
        ks: [3],
      }),
    ).rejects.toThrow(/2 respondents have a value on every input, too few for 3 clusters/);
  });
});
