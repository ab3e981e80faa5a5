// Gaussian (parametric) MI against closed forms. The data are built from orthogonal
// zero-mean columns (rows of a Hadamard matrix), so their sample covariance is known
// exactly and the estimate must equal the closed form to rounding.
import { describe, expect, it } from 'vitest';
import { mutualInformation } from '../src/index.js';
import { normals } from './support/family.js';

/** Columns 1..7 of the 8 × 8 Sylvester–Hadamard matrix: zero mean, orthogonal, norm √8. */
const h = Array.from({ length: 8 }, (_, c) =>
  Array.from({ length: 8 }, (_, i) => {
    let bits = c & i;
    let sign = 1;
    while (bits) {
      sign = -sign;
      bits &= bits - 1;
    }
    return sign;
  }),
).slice(1);
const comb = (terms: [number, number[]][]) => Array.from({ length: 8 }, (_, i) => terms.reduce((s, [a, col]) => s + a * col[i], 0));
const rows = (...cols: number[][]) => cols[0].map((_, i) => cols.map((c) => c[i]));
const closed = (rho: number) => -0.5 * Math.log(1 - rho * rho);

describe('mutualInformation(x, y, {estimator: gaussian})', () => {
  it.each([0, 0.3, 0.6, 0.9, -0.95, 0.999])('is −½ ln(1 − ρ²) for sample correlation ρ = %s exactly', (rho) => {
    const x = h[0];
    const y = comb([[rho, h[0]], [Math.sqrt(1 - rho * rho), h[1]]]);
    expect(Math.abs(mutualInformation(x, y, { estimator: 'gaussian' }) - closed(rho))).toBeLessThan(1e-13);
  });

  it('is −½ ln(1 − 0.9²) = 0.830366 nats for ρ = 0.9 (ALGORITHMS.md), and in bits with base 2', () => {
    const y = comb([[0.9, h[0]], [Math.sqrt(0.19), h[1]]]);
    expect(mutualInformation(h[0], y, { estimator: 'gaussian' })).toBeCloseTo(0.830366, 6);
    expect(mutualInformation(h[0], y, { estimator: 'gaussian', base: 2 })).toBeCloseTo(closed(0.9) / Math.LN2, 13);
  });

  it('for 2-D x and 2-D y with canonical correlations ρ1, ρ2 is Σ −½ ln(1 − ρi²), under any invertible mixing', () => {
    const [r1, r2] = [0.8, 0.5];
    const x1 = h[0];
    const x2 = h[1];
    const y1 = comb([[r1, h[0]], [Math.sqrt(1 - r1 * r1), h[2]]]);
    const y2 = comb([[r2, h[1]], [Math.sqrt(1 - r2 * r2), h[3]]]);
    // MI is invariant under invertible linear maps of x and of y: mix each side
    const X = rows(comb([[2, x1], [1, x2]]), comb([[0.5, x1], [-3, x2]]));
    const Y = rows(comb([[1, y1], [1, y2]]), comb([[-1, y1], [4, y2]]));
    const expected = closed(r1) + closed(r2);
    expect(Math.abs(mutualInformation(X, Y, { estimator: 'gaussian' }) - expected)).toBeLessThan(1e-13);
    expect(Math.abs(mutualInformation(Y, X, { estimator: 'gaussian' }) - expected)).toBeLessThan(1e-13);
  });

  it('for 3-D x and y = a·x + s·noise is −½ ln(1 − R²) with R² = |a|² / (|a|² + s²)', () => {
    const a = [0.5, -1, 2];
    const s = 1.5;
    const y = comb([[a[0], h[0]], [a[1], h[1]], [a[2], h[2]], [s, h[3]]]);
    const X = rows(h[0], h[1], h[2]);
    const aa = a.reduce((t, v) => t + v * v, 0);
    expect(Math.abs(mutualInformation(X, y, { estimator: 'gaussian' }) - -0.5 * Math.log(1 - aa / (aa + s * s)))).toBeLessThan(1e-13);
  });

  it('on 10,000 seeded bivariate normals with ρ = 0.9 is within 2% of 0.830366', () => {
    const u = normals(10000, 1);
    const v = normals(10000, 2);
    const y = u.map((a, i) => 0.9 * a + Math.sqrt(0.19) * v[i]);
    const mi = mutualInformation(Float64Array.from(u), y, { estimator: 'gaussian' });
    expect(Math.abs(mi - closed(0.9)) / closed(0.9)).toBeLessThan(0.02);
  });

  it('does not depend on the scale or offset of any column', () => {
    const u = normals(500, 3);
    const e = normals(500, 4);
    const y = u.map((a, i) => a + e[i]);
    const ref = mutualInformation(u, y, { estimator: 'gaussian' });
    expect(mutualInformation(u.map((a) => 1e6 * a + 3), y.map((b) => 1e-6 * b - 2), { estimator: 'gaussian' })).toBeCloseTo(ref, 10);
  });

  it('rejects a singular covariance with a RangeError that names the column and suggests ksg', () => {
    const x = h[0];
    expect(() => mutualInformation(x, [1, 1, 1, 1, 1, 1, 1, 1], { estimator: 'gaussian' })).toThrow(
      /^mutualInformation: y column 0 is constant, so its covariance is singular; use estimator: 'ksg'/,
    );
    expect(() => mutualInformation(x, x.map((v) => 2 * v + 1), { estimator: 'gaussian' })).toThrow(
      /y column 0 is \(nearly\) a linear function of the columns before it, so the Gaussian MI is infinite; use estimator: 'ksg'/,
    );
    expect(() => mutualInformation(rows(h[0], h[1], comb([[1, h[0]], [1, h[1]]])), h[2], { estimator: 'gaussian' })).toThrow(
      /x column 2 is \(nearly\) a linear function/,
    );
    expect(() => mutualInformation([1, 2, 3], [[1, 2], [2, 1], [3, 3]], { estimator: 'gaussian' })).toThrow(
      /needs more samples than dimensions \(n = 3, d = 3\)/,
    );
  });

  it('rejects labels, NaN and ragged rows', () => {
    expect(() => mutualInformation(['a', 'b', 'c'], [1, 2, 3], { estimator: 'gaussian' })).toThrow(
      /^mutualInformation: x must hold numbers, got "a" at index 0$/,
    );
    expect(() => mutualInformation([1, 2, NaN], [1, 2, 3], { estimator: 'gaussian' })).toThrow(RangeError);
    expect(() => mutualInformation([[1, 2], [3]], [1, 2], { estimator: 'gaussian' })).toThrow(
      /x rows must have the same length, row 0 has 2 and row 1 has 1/,
    );
    expect(() => mutualInformation([1, 2, 3], [1, 2], { estimator: 'gaussian' })).toThrow(/x and y must have the same length/);
    expect(() => mutualInformation([1, 2, 3], [1, 2, 4], { estimator: 'gaussian', bins: 3 })).toThrow(
      /option "bins" does not apply to estimator 'gaussian'/,
    );
  });
});
