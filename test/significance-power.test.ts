// Power and bootstrap coverage. Outside truths: the closed-form Gaussian MI
// −½ ln(1 − ρ²), the binomial band, and the KS test of uniform p-values.
import { describe, expect, it } from 'vitest';
import { mutualInformationTest } from '../src/index.js';
import { binomialBand, ksUniform, normalStream } from './support/stats.js';

function correlated(z: () => number, n: number, rho: number): [number[], number[]] {
  const x = Array.from({ length: n }, z);
  return [x, x.map((v) => rho * v + Math.sqrt(1 - rho * rho) * z())];
}

describe('power at N = 200', () => {
  it("mutualInformationTest(x, y, { estimator: 'ksg' }) detects ρ = 0.5 in at least 70% of datasets", () => {
    const z = normalStream(101);
    let hits = 0;
    const D = 100;
    for (let d = 0; d < D; d++) {
      const [x, y] = correlated(z, 200, 0.5);
      if (mutualInformationTest(x, y, { estimator: 'ksg', k: 3, permutations: 99, seed: d }).pValue <= 0.05) hits++;
    }
    expect(hits / D).toBeGreaterThanOrEqual(0.7);
  });
  it("the analytic Gaussian test detects ρ = 0.3 in at least 95% of datasets", () => {
    const z = normalStream(102);
    let hits = 0;
    const D = 400;
    for (let d = 0; d < D; d++) {
      const [x, y] = correlated(z, 200, 0.3);
      if (mutualInformationTest(x, y, { estimator: 'gaussian', method: 'likelihood-ratio' }).pValue < 0.05) hits++;
    }
    expect(hits / D).toBeGreaterThanOrEqual(0.95);
  });
});

describe('bootstrap interval', () => {
  it("the 95% bootstrap CI of the Gaussian MI covers −½ ln(1 − ρ²) in ≈ 95% of datasets (N = 200, ρ = 0.5)", () => {
    const z = normalStream(105);
    const truth = -0.5 * Math.log(1 - 0.25);
    const D = 150;
    let covered = 0;
    for (let d = 0; d < D; d++) {
      const [x, y] = correlated(z, 200, 0.5);
      const { ci } = mutualInformationTest(x, y, { estimator: 'gaussian', method: 'likelihood-ratio', confidence: 0.95, bootstrap: 149, seed: d });
      if (ci![0] <= truth && truth <= ci![1]) covered++;
    }
    const [lo, hi] = binomialBand(D, 0.95, 0.999);
    expect(covered).toBeGreaterThanOrEqual(lo);
    expect(covered).toBeLessThanOrEqual(hi);
  });
});
