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

/** fmix32, the finaliser of MurmurHash3: a bijection of 32-bit words that mixes every bit. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A seeded stream of uniform doubles in [0, 1) on a grid of 2^-53: xoshiro128** (Blackman &
 * Vigna, 2018), two 32-bit outputs per double. The stream for (seed, stream) depends on
 * nothing else, so permutation i or bootstrap replicate i is the same wherever it is drawn
 * (any worker, any number of workers).
 */
export class UniformStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    // fmix32 is a bijection, so distinct streams of one seed start from distinct words.
    const init = splitmix32(fmix32(seed >>> 0) ^ (stream >>> 0));
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init();
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** The next 32 random bits. */
  next32(): number {
    const r = Math.imul(((Math.imul(this.b, 5) << 7) | (Math.imul(this.b, 5) >>> 25)), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = (this.d << 11) | (this.d >>> 21);
    return r;
  }

  /** A uniform double in [0, 1). */
  next(): number {
    const hi = this.next32() >>> 5; // 27 bits
    const lo = this.next32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A uniform integer in [0, m), for m ≤ 2^32 (bias below m / 2^53). */
  below(m: number): number {
    return Math.floor(this.next() * m);
  }
}

/**
 * Permutation `index` of [0, n) for a seed: a Fisher–Yates shuffle driven by
 * UniformStream(seed, index), written into out (length n).
 */
export function seededPermutation(seed: number, index: number, out: Int32Array): Int32Array {
  const n = out.length;
  for (let i = 0; i < n; i++) out[i] = i;
  const u = new UniformStream(seed, index);
  for (let i = n - 1; i > 0; i--) {
    const j = u.below(i + 1);
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}

/** Bootstrap resample `index` of [0, n) (n draws with replacement), from UniformStream(seed, 2^31 + index). */
export function seededResample(seed: number, index: number, out: Int32Array): Int32Array {
  const n = out.length;
  const u = new UniformStream(seed, (0x80000000 + index) >>> 0);
  for (let i = 0; i < n; i++) out[i] = u.below(n);
  return out;
}
