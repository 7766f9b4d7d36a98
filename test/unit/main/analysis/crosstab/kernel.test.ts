import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NONE } from '../../../../../src/main/analysis/crosstab/categorize';
import type { TableData } from '../../../../../src/main/analysis/crosstab/tableData';
import {
  columnBases,
  countStubs,
  crosstabCounts,
  crosstabCountsForGroups,
  crosstabCountsForStubs,
  type CellSums,
} from '../../../../../src/main/analysis/crosstab/crosstabKernel';
import {
  countJoint,
  type BannerInput,
  type JointCounts,
} from '../../../../../src/main/kernels/crosstab/jointCount';
import { jointPlan, packVariables } from '../../../../../src/main/kernels/crosstab/jointPlan';
import { ComputePool } from '../../../../../src/main/kernels/computePool';
import { wasmApi } from '../../../../../src/main/kernels/wasmApi';
import { crosstabModule, WasmCrosstab } from '../../../../../src/main/kernels/crosstab/wasmEngine';

/** mulberry32, so every run draws the same cases. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface KernelCase {
  rows: number;
  stubs: Array<{ index: Uint16Array; categories: number }>;
  groups: Array<{ index: Uint16Array; columns: number }>;
  weights: Float64Array | null;
  mask: Uint8Array | null;
}

/**
 * A random counting problem: skewed answers, missing values (NONE; with `pastEnd`, now and then
 * an index just past the categories, which the kernels count as missing), now and then a big
 * variable; weights absent, dyadic (every sum exact in any order), or real, with zero, negative
 * and NaN weights; a filter or none.
 */
function randomCase(
  random: () => number,
  weighting: 'none' | 'dyadic' | 'real',
  pastEnd = false,
): KernelCase {
  const rows = Math.floor(random() * 3000);
  const size = () =>
    random() < 0.08 ? 100 + Math.floor(random() * 300) : Math.floor(random() * 14);
  const column = (categories: number) => {
    const index = new Uint16Array(rows);
    const missing = random() * 0.2;
    for (let i = 0; i < rows; i++) {
      const u = random();
      if (u < missing) index[i] = pastEnd && random() < 0.2 ? categories : NONE;
      else index[i] = categories === 0 ? NONE : Math.floor(random() * random() * categories);
    }
    return index;
  };
  const stubs = Array.from({ length: 1 + Math.floor(random() * 8) }, () => {
    const categories = size();
    return { index: column(categories), categories };
  });
  const groups = Array.from({ length: Math.floor(random() * 7) }, () => {
    const columns = size();
    return { index: column(columns), columns };
  });
  let weights: Float64Array | null = null;
  if (weighting !== 'none') {
    weights = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      const u = random();
      if (u < 0.02) weights[i] = 0;
      else if (u < 0.04) weights[i] = -1;
      else if (u < 0.05) weights[i] = Number.NaN;
      else
        weights[i] =
          weighting === 'dyadic' ? Math.floor(random() * 40) / 8 + 0.125 : 0.05 + random() * 3;
    }
  }
  let mask: Uint8Array | null = null;
  if (random() < 0.5) {
    mask = new Uint8Array(rows);
    for (let i = 0; i < rows; i++) mask[i] = random() < 0.8 ? 1 : random() < 0.5 ? 0 : 2;
  }
  return { rows, stubs, groups, weights, mask };
}

/** Bit for bit (Object.is, so 0 and −0 differ), reporting the first cell that differs. */
function expectIdentical(actual: ArrayLike<number>, expected: ArrayLike<number>) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    if (!Object.is(actual[i], expected[i]))
      expect({ cell: i, value: actual[i] }).toEqual({ cell: i, value: expected[i] });
  }
}

/** Counts exactly; sums exactly when `exact`, else to 12 significant digits. */
function expectSame(actual: CellSums, expected: CellSums, exact: boolean) {
  expect(actual.rowCount).toBe(expected.rowCount);
  expect(actual.columnCount).toBe(expected.columnCount);
  expectIdentical(actual.n, expected.n);
  if (exact) {
    expectIdentical(actual.sumW, expected.sumW);
    expectIdentical(actual.sumW2, expected.sumW2);
    return;
  }
  for (const key of ['sumW', 'sumW2'] as const) {
    let worst = 0;
    actual[key].forEach((value, i) => {
      const want = expected[key][i]!;
      worst = Math.max(worst, Math.abs(value - want) / Math.max(Math.abs(want), 1e-300));
    });
    expect(worst).toBeLessThanOrEqual(1e-12);
  }
}

