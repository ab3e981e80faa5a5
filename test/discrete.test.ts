import { describe, expect, it } from 'vitest';
import {
  adjustedMutualInfoScore,
  entropy,
  mutualInfoScore,
  mutualInformation,
  normalizedMutualInfoScore,
} from '../src/index.js';
import { BACKENDS, fixture, randomLabels, shuffled } from './support/helpers.js';

interface DiscreteCase {
  name: string;
  a: (number | string)[];
  b: (number | string)[];
  expected: {
    mutual_info_score: number;
    normalized_mutual_info_score: Record<string, number>;
    adjusted_mutual_info_score: Record<string, number>;
    entropy_a_nats: number;
    entropy_b_nats: number;
    entropy_a_bits: number;
  };
}

// sklearn 1.2.1 mutual_info_score / normalized_ / adjusted_mutual_info_score, and plug-in entropy.
const cases = fixture<{ cases: DiscreteCase[] }>('discrete.json').cases;
const METHODS = ['arithmetic', 'geometric', 'min', 'max'] as const;

describe.each(BACKENDS)('discrete estimators on %s', (backend) => {
  describe.each(cases.map((c) => [c.name, c] as const))('sklearn fixture %s', (_, c) => {
    it('mutualInfoScore(a, b) matches sklearn to 1e-12', () => {
      expect(mutualInfoScore(c.a, c.b, { backend })).toBeCloseTo(c.expected.mutual_info_score, 12);
    });
    it.each(METHODS)('normalizedMutualInfoScore(a, b, {averageMethod: %s}) matches sklearn to 1e-12', (m) => {
      const v = normalizedMutualInfoScore(c.a, c.b, { averageMethod: m, backend });
      expect(Math.abs(v - c.expected.normalized_mutual_info_score[m])).toBeLessThan(1e-12);
    });
    it.each(METHODS)('adjustedMutualInfoScore(a, b, {averageMethod: %s}) matches sklearn to 1e-10', (m) => {
      const v = adjustedMutualInfoScore(c.a, c.b, { averageMethod: m, backend });
      expect(Math.abs(v - c.expected.adjusted_mutual_info_score[m])).toBeLessThan(1e-10);
    });
    it('entropy(a) in nats and bits, entropy(b) in nats match sklearn to 1e-12', () => {
      expect(Math.abs(entropy(c.a, { backend }) - c.expected.entropy_a_nats)).toBeLessThan(1e-12);
      expect(Math.abs(entropy(c.a, { base: 2, backend }) - c.expected.entropy_a_bits)).toBeLessThan(1e-12);
      expect(Math.abs(entropy(c.b, { estimator: 'plugin', backend }) - c.expected.entropy_b_nats)).toBeLessThan(1e-12);
    });
    it('mutualInformation(a, b, {estimator: discrete}) equals mutualInfoScore', () => {
      const v = mutualInformation(c.a, c.b, { estimator: 'discrete', backend });
      expect(Math.abs(v - c.expected.mutual_info_score)).toBeLessThan(1e-12);
    });
  });

  const a = randomLabels(2000, 7, 1);
  const b = a.map((v, i) => (i % 3 === 0 ? (v * 3 + 1) % 5 : v % 5));

  it('mutualInfoScore(a, b) is symmetric', () => {
    expect(mutualInfoScore(a, b, { backend })).toBeCloseTo(mutualInfoScore(b, a, { backend }), 14);
  });

  it('mutualInfoScore(a, b) is invariant under relabelling to strings and typed arrays', () => {
    const names = ['zero', 'one', 'two', 'three', 'four', 'five', 'six'];
    const ref = mutualInfoScore(a, b, { backend });
    expect(mutualInfoScore(a.map((v) => names[v]), b, { backend })).toBeCloseTo(ref, 14);
    expect(mutualInfoScore(Int32Array.from(a, (v) => 1000 - v * 97), Float64Array.from(b), { backend })).toBeCloseTo(ref, 14);
    expect(mutualInfoScore(a.map((v) => BigInt(v) * 10n ** 20n), b.map((v) => v === 0), { backend })).toBeCloseTo(
      mutualInfoScore(a, b.map((v) => (v === 0 ? 1 : 0)), { backend }),
      14,
    );
  });

  it('mutualInformation(x, x) equals entropy(x)', () => {
    expect(mutualInformation(a, a, { backend })).toBeCloseTo(entropy(a, { backend }), 13);
  });

  it('entropy(x) of K equiprobable labels is ln K (closed form)', () => {
    const x = Array.from({ length: 8 * 250 }, (_, i) => i % 8);
    expect(entropy(x, { backend })).toBeCloseTo(Math.log(8), 14);
    expect(entropy(x, { backend, base: 2 })).toBeCloseTo(3, 14);
    expect(entropy(x, { backend, base: 10 })).toBeCloseTo(Math.log10(8), 14);
  });

  it('mutualInfoScore(a, permuted b) is near 0 while (a, b) is not', () => {
    const x = randomLabels(20000, 4, 7);
    const y = x.map((v, i) => (i % 2 ? v : (v + 1) % 4));
    expect(mutualInfoScore(x, y, { backend })).toBeGreaterThan(0.5);
    // E[I] ≈ (R−1)(C−1)/(2N) = 9/40000 for independent labels (Miller–Madow bias)
    expect(mutualInfoScore(x, shuffled(y, 3), { backend })).toBeLessThan(2e-3);
  });

  it('mutualInfoScore(a, b) handles alphabets too large for a dense table', () => {
    // 3000 x 3000 classes with n = 6000: the sorted-key path; the closed form is ln(3000)
    const x = Array.from({ length: 6000 }, (_, i) => `u${i % 3000}`);
    const y = Array.from({ length: 6000 }, (_, i) => (i % 3000) * 7919);
    expect(mutualInfoScore(x, y, { backend })).toBeCloseTo(Math.log(3000), 12);
    expect(normalizedMutualInfoScore(x, y, { backend })).toBeCloseTo(1, 12);
  });

  it('normalizedMutualInfoScore and adjustedMutualInfoScore are 1 when both sides have one class', () => {
    expect(normalizedMutualInfoScore([1, 1, 1], ['a', 'a', 'a'], { backend })).toBe(1);
    expect(adjustedMutualInfoScore([1, 1, 1], ['a', 'a', 'a'], { backend })).toBe(1);
    expect(mutualInfoScore([1, 1, 1], ['a', 'b', 'a'], { backend })).toBe(0);
  });

  it('adjustedMutualInfoScore([0,0,1,1], [0,1,0,1]) is -0.5 (sklearn 1.2.1: -0.49999999999999944)', () => {
    expect(adjustedMutualInfoScore([0, 0, 1, 1], [0, 1, 0, 1], { backend })).toBeCloseTo(-0.5, 12);
  });
});
