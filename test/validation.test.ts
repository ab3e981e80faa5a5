import { describe, expect, it } from 'vitest';
import {
  adjustedMutualInfoScore,
  entropy,
  mutualInfoScore,
  mutualInformation,
  normalizedMutualInfoScore,
} from '../src/index.js';

const pairFns = { mutualInfoScore, normalizedMutualInfoScore, adjustedMutualInfoScore, mutualInformation };

describe.each(Object.entries(pairFns))('%s rejects bad input', (name, fn) => {
  const f = fn as (a: unknown, b: unknown, o?: unknown) => number;
  it(`${name}(a, b) with different lengths throws RangeError naming both`, () => {
    expect(() => f([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => f([1, 2, 3], [1, 2])).toThrow(new RegExp(`^${name}: \\w and \\w must have the same length, got 3 and 2$`));
  });
  it(`${name}([], []) throws RangeError: empty input`, () => {
    expect(() => f([], [])).toThrow(new RegExp(`^${name}: \\w must not be empty$`));
  });
  it.each([null, undefined, NaN])(`${name} with a %s label throws TypeError naming the index`, (bad) => {
    expect(() => f([1, bad, 2], [1, 2, 3])).toThrow(TypeError);
    expect(() => f([1, 2, 3], ['a', 'b', bad])).toThrow(/must not contain null, undefined or NaN labels, got .* at index/);
  });
  it(`${name} with ±Infinity labels throws RangeError`, () => {
    expect(() => f([1, Infinity], [1, 2])).toThrow(RangeError);
  });
  it(`${name} with non-array input throws TypeError`, () => {
    expect(() => f('abc', [1, 2, 3])).toThrow(new RegExp(`^${name}: \\w must be an array or a typed array`));
    expect(() => f([{}, {}], [1, 2])).toThrow(TypeError);
  });
  it(`${name} with an unknown option name throws TypeError`, () => {
    expect(() => f([1, 2], [1, 2], { bse: 2 })).toThrow(new RegExp(`^${name}: unknown option "bse"`));
    expect(() => f([1, 2], [1, 2], 5)).toThrow(TypeError);
  });
  it(`${name} with an unknown backend throws RangeError`, () => {
    expect(() => f([1, 2], [1, 2], { backend: 'gpu' })).toThrow(/backend must be 'wasm', 'js' or 'auto', got "gpu"/);
  });
});

describe('option values', () => {
  it.each([0, -1, 1, NaN, Infinity, '2'])('mutualInfoScore(a, b, {base: %s}) throws RangeError', (base) => {
    expect(() => mutualInfoScore([1, 2], [1, 2], { base: base as number })).toThrow(RangeError);
    expect(() => mutualInfoScore([1, 2], [1, 2], { base: base as number })).toThrow(/^mutualInfoScore: base must be/);
  });
  it.each([0, 1, -2])('entropy(x, {base: %s}) and mutualInformation(x, y, {base}) throw RangeError', (base) => {
    expect(() => entropy([1, 2], { base })).toThrow(/^entropy: base must be/);
    expect(() => mutualInformation([1, 2], [1, 2], { base })).toThrow(/^mutualInformation: base must be/);
  });
  it('normalizedMutualInfoScore(a, b, {averageMethod: "median"}) throws RangeError', () => {
    expect(() => normalizedMutualInfoScore([1, 2], [1, 2], { averageMethod: 'median' as never })).toThrow(
      /^normalizedMutualInfoScore: averageMethod must be one of 'arithmetic', 'geometric', 'min', 'max', got "median"$/,
    );
    expect(() => adjustedMutualInfoScore([1, 2], [1, 2], { averageMethod: 'mean' as never })).toThrow(RangeError);
  });
  it('entropy(x, {estimator: "nonsense"}) and mutualInformation(.., {estimator}) throw RangeError', () => {
    expect(() => entropy([1, 2], { estimator: 'nonsense' as never })).toThrow(/^entropy: estimator must be one of/);
    expect(() => mutualInformation([1, 2], [1, 2], { estimator: 'nonsense' as never })).toThrow(
      /^mutualInformation: estimator must be one of/,
    );
  });
  it('entropy([]) and entropy(null) throw', () => {
    expect(() => entropy([])).toThrow(/^entropy: x must not be empty$/);
    expect(() => entropy(null as never)).toThrow(TypeError);
  });
});
