// Micro-benchmark, logging only (no timing assertions: times drift between machines and runs).
// The real gate is `npm run bench` rim: 4 raking variables over 1,000,000 respondents to
// convergence, columns already in memory, target ≤ 30 ms (../shared/PERFORMANCE.md).
import { expect, it } from 'vitest';
import type { CodeColumn } from '../../../../../src/main/analysis/weights/codeColumn';
import { type RimTargets, rimWeights } from '../../../../../src/main/analysis/weights/rimWeights';

const N = 1_000_000;

/** Seeded xorshift: the same respondents on every run. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

/** Codes 1…k drawn with skewed probabilities, as Uint8 with 255 for ~missingRate of rows. */
function skewedColumn(next: () => number, k: number, missingRate: number): Uint8Array {
  const cumulative: number[] = [];
  let total = 0;
  for (let j = 1; j <= k; j++) cumulative.push((total += 1 / j));
  const out = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    if (next() < missingRate) {
      out[i] = 255;
      continue;
    }
    const u = next() * total;
    let j = 0;
    while ((cumulative[j] as number) < u) j++;
    out[i] = j + 1;
  }
  return out;
}

const even = (k: number) => new Map(Array.from({ length: k }, (_, j) => [j + 1, 1 / k]));

function median(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

it('rim: 4 variables × 1,000,000 rows to convergence (logs its time)', () => {
  const next = rng(20240611);
  // age × gender (12), region (10), internet use (3), education (5); ~3 % missing on region.
  const columns = new Map<string, CodeColumn>([
    ['ageGender', skewedColumn(next, 12, 0)],
    ['region', skewedColumn(next, 10, 0.03)],
    ['internet', skewedColumn(next, 3, 0)],
    ['education', skewedColumn(next, 5, 0)],
  ]);
  const targets: RimTargets = new Map([
    ['ageGender', even(12)],
    ['region', even(10)],
    ['internet', even(3)],
    ['education', even(5)],
  ]);
  const base = Float64Array.from({ length: N }, () => 0.5 + next());
  const f64Columns = new Map(
    [...columns].map(([k, v]) => [k, Float64Array.from(v, (c) => (c === 255 ? Number.NaN : c))]),
  );

  const time = (label: string, run: () => ReturnType<typeof rimWeights>) => {
    const times: number[] = [];
    let last = run();
    for (let r = 0; r < 7; r++) {
      const t0 = performance.now();
      last = run();
      times.push(performance.now() - t0);
    }
    expect(last.converged).toBe(true);
    console.log(
      `rim ${label}: median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}), ` +
        `${last.cells} cells, ${last.iterations} sweeps, ${last.rowsWeighted} rows weighted`,
    );
  };
  time('Uint8 codes, equal start', () => rimWeights({ columns, targets }));
  time('Uint8 codes, base weight', () => rimWeights({ columns, targets, baseWeight: base }));
  time('Float64 codes, equal start', () => rimWeights({ columns: f64Columns, targets }));
});