describe('packing variables into joint codes', () => {
  it('packs every variable once, keeps each pack under the limit and a big variable alone', () => {
    const categories = [7, 1, 12, 300, 0, 4, 4, 2, 169, 11];
    const packs = packVariables(categories, 170);
    expect(packs.flatMap((p) => p.members).sort((a, b) => a - b)).toEqual(
      categories.map((_, i) => i),
    );
    for (const pack of packs) {
      if (pack.members.length > 1) expect(pack.product).toBeLessThanOrEqual(170);
      expect(pack.product).toBe(pack.categories.reduce((p, c) => p * (c + 1), 1));
      pack.members.forEach((member, m) => expect(pack.categories[m]).toBe(categories[member]));
    }
    expect(packs.find((p) => p.members.includes(3))!.members).toEqual([3]);
    expect(jointPlan([3], []).bannerPacks).toEqual([
      { members: [], categories: [], strides: [], product: 1 },
    ]);
  });
});

describe('the fused counting kernel', () => {
  it.each(['none', 'dyadic', 'real'] as const)(
    'equals one pass per table on random inputs (%s weights)',
    (weighting) => {
      const random = seeded(weighting.length * 7919);
      for (let trial = 0; trial < 60; trial++) {
        const { stubs, groups, weights, mask } = randomCase(random, weighting);
        const counted = crosstabCountsForStubs(stubs, groups, weights, mask);
        expect(counted).toHaveLength(stubs.length);
        stubs.forEach((stub, s) => {
          const exact = weighting !== 'real';
          expectSame(
            counted[s]!.total,
            crosstabCounts(stub.index, stub.categories, null, 0, weights, mask),
            exact,
          );
          groups.forEach((group, g) =>
            expectSame(
              counted[s]!.groups[g]!,
              crosstabCounts(
                stub.index,
                stub.categories,
                group.index,
                group.columns,
                weights,
                mask,
              ),
              exact,
            ),
          );
        });
      }
    },
  );

  it('gives the column bases of a banner: Total, then every group column', () => {
    const random = seeded(77);
    for (let trial = 0; trial < 20; trial++) {
      const { rows, groups, weights, mask } = randomCase(random, 'dyadic');
      const bases = columnBases(rows, groups, weights, mask);
      const columns = 1 + groups.reduce((sum, g) => sum + g.columns, 0);
      const expected = { n: new Float64Array(columns), w: new Float64Array(columns) };
      const w2 = new Float64Array(columns);
      for (let i = 0; i < rows; i++) {
        const w = weights === null ? 1 : weights[i]!;
        if ((mask !== null && mask[i] === 0) || !(w > 0)) continue;
        const add = (at: number) => {
          expected.n[at]! += 1;
          expected.w[at]! += w;
          w2[at]! += w * w;
        };
        add(0);
        let offset = 1;
        for (const group of groups) {
          if (group.index[i]! < group.columns) add(offset + group.index[i]!);
          offset += group.columns;
        }
      }
      expectIdentical(bases.n, expected.n);
      expectIdentical(bases.sumW, expected.w);
      expectIdentical(bases.sumW2, w2);
    }
  });

  it('counts the bases along with the first stubs: the same sums, bit for bit, both ways', () => {
    const random = seeded(4242);
    for (let trial = 0; trial < 20; trial++) {
      const { rows, stubs, groups, weights, mask } = randomCase(random, 'real');
      // The stubs as variables whose codes are their category indexes (every code labelled).
      const variables = stubs.map((stub, s) => ({
        name: `s${s}`,
        type: 'single' as const,
        label: null,
        valueLabels: Array.from({ length: stub.categories }, (_, code) => ({
          code,
          label: String(code),
        })),
        missing: [],
        values: Float64Array.from(stub.index, (i) => (i < stub.categories ? i : Number.NaN)),
      }));
      const data: TableData = { rows, variable: (name) => variables[Number(name.slice(1))]! };
      const names = variables.map((v) => v.name);
      let bases: ReturnType<typeof columnBases> | null = null;
      const withBases = [
        ...countStubs(data, names, groups, weights, mask, (counted) => (bases = counted)),
      ];
      const alone = [...countStubs(data, names, groups, weights, mask)];
      const expected = columnBases(rows, groups, weights, mask);
      if (names.length > 0) {
        expect(bases).not.toBeNull();
        expectIdentical(bases!.n, expected.n);
        expectIdentical(bases!.sumW, expected.sumW);
        expectIdentical(bases!.sumW2, expected.sumW2);
      }
      withBases.forEach(({ counts }, s) => {
        expectSame(counts.total, alone[s]!.counts.total, true);
        counts.groups.forEach((table, g) => expectSame(table, alone[s]!.counts.groups[g]!, true));
      });
    }
  });

  it('counts one stub against its groups as before', () => {
    const index = Uint16Array.from([0, 1, 1, NONE, 2, 0]);
    const group = { index: Uint16Array.from([1, 0, 1, 1, NONE, 1]), columns: 2 };
    const weights = Float64Array.from([1, 2, 0.5, 1, 3, Number.NaN]);
    const [sums] = crosstabCountsForGroups(index, 3, [group], weights, null);
    // Rows 0..2, columns [0, 1, Total].
    expect(Array.from(sums!.n)).toEqual([0, 1, 1, 1, 1, 2, 0, 0, 1]);
    expect(Array.from(sums!.sumW)).toEqual([0, 1, 1, 2, 0.5, 2.5, 0, 0, 3]);
    expect(Array.from(sums!.sumW2)).toEqual([0, 1, 1, 4, 0.25, 4.25, 0, 0, 9]);
  });
});

