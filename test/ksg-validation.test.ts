// Bad input to the k-NN estimators throws errors that name the function and the argument.
import { describe, expect, it } from 'vitest';
import { conditionalMutualInformation, entropy, mutualInformation, selectEstimator } from '../src/index.js';

const x = [0.1, 0.5, 0.2, 0.9, 0.4, 0.7];
const y = [1.3, 2.2, 0.4, 0.8, 1.9, 0.1];
const z = [3.1, 1.2, 0.5, 2.8, 0.9, 1.6];

const fns = {
  'mutualInformation ksg': (a: unknown, o: object = {}) => mutualInformation(a as number[], y, { estimator: 'ksg', ...o }),
  'mutualInformation ksg2': (a: unknown, o: object = {}) => mutualInformation(a as number[], y, { estimator: 'ksg2', ...o }),
  conditionalMutualInformation: (a: unknown, o: object = {}) => conditionalMutualInformation(a as number[], y, z, o),
  'entropy kl': (a: unknown, o: object = {}) => entropy(a as number[], { estimator: 'kl', ...o }),
};

describe.each(Object.entries(fns))('%s rejects bad input', (label, f) => {
  const name = label.split(' ')[0];
  it.each([0, -1, 1.5, NaN, '3'])(`${label} with k = %s throws RangeError: k must be an integer in [1, n-1]`, (k) => {
    expect(() => f(x, { k })).toThrow(RangeError);
    expect(() => f(x, { k })).toThrow(new RegExp(`^${name}: k must be an integer in \\[1, n-1\\], got `));
  });
  it(`${label} with k ≥ n (fewer than k + 1 samples) throws RangeError naming n`, () => {
    expect(() => f(x, { k: 6 })).toThrow(/k must be an integer in \[1, n-1\], got 6 with n = 6 samples \(at least k \+ 1 needed\)$/);
    expect(() => f(x.slice(0, 3).map((v) => [v, v]), {})).toThrow(RangeError);
  });
  it(`${label} with ragged rows throws RangeError naming both lengths`, () => {
    const rows = x.map((v, i) => (i === 4 ? [v, 1, 2] : [v, 1]));
    expect(() => f(rows)).toThrow(new RegExp(`^${name}: x rows must all have the same length, got 2 at index 0 and 3 at index 4$`));
  });
  it.each([NaN, Infinity, -Infinity])(`${label} with %s in x throws RangeError naming the index`, (bad) => {
    const a = x.slice();
    a[2] = bad;
    expect(() => f(a)).toThrow(new RegExp(`^${name}: x must contain finite numbers, got ${bad} at index 2$`));
    expect(() => f(Float64Array.from(a))).toThrow(RangeError);
    expect(() => f(x.map((v, i) => (i === 3 ? [v, bad] : [v, 0])))).toThrow(/at index \[3\]\[1\]$/);
  });
  it(`${label} with a non-number value throws TypeError`, () => {
    expect(() => f([0.1, 0.2, 'a', 0.4, 0.5, 0.6])).toThrow(new RegExp(`^${name}: x must contain finite numbers, got "a" at index 2$`));
    expect(() => f([0.1, 0.2, null, 0.4, 0.5, 0.6])).toThrow(TypeError);
    expect(() => f([[0.1], 0.2, 0.3, 0.4, 0.5, 0.6])).toThrow(/must be all numbers or all rows/);
    expect(() => f('abcdef')).toThrow(TypeError);
  });
  it(`${label} with an empty sample or empty rows throws RangeError`, () => {
    expect(() => f([])).toThrow(new RegExp(`^${name}: x must not be empty$`));
    expect(() => f(x.map(() => []))).toThrow(/rows must not be empty/);
  });
  it(`${label} with bad normalize, noise or seed throws`, () => {
    expect(() => f(x, { normalize: 'yes' })).toThrow(new RegExp(`^${name}: normalize must be a boolean, got "yes"$`));
    expect(() => f(x, { noise: -1 })).toThrow(new RegExp(`^${name}: noise must be a number in \\[0, 1\\], got -1$`));
    expect(() => f(x, { seed: 1.5 })).toThrow(new RegExp(`^${name}: seed must be an integer in \\[0, 2\\^32 - 1\\], got 1.5$`));
  });
  it(`${label} with an unknown option throws TypeError`, () => {
    expect(() => f(x, { neighbours: 3 })).toThrow(new RegExp(`^${name}: unknown option "neighbours"`));
  });
});

