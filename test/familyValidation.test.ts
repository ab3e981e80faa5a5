// Bad input to the estimator family: each gets a TypeError or RangeError that names the
// function and the argument, in the style of src/core/validate.ts.
import { describe, expect, it } from 'vitest';
import {
  conditionalEntropy,
  conditionalMutualInformation,
  discretize,
  entropy,
  entropyFromCounts,
  interactionInformation,
  jointEntropy,
  mutualInformation,
  mutualInformationFromCounts,
  shrinkageEntropy,
  shrinkageEntropyFromCounts,
  totalCorrelation,
  variationOfInformation,
} from '../src/index.js';

describe('estimator family: bad input', () => {
  it('unknown methods, rules, estimators and corrections throw RangeError listing the choices', () => {
    expect(() => discretize([1, 2, 3], { method: 'quantile' as never })).toThrow(
      /^discretize: method must be one of 'equal-width', 'equal-frequency', got "quantile"$/,
    );
    expect(() => discretize([1, 2, 3], { bins: 'freedman' as never })).toThrow(
      /^discretize: bins must be one of 'sqrt', 'sturges', 'rice', 'scott', 'fd', 'doane', 'auto', got "freedman"$/,
    );
    expect(() => entropy([1, 2], { estimator: 'nsb' as never })).toThrow(/^entropy: estimator must be one of 'auto', 'plugin', 'miller-madow'/);
    expect(() => mutualInformation([1, 2], [1, 2], { correction: 'bogus' as never })).toThrow(
      /^mutualInformation: correction must be one of 'plugin', 'miller-madow', 'chao-shen', 'shrink', 'jeffreys', 'laplace', 'sg', 'minimax', got "bogus"$/,
    );
    expect(() => mutualInformation([1, 2], [1, 2], { estimator: 'binned', binning: 'log' as never })).toThrow(
      /^mutualInformation: binning must be one of 'equal-width', 'equal-frequency'/,
    );
    expect(() => conditionalMutualInformation([1], [1], [1], { estimator: 'copula' as never })).toThrow(
      /^conditionalMutualInformation: estimator must be one of/,
    );
    expect(() => entropyFromCounts([1, 2], { estimator: 'binned' as never })).toThrow(/^entropyFromCounts: estimator must be one of/);
    expect(() => jointEntropy([[1, 2]], { correction: 'ml' as never })).toThrow(RangeError);
  });

  it.each([0, -3, 2.5, NaN, Infinity, 2 ** 25, '7'])('a bins of %s throws RangeError', (bins) => {
    expect(() => discretize([1, 2, 3], { bins: bins as never })).toThrow(RangeError);
    expect(() => discretize([1, 2, 3], { bins: bins as never })).toThrow(/^discretize: bins must be/);
    expect(() => mutualInformation([1, 2, 3], [3, 2, 1], { estimator: 'binned', bins: bins as never })).toThrow(
      /^mutualInformation: bins must be/,
    );
    expect(() => entropy([1, 2, 3], { estimator: 'binned', bins: bins as never })).toThrow(/^entropy: bins must be/);
  });

  it('a rule that asks for more than 2^24 bins throws RangeError suggesting a number of bins', () => {
    // 998 values packed within 1e-9 and two far outliers: the fd width is ~1e-10 over a range of 2000
    const x = [-1000, 1000, ...Array.from({ length: 998 }, (_, i) => i * 1e-12)];
    expect(() => discretize(x, { bins: 'fd' })).toThrow(/^discretize: the 'fd' rule asks for \d+ bins \(more than 16777216\); pass a number of bins$/);
    expect(discretize(x, { bins: 'sturges' }).edges.length).toBe(12);
  });

  it('discretize and the binned estimators reject non-numeric, non-finite, empty and ragged data', () => {
    expect(() => discretize([])).toThrow(/^discretize: x must not be empty$/);
    expect(() => discretize('123' as never)).toThrow(TypeError);
    expect(() => discretize([1, 'a', 3] as never)).toThrow(/^discretize: x must hold numbers, got "a" at index 1$/);
    expect(() => discretize([1, Infinity])).toThrow(/^discretize: x must hold finite numbers, got Infinity at index 1$/);
    expect(() => discretize([[1, 2], [3, NaN]])).toThrow(/^discretize: x must hold finite numbers, got NaN at row 1, column 1$/);
    expect(() => discretize([[1, 2], [3]])).toThrow(/^discretize: x rows must have the same length, row 0 has 2 and row 1 has 1$/);
    expect(() => discretize([[1], 2] as never)).toThrow(/^discretize: x must be all numbers or all rows/);
    expect(() => discretize([[], []])).toThrow(/^discretize: x rows must not be empty$/);
    expect(() => discretize(BigInt64Array.of(1n, 2n) as never)).toThrow(TypeError);
    expect(() => mutualInformation([1, 2, 3], [1, 2], { estimator: 'binned' })).toThrow(
      /^mutualInformation: x and y must have the same length, got 3 and 2$/,
    );
    expect(() => entropy(['a', 'b'], { estimator: 'binned' })).toThrow(/^entropy: x must hold numbers/);
  });

  it('negative, non-integer or all-zero counts throw RangeError; non-numbers TypeError', () => {
    expect(() => entropyFromCounts([3, -1, 2])).toThrow(/^entropyFromCounts: counts must hold non-negative integers, got -1 at index 1$/);
    expect(() => entropyFromCounts([1.5, 2])).toThrow(/^entropyFromCounts: counts must hold non-negative integers, got 1.5 at index 0$/);
    expect(() => entropyFromCounts([NaN])).toThrow(RangeError);
    expect(() => entropyFromCounts([0, 0])).toThrow(/^entropyFromCounts: counts must not all be 0$/);
    expect(() => entropyFromCounts(['3'] as never)).toThrow(TypeError);
    expect(() => entropyFromCounts([])).toThrow(/must not be empty/);
    expect(() => shrinkageEntropyFromCounts([2, -2])).toThrow(/^shrinkageEntropyFromCounts: counts must hold non-negative integers/);
    expect(() => mutualInformationFromCounts([[1, 2], [3, -4]])).toThrow(
      /^mutualInformationFromCounts: table must hold non-negative integers, got -4 at row 1, column 1$/,
    );
    expect(() => mutualInformationFromCounts([[1, 2], [3]])).toThrow(/table rows must have the same length, row 0 has 2 and row 1 has 1/);
    expect(() => mutualInformationFromCounts([[0, 0], [0, 0]])).toThrow(/table must not be all 0/);
    expect(() => mutualInformationFromCounts({ data: [1, 2, 3], rows: 2, cols: 2 })).toThrow(
      /^mutualInformationFromCounts: table.data must hold rows·cols = 4 counts, got 3$/,
    );
    expect(() => mutualInformationFromCounts({ data: [1, 2], rows: 0, cols: 2 })).toThrow(/table.rows must be a positive integer, got 0/);
    expect(() => mutualInformationFromCounts('table' as never)).toThrow(TypeError);
    expect(() => mutualInformationFromCounts([[0.5, 1]])).toThrow(RangeError);
  });

  it('K below the observed alphabet throws RangeError; K for an estimator without one throws TypeError', () => {
    expect(() => entropy([1, 2, 3], { estimator: 'laplace', K: 2 })).toThrow(
      /^entropy: K must be an integer ≥ the number of observed values \(3\), got 2$/,
    );
    expect(() => entropyFromCounts([1, 0, 3], { estimator: 'sg', K: 1 })).toThrow(/observed values \(2\), got 1/);
    expect(() => shrinkageEntropy([1, 2, 3], { K: 2.5 })).toThrow(RangeError);
    expect(() => entropy([1, 2, 3], { estimator: 'plugin', K: 5 })).toThrow(
      /^entropy: option "K" does not apply to estimator 'plugin' \(it takes: base, backend\)$/,
    );
    expect(() => entropy([1, 2, 3], { K: 5 })).toThrow(TypeError);
    expect(() => entropyFromCounts([1, 2], { estimator: 'miller-madow', K: 5 })).toThrow(TypeError);
    expect(() => entropy([1, 2, 3], { estimator: 'binned', K: 5 })).toThrow(/does not apply to estimator 'binned' with correction 'plugin'/);
    expect(entropy([1, 2, 3], { estimator: 'binned', correction: 'laplace', K: 12, bins: 3 })).toBeGreaterThan(0);
  });

  it('options of another estimator throw TypeError instead of being ignored', () => {
    expect(() => mutualInformation([1, 2], [1, 2], { bins: 3 })).toThrow(
      /^mutualInformation: option "bins" does not apply to estimator 'discrete' \(it takes: base, backend, correction\)$/,
    );
    expect(() => entropy([1, 2], { estimator: 'shrink', correction: 'plugin' })).toThrow(/option "correction" does not apply/);
    expect(() => mutualInformation([1, 2], [1, 2], { estimator: 'gaussian', correction: 'laplace' })).toThrow(TypeError);
    // an option set to undefined counts as absent
    expect(mutualInformation([1, 2], [1, 2], { bins: undefined })).toBeCloseTo(Math.log(2), 15);
  });

  const measures: [string, (o?: unknown) => number][] = [
    ['conditionalMutualInformation', (o) => conditionalMutualInformation([1, 2], [1, 2], [1, 1], o as never)],
    ['interactionInformation', (o) => interactionInformation([1, 2], [1, 2], [1, 1], o as never)],
    ['totalCorrelation', (o) => totalCorrelation([[1, 2], [1, 2]], o as never)],
    ['variationOfInformation', (o) => variationOfInformation([1, 2], [1, 2], o as never)],
    ['conditionalEntropy', (o) => conditionalEntropy([1, 2], [1, 2], o as never)],
    ['jointEntropy', (o) => jointEntropy([[1, 2]], o as never)],
    ['entropyFromCounts', (o) => entropyFromCounts([1, 2], o as never)],
    ['mutualInformationFromCounts', (o) => mutualInformationFromCounts([[1, 2]], o as never)],
    ['shrinkageEntropy', (o) => shrinkageEntropy([1, 2], o as never).entropy],
    ['discretize', (o) => discretize([1, 2], o as never).edges.length],
  ];
  it.each(measures)('%s rejects unknown options, a bad base and a bad backend', (name, f) => {
    expect(() => f({ bse: 2 })).toThrow(new RegExp(`^${name}: unknown option "bse"`));
    expect(() => f(3)).toThrow(TypeError);
    if (name !== 'discretize') expect(() => f({ base: 1 })).toThrow(new RegExp(`^${name}: base must be`));
    expect(() => f({ backend: 'gpu' })).toThrow(/backend must be 'wasm', 'js' or 'auto', got "gpu"/);
  });

  it('the discrete measures reject mismatched, empty and bad label sequences', () => {
    expect(() => conditionalMutualInformation([1, 2], [1, 2], [1])).toThrow(
      /^conditionalMutualInformation: x and z must have the same length, got 2 and 1$/,
    );
    expect(() => interactionInformation([], [], [])).toThrow(/^interactionInformation: x must not be empty$/);
    expect(() => conditionalEntropy([1, null as never], [1, 2])).toThrow(/^conditionalEntropy: x must not contain null, undefined or NaN labels/);
    expect(() => variationOfInformation([1, 2], 'ab' as never)).toThrow(/^variationOfInformation: b must be an array/);
    expect(() => totalCorrelation([[1, 2]])).toThrow(/^totalCorrelation: variables must hold at least 2 label sequences, got 1$/);
    expect(() => totalCorrelation([1, 2] as never)).toThrow(/^totalCorrelation: variables\[0\] must be an array/);
    expect(() => jointEntropy('abc' as never)).toThrow(/^jointEntropy: variables must be an array of label sequences/);
    expect(() => jointEntropy([])).toThrow(/^jointEntropy: variables must hold at least 1 label sequence, got 0$/);
    expect(() => jointEntropy([[1, 2], [1, 2, 3]])).toThrow(/variables\[0\] and variables\[1\] must have the same length, got 2 and 3/);
  });
});
