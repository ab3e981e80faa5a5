import type { BackendOption } from '../backend/select.js';
import type { BinningMethod, Bins } from '../core/binning.js';
import type { DiscreteEntropyEstimator } from '../core/estimatorOptions.js';
import type { Labels } from '../core/labels.js';
import type { NumericSamples } from '../core/numericSamples.js';
import { checkOptions, oneOf } from '../core/validate.js';
import { binnedMutualInformation } from './binned.js';
import { discreteMutualInformation } from './discreteMutualInformation.js';
import { gaussianMutualInformation } from './gaussian.js';

/** Estimators that {@link mutualInformation} knows. */
export type MutualInformationEstimator = 'auto' | 'discrete' | 'binned' | 'gaussian';

/** Options of {@link mutualInformation}. */
export interface MutualInformationOptions {
  /**
   * `'discrete'`: MI of labels. `'binned'`: MI of discretized continuous data.
   * `'gaussian'`: the parametric MI of a fitted normal. `'auto'` (default) picks `'discrete'`.
   */
  estimator?: MutualInformationEstimator;
  /** 'discrete' and 'binned': the entropy estimator behind H(X) + H(Y) − H(X,Y). Default `'plugin'` (sklearn's number). */
  correction?: DiscreteEntropyEstimator;
  /** 'binned': a number of bins or numpy's rule ('sqrt', 'sturges', 'rice', 'scott', 'fd', 'doane', 'auto'). Default 10. */
  bins?: Bins;
  /** 'binned': `'equal-width'` (default) or `'equal-frequency'`. */
  binning?: BinningMethod;
  /** Logarithm base of the result: e (nats, the default), 2 (bits), 10 (hartleys), or any b > 0, b ≠ 1. */
  base?: number;
  /** Which kernels run the computation. Default `'auto'`. */
  backend?: BackendOption;
}

/**
 * Mutual information I(X; Y), the general entry point.
 * - `'discrete'`: labels. The plug-in value is `sklearn.metrics.mutual_info_score`
 *   (clipped at 0); with a `correction` it is H(X) + H(Y) − H(X,Y), each entropy by that
 *   estimator (alphabets: the observed values of x, of y, and their product), unclipped.
 * - `'binned'`: 1-D or vector data, each dimension binned as {@link discretize} does,
 *   then the discrete MI of the (joint) bin codes.
 * - `'gaussian'`: ½ ln(det Σ_X det Σ_Y / det Σ_XY) from the sample covariance, exact for
 *   jointly normal data (−½ ln(1 − ρ²) in 1-D).
 *
 * Units: nats unless `base` is given. Cost: O(N + R·C) for labels; O(N log N) binned;
 * O(N·d² + d³) Gaussian for d = dim x + dim y.
 * Reference: Cover & Thomas, Elements of Information Theory, ch. 2 and 8.
 * @throws TypeError if x or y is not an array of labels (numbers or rows for 'binned' and
 *   'gaussian'), holds null, undefined or NaN, or an option is unknown or does not apply
 * @throws RangeError if x or y is empty, their lengths differ, an option value is invalid, or
 *   (Gaussian) the covariance is singular: a constant or collinear column makes the
 *   Gaussian MI infinite, and the message suggests `estimator: 'ksg'`
 * @example
 * mutualInformation(['a', 'a', 'b', 'b'], [0, 0, 1, 1], { base: 2 }); // => 1
 * mutualInformation([1, -1, 1, -1], [1, -1, -1, 1].map((v, i) => 0.6 * [1, -1, 1, -1][i] + 0.8 * v), { estimator: 'gaussian' });
 * // => 0.2231435513142097 (−½ ln(1 − 0.6²))
 */
export function mutualInformation(
  x: Labels | NumericSamples,
  y: Labels | NumericSamples,
  options?: MutualInformationOptions,
): number {
  const fn = 'mutualInformation';
  const o = checkOptions(fn, options, ['estimator', 'correction', 'bins', 'binning', 'base', 'backend']);
  switch (oneOf(fn, 'estimator', o.estimator, ['auto', 'discrete', 'binned', 'gaussian'], 'auto')) {
    case 'auto':
    case 'discrete':
      return discreteMutualInformation(fn, x as Labels, y as Labels, o);
    case 'binned':
      return binnedMutualInformation(fn, x, y, o);
    case 'gaussian':
      return gaussianMutualInformation(fn, x, y, o);
  }
}
