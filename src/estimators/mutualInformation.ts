import { kernelsFor, type BackendOption } from '../backend/select.js';
import { contingency } from '../core/contingency.js';
import type { Labels } from '../core/labels.js';
import { checkOptions, logBase, oneOf } from '../core/validate.js';
import { checkLabelPair, pluginMutualInfoNats } from './discrete.js';

/** Estimators that {@link mutualInformation} knows. */
export type MutualInformationEstimator = 'auto' | 'discrete';

/** Options of {@link mutualInformation}. */
export interface MutualInformationOptions {
  /** `'discrete'`: plug-in MI of labels. `'auto'` (default) picks the estimator from the data. */
  estimator?: MutualInformationEstimator;
  /** Logarithm base of the result: e (nats, the default), 2 (bits), 10 (hartleys), or any b > 0, b ≠ 1. */
  base?: number;
  /** Which kernels run the computation. Default `'auto'`. */
  backend?: BackendOption;
}

/**
 * Mutual information I(X; Y), the general entry point. With `estimator: 'discrete'`
 * it is the plug-in MI of two label sequences, the same number as
 * `sklearn.metrics.mutual_info_score` (clipped at 0).
 *
 * Units: nats unless `base` is given. Cost: O(N + R·C) for discrete labels.
 * Reference: Cover & Thomas, Elements of Information Theory, ch. 2.
 * @throws TypeError if x or y is not an array, holds null, undefined or NaN, or an option is unknown
 * @throws RangeError if x or y is empty, their lengths differ, or an option value is invalid
 * @example
 * mutualInformation(['a', 'a', 'b', 'b'], [0, 0, 1, 1], { base: 2 }); // => 1
 */
export function mutualInformation(x: Labels, y: Labels, options?: MutualInformationOptions): number {
  const fn = 'mutualInformation';
  const o = checkOptions(fn, options, ['estimator', 'base', 'backend']);
  oneOf(fn, 'estimator', o.estimator, ['auto', 'discrete'], 'auto');
  const div = logBase(fn, o.base);
  checkLabelPair(fn, x, y, ['x', 'y']);
  const k = kernelsFor(fn, o.backend);
  return pluginMutualInfoNats(k, contingency(k, fn, x, y, ['x', 'y'])) / div;
}