describe('sample lengths and estimator choice', () => {
  it('mutualInformation and conditionalMutualInformation with samples of different lengths throw RangeError', () => {
    expect(() => mutualInformation(x, y.slice(1), { estimator: 'ksg' })).toThrow(/^mutualInformation: x and y must have the same length, got 6 and 5$/);
    expect(() => conditionalMutualInformation(x, y, z.slice(1))).toThrow(/^conditionalMutualInformation: x and z must have the same length, got 6 and 5$/);
  });

  it('entropy(x, {estimator: kl}) with k + 1 identical points and no noise throws RangeError, and works with noise', () => {
    const dup = [1, 1, 1, 1, 2, 3, 4, 5];
    expect(() => entropy(dup, { estimator: 'kl' })).toThrow(/^entropy: x has k \+ 1 = 4 or more identical points/);
    expect(Number.isFinite(entropy(dup, { estimator: 'kl', noise: 1e-10 }))).toBe(true);
  });

  it('mutualInformation(labels, continuous) with estimator auto is the mixed (Ross) estimator, either side', () => {
    const labels = ['a', 'b', 'a', 'b', 'a', 'b'];
    const bools = [true, false, true, false, true, false];
    expect(mutualInformation(labels, y, { k: 1 })).toBe(mutualInformation(labels, y, { estimator: 'mixed', k: 1 }));
    expect(mutualInformation(y, bools, { k: 1 })).toBe(mutualInformation(bools, y, { estimator: 'mixed', k: 1 }));
    expect(() => mutualInformation(y, y, { estimator: 'mixed' })).toThrow(/^mutualInformation: estimator 'mixed' needs one side of labels/);
  });

  it('selectEstimator(x, y) reads labels and continuous sides by the documented rule', () => {
    expect(selectEstimator(['a', 'b'], [1, 2])).toMatchObject({ estimator: 'discrete', x: 'labels', y: 'labels' });
    expect(selectEstimator(x, y)).toMatchObject({ estimator: 'ksg', x: 'continuous', y: 'continuous' });
    // 8 samples: labels when at most max(2, min(⌊8/4⌋, ⌊√8⌋)) = 2 distinct values
    expect(selectEstimator([0, 1, 0, 1, 0, 1, 0, 1], [1, 2, 3, 1, 2, 3, 1, 2]).estimator).toBe('mixed');
    expect(selectEstimator([[1, 2], [3, 4]], [1, 1]).x).toBe('continuous');
    // 400 samples: the limit is min(100, 20) = 20 distinct values
    const twenty = Array.from({ length: 400 }, (_, i) => i % 20);
    expect(selectEstimator(twenty, twenty).estimator).toBe('discrete');
    const many = Array.from({ length: 400 }, (_, i) => i % 21);
    expect(selectEstimator(many, many).estimator).toBe('ksg');
    // diabetes-like: ages in years, 58 levels in 442 rows, read as continuous
    const ages = Array.from({ length: 442 }, (_, i) => 19 + (i % 58));
    expect(selectEstimator(ages, ages).x).toBe('continuous');
    expect(selectEstimator(many.map((v, i) => v + i / 1000), many).x).toBe('continuous');
    expect(selectEstimator(x, y).reason).toMatch(/^x is continuous \(.*\) and y is continuous \(.*\)$/);
  });
});
