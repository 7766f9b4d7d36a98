/** Timing helpers for benchmarks: medians of repeated runs after a warm-up, plus peak memory. */
export interface BenchResult {
  name: string;
  n: number;
  median_ms: number;
  min_ms: number;
  max_ms: number;
  peak_rss_mb: number;
}

export function peakRssMb(): number {
  // resourceUsage().maxRSS is in kilobytes and covers the whole process: the benchmark runs alone in it.
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

export async function measure(
  name: string,
  n: number,
  run: () => Promise<unknown> | unknown,
  warmup = Math.min(5, n),
): Promise<BenchResult> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const middle = Math.floor(samples.length / 2);
  const median =
    samples.length % 2 === 1 ? samples[middle]! : (samples[middle - 1]! + samples[middle]!) / 2;
  return {
    name,
    n,
    median_ms: round(median),
    min_ms: round(samples[0]!),
    max_ms: round(samples[samples.length - 1]!),
    peak_rss_mb: peakRssMb(),
  };
}
