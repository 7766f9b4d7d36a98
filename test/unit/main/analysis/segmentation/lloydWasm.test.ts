/**
 * The WebAssembly Lloyd pass (assembly/lloyd.ts, run by src/main/kernels/lloyd/wasmLloyd.ts)
 * against the generic reference loop: over each of the two fixed halves of the rows, the same
 * assignments, counts, sums and changed rows, bit for bit — shapes with odd and tiny row counts,
 * k = 1, k = 255, every remainder of k by four (the kernel takes centres four at a time), many
 * variables, and ties — on one thread or two; and through lloydRunner, the same result as the JS
 * runner it replaces.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterAnalysis } from '../../../../../src/main/analysis/segmentation/clusterAnalysis';
import {
  lloydPassReference,
  type LloydPass,
} from '../../../../../src/main/analysis/segmentation/lloydPass';
import {
  lloydRunner,
  THREADED_FROM_ROWS,
} from '../../../../../src/main/analysis/segmentation/lloydThreads';
import { seededRandom } from '../../../../../src/main/analysis/segmentation/seededRandom';
import { lloydModule, WasmLloyd } from '../../../../../src/main/kernels/lloyd/wasmLloyd';

const root = path.resolve(__dirname, '../../../../..');

interface PassResult {
  assign: Uint8Array;
  sums: Float64Array;
  counts: Float64Array;
  changed: number;
}

/** The reference over the two halves, added in order as the runners add them. */
function referenceHalves(
  columns: Float64Array[],
  centres: Float64Array,
  before: Uint8Array,
  pass: LloydPass = lloydPassReference,
): PassResult {
  const rows = before.length;
  const half = Math.floor(rows / 2);
  const assign = before.slice();
  const parts = [
    [0, half],
    [half, rows],
  ].map(([start, end]) => {
    const sums = new Float64Array(centres.length);
    const counts = new Float64Array(centres.length / columns.length);
    const changed = pass(columns, centres, assign, sums, counts, start!, end!);
    return { sums, counts, changed };
  });
  const [first, second] = parts as [(typeof parts)[0], (typeof parts)[0]];
  return {
    assign,
    sums: first.sums.map((s, i) => 0 + (s + second.sums[i]!)),
    counts: first.counts.map((n, c) => 0 + (n + second.counts[c]!)),
    changed: first.changed + second.changed,
  };
}

function wasmPass(
  engine: WasmLloyd,
  threads: number,
  columns: Float64Array[],
  centres: Float64Array,
  before: Uint8Array,
): PassResult {
  const k = centres.length / columns.length;
  const session = engine.open(columns, k, threads);
  try {
    session.assign.set(before);
    const sums = new Float64Array(centres.length);
    const counts = new Float64Array(k);
    const changed = session.pass(centres, sums, counts);
    return { assign: session.assign.slice(), sums, counts, changed };
  } finally {
    session.close();
  }
}

function randomCase(rows: number, dims: number, k: number, seed: number, coarse = false) {
  const random = seededRandom(seed);
  // Coarse values (halves from −2 to 2) and repeated centres make many exact ties.
  const value = () => (coarse ? Math.floor(random() * 9) / 2 - 2 : random() * 4 - 2);
  const columns = Array.from({ length: dims }, () => Float64Array.from({ length: rows }, value));
  const centres = Float64Array.from({ length: k * dims }, value);
  if (coarse && k > 2) centres.copyWithin(dims, 0, dims);
  const before = Uint8Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? 255 : i % k));
  return { columns, centres, before };
}

function expectSame(actual: PassResult, expected: PassResult): void {
  expect(actual.changed).toBe(expected.changed);
  expect(actual.assign).toEqual(expected.assign);
  expect(actual.counts).toEqual(expected.counts);
  // toEqual on Float64Arrays compares with Object.is: bit for bit, −0 apart from 0.
  expect(actual.sums).toEqual(expected.sums);
}

