import { describe, expect, it } from 'vitest';
import { LegacyNormal } from '../src/core/mt19937.js';
import { npStd, npSum } from '../src/core/numpyStats.js';

// Data: numpy 1.24.2, r = np.random.RandomState(5); x = r.standard_normal(1000)*3+1.
// Expected values printed by numpy from the same arrays.
const g = new LegacyNormal(5);
const x = Float64Array.from({ length: 1000 }, () => g.nextGaussian() * 3 + 1);

describe('numpy summation order (src/core/numpyStats.ts)', () => {
  it('the generated data are numpy’s (first three values)', () => {
    expect(Array.from(x.slice(0, 3))).toEqual([2.3236824606551245, 0.0073895443177370845, 8.29231356102334]);
  });
  it('npSum(x) equals np.sum(x) bit for bit for n = 1000, 100 and 7', () => {
    expect(npSum(x)).toBe(1099.8310836785663);
    expect(npSum(x.subarray(0, 100))).toBe(127.46399316033302);
    expect(npSum(x.subarray(0, 7))).toBe(16.215684838537484);
  });
  it('npStd(x) equals np.std(x) bit for bit', () => {
    expect(npStd(x)).toBe(2.9696664852667296);
  });
  it('npSum and npStd of 50,000 values (past numpy’s 8192-value buffers) equal numpy’s', () => {
    // numpy 1.24.2: x = RandomState(7).standard_normal(50000)*3+1; np.sum(x), np.std(x)
    const g7 = new LegacyNormal(7);
    const big = Float64Array.from({ length: 50000 }, () => g7.nextGaussian() * 3 + 1);
    expect(npSum(big)).toBe(49366.562565706714);
    expect(npStd(big)).toBe(2.9810750701907693);
  });
});
