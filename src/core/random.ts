// Seeded randomness: the only source the estimators use (the tie-breaking noise of the
// k-NN estimators). It runs in TypeScript before any kernel, so a seed gives the same
// bits on the wasm and js backends.

/** splitmix32 (a 32-bit variant of Steele, Lea & Flood's SplitMix): spreads a seed into state words. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A generator of standard normal deviates for a given seed: xoshiro128** (Blackman &
 * Vigna, 2018) for uniforms on a grid of 2^-31, and Marsaglia's polar method (1964) for the
 * normals, which needs only ln and √ (no trigonometry). 32 random bits per coordinate are
 * plenty for tie-breaking noise and halve the cost against 53.
 */
export function normalSource(seed: number): () => number {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return r;
  };
  /** Uniform in [−1, 1) from 32 random bits. */
  const signed = (): number => (next() | 0) / 2147483648;
  let spare = NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const z = spare;
      spare = NaN;
      return z;
    }
    for (;;) {
      const u = signed();
      const v = signed();
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * f;
        return u * f;
      }
    }
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
