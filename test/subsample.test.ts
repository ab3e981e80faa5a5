import { describe, expect, it } from 'vitest';
import { mutualInformation, subsampledMutualInformation } from '../src/index.js';
import { gather, subsampleIndices, UniformStream } from '../src/core/subsample.js';
import { BACKENDS, rng } from './support/helpers.js';

/** n draws of a bivariate normal with correlation rho (Box–Muller on the test PRNG). */
function gaussianPair(n: number, rho: number, seed: number): [Float64Array, Float64Array] {
  const r = rng(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = Math.sqrt(-2 * Math.log(1 - r()));
    const t = 2 * Math.PI * r();
    const a = u * Math.cos(t);
    const b = u * Math.sin(t);
    x[i] = a;
    y[i] = rho * a + Math.sqrt(1 - rho * rho) * b;
  }
  return [x, y];
}

describe('subsampleIndices', () => {
  it('draws each row with probability n/N (frequencies within 5σ over 20,000 draws)', () => {
    const counts = new Array(10).fill(0);
    for (let s = 0; s < 20000; s++) for (const i of subsampleIndices(10, 1, 1, s)[0]) counts[i]++;
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(5 * Math.sqrt(20000 * 0.1 * 0.9));
  });

  it('gives distinct sorted rows, disjoint replicates when they fit, and the same first replicate for any count', () => {
    const reps = subsampleIndices(1000, 100, 10, 7);
    const all = new Set(reps.flatMap((r) => Array.from(r)));
    expect(all.size).toBe(1000);
    for (const r of reps) expect(Array.from(r)).toEqual(Array.from(r).sort((a, b) => a - b));
    expect(subsampleIndices(1000, 100, 3, 7)[0]).toEqual(reps[0]);
    const overlapping = subsampleIndices(50, 40, 4, 7);
    for (const r of overlapping) expect(new Set(r).size).toBe(40);
    const u = new UniformStream(3);
    for (let i = 0; i < 1000; i++) expect(u.below(7)).toBeLessThan(7);
  });
});

describe.each(BACKENDS)('mutualInformation(x, y, { sample, seed }) (%s backend)', (backend) => {
  const [x, y] = gaussianPair(20000, 0.9, 5);

  it('estimates on the rows subsampleIndices picks', () => {
    const idx = subsampleIndices(x.length, 3000, 1, 11)[0];
    expect(mutualInformation(x, y, { sample: 3000, seed: 11, backend })).toBe(mutualInformation(gather(x, idx), gather(y, idx), { seed: 11, backend }));
    const labels = Array.from(x, (v) => (v > 0 ? 'p' : 'n'));
    const lab = Array.from(y, (v) => (v > 0 ? 1 : 0));
    expect(mutualInformation(labels, lab, { sample: 500, seed: 2, backend })).toBe(mutualInformation(gather(labels, subsampleIndices(x.length, 500, 1, 2)[0]), gather(lab, subsampleIndices(x.length, 500, 1, 2)[0]), { backend }));
  });

  it('subsampledMutualInformation brackets the closed form −½ ln(1 − ρ²) of a Gaussian pair', () => {
    const r = subsampledMutualInformation(x, y, { sample: 2000, replicates: 10, seed: 3, backend });
    const truth = -0.5 * Math.log(1 - 0.81);
    expect(r.estimate).toBe(mutualInformation(x, y, { sample: 2000, seed: 3, backend }));
    expect(r.replicates.length).toBe(10);
    expect(r.low).toBeLessThanOrEqual(r.high);
    expect(r.low).toBeLessThan(truth + 0.02);
    expect(r.high).toBeGreaterThan(truth - 0.02);
    expect(Math.abs(r.mean - truth)).toBeLessThan(0.03);
    expect(r.high - r.low).toBeLessThan(0.15);
  });
});

describe('subsampling errors', () => {
  it('names the function and the argument', () => {
    expect(() => mutualInformation([1, 2, 3], [1, 2, 3], { sample: 4 })).toThrow(/mutualInformation: sample must be an integer in \[2, N\] = \[2, 3\], got 4/);
    expect(() => subsampledMutualInformation([1, 2, 3], [1, 2, 3], { sample: 2, level: 1 })).toThrow(/subsampledMutualInformation: level must be a number in \(0, 1\)/);
    expect(() => subsampledMutualInformation([1, 2, 3], [1, 2, 3], { sample: 2, replicates: 1 })).toThrow(/replicates must be an integer in \[2, 10000\]/);
    expect(() => subsampledMutualInformation([1, 2, 3], [1, 2], { sample: 2 })).toThrow(/x and y must have the same length/);
  });
});
