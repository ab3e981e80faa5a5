import { describe, expect, it } from 'vitest';
import { expectedMutualInfo, expectedMutualInfoBySizes, SKLEARN_ORDER_MAX_PAIRS } from '../src/core/expectedMutualInfo.js';
import { lgamma } from '../src/core/lgamma.js';
import { rng } from './support/helpers.js';

/** Vinh, Epps & Bailey (2010) eq. 24a summed cluster pair by cluster pair, as sklearn does. */
function pairByPair(a: Float64Array, b: Float64Array, n: number): number {
  const lf = (v: number) => lgamma(v + 1);
  let emi = 0;
  for (const ai of a) {
    for (const bj of b) {
      for (let v = Math.max(1, ai + bj - n); v <= Math.min(ai, bj); v++) {
        const gln = lf(ai) + lf(bj) + lf(n - ai) + lf(n - bj) - lf(n) - lf(v) - lf(ai - v) - lf(bj - v) - lf(n - ai - bj + v);
        emi += (v / n) * Math.log((n * v) / (ai * bj)) * Math.exp(gln);
      }
    }
  }
  return emi;
}

function clusterSizes(n: number, k: number, seed: number): Float64Array {
  const r = rng(seed);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) counts[Math.floor(r() * k)]++;
  return counts.filter((c) => c > 0);
}

describe('expectedMutualInfo(a, b, n)', () => {
  it('summed over distinct cluster sizes equals the pair-by-pair sum of Vinh et al. to 1e-12', () => {
    for (const [n, ka, kb, seed] of [[2000, 40, 60, 1], [5000, 300, 7, 2], [600, 3, 3, 3]]) {
      const a = clusterSizes(n, ka, seed);
      const b = clusterSizes(n, kb, seed + 10);
      const want = pairByPair(a, b, n);
      expect(Math.abs(expectedMutualInfoBySizes(a, b, n) - want)).toBeLessThan(1e-12 * Math.max(1, want));
      expect(Math.abs(expectedMutualInfo(a, b, n) - want)).toBeLessThan(1e-12 * Math.max(1, want));
    }
  });

  it('sums term by term in sklearn\'s order up to SKLEARN_ORDER_MAX_PAIRS cluster pairs, by sizes beyond (the two agree to 1e-12)', () => {
    const a = clusterSizes(20000, 80, 4);
    const b = clusterSizes(20000, 70, 5);
    expect(a.length * b.length).toBeGreaterThan(SKLEARN_ORDER_MAX_PAIRS);
    const want = pairByPair(a, b, 20000);
    expect(expectedMutualInfo(a, b, 20000)).toBe(expectedMutualInfoBySizes(a, b, 20000));
    expect(Math.abs(expectedMutualInfo(a, b, 20000) - want)).toBeLessThan(1e-12 * Math.max(1, want));
  });
});
