// Statistics for tests that check other statistics: normal deviates, the Kolmogorov–Smirnov
// test of uniformity and binomial acceptance bands.
import { rng } from './helpers.js';

/** A seeded stream of standard normals (Marsaglia's polar method on mulberry32 uniforms). */
export function normalStream(seed: number): () => number {
  const r = rng(seed);
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    for (;;) {
      const u = 2 * r() - 1;
      const v = 2 * r() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * f;
        return u * f;
      }
    }
  };
}

/**
 * The one-sample KS test of U(0, 1): D = sup |F_n − F|, and its asymptotic p-value with
 * Stephens' correction (Numerical Recipes 14.3, probks).
 */
export function ksUniform(ps: readonly number[]): { D: number; pValue: number } {
  const s = ps.slice().sort((a, b) => a - b);
  const n = s.length;
  let D = 0;
  for (let i = 0; i < n; i++) D = Math.max(D, (i + 1) / n - s[i], s[i] - i / n);
  const en = Math.sqrt(n);
  const lambda = (en + 0.12 + 0.11 / en) * D;
  let sum = 0;
  let sign = 1;
  for (let j = 1; j <= 100; j++) {
    const term = sign * 2 * Math.exp(-2 * j * j * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12 * Math.abs(sum)) break;
    sign = -sign;
  }
  return { D, pValue: Math.min(1, Math.max(0, sum)) };
}

/** The central interval [lo, hi] of Binomial(n, p) holding at least `level` of its mass. */
export function binomialBand(n: number, p: number, level: number): [number, number] {
  const pmf: number[] = [];
  let logc = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logc += Math.log((n - k + 1) / k);
    pmf.push(Math.exp(logc + k * Math.log(p) + (n - k) * Math.log(1 - p)));
  }
  const tail = (1 - level) / 2;
  let lo = 0;
  let acc = 0;
  while (acc + pmf[lo] <= tail) acc += pmf[lo++];
  let hi = n;
  acc = 0;
  while (acc + pmf[hi] <= tail) acc += pmf[hi--];
  return [lo, hi];
}
