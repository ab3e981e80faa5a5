import { kernelsFor, type BackendOption } from '../backend/select.js';
import { pairMutualInfoNats } from '../core/contingency.js';
import type { Labels } from '../core/labels.js';
import { checkOptions, logBase } from '../core/validate.js';
import { checkLabelPair, pluginMutualInfoNats } from './discrete.js';
import { unwrapArrow } from '../tables/arrow.js';

/** Options of {@link mutualInfoScore}. */
export interface MutualInfoScoreOptions {
  /** Logarithm base of the result: e (nats, the default), 2 (bits), 10 (hartleys) or any b > 0, b ≠ 1. */
  base?: number;
  /** Which kernels run the counting. Default `'auto'`. */
  backend?: BackendOption;
}

/**
 * Mutual information between two labelings, from their contingency table: the
 * plug-in estimate I = Σ_ij (n_ij/N) ln(N n_ij / (a_i b_j)). Same numbers as
 * `sklearn.metrics.mutual_info_score`: terms below machine epsilon are zeroed, the
 * sum is clipped at 0, and a labeling with a single class gives 0.
 *
 * Units: nats unless `base` is given. Cost: O(N + R·C) time for R and C classes.
 * Reference: Cover & Thomas, Elements of Information Theory, ch. 2; scikit-learn 1.2.1.
 * @param a labels of any type (numbers, strings, booleans, bigints) or a typed array
 * @param b labels, the same length as a
 * @throws TypeError if a or b is not an array, holds null, undefined or NaN, or an option is unknown
 * @throws RangeError if a or b is empty, their lengths differ, or base is invalid
 * @example
 * mutualInfoScore([0, 0, 1, 1], ['x', 'x', 'y', 'y']); // => 0.6931471805599453 (ln 2)
 * mutualInfoScore([0, 0, 1, 1], [0, 0, 1, 1], { base: 2 }); // => 1
 */
export function mutualInfoScore(a: Labels, b: Labels, options?: MutualInfoScoreOptions): number {
  const fn = 'mutualInfoScore';
  a = unwrapArrow(fn, 'a', a, 'labels');
  b = unwrapArrow(fn, 'b', b, 'labels');
  const o = checkOptions(fn, options, ['base', 'backend']);
  const div = logBase(fn, o.base);
  checkLabelPair(fn, a, b);
  const k = kernelsFor(fn, o.backend);
  const t = pairMutualInfoNats(k, fn, a, b);
  return (typeof t === 'number' ? t : pluginMutualInfoNats(k, t)) / div;
}
