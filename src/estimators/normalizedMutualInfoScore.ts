import { kernelsFor, type BackendOption } from '../backend/select.js';
import { averageMethodOption, generalizedAverage, type AverageMethod } from '../core/average.js';
import { contingency } from '../core/contingency.js';
import type { Labels } from '../core/labels.js';
import { checkOptions } from '../core/validate.js';
import { checkLabelPair, pluginEntropyNats, pluginMutualInfoNats } from './discrete.js';
import { unwrapArrow } from '../tables/arrow.js';

/** Options of {@link normalizedMutualInfoScore}. */
export interface NormalizedMutualInfoScoreOptions {
  /** How the two entropies are averaged in the denominator. Default `'arithmetic'`. */
  averageMethod?: AverageMethod;
  /** Which kernels run the counting. Default `'auto'`. */
  backend?: BackendOption;
}

/**
 * Normalized mutual information NMI = I(a; b) / mean(H(a), H(b)), a score in [0, 1].
 * Same numbers as `sklearn.metrics.normalized_mutual_info_score` (1.2.1), special
 * cases included: 1 when both labelings have a single class, 0 when I = 0.
 *
 * Units: none (a ratio). Cost: O(N + R·C).
 * Reference: Strehl & Ghosh, JMLR 3, 2002; scikit-learn 1.2.1.
 * @throws TypeError if a or b is not an array of labels, or an option is unknown
 * @throws RangeError if a or b is empty, their lengths differ, or averageMethod is unknown
 * @example
 * normalizedMutualInfoScore([0, 0, 1, 1], [1, 1, 0, 0]); // => 1
 * normalizedMutualInfoScore([0, 0, 1, 1], [0, 1, 0, 1]); // => 0
 */
export function normalizedMutualInfoScore(
  a: Labels,
  b: Labels,
  options?: NormalizedMutualInfoScoreOptions,
): number {
  const fn = 'normalizedMutualInfoScore';
  a = unwrapArrow(fn, 'a', a, 'labels');
  b = unwrapArrow(fn, 'b', b, 'labels');
  const o = checkOptions(fn, options, ['averageMethod', 'backend']);
  const method = averageMethodOption(fn, o.averageMethod);
  checkLabelPair(fn, a, b);
  const k = kernelsFor(fn, o.backend);
  const t = contingency(k, fn, a, b);
  if (t.rows.length === 1 && t.cols.length === 1) return 1;
  const mi = pluginMutualInfoNats(k, t);
  if (mi === 0) return 0;
  return mi / generalizedAverage(pluginEntropyNats(k, t.rows), pluginEntropyNats(k, t.cols), method);
}
