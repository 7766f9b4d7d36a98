/**
 * Lloyd passes on two threads (lloydThreads.ts): over shared columns the helper thread's half and
 * this thread's half together give what one pass over every row gives — the same assignments and
 * counts, sums equal but for the order of addition — and small or unshared inputs stay on one
 * thread.
 */
import { describe, expect, it } from 'vitest';
import { clusterAnalysis } from '../../../../../src/main/analysis/segmentation/clusterAnalysis';
import { lloydPassFor } from '../../../../../src/main/analysis/segmentation/lloydPass';
import {
  lloydRunner,
  THREADED_FROM_ROWS,
} from '../../../../../src/main/analysis/segmentation/lloydThreads';
import { seededRandom } from '../../../../../src/main/analysis/segmentation/seededRandom';

const ROWS = THREADED_FROM_ROWS + 1_001;

function sharedColumns(rows: number, dims: number, seed: number): Float64Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: dims }, () => {
    const column = new Float64Array(new SharedArrayBuffer(rows * 8));
    for (let i = 0; i < rows; i++) column[i] = random() * 4 - 2;
    return column;
  });
}

describe('Lloyd passes on two threads', () => {
  it('give the assignments, counts and sums of one pass over every row', async () => {
    const columns = sharedColumns(ROWS, 5, 3);
    const random = seededRandom(4);
    const centres = Float64Array.from({ length: 4 * 5 }, () => random() * 4 - 2);
    const runner = lloydRunner(columns, 4);
    try {
      expect(runner.assign.buffer).toBeInstanceOf(SharedArrayBuffer);
      const sums = new Float64Array(20);
      const counts = new Float64Array(4);
      runner.assign.fill(255);
      const changed = await runner.pass(centres, sums, counts);

      const assign = new Uint8Array(ROWS).fill(255);
      const oneSums = new Float64Array(20);
      const oneCounts = new Float64Array(4);
      const oneChanged = lloydPassFor(4, 5)(columns, centres, assign, oneSums, oneCounts, 0, ROWS);
      expect(changed).toBe(oneChanged);
      expect(runner.assign).toEqual(assign);
      expect(counts).toEqual(oneCounts);
      for (let i = 0; i < 20; i++) expect(sums[i]).toBeCloseTo(oneSums[i]!, 8);
      // A second pass with the same centres changes nothing.
      sums.fill(0);
      counts.fill(0);
      expect(await runner.pass(centres, sums, counts)).toBe(0);
    } finally {
      await runner.close();
    }
  });

  it('stay on this thread for columns that are not shared or few rows', () => {
    const plain = [new Float64Array(ROWS)];
    expect(lloydRunner(plain, 3).assign.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    const few = sharedColumns(1_000, 2, 1);
    expect(lloydRunner(few, 3).assign.buffer).not.toBeInstanceOf(SharedArrayBuffer);
  });

  it('cluster a large input into its groups', async () => {
    // Three separated groups, large enough for two threads.
    const random = seededRandom(11);
    const x = Float64Array.from({ length: ROWS }, (_, i) => (i % 3) * 10 + random());
    const y = Float64Array.from({ length: ROWS }, (_, i) => (i % 3 === 1 ? 5 : 0) + random());
    const result = await clusterAnalysis({
      columns: [x, y],
      names: ['x', 'y'],
      ks: [3],
      seed: 1,
      restarts: 2,
      maxIterations: 100,
      standardize: true,
    });
    const groupSizes = [0, 1, 2].map((r) => Math.ceil((ROWS - r) / 3));
    expect(result.solutions[0]!.clusters.map((c) => c.size).sort()).toEqual(groupSizes.sort());
    expect(result.solutions[0]!.converged).toBe(true);
  });
});
