// Calibration: under independence the permutation p-values are uniform. 500 datasets of
// N = 100 each; p ≤ 0.05 must fall in the binomial 99.9% band around 25, and a KS test must
// not reject uniformity at 0.001. (With 99 permutations p is a multiple of 0.01 and
// p ≤ 0.05 has probability exactly 0.05 under the null.)
import { describe, expect, it } from 'vitest';
import { mutualInformationTest } from '../src/index.js';
import { rng } from './support/helpers.js';
import { binomialBand, ksUniform, normalStream } from './support/stats.js';

const DATASETS = 500;
const N = 100;

function check(ps: number[]): void {
  const rejected = ps.filter((p) => p <= 0.05).length;
  const [lo, hi] = binomialBand(DATASETS, 0.05, 0.999);
  expect(rejected).toBeGreaterThanOrEqual(lo);
  expect(rejected).toBeLessThanOrEqual(hi);
  expect(ksUniform(ps).pValue).toBeGreaterThan(0.001);
}

describe('mutualInformationTest calibration under independence', () => {
  it("mutualInformationTest(x, y, { estimator: 'ksg' }) on independent normals gives uniform p-values", () => {
    const z = normalStream(20261127);
    const ps: number[] = [];
    for (let d = 0; d < DATASETS; d++) {
      const x = Array.from({ length: N }, z);
      const y = Array.from({ length: N }, z);
      ps.push(mutualInformationTest(x, y, { estimator: 'ksg', permutations: 99, seed: d }).pValue);
    }
    check(ps);
  });
  it("mutualInformationTest(a, b, { estimator: 'discrete' }) on independent labels gives uniform p-values", () => {
    const r = rng(20261128);
    const ps: number[] = [];
    for (let d = 0; d < DATASETS; d++) {
      const a = Array.from({ length: N }, () => Math.floor(r() * 3));
      const b = Array.from({ length: N }, () => Math.floor(r() * 4));
      ps.push(mutualInformationTest(a, b, { estimator: 'discrete', permutations: 99, seed: d }).pValue);
    }
    // Discrete statistics tie, so p is conservative (p ≥ a uniform); the band and KS still hold.
    check(ps);
  });
});