describe('the WebAssembly Lloyd pass', () => {
  const engine = new WasmLloyd(lloydModule(), 1);
  afterAll(() => engine.close());

  it('is built from assembly/lloyd.ts as committed', () => {
    const check = spawnSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  const shapes: Array<[rows: number, dims: number, k: number]> = [
    [5_001, 10, 6],
    [4_003, 1, 2],
    [3_002, 3, 7],
    [2_501, 7, 9],
    [1_501, 2, 5],
    [2_001, 5, 1],
    [1_999, 40, 12],
    [1_003, 30, 50],
    [777, 4, 255],
    [9, 3, 4],
    [7, 2, 3],
    [3, 2, 2],
    [1, 4, 3],
  ];
  for (const [rows, dims, k] of shapes)
    for (const threads of [0, 1])
      it(`equals the reference for ${rows} rows, ${dims} variables, k = ${k}, on ${threads + 1} thread(s)`, async () => {
        await engine.threadsReady(5_000);
        const { columns, centres, before } = randomCase(rows, dims, k, rows * 31 + dims * 7 + k);
        expectSame(
          wasmPass(engine, threads, columns, centres, before),
          referenceHalves(columns, centres, before),
        );
      });

  for (const [rows, dims, k] of [
    [6_001, 3, 5],
    [1_001, 1, 2],
    [2_002, 10, 6],
  ] as const)
    it(`keeps the first of equal distances, as the reference does (${rows} rows, ${dims} variables, k = ${k})`, () => {
      const { columns, centres, before } = randomCase(rows, dims, k, rows + k, true);
      expectSame(
        wasmPass(engine, 1, columns, centres, before),
        referenceHalves(columns, centres, before),
      );
    });

  it('assigns a row halfway between two centres to the first', () => {
    // Ten rows: each half has four rows for the vector loop and one left for the scalar one.
    const columns = [Float64Array.of(1, 1, 0, 2, 1, 1, 2, 1, 1, 1)];
    const centres = Float64Array.of(0, 2);
    const result = wasmPass(engine, 0, columns, centres, new Uint8Array(10).fill(255));
    expect(Array.from(result.assign)).toEqual([0, 0, 0, 1, 0, 0, 1, 0, 0, 0]);
    expect(Array.from(result.counts)).toEqual([8, 2]);
    expect(Array.from(result.sums)).toEqual([7, 4]);
    expect(result.changed).toBe(10);
  });

  it('counts no change on a second pass with the same centres', () => {
    const { columns, centres } = randomCase(3_001, 4, 5, 99);
    const session = engine.open(columns, 5, 1);
    try {
      session.assign.fill(255);
      const sums = new Float64Array(20);
      const counts = new Float64Array(5);
      expect(session.pass(centres, sums, counts)).toBe(3_001);
      sums.fill(0);
      counts.fill(0);
      expect(session.pass(centres, sums, counts)).toBe(0);
      expect(counts.reduce((a, b) => a + b)).toBe(3_001);
    } finally {
      session.close();
    }
  });

  it('serves one session at a time', () => {
    const { columns } = randomCase(10, 2, 2, 1);
    const session = engine.open(columns, 2, 0);
    expect(() => engine.open(columns, 2, 0)).toThrow(/already in use/);
    session.close();
    engine.open(columns, 2, 0).close();
  });
});

describe('lloydRunner on large shared columns', () => {
  it('gives exactly what the JS runner gives, pass after pass', async () => {
    const rows = THREADED_FROM_ROWS + 1_001;
    const dims = 6;
    const k = 5;
    const random = seededRandom(5);
    const columns = Array.from({ length: dims }, () => {
      const column = new Float64Array(new SharedArrayBuffer(rows * 8));
      for (let i = 0; i < rows; i++) column[i] = random() * 4 - 2;
      return column;
    });
    const wasm = lloydRunner(columns, k);
    // A second run at the same time (another job) gets an engine of its own.
    const other = lloydRunner(columns, k);
    const js = lloydRunner(columns, k, { kernel: 'js' });
    try {
      // The WebAssembly runners' assignments live in their WebAssembly.Memory, beside the columns.
      expect(wasm.assign.buffer.byteLength).toBeGreaterThan(rows * dims * 8);
      expect(other.assign.buffer).not.toBe(wasm.assign.buffer);
      expect(other.assign.buffer.byteLength).toBeGreaterThan(rows * dims * 8);
      expect(js.assign.buffer.byteLength).toBe(rows);
      for (const runner of [wasm, other, js]) runner.assign.fill(255);
      const centres = Float64Array.from({ length: k * dims }, () => random() * 2 - 1);
      for (let iteration = 0; iteration < 3; iteration++) {
        const run = async (runner: typeof wasm) => {
          const sums = new Float64Array(k * dims);
          const counts = new Float64Array(k);
          const changed = await runner.pass(centres, sums, counts);
          return { assign: runner.assign.slice(), sums, counts, changed };
        };
        const a = await run(wasm);
        expectSame(await run(other), a);
        expectSame(await run(js), a);
        for (let c = 0; c < k; c++)
          for (let d = 0; d < dims; d++)
            centres[c * dims + d] = a.sums[c * dims + d]! / a.counts[c]!;
      }
    } finally {
      await Promise.all([wasm.close(), other.close(), js.close()]);
    }
  });

  it('makes clusterAnalysis give the same solutions as the JS pass, seed for seed', async () => {
    const rows = THREADED_FROM_ROWS + 2_003;
    const random = seededRandom(17);
    // Four overlapping groups, so that Lloyd takes several passes and restarts differ.
    const columns = Array.from({ length: 3 }, (_, d) =>
      Float64Array.from({ length: rows }, (_, i) => ((i * (d + 1)) % 4) + 1.5 * random()),
    );
    const analyse = () =>
      clusterAnalysis({
        columns,
        names: ['a', 'b', 'c'],
        ks: [3, 5],
        seed: 8,
        restarts: 2,
        maxIterations: 30,
        standardize: true,
      });
    const wasm = await analyse();
    const before = process.env.CEW_KERNEL;
    process.env.CEW_KERNEL = 'ts';
    try {
      expect(await analyse()).toEqual(wasm);
    } finally {
      if (before === undefined) delete process.env.CEW_KERNEL;
      else process.env.CEW_KERNEL = before;
    }
    expect(wasm.solutions.every((solution) => solution.iterations > 1)).toBe(true);
  });
});
