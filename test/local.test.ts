import { describe, expect, it } from 'vitest';
import {
  conditionalMutualInformation,
  localConditionalMutualInformation,
  localMutualInformation,
  mutualInformation,
} from '../src/index.js';
import { BACKENDS, fixture, rng } from './support/helpers.js';

const jidt = fixture('jidt.json').cases as any[];
const mean = (v: Float64Array) => v.reduce((a, b) => a + b, 0) / v.length;

describe.each(BACKENDS)('local values (%s)', (backend) => {
  const raw = { normalize: false, noise: 0, backend } as const;
  for (const c of jidt.filter((c) => c.fn === 'mi')) {
    it(`localMutualInformation(x, y, {estimator: 'ksg${c.algorithm === 2 ? '2' : ''}', k: ${c.k}}) equals JIDT's locals (${c.name})`, () => {
      const local = localMutualInformation(c.x, c.y, { estimator: c.algorithm === 1 ? 'ksg' : 'ksg2', k: c.k, ...raw });
      expect(local).toHaveLength(c.x.length);
      c.local_first5.forEach((v: number, i: number) => expect(local[i]).toBeCloseTo(v, 9));
      expect(mean(local)).toBeCloseTo(c.expected, 9);
    });
  }
  for (const c of jidt.filter((c) => c.fn === 'cmi')) {
    it(`localConditionalMutualInformation(x, y, z, {estimator: 'ksg${c.algorithm === 2 ? '2' : ''}'}) equals JIDT's locals (${c.name})`, () => {
      const local = localConditionalMutualInformation(c.x, c.y, c.z, { estimator: c.algorithm === 1 ? 'ksg' : 'ksg2', k: c.k, ...raw });
      c.local_first5.forEach((v: number, i: number) => expect(local[i]).toBeCloseTo(v, 9));
      expect(mean(local)).toBeCloseTo(c.expected, 9);
    });
  }

  it('localConditionalMutualInformation ksg: the mean is conditionalMutualInformation', () => {
    const c = jidt.find((c) => c.name === 'cmi-ksg1');
    const local = localConditionalMutualInformation(c.x, c.y, c.z, { k: 3, backend });
    expect(mean(local)).toBeCloseTo(conditionalMutualInformation(c.x, c.y, c.z, { estimator: 'ksg', k: 3, backend }), 12);
  });

  it('localMutualInformation: the mean is mutualInformation for discrete, binned and mixed', () => {
    const r = rng(7);
    const a = Array.from({ length: 300 }, () => Math.floor(r() * 3));
    const b = a.map((v) => (r() < 0.7 ? v : Math.floor(r() * 4)));
    const xs = a.map((v) => v + r());
    const ys = xs.map((v) => v + 0.5 * r());
    expect(mean(localMutualInformation(a, b, { backend, base: 2 }))).toBeCloseTo(mutualInformation(a, b, { backend, base: 2 }), 12);
    expect(mean(localMutualInformation(xs, ys, { estimator: 'binned', bins: 'sturges', backend }))).toBeCloseTo(
      mutualInformation(xs, ys, { estimator: 'binned', bins: 'sturges', backend }),
      12,
    );
    expect(mean(localMutualInformation(a, xs, { estimator: 'mixed', k: 3, backend }))).toBeCloseTo(
      mutualInformation(a, xs, { estimator: 'mixed', k: 3, backend }),
      12,
    );
  });

  it("localMutualInformation(x, y, {estimator: 'mixed'}) gives NaN to a sample whose label occurs once", () => {
    const local = localMutualInformation(['a', 'a', 'a', 'b', 'b', 'b', 'c'], [0.1, 0.3, 0.2, 2.1, 2.4, 2.2, 5], { estimator: 'mixed', k: 1, backend });
    expect(Number.isNaN(local[6])).toBe(true);
    expect(local.slice(0, 6).every(Number.isFinite)).toBe(true);
  });

  it("localMutualInformation(x, y, {estimator: 'gaussian'}) averages to the closed form, up to JIDT's N − 1 divisor", () => {
    const r = rng(3);
    const n = 4000;
    const g = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
    const x = Array.from({ length: n }, g);
    const y = x.map((v) => 0.9 * v + Math.sqrt(1 - 0.81) * g());
    const local = localMutualInformation(x, y, { estimator: 'gaussian', backend });
    // mean Mahalanobis² with the N − 1 covariance is d(N − 1)/N: the mean is I − ½·(2 − 1 − 1)(N − 1)/N = I
    expect(mean(local)).toBeCloseTo(mutualInformation(x, y, { estimator: 'gaussian', backend }), 10);
  });

  it('localConditionalMutualInformation discrete: XOR gives one bit everywhere', () => {
    expect(Array.from(localConditionalMutualInformation([0, 0, 1, 1], [0, 1, 0, 1], [0, 1, 1, 0], { base: 2, backend }))).toEqual([1, 1, 1, 1]);
  });
});

describe('local values: bad input', () => {
  it('localMutualInformation rejects a correction and names it', () => {
    expect(() => localMutualInformation([0, 1], [0, 1], { correction: 'mm' } as any)).toThrow(/localMutualInformation: unknown option "correction"/);
  });
  it('localConditionalMutualInformation rejects z of the wrong length', () => {
    expect(() => localConditionalMutualInformation([1, 2, 3], [1, 2, 3], [1, 2], { estimator: 'ksg', k: 1 })).toThrow(
      /localConditionalMutualInformation: x and z must have the same length/,
    );
  });
});
