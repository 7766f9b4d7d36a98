/**
 * Specification of the demo's seeded generator: reproducible from its seed, independent per
 * stream, and uniform, normal and weighted where it says so (checked to a few standard errors
 * over 100,000 draws).
 */
import { describe, expect, it } from 'vitest';
import { DemoRandom, deriveSeed } from '../../../../src/main/demo/demoRandom';

const DRAWS = 100_000;

function draws(random: DemoRandom, draw: (r: DemoRandom) => number, n = DRAWS): number[] {
  return Array.from({ length: n }, () => draw(random));
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

describe('DemoRandom', () => {
  it('repeats its sequence for the same seed and changes it for another', () => {
    const a = draws(new DemoRandom(8), (r) => r.uniform(), 20);
    expect(draws(new DemoRandom(8), (r) => r.uniform(), 20)).toEqual(a);
    expect(draws(new DemoRandom(9), (r) => r.uniform(), 20)).not.toEqual(a);
  });

  it('draws uniformly in [0, 1)', () => {
    const values = draws(new DemoRandom(1), (r) => r.uniform());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(Math.abs(mean(values) - 0.5)).toBeLessThan(0.005);
    const tenths = new Array<number>(10).fill(0);
    for (const value of values) tenths[Math.floor(value * 10)]!++;
    for (const count of tenths) expect(Math.abs(count - DRAWS / 10)).toBeLessThan(400);
  });

  it('draws standard normal values', () => {
    const values = draws(new DemoRandom(2), (r) => r.normal());
    const m = mean(values);
    const sd = Math.sqrt(mean(values.map((value) => (value - m) ** 2)));
    expect(Math.abs(m)).toBeLessThan(0.012);
    expect(Math.abs(sd - 1)).toBeLessThan(0.012);
    const within1 = values.filter((value) => Math.abs(value) < 1).length / DRAWS;
    expect(Math.abs(within1 - 0.6827)).toBeLessThan(0.006);
  });

  it('draws whole numbers between both bounds, each as often', () => {
    const values = draws(new DemoRandom(3), (r) => r.integer(16, 20));
    expect(new Set(values)).toEqual(new Set([16, 17, 18, 19, 20]));
    for (let k = 16; k <= 20; k++)
      expect(Math.abs(values.filter((v) => v === k).length - DRAWS / 5)).toBeLessThan(600);
  });

  it('draws an index in proportion to its weight', () => {
    const values = draws(new DemoRandom(4), (r) => r.weighted([1, 0, 3]));
    expect(values.filter((v) => v === 1)).toHaveLength(0);
    expect(Math.abs(values.filter((v) => v === 2).length / DRAWS - 0.75)).toBeLessThan(0.005);
  });

  it('refuses a seed that is not a whole number', () => {
    expect(() => new DemoRandom(1.5)).toThrow(RangeError);
  });
});

describe('deriveSeed', () => {
  it('gives each stream its own 32-bit seed, the same every time', () => {
    const streams = [
      'DE/2025/customer',
      'DE/2025/executive',
      'DE/2026/customer',
      'KR/2026/customer',
    ];
    const seeds = streams.map((stream) => deriveSeed(8, stream));
    expect(new Set(seeds).size).toBe(streams.length);
    expect(streams.map((stream) => deriveSeed(8, stream))).toEqual(seeds);
    for (const seed of seeds) expect(seed >>> 0).toBe(seed);
    expect(deriveSeed(9, streams[0]!)).not.toBe(seeds[0]);
  });
});
