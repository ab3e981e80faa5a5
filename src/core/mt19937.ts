// numpy's legacy RandomState(seed).standard_normal, bit for bit: the Mersenne Twister
// MT19937 (Matsumoto & Nishimura, ACM TOMACS 8(1), 1998) seeded by init_genrand, 53-bit
// doubles from two draws, and the Marsaglia polar method that numpy's legacy_gauss uses.
// With it, `randomState` means what sklearn's random_state means.

const N = 624;
const M = 397;

/** A seeded stream of standard normal deviates, identical to numpy.random.RandomState(seed). */
export class LegacyNormal {
  private mt = new Uint32Array(N);
  private i = N;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      // 1812433253 · prev mod 2^32, split to stay exact in float64
      mt[i] = (((((prev & 0xffff0000) >>> 16) * 1812433253) << 16) + (prev & 0x0000ffff) * 1812433253 + i) >>> 0;
    }
  }

  private twist(): void {
    const mt = this.mt;
    // the reference loop with its indices mod N, split into three runs without the modulo
    let k = 0;
    for (; k < N - M; k++) {
      const y = (mt[k] & 0x80000000) | (mt[k + 1] & 0x7fffffff);
      mt[k] = mt[k + M] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    }
    for (; k < N - 1; k++) {
      const y = (mt[k] & 0x80000000) | (mt[k + 1] & 0x7fffffff);
      mt[k] = mt[k + M - N] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    }
    const y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    this.i = 0;
  }

  /**
   * Writes the next `to − from` deviates into out[from … to), the same values as that
   * many nextGaussian() calls, with the generator's state in locals (several times faster).
   */
  fill(out: Float64Array, from = 0, to = out.length): void {
    let o = from;
    if (o < to && this.hasSpare) {
      this.hasSpare = false;
      out[o++] = this.spare;
    }
    const mt = this.mt;
    let i = this.i;
    while (o < to) {
      let x1: number;
      let x2: number;
      let r2: number;
      do {
        // four tempered outputs make two 53-bit doubles (numpy's random_sample)
        if (i > N - 4) {
          this.i = i;
          x1 = 2 * this.nextDouble() - 1;
          x2 = 2 * this.nextDouble() - 1;
          i = this.i;
        } else {
          let a = mt[i];
          a ^= a >>> 11;
          a ^= (a << 7) & 0x9d2c5680;
          a ^= (a << 15) & 0xefc60000;
          a ^= a >>> 18;
          let b = mt[i + 1];
          b ^= b >>> 11;
          b ^= (b << 7) & 0x9d2c5680;
          b ^= (b << 15) & 0xefc60000;
          b ^= b >>> 18;
          let c = mt[i + 2];
          c ^= c >>> 11;
          c ^= (c << 7) & 0x9d2c5680;
          c ^= (c << 15) & 0xefc60000;
          c ^= c >>> 18;
          let d = mt[i + 3];
          d ^= d >>> 11;
          d ^= (d << 7) & 0x9d2c5680;
          d ^= (d << 15) & 0xefc60000;
          d ^= d >>> 18;
          i += 4;
          x1 = (2 * ((a >>> 5) * 67108864 + (b >>> 6))) / 9007199254740992 - 1;
          x2 = (2 * ((c >>> 5) * 67108864 + (d >>> 6))) / 9007199254740992 - 1;
        }
        r2 = x1 * x1 + x2 * x2;
      } while (r2 >= 1 || r2 === 0);
      const f = Math.sqrt((-2 * Math.log(r2)) / r2);
      out[o++] = f * x2;
      if (o < to) out[o++] = f * x1;
      else {
        this.spare = f * x1;
        this.hasSpare = true;
      }
    }
    this.i = i;
  }

  /** The next 32-bit output, tempered. */
  nextUint32(): number {
    if (this.i >= N) this.twist();
    let y = this.mt[this.i++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** Uniform double in [0, 1) with 53 random bits (numpy's random_sample). */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Standard normal deviate (numpy's legacy_gauss: polar method, the spare kept for the next call). */
  nextGaussian(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.nextDouble() - 1;
      x2 = 2 * this.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.spare = f * x1;
    this.hasSpare = true;
    return f * x2;
  }
}
