// Spacing estimators against scipy.stats.differential_entropy (scipy 1.10.1).
import { describe, expect, it } from 'vitest';
import { differentialEntropy } from '../src/index.js';
import { fixture } from './support/helpers.js';

interface Case {
  name: string;
  x: number[];
  expected_nats: Record<'vasicek' | 'van es' | 'ebrahimi' | 'correa' | 'auto', number>;
}
// ../shared/reference/scipy_differential_entropy.json: scipy 1.10.1, default window, nats
const cases = fixture<{ cases: Case[] }>('scipy_differential_entropy.json').cases;
const METHODS = ['vasicek', 'van es', 'ebrahimi', 'correa', 'auto'] as const;

describe('differentialEntropy', () => {
  describe.each(cases.map((c) => [c.name, c] as const))('scipy fixture %s', (_, c) => {
    it.each(METHODS)('differentialEntropy(x, {method: %s}) matches scipy to 1e-10', (method) => {
      expect(Math.abs(differentialEntropy(c.x, { method }) - c.expected_nats[method])).toBeLessThan(1e-10);
    });
  });

  const x = cases[0].x; // the 'normal' fixture, n = 440
  it.each([
    // scipy 1.10.1: differential_entropy(x, method=m, window_length=3) and (…, window_length=50, base=2)
    ['vasicek', 1.3164645277822, 2.0235885285974917],
    ['van es', 1.3787522913775137, 1.8014589599516422],
    ['ebrahimi', 1.3222869543524822, 2.126479229789613],
    ['correa', 1.4049795058313745, 2.0947529963019575],
  ] as const)('differentialEntropy(x, {method: %s, windowLength, base}) matches scipy to 1e-10', (method, w3, w50bits) => {
    expect(Math.abs(differentialEntropy(x, { method, windowLength: 3 }) - w3)).toBeLessThan(1e-10);
    expect(Math.abs(differentialEntropy(x, { method, windowLength: 50, base: 2 }) - w50bits)).toBeLessThan(1e-10);
  });

  it('differentialEntropy(x) with n ≤ 10 uses van Es, as scipy auto does', () => {
    const small = [0.1, 0.5, 0.3, 0.9, 0.7, 0.2, 0.8, 0.4, 0.6];
    // scipy 1.10.1: differential_entropy(small) = differential_entropy(small, method='van es')
    expect(differentialEntropy(small)).toBeCloseTo(0.12499544964231779, 13);
    expect(differentialEntropy(small)).toBe(differentialEntropy(small, { method: 'van es' }));
    // n = 12 > 10: Ebrahimi; scipy 1.10.1 gives 2.1426760596029455
    expect(differentialEntropy(Float64Array.of(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8))).toBeCloseTo(2.1426760596029455, 13);
  });

  it('differentialEntropy(x) does not depend on the order of x', () => {
    const rev = x.slice().reverse();
    for (const method of METHODS) expect(differentialEntropy(rev, { method })).toBe(differentialEntropy(x, { method }));
  });

  it('differentialEntropy(a·x + b) = differentialEntropy(x) + ln a (the entropy of a scaled variable)', () => {
    const y = x.map((v) => 3 * v - 7);
    for (const method of METHODS) {
      expect(differentialEntropy(y, { method })).toBeCloseTo(differentialEntropy(x, { method }) + Math.log(3), 12);
    }
  });

  it('differentialEntropy rejects a window that fails 2 ≤ 2m < n, as scipy does', () => {
    expect(() => differentialEntropy([1, 2, 3, 4])).toThrow(RangeError);
    expect(() => differentialEntropy([1, 2, 3, 4])).toThrow(/^differentialEntropy: x needs at least 5 values for the default window/);
    expect(() => differentialEntropy(x, { windowLength: 220 })).toThrow(
      /^differentialEntropy: windowLength must be an integer with 2 ≤ 2·windowLength < n \(n = 440\), got 220$/,
    );
    expect(() => differentialEntropy(x, { windowLength: 0 })).toThrow(RangeError);
    expect(() => differentialEntropy(x, { windowLength: 2.5 })).toThrow(RangeError);
  });

  it('differentialEntropy with ties spanning a window throws instead of returning -Infinity (scipy: -inf)', () => {
    const tied = [1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    expect(() => differentialEntropy(tied)).toThrow(/ties in x make a spacing 0 for window 4/);
    expect(() => differentialEntropy(tied, { method: 'correa' })).toThrow(RangeError);
  });

  it('differentialEntropy rejects bad input and options', () => {
    expect(() => differentialEntropy(x, { method: 'kde' as never })).toThrow(
      /^differentialEntropy: method must be one of 'vasicek', 'van es', 'ebrahimi', 'correa', 'auto', got "kde"$/,
    );
    expect(() => differentialEntropy([[1], [2]] as never)).toThrow(TypeError);
    expect(() => differentialEntropy([1, 2, NaN, 4, 5, 6])).toThrow(/must hold finite numbers, got NaN at index 2/);
    expect(() => differentialEntropy(['a', 'b'] as never)).toThrow(TypeError);
    expect(() => differentialEntropy(x, { window: 3 } as never)).toThrow(/unknown option "window"/);
    expect(() => differentialEntropy(x, { base: 1 })).toThrow(/^differentialEntropy: base must be/);
  });
});
