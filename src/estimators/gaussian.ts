// mutualInformation(x, y, { estimator: 'gaussian' }): the parametric MI of a fitted normal.
import { kernelsFor } from '../backend/select.js';
import { logDetSub } from '../core/cholesky.js';
import { onlyOptions } from '../core/estimatorOptions.js';
import { readColumns } from '../core/numericSamples.js';
import { maxAbs } from '../core/safeStats.js';
import { logBase, sameLength } from '../core/validate.js';
import { entropyBias } from '../core/gaussianEntropy.js';
import { biasCorrectOption } from './gcmi.js';

/** A Cholesky pivot of the correlation matrix (a conditional variance over a variance) at or below this is singular. */
const SINGULAR = 1e-12;

/**
 * I = ½ ln(det Σ_X det Σ_Y / det Σ_XY) from the sample covariance (Cover & Thomas,
 * eq. 8.56 for the Gaussian entropy), clipped at 0. With `biasCorrect` (default false) each
 * entropy gets gcmi's analytic bias correction (Ince et al. 2017, `mi_gg`) and the result is
 * returned raw. The determinants are taken of the correlation
 * matrix, whose diagonal scale cancels in the ratio, so columns of any scale give
 * well-conditioned pivots.
 */
export function gaussianMutualInformation(fn: string, x: unknown, y: unknown, o: Record<string, unknown>): number {
  onlyOptions(fn, o, 'gaussian', ['base', 'backend', 'biasCorrect']);
  const biasCorrect = biasCorrectOption(fn, o.biasCorrect, false);
  const div = logBase(fn, o.base);
  kernelsFor(fn, o.backend);
  const X = readColumns(fn, 'x', x);
  const Y = readColumns(fn, 'y', y);
  sameLength(fn, 'x', X.n, 'y', Y.n);
  const cols = [...X.columns, ...Y.columns];
  const dx = X.columns.length;
  const d = cols.length;
  const n = X.n;
  const name = (j: number) => (j < dx ? `x column ${j}` : `y column ${j - dx}`);
  const hint = "; use estimator: 'ksg' or 'binned' for a nonparametric estimate";
  if (n <= d) {
    throw new RangeError(`${fn}: the Gaussian estimator needs more samples than dimensions (n = ${n}, d = ${d}), else the covariance is singular${hint}`);
  }
  // Each column is divided by its largest |x| before centring: the correlation does not
  // change, and products of values near 1e±160 or sums near 1.8e308 can no longer over-
  // or underflow (a column at 1e-160 scale would otherwise have a variance of 0).
  const centred = cols.map((c, j) => {
    const first = c[0];
    let constant = true;
    for (let i = 1; i < n; i++) constant &&= c[i] === first;
    if (constant) throw new RangeError(`${fn}: ${name(j)} is constant, so its covariance is singular${hint}`);
    const m = maxAbs(c, n);
    const u = c.map((v) => v / m);
    let mean = 0;
    for (let i = 0; i < n; i++) mean += u[i];
    mean /= n;
    return u.map((v) => v - mean);
  });
  const cov = new Float64Array(d * d);
  for (let a = 0; a < d; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += centred[a][i] * centred[b][i];
      cov[a * d + b] = cov[b * d + a] = s;
    }
  }
  const corr = new Float64Array(d * d);
  for (let a = 0; a < d; a++) {
    if (!(cov[a * d + a] > 0)) {
      throw new RangeError(`${fn}: ${name(a)} varies by less than its values' resolution, so its covariance is singular${hint}`);
    }
    for (let b = 0; b < d; b++) corr[a * d + b] = cov[a * d + b] / Math.sqrt(cov[a * d + a] * cov[b * d + b]);
  }
  const all = cols.map((_, j) => j);
  const logDet = (idx: number[]): number => {
    const r = logDetSub(corr, d, idx, SINGULAR);
    if ('logDet' in r) return r.logDet;
    throw new RangeError(
      `${fn}: the sample covariance of (x, y) is singular: ${name(idx[r.singularAt])} is (nearly) a linear function of ` +
        `the columns before it, so the Gaussian MI is infinite${hint}`,
    );
  };
  const ldX = logDet(all.slice(0, dx));
  const ldY = logDet(all.slice(dx));
  const mi = 0.5 * (ldX + ldY - logDet(all));
  if (biasCorrect) {
    // gcmi's mi_gg: each entropy minus its bias; the estimate may then be below 0
    if (n < d + 2) throw new RangeError(`${fn}: biasCorrect needs at least dimensions + 2 = ${d + 2} samples, got ${n}`);
    return (mi - entropyBias(dx, n) - entropyBias(d - dx, n) + entropyBias(d, n)) / div;
  }
  // det Σ_XY ≤ det Σ_X det Σ_Y (Fischer's inequality): a value below 0 is rounding
  return Math.max(0, mi) / div;
}
