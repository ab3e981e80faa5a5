// The CMI test's calibration on a chain x → z → y (x ⊥ y | z), and the plain shuffle's false
// positives there, kept as documentation. Outside truths: the binomial band and the KS test.
import { describe, expect, it } from 'vitest';
import { conditionalMutualInformationTest } from '../src/index.js';
import { binomialBand, ksUniform, normalStream } from './support/stats.js';

describe('conditionalMutualInformationTest on a chain x → z → y (x ⊥ y | z), N = 100', () => {
  const chain = (z: () => number) => {
    const x = Array.from({ length: 100 }, z);
    const c = x.map((v) => v + 0.1 * z());
    return [x, c.map((v) => v + 0.1 * z()), c] as const;
  };
  it('the local permutation (Runge 2018) gives uniform p-values: p ≤ 0.05 in the 99.9% binomial band, KS not rejected', () => {
    // 39 shuffles: p is a multiple of 1/40, and p ≤ 0.05 has probability exactly 0.05 under the null.
    const z = normalStream(103);
    const ps: number[] = [];
    const D = 500;
    for (let d = 0; d < D; d++) {
      const [x, y, c] = chain(z);
      ps.push(conditionalMutualInformationTest(x, y, c, { permutations: 39, seed: d }).pValue);
    }
    const [lo, hi] = binomialBand(D, 0.05, 0.999);
    const rejected = ps.filter((p) => p <= 0.05).length;
    expect(rejected).toBeGreaterThanOrEqual(lo);
    expect(rejected).toBeLessThanOrEqual(hi);
    expect(ksUniform(ps).pValue).toBeGreaterThan(0.001);
  });
  it("documentation: a plain shuffle of x breaks x's dependence on z and rejects far too often (≈ 35%)", () => {
    const z = normalStream(104);
    let rejected = 0;
    const D = 100;
    for (let d = 0; d < D; d++) {
      const [x, y, c] = chain(z);
      if (conditionalMutualInformationTest(x, y, c, { permutations: 39, seed: d, shuffle: 'plain' }).pValue <= 0.05) rejected++;
    }
    const [, hi] = binomialBand(D, 0.05, 0.999);
    expect(rejected).toBeGreaterThan(hi);
  });
});
