// Test data for the estimator-family suites: seeded continuous samples.
import { rng } from './helpers.js';

/** n standard normal values, seeded (Box–Muller on mulberry32). */
export function normals(n: number, seed: number): number[] {
  const r = rng(seed);
  const out: number[] = [];
  while (out.length < n) {
    const u = 1 - r();
    const v = r();
    const rad = Math.sqrt(-2 * Math.log(u));
    out.push(rad * Math.cos(2 * Math.PI * v), rad * Math.sin(2 * Math.PI * v));
  }
  return out.slice(0, n);
}

/** n exponential values with mean 2, seeded: −2 ln(1 − u). */
export function exponentials(n: number, seed: number): number[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => -2 * Math.log(1 - r()));
}

/** Histogram of codes in [0, k). */
export function countCodes(codes: ArrayLike<number>, k: number): number[] {
  const h = new Array<number>(k).fill(0);
  for (let i = 0; i < codes.length; i++) h[codes[i]]++;
  return h;
}
