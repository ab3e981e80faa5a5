// featureTests: sklearn's scores plus permutation p-values and their corrections.
import { describe, expect, it } from 'vitest';
import { adjustPValues, featureTests, featureTestsAsync, mutualInfoClassif, mutualInfoRegression } from '../src/index.js';
import { rng } from './support/helpers.js';
import { normalStream } from './support/stats.js';

describe('adjustPValues', () => {
  // By hand from the definitions in R's p.adjust documentation.
  const p = Float64Array.from([0.04, 0.001, 0.03, 0.5]);
  it("adjustPValues(p, 'holm') is Holm's step-down", () => {
    expect(Array.from(adjustPValues(p, 'holm'))).toEqual([0.09, 0.004, 0.09, 0.5]);
  });
  it("adjustPValues(p, 'bh') is Benjamini–Hochberg", () => {
    const q = adjustPValues(p, 'bh');
    [0.04 * 4 / 3, 0.004, 0.04 * 4 / 3, 0.5].forEach((v, i) => expect(q[i]).toBeCloseTo(v, 15));
  });
  it("adjustPValues(p, 'none') copies p", () => {
    expect(Array.from(adjustPValues(p, 'none'))).toEqual(Array.from(p));
  });
});

describe('featureTests', () => {
  const z = normalStream(77);
  const n = 150;
  const X = Array.from({ length: n }, () => [z(), z(), z()]);
  const yReg = X.map((r) => r[0] + 0.5 * z());
  const yCls = X.map((r) => (r[1] > 0 ? 'a' : 'b'));
  it("featureTests(X, y, { target: 'regression' }) keeps mutualInfoRegression's scores and flags the informative column only", () => {
    const r = featureTests(X, yReg, { permutations: 99, adjust: 'holm' });
    expect(r.target).toBe('regression');
    expect(Array.from(r.scores)).toEqual(Array.from(mutualInfoRegression(X, yReg)));
    expect(r.pValues[0]).toBe(0.01);
    expect(r.adjusted[0]).toBe(0.03);
    expect(Math.min(r.pValues[1], r.pValues[2])).toBeGreaterThan(0.01);
  });
  it("featureTests(X, labels) is mutualInfoClassif's scores with p-values; discrete columns use the plug-in", () => {
    const r0 = rng(4);
    const Xd = X.map((row) => [row[1], Math.floor(r0() * 3), row[1] > 0.5 ? 1 : 0]);
    const r = featureTests(Xd, yCls, { permutations: 99, discreteFeatures: [1, 2] });
    expect(r.target).toBe('classif');
    expect(Array.from(r.scores)).toEqual(Array.from(mutualInfoClassif(Xd, yCls, { discreteFeatures: [1, 2] })));
    expect(r.pValues[0]).toBe(0.01);
    expect(r.pValues[2]).toBe(0.01);
    expect(r.pValues[1]).toBeGreaterThan(0.05);
  });
  it('featureTestsAsync gives the same bits with 2 workers', async () => {
    const a = featureTests(X, yReg, { permutations: 40, seed: 2 });
    const b = await featureTestsAsync(X, yReg, { permutations: 40, seed: 2, workers: 2 });
    expect(b).toEqual(a);
  });
  it('bad options are named', () => {
    expect(() => featureTests(X, yReg, { permutations: 0 })).toThrow(/^featureTests: permutations must be an integer/);
    expect(() => featureTests(X, yReg, { adjust: 'bonferroni' as never })).toThrow(/^featureTests: adjust must be one of 'holm', 'bh', 'none'/);
    expect(() => featureTests(X, yReg, { nNeighbours: 3 } as never)).toThrow(/^featureTests: unknown option "nNeighbours"/);
  });
});
