/**
 * The demo study's only source of chance: a seeded generator, so the same seed writes the same
 * files byte for byte on every machine (tests hash them; consultants can reproduce a demo a
 * colleague describes). Math.random cannot be seeded, hence this small generator.
 *
 * The generator is mulberry32: a 32-bit state advanced by a constant (a Weyl sequence) and mixed
 * with two multiply-xorshift rounds. It passes the usual statistical batteries for the few
 * thousand draws per file needed here and uses only 32-bit integer arithmetic (Math.imul), so its
 * output does not depend on the platform's floating point.
 */

const WEYL = 0x6d2b79f5;

/** A uniform draw in [0, 1) from the 32-bit state `seed` (mulberry32; see the module comment). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + WEYL) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * A seed for one named stream (one source file, one respondent type), so adding respondents to one
 * file or a file to the demo never changes the draws of another. FNV-1a over the name's UTF-16
 * units, started from the seed.
 */
export function deriveSeed(seed: number, stream: string): number {
  let hash = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < stream.length; i++) {
    hash ^= stream.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export class DemoRandom {
  private readonly next: () => number;

  constructor(seed: number) {
    if (!Number.isInteger(seed))
      throw new RangeError(`the demo seed must be an integer, not ${seed}`);
    this.next = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.next();
  }

  /** Standard normal, by the Box–Muller transform (one value per two uniforms, kept simple). */
  normal(): number {
    const u = 1 - this.next(); // (0, 1]: the logarithm stays finite
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A whole number in [low, high], both included. */
  integer(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  /** The index of one weight, drawn in proportion to the weights (which need not sum to 1). */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let left = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      left -= weights[i]!;
      if (left < 0) return i;
    }
    return weights.length - 1;
  }
}
