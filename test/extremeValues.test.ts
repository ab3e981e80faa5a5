// The audit's extreme-magnitude and large-count cases (issue 10, item 3), each against a
// closed form or the same call on data scaled back to ordinary magnitudes.
import { describe, expect, it } from 'vitest';
import {
  adjustedMutualInfoScore, conditionalMutualInformation, discretize, entropy, entropyFromCounts, mutualInfoRegression,
  mutualInformation,
} from '../src/index.js';
import { BACKENDS, rng } from './support/helpers.js';

const r = rng(10);
const X = Array.from({ length: 60 }, () => r() * 2 - 1);
const Y = X.map((v) => v + 0.3 * (r() - 0.5));
const Z = Array.from({ length: 60 }, () => r());
const times = (a: number[], f: number) => a.map((v) => v * f);

describe.each(BACKENDS)('extreme values (%s)', (backend) => {
  it('discretize([-1e308, 1e308]) has finite, strictly ascending edges from -1e308 to 1e308', () => {
    const { codes, edges } = discretize([-1e308, 1e308], { backend });
    expect(edges.length).toBe(11);
    expect(edges[0]).toBe(-1e308);
    expect(edges[10]).toBe(1e308);
    expect(edges[5]).toBe(0);
    for (let i = 1; i < edges.length; i++) expect(edges[i]).toBeGreaterThan(edges[i - 1]);
    expect(Array.from(codes)).toEqual([0, 9]);
  });

  it('discretize([2**53, 2**53]) gets a real bin around 2^53 (numpy\'s ± ½ is below its resolution)', () => {
    const { codes, edges } = discretize([2 ** 53, 2 ** 53], { backend });
    for (let i = 1; i < edges.length; i++) expect(edges[i]).toBeGreaterThan(edges[i - 1]);
    expect(edges[0]).toBeLessThan(2 ** 53);
    expect(edges[edges.length - 1]).toBeGreaterThan(2 ** 53);
    expect(edges[codes[0]]).toBeLessThanOrEqual(2 ** 53);
  });

  it("discretize([2**53, 2**53 + 2, 2**53], { method: 'equal-frequency' }) merges the repeated cuts into one bin", () => {
    const { codes, edges } = discretize([2 ** 53, 2 ** 53 + 2, 2 ** 53], { method: 'equal-frequency', bins: 4, backend });
    expect(Array.from(edges)).toEqual([2 ** 53, 2 ** 53 + 2]);
    expect(Array.from(codes)).toEqual([0, 0, 0]);
  });

  it('mutualInformation(x·2^1000, x·2^1000, ksg) = mutualInformation(x, x, ksg), bit for bit (the std no longer overflows)', () => {
    const f = 2 ** 1000;
    expect(mutualInformation(times(X, f), times(X, f), { estimator: 'ksg', backend })).toBe(mutualInformation(X, X, { estimator: 'ksg', backend }));
  });

  it('mutualInformation(x·1e308/1.1, y·1e308/1.1, ksg2) is finite and near the unscaled value', () => {
    const f = 1e308 / 1.1;
    const got = mutualInformation(times(X, f), times(Y, f), { estimator: 'ksg2', backend });
    expect(got).toBeCloseTo(mutualInformation(X, Y, { estimator: 'ksg2', backend }), 6);
  });

  it('conditionalMutualInformation at 1e300 and with normalize: false near 1.7e308 stays finite', () => {
    const big = (a: number[]) => times(a, 1.7e308);
    const ref = conditionalMutualInformation(X, Y, Z, { estimator: 'ksg', backend });
    expect(conditionalMutualInformation(times(X, 1e300), times(Y, 1e300), times(Z, 1e300), { estimator: 'ksg', backend })).toBeCloseTo(ref, 6);
    expect(Number.isFinite(conditionalMutualInformation(big(X), big(Y), big(Z), { estimator: 'ksg', normalize: false, noise: 0, backend }))).toBe(true);
  });

  it("entropy(x·2^1000, { estimator: 'kl' }) = entropy(x, kl) + 1000 ln 2 (no ε overflows)", () => {
    const h = entropy(X, { estimator: 'kl', backend });
    expect(entropy(times(X, 2 ** 1000), { estimator: 'kl', backend })).toBeCloseTo(h + 1000 * Math.LN2, 9);
    expect(entropy(times(X, 2 ** -1000), { estimator: 'kl', backend })).toBeCloseTo(h - 1000 * Math.LN2, 9);
  });

  it("mutualInformation(x·1e-160, y·1e-160, { estimator: 'gaussian' }) = the unscaled Gaussian MI (no underflow to a 0 variance)", () => {
    const ref = mutualInformation(X, Y, { estimator: 'gaussian', backend });
    expect(mutualInformation(times(X, 1e-160), times(Y, 1e-160), { estimator: 'gaussian', backend })).toBeCloseTo(ref, 12);
    expect(mutualInformation(times(X, 1.7e308), times(Y, 1.7e308), { estimator: 'gaussian', backend })).toBeCloseTo(ref, 12);
  });

  it('mutualInfoRegression with a column around 1e149 and one near 1.7e308 gives the js numbers on wasm, finite', () => {
    const rows = X.map((v, i) => [1e149 * (1 + v), 1.7e308 * Z[i], i % 3]);
    const got = mutualInfoRegression(rows, Y, { backend });
    const js = mutualInfoRegression(rows, Y, { backend: 'js' });
    for (let j = 0; j < 3; j++) {
      expect(Number.isFinite(got[j])).toBe(true);
      expect(got[j]).toBeCloseTo(js[j], 12);
    }
    // 1e149·(1 + x) is x shifted and scaled: the same MI as x itself
    expect(got[0]).toBeCloseTo(mutualInfoRegression(X.map((v) => [v]), Y, { backend })[0], 6);
  });

  it('mutualInfoRegression(column spanning 1e-15 to 1e308, y = ±1.7e308, { workers: 2 }) = the same call with workers: 1 (fuzz, seed 42)', () => {
    // The pool scales each column in its worker; it used numpy's plain std there, which
    // overflows at these magnitudes (std = inf erases the column), while the one-thread path
    // used the overflow-safe std. Outside truth: the documented bit-for-bit equality of the two.
    const col = X.map((v, i) => (i % 4 === 0 ? v * 1e-15 : v * 10 ** (30 + (i * 37) % 278)));
    const y = X.map((_, i) => ((i * 7) % 3 === 0 ? -1.7e308 : 1.7e308));
    const Xm = { data: Float64Array.from(col), rows: col.length, cols: 1 };
    const one = mutualInfoRegression(Xm, y, { backend, workers: 1, randomState: 3940093381 });
    const two = mutualInfoRegression(Xm, y, { backend, workers: 2, randomState: 3940093381 });
    expect(Number.isFinite(one[0])).toBe(true);
    expect(two[0]).toBe(one[0]);
    expect(mutualInfoRegression(Xm, y, { backend: 'js', workers: 2, randomState: 3940093381 })[0]).toBeCloseTo(one[0], 12);
  });

  it("entropyFromCounts([2**52 ×4, 1], { estimator: 'chao-shen' }) throws a RangeError naming the total past 2^53", () => {
    expect(() => entropyFromCounts([2 ** 52, 2 ** 52, 2 ** 52, 2 ** 52, 1], { estimator: 'chao-shen', backend })).toThrow(
      /^entropyFromCounts: counts must sum to at most 2\^53 − 1 = 9007199254740991, but the total passes it at index 1$/,
    );
  });

  it("entropyFromCounts(counts near 2^53 with singletons, 'chao-shen') is finite and near ln 3 (the singletons' p is below 2^-53)", () => {
    const h = entropyFromCounts([2 ** 51, 2 ** 51, 2 ** 51, 1, 1, 1], { estimator: 'chao-shen', backend });
    expect(h).toBeCloseTo(Math.log(3), 12);
  });

  it('adjustedMutualInfoScore([0, 1, 2, 3], itself) = 0 and adjustedMutualInfoScore([0 … 7], itself) = 1, as sklearn 1.2.1 (its 0/0 rounded)', () => {
    // sklearn 1.2.1: adjusted_mutual_info_score(range(4), range(4)) == 0.0, (range(8), range(8)) == 1.0 (issue 10)
    const four = [0, 1, 2, 3];
    const eight = [0, 1, 2, 3, 4, 5, 6, 7];
    expect(adjustedMutualInfoScore(four, four, { backend })).toBe(0);
    expect(adjustedMutualInfoScore(eight, eight, { backend })).toBe(1);
  });

  it('adjustedMutualInfoScore(x, x) with all labels distinct (0/0 by rounding) is finite and in [-1, 2], as documented', () => {
    for (let n = 2; n <= 40; n++) {
      const a = Array.from({ length: n }, (_, i) => i);
      const v = adjustedMutualInfoScore(a, a, { backend });
      expect(Number.isFinite(v) && v >= -1 && v <= 2).toBe(true);
    }
  });
});
