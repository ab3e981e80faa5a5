import { kernelsFor, type BackendOption } from '../backend/select.js';
import { classCounts, contingency } from '../core/contingency.js';
import type { Labels } from '../core/labels.js';
import type { Sample } from '../core/points.js';
import { checkOptions, logBase, oneOf } from '../core/validate.js';
import { checkLabelPair, pluginMutualInfoNats } from './discrete.js';
import { ksgMutualInformation } from './ksg.js';
import { selectEstimator } from './selectEstimator.js';

/** Estimators that {@link mutualInformation} knows. */
export type MutualInformationEstimator = 'auto' | 'discrete' | 'ksg' | 'ksg2';

/** Options of {@link mutualInformation}. */
export interface MutualInformationOptions {
  /**
   * `'discrete'`: plug-in MI of labels. `'ksg'` / `'ksg2'`: Kraskov–Stögbauer–Grassberger
   * algorithm 1 / 2 for continuous samples. `'auto'` (default) picks by {@link selectEstimator}.
   */
  estimator?: MutualInformationEstimator;
  /** KSG: the number of neighbours, an integer in [1, N − 1]. Default 3. */
  k?: number;
  /** KSG: divide each dimension by its population standard deviation first, as sklearn (a constant column, std 0, is left unscaled). Default true. */
  normalize?: boolean;
  /** KSG: relative tie-breaking noise, noise·max(1, mean|x|)·N(0, 1) per value after scaling; 0 turns it off. Default 1e-10. */
  noise?: number;
  /** KSG: seed of the noise (an integer in [0, 2^32 − 1]); the same seed gives the same bits on both backends. Default 0. */
  seed?: number;
  /** Logarithm base of the result: e (nats, the default), 2 (bits), 10 (hartleys), or any b > 0, b ≠ 1. */
  base?: number;
  /** Which kernels run the computation. Default `'auto'`. */
  backend?: BackendOption;
}

const OPTIONS = ['estimator', 'k', 'normalize', 'noise', 'seed', 'base', 'backend'];

/**
 * Mutual information I(X; Y), the general entry point.
 * - `'discrete'`: plug-in MI of two label sequences, the same number as
 *   `sklearn.metrics.mutual_info_score` (clipped at 0). Cost O(N + R·C).
 * - `'ksg'` / `'ksg2'`: KSG algorithm 1 / 2 (Kraskov, Stögbauer & Grassberger, PRE 69,
 *   066138, 2004) with max-norm k-NN, for x and y each a 1-D numeric array or an array of
 *   rows (vectors). The value is raw and may be slightly negative near independence;
 *   algorithm 1 gives NPEET's `mi` and, after its clipping at 0, sklearn's
 *   `mutual_info_regression`. The k options (k, normalize, noise, seed) are ignored by
 *   `'discrete'`. Cost O(N log N) for low-dimensional data.
 * - `'auto'`: see {@link selectEstimator}; one side labels and one continuous throws
 *   until the mixed estimator exists.
 *
 * Units: nats unless `base` is given.
 * @throws TypeError if x or y is not an array, holds a value of the wrong type, or an option is unknown
 * @throws RangeError if x or y is empty, lengths differ, a KSG value is NaN or ±Infinity,
 *   rows are ragged, k is not an integer in [1, N − 1], or an option value is invalid
 * @example
 * mutualInformation(['a', 'a', 'b', 'b'], [0, 0, 1, 1], { base: 2 }); // => 1
 * mutualInformation([1, 2, 3, 4, 5, 6], [1, 4, 9, 16, 25, 36], { estimator: 'ksg', k: 2 }); // => 0.7833333333333339
 */
export function mutualInformation(x: Labels | Sample, y: Labels | Sample, options?: MutualInformationOptions): number {
  const fn = 'mutualInformation';
  const o = checkOptions(fn, options, OPTIONS);
  let est = oneOf(fn, 'estimator', o.estimator, ['auto', 'discrete', 'ksg', 'ksg2'], 'auto');
  const div = logBase(fn, o.base);
  if (est === 'auto') {
    const choice = selectEstimator(x, y);
    if (choice.estimator === 'mixed') {
      // report bad input before the missing estimator
      checkLabelPair(fn, x, y, ['x', 'y']);
      if (choice.x === 'labels') classCounts(kernelsFor(fn, o.backend), fn, x as Labels, 'x');
      else classCounts(kernelsFor(fn, o.backend), fn, y as Labels, 'y');
      throw new RangeError(
        `${fn}: ${choice.reason}; the mixed estimator for one side of labels and one continuous is not available yet: pass estimator 'ksg' to treat the labels as numbers, or 'discrete' after binning the continuous side`,
      );
    }
    est = choice.estimator;
  }
  const k = kernelsFor(fn, o.backend);
  if (est === 'discrete') {
    checkLabelPair(fn, x, y, ['x', 'y']);
    return pluginMutualInfoNats(k, contingency(k, fn, x as Labels, y as Labels, ['x', 'y'])) / div;
  }
  return ksgMutualInformation(fn, k, x, y, o, est === 'ksg' ? 1 : 2) / div;
}
