// Discrete conditional and multivariate measures: hand-computed small tables, and
// identities checked against mutualInfoScore (the sklearn-matched plug-in MI, an
// independent code path) on seeded random labels.
import { describe, expect, it } from 'vitest';
import {
  conditionalEntropy,
  conditionalMutualInformation,
  entropy,
  interactionInformation,
  jointEntropy,
  mutualInfoScore,
  mutualInformation,
  totalCorrelation,
  variationOfInformation,
} from '../src/index.js';
import { BACKENDS, randomLabels } from './support/helpers.js';

const LN2 = Math.LN2;
// z = x XOR y over the four equally likely pairs
const X = [0, 0, 1, 1];
const Y = [0, 1, 0, 1];
const Z = [0, 1, 1, 0];

describe.each(BACKENDS)('discrete multivariate measures on %s', (backend) => {
  it('XOR: I(X;Y) = 0, I(X;Y|Z) = ln 2, interaction −ln 2, total correlation ln 2, H(X,Y,Z) = 2 ln 2', () => {
    expect(mutualInformation(X, Y, { backend })).toBe(0);
    expect(conditionalMutualInformation(X, Y, Z, { backend })).toBeCloseTo(LN2, 15);
    expect(conditionalMutualInformation(X, Y, Z, { estimator: 'discrete', base: 2, backend })).toBeCloseTo(1, 15);
    expect(interactionInformation(X, Y, Z, { backend })).toBeCloseTo(-LN2, 15);
    expect(interactionInformation(Z, X, Y, { backend })).toBeCloseTo(-LN2, 15);
    // H(X) + H(Y) + H(Z) − H(X,Y,Z) = 3 ln 2 − 2 ln 2
    expect(totalCorrelation([X, Y, Z], { backend })).toBeCloseTo(LN2, 15);
    expect(jointEntropy([X, Y, Z], { backend })).toBeCloseTo(2 * LN2, 15);
    expect(conditionalEntropy(X, Z, { backend })).toBeCloseTo(LN2, 15);
    // independent fair bits: VI = H(X) + H(Y) − 0
    expect(variationOfInformation(X, Y, { backend })).toBeCloseTo(2 * LN2, 15);
  });

  it('conditionalEntropy(x, y) on the table (0,0):2 (0,1):1 (1,0):2 (1,1):3 is ½ ln 2 + ½ H(¼, ¾)', () => {
    const x = [0, 0, 0, 1, 1, 1, 1, 1];
    const y = [0, 0, 1, 1, 1, 1, 0, 0];
    // y = 0 (4 samples): x is 2 vs 2, ln 2; y = 1 (4 samples): x is 1 vs 3
    const hQuarter = -(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)); // 0.5623351446188083
    expect(conditionalEntropy(x, y, { backend })).toBeCloseTo(0.5 * LN2 + 0.5 * hQuarter, 15);
    expect(conditionalEntropy(x, y, { backend })).toBeCloseTo(0.6277411625893767, 15);
    // H(X,Y) = −(2·(2/8)ln(2/8) + (1/8)ln(1/8) + (3/8)ln(3/8))
    const hxy = -(2 * 0.25 * Math.log(0.25) + 0.125 * Math.log(0.125) + 0.375 * Math.log(0.375));
    expect(jointEntropy([x, y], { backend })).toBeCloseTo(hxy, 15);
  });

  it('variationOfInformation(a, relabelled a) is 0 and VI(a, constant) is H(a)', () => {
    expect(variationOfInformation([0, 0, 1, 1, 2], ['b', 'b', 'a', 'a', 'c'], { backend })).toBe(0);
    expect(variationOfInformation([0, 0, 1, 1, 2], [7, 7, 7, 7, 7], { backend })).toBeCloseTo(entropy([0, 0, 1, 1, 2]), 15);
  });

  const x = randomLabels(3000, 5, 21);
  const z = randomLabels(3000, 4, 22);
  const y = x.map((v, i) => (i % 4 === 0 ? (v + z[i]) % 6 : (v * 2 + z[i]) % 6));

  it('conditionalMutualInformation(x, y, z) = Σ_z p(z) I(X;Y | Z = z) (mutualInfoScore per stratum)', () => {
    let expected = 0;
    for (let c = 0; c < 4; c++) {
      const idx = z.flatMap((v, i) => (v === c ? [i] : []));
      expected += (idx.length / z.length) * mutualInfoScore(idx.map((i) => x[i]), idx.map((i) => y[i]));
    }
    expect(conditionalMutualInformation(x, y, z, { backend })).toBeCloseTo(expected, 13);
  });

  it('conditionalMutualInformation(x, y, z) = H(X,Z) + H(Y,Z) − H(X,Y,Z) − H(Z), for every correction', () => {
    for (const correction of ['plugin', 'miller-madow', 'chao-shen', 'shrink', 'jeffreys', 'laplace', 'sg', 'minimax'] as const) {
      const o = { correction, backend };
      const sum = jointEntropy([x, z], o) + jointEntropy([y, z], o) - jointEntropy([x, y, z], o) - jointEntropy([z], o);
      expect(conditionalMutualInformation(x, y, z, o)).toBeCloseTo(sum, 13);
    }
  });

  it('conditionalMutualInformation(x, y, z, {correction: miller-madow}) = plug-in + Σ±(m − 1)/(2N)', () => {
    const cells = (...vs: number[][]) => new Set(vs[0].map((_, i) => vs.map((v) => v[i]).join(','))).size;
    const terms = cells(x, z) - 1 + (cells(y, z) - 1) - (cells(x, y, z) - 1) - (cells(z) - 1);
    const plugin = conditionalMutualInformation(x, y, z, { backend });
    expect(conditionalMutualInformation(x, y, z, { correction: 'miller-madow', backend })).toBeCloseTo(plugin + terms / 6000, 13);
  });

  it('interactionInformation(x, y, z) = I(X;Y) − I(X;Y|Z) and is symmetric', () => {
    const ii = interactionInformation(x, y, z, { backend });
    expect(ii).toBeCloseTo(mutualInfoScore(x, y) - conditionalMutualInformation(x, y, z, { backend }), 13);
    expect(interactionInformation(y, z, x, { backend })).toBeCloseTo(ii, 13);
    expect(interactionInformation(z, x, y, { backend })).toBeCloseTo(mutualInfoScore(z, x) - conditionalMutualInformation(z, x, y), 13);
  });

  it('variationOfInformation(x, y) = H(X) + H(Y) − 2 I(X;Y)', () => {
    expect(variationOfInformation(x, y, { backend })).toBeCloseTo(entropy(x) + entropy(y) - 2 * mutualInfoScore(x, y), 13);
    expect(variationOfInformation(x, y, { backend, base: 2 })).toBeCloseTo(variationOfInformation(y, x) / LN2, 13);
  });

  it('totalCorrelation([x, y]) = I(X;Y); totalCorrelation([x, y, z]) = Σ H − H(X,Y,Z)', () => {
    expect(totalCorrelation([x, y], { backend })).toBeCloseTo(mutualInfoScore(x, y), 13);
    expect(totalCorrelation([x, y, z], { backend })).toBeCloseTo(
      entropy(x) + entropy(y) + entropy(z) - jointEntropy([x, y, z], { backend }),
      13,
    );
  });

  it('jointEntropy obeys the chain rule H(X,Y,Z) = H(X) + H(Y|X) + H(Z|X,Y)', () => {
    const xy = x.map((v, i) => `${v}|${y[i]}`);
    const chain = entropy(x, { backend }) + conditionalEntropy(y, x, { backend }) + conditionalEntropy(z, xy, { backend });
    expect(jointEntropy([x, y, z], { backend })).toBeCloseTo(chain, 13);
    expect(jointEntropy([z, x, y], { backend })).toBeCloseTo(chain, 13);
    expect(jointEntropy([x], { backend })).toBeCloseTo(entropy(x), 14);
  });

  it('conditionalEntropy(x, y) = H(X) − I(X;Y)', () => {
    expect(conditionalEntropy(x, y, { backend })).toBeCloseTo(entropy(x) - mutualInfoScore(x, y), 13);
  });

  it('jointEntropy of alphabets too large for a dense joint table (3000 × 3000 values, N = 6000)', () => {
    const a = Array.from({ length: 6000 }, (_, i) => i % 3000);
    const b = Array.from({ length: 6000 }, (_, i) => `v${(7 * i) % 3000}`);
    const c = Array.from({ length: 6000 }, (_, i) => (11 * i) % 3000);
    // i and i + 3000 give the same triple: 3000 distinct triples, twice each
    expect(jointEntropy([a, b, c], { backend })).toBeCloseTo(Math.log(3000), 12);
    expect(totalCorrelation([a, b, c], { backend })).toBeCloseTo(2 * Math.log(3000), 12);
    expect(conditionalMutualInformation(a, b, c, { estimator: 'discrete', backend })).toBeCloseTo(0, 12);
  });
});
