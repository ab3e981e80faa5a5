import { describe, expect, it } from 'vitest';
import { LegacyNormal } from '../src/core/mt19937.js';
import { numpyStd, pairwiseSum, sequentialSum } from '../src/core/numpySum.js';

// Data: numpy 1.24.2, r = np.random.RandomState(5); x = r.standard_normal(1000)*3+1;
// X = r.standard_normal((300, 3)). Expected values printed by numpy from the same arrays.
const g = new LegacyNormal(5);
const x = Float64Array.from({ length: 1000 }, () => g.nextGaussian() * 3 + 1);
const X = Array.from({ length: 300 }, () => [g.nextGaussian(), g.nextGaussian(), g.nextGaussian()]);
const col = (j: number) => Float64Array.from(X, (r) => r[j]);

describe('numpy summation order', () => {
  it('the generated data are numpy’s (first three values)', () => {
    expect(Array.from(x.slice(0, 3))).toEqual([2.3236824606551245, 0.0073895443177370845, 8.29231356102334]);
  });
  it('pairwiseSum(x) equals np.sum(x) bit for bit for n = 1000, 100 and 7', () => {
    expect(pairwiseSum(x)).toBe(1099.8310836785663);
    expect(pairwiseSum(x.subarray(0, 100))).toBe(127.46399316033302);
    expect(pairwiseSum(x.subarray(0, 7))).toBe(16.215684838537484);
  });
  it('numpyStd(x, pairwiseSum) equals np.std(x) bit for bit', () => {
    expect(numpyStd(x, pairwiseSum)).toBe(2.9696664852667296);
  });
  it('sequentialSum and numpyStd(.., sequentialSum) equal np.sum(X, axis=0) and np.std(X, axis=0)', () => {
    expect([0, 1, 2].map((j) => sequentialSum(col(j)))).toEqual([5.567983135038549, -15.819802075906669, 5.25550509634917]);
    expect([0, 1, 2].map((j) => numpyStd(col(j), sequentialSum))).toEqual([1.0411514693095307, 0.9749869231744248, 0.9613944481250574]);
  });
});
