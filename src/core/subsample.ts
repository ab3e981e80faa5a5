// Uniform subsamples without replacement, from a seeded generator: the rows that the
// `sample` option of mutualInformation and subsampledMutualInformation estimate on.

/**
 * Uniform integers from xoshiro128** (Blackman & Vigna, 2018), seeded through splitmix32 as
 * core/random.ts seeds its normal stream; unbiased in [0, m) by rejection.
 */
export class UniformStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
  }

  /** 32 random bits. */
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

  /** A uniform integer in [0, m), m ≤ 2^32 (53-bit draws above 2^32 are not needed here). */
  below(m: number): number {
    if (m <= 0x100000000) {
      const limit = 0x100000000 - (0x100000000 % m);
      let r: number;
      do r = this.next32();
      while (r >= limit);
      return r % m;
    }
    return Math.floor((this.next32() * 0x100000000 + this.next32()) / 2 ** 64 * m);
  }
}

/**
 * Index sets of `replicates` uniform subsamples of size n from N rows, each without
 * replacement: disjoint pieces of one random permutation when n·replicates ≤ N, else an
 * independent partial shuffle per replicate. Replicate 0 is the same for any number of
 * replicates, so {@link mutualInformation}'s `sample` option and the interval's first
 * replicate agree. Cost: O(N) memory for the index permutation.
 */
export function subsampleIndices(N: number, n: number, replicates: number, seed: number): Int32Array[] {
  const rng = new UniformStream(seed);
  const perm = new Int32Array(N);
  for (let i = 0; i < N; i++) perm[i] = i;
  const out: Int32Array[] = [];
  const shuffleInto = (from: number, count: number) => {
    for (let i = from; i < from + count; i++) {
      const j = i + rng.below(N - i);
      const t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
  };
  if (n * replicates <= N) {
    shuffleInto(0, n * replicates);
    for (let r = 0; r < replicates; r++) out.push(perm.slice(r * n, (r + 1) * n).sort());
  } else {
    for (let r = 0; r < replicates; r++) {
      shuffleInto(0, n);
      out.push(perm.slice(0, n).sort());
    }
  }
  return out;
}

/** The rows of a sequence (array, typed array) at the given indices, of the same kind. */
export function gather<T>(x: T, idx: Int32Array): T {
  if (ArrayBuffer.isView(x)) {
    const src = x as unknown as Float64Array;
    const Ctor = src.constructor as new (n: number) => Float64Array;
    const out = new Ctor(idx.length);
    for (let i = 0; i < idx.length; i++) out[i] = src[idx[i]];
    return out as unknown as T;
  }
  const src = x as unknown as ArrayLike<unknown>;
  return Array.from(idx, (i) => src[i]) as unknown as T;
}
