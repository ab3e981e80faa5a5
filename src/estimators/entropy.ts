import { kernelsFor, type BackendOption } from '../backend/select.js';
import { classCounts } from '../core/contingency.js';
import type { Labels } from '../core/labels.js';
import { checkOptions, checkSequence, logBase, oneOf } from '../core/validate.js';
import { pluginEntropyNats } from './discrete.js';

/** Entropy estimators that {@link entropy} knows. */
export type EntropyEstimator = 'auto' | 'plugin';

/** Options of {@link entropy}. */
export interface EntropyOptions {
  /** `'plugin'`: maximum-likelihood entropy of labels. `'auto'` (default) picks it for labels. */
  estimator?: EntropyEstimator;
  /** Logarithm base of the result: e (nats, the default), 2 (bits), 10 (hartleys), or any b > 0, b ≠ 1. */
  base?: number;
  /** Which kernels run the counting. Default `'auto'`. */
  backend?: BackendOption;
}

/**
 * Shannon entropy of a sample. With `estimator: 'plugin'` it is the plug-in
 * (maximum-likelihood) entropy of labels, H = −Σ p_i ln p_i with p_i = n_i/N, as
 * `sklearn.metrics.cluster.entropy` and `scipy.stats.entropy` of the counts.
 *
 * Units: nats unless `base` is given. Cost: O(N + K) for K classes.
 * Reference: Shannon 1948; Cover & Thomas, ch. 2.
 * @throws TypeError if x is not an array of labels, holds null, undefined or NaN, or an option is unknown
 * @throws RangeError if x is empty, or the estimator or base is invalid
 * @example
 * entropy(['a', 'b', 'a', 'b']); // => 0.6931471805599453 (ln 2)
 * entropy([0, 1, 2, 3], { base: 2 }); // => 2
 */
export function entropy(x: Labels, options?: EntropyOptions): number {
  const fn = 'entropy';
  const o = checkOptions(fn, options, ['estimator', 'base', 'backend']);
  oneOf(fn, 'estimator', o.estimator, ['auto', 'plugin'], 'auto');
  const div = logBase(fn, o.base);
  checkSequence(fn, 'x', x);
  const k = kernelsFor(fn, o.backend);
  return pluginEntropyNats(k, classCounts(k, fn, x)) / div;
}
