import { kernelsFor, type BackendOption } from '../backend/select.js';
import { classCounts } from '../core/contingency.js';
import type { Labels } from '../core/labels.js';
import { checkOptions, checkSequence, logBase, oneOf } from '../core/validate.js';
import { pluginEntropyNats } from './discrete.js';
import { kozachenkoLeonenko } from './kozachenkoLeonenko.js';
import type { Sample } from '../core/points.js';

/** Entropy estimators that {@link entropy} knows. */
export type EntropyEstimator = 'auto' | 'plugin' | 'kl';

/** Options of {@link entropy}. */
export interface EntropyOptions {
  /**
   * `'plugin'`: maximum-likelihood entropy of labels. `'kl'`: Kozachenko–Leonenko k-NN
   * differential entropy of a continuous sample. `'auto'` (default) is `'plugin'`.
   */
  estimator?: EntropyEstimator;
  /** `'kl'`: the number of neighbours, an integer in [1, N − 1]. Default 3. */
  k?: number;
  /** `'kl'`: search on each dimension divided by its std, then add Σ ln σ back (same units). Default false. */
  normalize?: boolean;
  /** `'kl'`: relative noise noise·max(1, mean|x|)·N(0, 1) added before the search. Default 0 (it moves ln ε). */
  noise?: number;
  /** `'kl'`: seed of the noise, an integer in [0, 2^32 − 1]. Default 0. */
  seed?: number;
  /** Logarithm base of the result: e (nats, the default), 2 (bits), 10 (hartleys), or any b > 0, b ≠ 1. */
  base?: number;
  /** Which kernels run the counting. Default `'auto'`. */
  backend?: BackendOption;
}

/**
 * Shannon entropy of a sample. With `estimator: 'plugin'` it is the plug-in
 * (maximum-likelihood) entropy of labels, H = −Σ p_i ln p_i with p_i = n_i/N, as
 * `sklearn.metrics.cluster.entropy` and `scipy.stats.entropy` of the counts.
 * With `estimator: 'kl'` it is the Kozachenko–Leonenko differential entropy of a
 * continuous sample (a 1-D numeric array or an array of rows) with the max norm,
 * H = ψ(N) − ψ(k) + d ln 2 + (d/N) Σ ln ε_i, NPEET's `entropy`; it may be negative.
 *
 * Units: nats unless `base` is given. Cost: O(N + K) for K classes; O(N log N) for 'kl'
 * on low-dimensional data.
 * Reference: Shannon 1948; Cover & Thomas, ch. 2; Kozachenko & Leonenko 1987;
 * Kraskov, Stögbauer & Grassberger 2004, eq. 20.
 * @throws TypeError if x is not an array of labels, holds null, undefined or NaN, or an option is unknown
 * @throws RangeError if x is empty, or the estimator or base is invalid; for 'kl', if a
 *   value is NaN or ±Infinity, rows are ragged, k is not in [1, N − 1], or k + 1 points coincide
 * @example
 * entropy(['a', 'b', 'a', 'b']); // => 0.6931471805599453 (ln 2)
 * entropy([0, 1, 2, 3], { base: 2 }); // => 2
 * entropy([0.1, 0.4, 0.35, 0.8, 0.55], { estimator: 'kl', k: 1 }); // => 0.6442458630465495
 */
export function entropy(x: Labels | Sample, options?: EntropyOptions): number {
  const fn = 'entropy';
  const o = checkOptions(fn, options, ['estimator', 'k', 'normalize', 'noise', 'seed', 'base', 'backend']);
  const est = oneOf(fn, 'estimator', o.estimator, ['auto', 'plugin', 'kl'], 'auto');
  const div = logBase(fn, o.base);
  if (est === 'kl') return kozachenkoLeonenko(fn, kernelsFor(fn, o.backend), x, o) / div;
  checkSequence(fn, 'x', x);
  const k = kernelsFor(fn, o.backend);
  return pluginEntropyNats(k, classCounts(k, fn, x as Labels)) / div;
}
