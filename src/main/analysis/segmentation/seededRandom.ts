/**
 * A small seeded generator for clustering: the same seed gives the same k-means++ seeds, restarts
 * and silhouette sample on every machine, so a segmentation can be reproduced from its seed.
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator) for the stream, its state set from
 * the seed and a stream number by splitmix32, so each k and each purpose gets a stream of its own
 * and running k = 4 alone gives what k = 4 gives inside a range.
 */
export type Random = () => number;

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Uniform numbers in [0, 1) from (seed, stream). */
export function seededRandom(seed: number, stream = 0): Random {
  const init = splitmix32((seed >>> 0) ^ Math.imul(stream + 1, 0x27d4eb2f));
  let a = init();
  let b = init();
  let c = init();
  let counter = 1;
  const next = (): number => {
    const t = (((a + b) >>> 0) + counter) >>> 0;
    counter = (counter + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  // The first outputs still carry the seed's pattern: discard a few, as the generator's author advises.
  for (let i = 0; i < 12; i++) next();
  return () => next() / 4294967296;
}

/** A whole number in 0..n-1. */
export function randomIndex(random: Random, n: number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}