function expectSameJoint(actual: JointCounts, expected: JointCounts) {
  expectIdentical(actual.n, expected.n);
  expect(actual.sumW === null).toBe(expected.sumW === null);
  if (actual.sumW && expected.sumW) expectIdentical(actual.sumW, expected.sumW);
  if (actual.sumW2 && expected.sumW2) expectIdentical(actual.sumW2, expected.sumW2);
}

describe('the WebAssembly kernel', () => {
  const root = path.resolve(import.meta.dirname, '../../../../..');
  // Made here, not taken from the process (CEW_KERNEL=ts turns that one off): one engine on
  // this thread alone, one with a helper thread started before the tests so jobs are shared.
  let single: WasmCrosstab;
  let threaded: WasmCrosstab;
  beforeAll(async () => {
    single = new WasmCrosstab(crosstabModule(), 0);
    threaded = new WasmCrosstab(crosstabModule(), 1);
    await threaded.threadsReady(10_000);
  });
  afterAll(() => Promise.all([single.close(), threaded.close()]));

  it('is built from assembly/crosstab.ts as committed', () => {
    const check = spawnSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it.each(['none', 'dyadic', 'real'] as const)(
    'equals the TypeScript kernel bit for bit on random inputs (%s weights), on one thread or two',
    (weighting) => {
      const random = seeded(weighting.length * 104_729);
      for (let trial = 0; trial < 60; trial++) {
        const { rows, stubs, groups, weights, mask } = randomCase(random, weighting, true);
        // Many groups now and then, so that banner packs multiply.
        const banner: BannerInput = {
          rows,
          groups: groups.map((g) => ({ index: g.index, categories: g.columns })),
          weights,
          mask,
        };
        const plan = jointPlan(
          stubs.map((s) => s.categories),
          groups.map((g) => g.columns),
        );
        const expected = countJoint(plan, stubs, banner);
        expectSameJoint(single.count(plan, stubs, banner), expected);
        expectSameJoint(threaded.count(plan, stubs, banner), expected);
        // A second batch of stubs against the banner kept from the first, as tables are counted.
        const again = stubs.slice().reverse();
        const planAgain = jointPlan(
          again.map((s) => s.categories),
          groups.map((g) => g.columns),
        );
        expectSameJoint(
          threaded.count(planAgain, again, banner),
          countJoint(planAgain, again, banner),
        );
        threaded.release();
        single.release();
      }
    },
  );

  it('shares a big job with its compute thread and still equals the TypeScript kernel', () => {
    const random = seeded(5);
    const rows = 200_003;
    const column = (categories: number) => {
      const index = new Uint16Array(rows);
      for (let i = 0; i < rows; i++)
        index[i] = random() < 0.03 ? NONE : Math.floor(random() * random() * categories);
      return { index, categories };
    };
    const stubs = Array.from({ length: 24 }, (_, s) => column(2 + (s % 11)));
    const weights = Float64Array.from({ length: rows }, () => 0.3 + random() * 2.4);
    const banner: BannerInput = {
      rows,
      groups: Array.from({ length: 6 }, (_, g) => column(3 + g)),
      weights,
      mask: null,
    };
    const plan = jointPlan(
      stubs.map((s) => s.categories),
      banner.groups.map((g) => g.categories),
    );
    const before = threaded.helperTasks;
    const expected = countJoint(plan, stubs, banner);
    for (let run = 0; run < 3; run++)
      expectSameJoint(threaded.count(plan, stubs, banner), expected);
    threaded.release();
    expect(threaded.helperTasks).toBeGreaterThan(before);
  });

  it('keeps the stub columns for the next count of the same table, and copies them when they changed', () => {
    const random = seeded(77);
    for (let trial = 0; trial < 20; trial++) {
      const { rows, stubs, groups, weights, mask } = randomCase(random, 'real');
      const banner: BannerInput = {
        rows,
        groups: groups.map((g) => ({ index: g.index, categories: g.columns })),
        weights,
        mask,
      };
      const plan = jointPlan(
        stubs.map((s) => s.categories),
        groups.map((g) => g.columns),
      );
      const expected = countJoint(plan, stubs, banner);
      for (const engine of [single, threaded]) {
        const copied = () => engine.stubColumnsCopied - before;
        const before = engine.stubColumnsCopied;
        expectSameJoint(engine.count(plan, stubs, banner), expected);
        expect(copied()).toBe(stubs.length);
        // The same table again (a consultant changing its cells or sort): nothing copied.
        expectSameJoint(engine.count(plan, stubs, banner), expected);
        expect(copied()).toBe(stubs.length);
        // Other stub columns in between (copies: the same answers, other arrays) take their
        // place, so the first ones come back in again.
        const others = stubs.map((stub) => ({ ...stub, index: stub.index.slice() }));
        expectSameJoint(engine.count(plan, others, banner), expected);
        expectSameJoint(engine.count(plan, stubs, banner), expected);
        expect(copied()).toBe(3 * stubs.length);
        // A new banner (a new weights array, the same values) lays memory out again.
        const reweighted: BannerInput = { ...banner, weights: weights!.slice() };
        expectSameJoint(engine.count(plan, stubs, reweighted), expected);
        expect(copied()).toBe(4 * stubs.length);
        engine.release();
        expectSameJoint(engine.count(plan, stubs, reweighted), expected);
        expect(copied()).toBe(5 * stubs.length);
        engine.release();
      }
    }
  });

  it('gives the same tables as the TypeScript kernel with many banner groups', () => {
    const random = seeded(31);
    for (let trial = 0; trial < 8; trial++) {
      const cases = [randomCase(random, 'real'), randomCase(random, 'real')];
      const { stubs, weights, mask } = cases[0]!;
      const rows = cases[0]!.rows;
      const groups = Array.from({ length: 20 }, (_, g) => {
        const columns = 2 + (g % 11);
        const index = new Uint16Array(rows);
        for (let i = 0; i < rows; i++)
          index[i] = random() < 0.03 ? NONE : Math.floor(random() * random() * columns);
        return { index, columns };
      });
      const viaWasm = crosstabCountsForStubs(stubs, groups, weights, mask, 'wasm');
      const viaTs = crosstabCountsForStubs(stubs, groups, weights, mask, 'ts');
      viaTs.forEach((stub, s) => {
        expectSame(viaWasm[s]!.total, stub.total, true);
        stub.groups.forEach((sums, g) => expectSame(viaWasm[s]!.groups[g]!, sums, true));
      });
    }
  });
});

describe('compute threads with inputs written as the job runs', () => {
  it('runs no task when writing the inputs fails, and the next job runs as usual', async () => {
    const memory = new wasmApi.Memory({ initial: 16, maximum: 65_536, shared: true });
    const pool = new ComputePool(crosstabModule(), memory, 1);
    try {
      const until = Date.now() + 10_000;
      while (pool.ready < 1 && Date.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 5));
      expect(pool.ready).toBe(1);
      const ran: number[] = [];
      expect(() =>
        pool.run(
          0,
          4,
          [0, 0],
          (_job, task) => ran.push(task),
          () => {
            throw new Error('the inputs could not be written');
          },
        ),
      ).toThrow('the inputs could not be written');
      expect(ran).toEqual([]);
      expect(pool.helperTasks).toBe(0);
      // One task: this thread alone, after its inputs are marked ready.
      pool.run(
        0,
        1,
        [0, 0],
        (_job, task) => ran.push(task),
        (ready) => ready(1),
      );
      expect(ran).toEqual([0]);
    } finally {
      await pool.close();
    }
  });
});
