// entropy(x, { estimator: 'gaussian' }): the differential entropy of a fitted normal (gcmi's ent_g).
import { covariance, entropyBias, halfLogDet } from '../core/gaussianEntropy.js';
import { readColumns } from '../core/numericSamples.js';
import { biasCorrectOption } from './gcmi.js';

/**
 * H = ½ ln det Σ + (d/2)(ln 2π + 1) in nats, Σ the sample covariance (ddof = 1, as gcmi's
 * `ent_g`), minus gcmi's analytic bias when `biasCorrect` (default false).
 */
export function gaussianEntropyNats(fn: string, x: unknown, o: Record<string, unknown>): number {
  const biasCorrect = biasCorrectOption(fn, o.biasCorrect, false);
  const { n, columns } = readColumns(fn, 'x', x);
  const d = columns.length;
  const need = biasCorrect ? d + 2 : d + 1;
  if (n < need) throw new RangeError(`${fn}: the Gaussian entropy of ${d} dimensions needs at least ${need} samples, got ${n}`);
  const C = covariance(columns, n, true);
  const h = halfLogDet(C, d, columns.map((_, j) => j), () => {
    throw new RangeError(`${fn}: the sample covariance of x is singular (a constant or collinear column), so the Gaussian entropy is −∞; use estimator: 'kl' for a nonparametric estimate`);
  });
  return h + 0.5 * d * (Math.log(2 * Math.PI) + 1) - (biasCorrect ? entropyBias(d, n) : 0);
}
