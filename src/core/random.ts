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
 * A seeded stream of standard normal deviates: xoshiro128** (Blackman & Vigna, 2018) for
 * uniforms on a grid of 2^-31, and Marsaglia's polar method (1964) for the normals, which
 * needs only ln and √ (no trigonometry). 32 random bits per coordinate are plenty for
 * tie-breaking noise. `fill` writes deviates in bulk with the state in locals, the fast
 * path for noising a whole sample.
 */
export class NormalStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const init = splitmix32(seed);
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init();
  }

  /** Writes out.length standard normal deviates into out. */
  fill(out: Float64Array): void {
    let { a, b, c, d } = this;
    const n = out.length;
    let i = 0;
    while (i < n) {
      // two xoshiro128** steps give the two coordinates of a point in the square
      let r = Math.imul(((Math.imul(b, 5) << 7) | (Math.imul(b, 5) >>> 25)), 9);
      let t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
      const u = (r | 0) / 2147483648;
      r = Math.imul(((Math.imul(b, 5) << 7) | (Math.imul(b, 5) >>> 25)), 9);
      t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
      const v = (r | 0) / 2147483648;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        out[i++] = u * f;
        if (i < n) out[i++] = v * f;
      }
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }
}
