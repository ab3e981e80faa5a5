import { kernelsFor, type BackendOption } from '../backend/select.js';
import { averageMethodOption, generalizedAverage, type AverageMethod } from '../core/average.js';
import { contingency } from '../core/contingency.js';
import { expectedMutualInfo } from '../core/expectedMutualInfo.js';
import type { Labels } from '../core/labels.js';
import { checkOptions } from '../core/validate.js';
import { checkLabelPair, pluginEntropyNats, pluginMutualInfoNats } from './discrete.js';

/** Options of {@link adjustedMutualInfoScore}. */
export interface AdjustedMutualInfoScoreOptions {
  /** How the two entropies are averaged in the denominator. Default `'arithmetic'`. */
  averageMethod?: AverageMethod;
  /** Which kernels run the counting. Default `'auto'`. */
  backend?: BackendOption;
}

/**
 * Adjusted mutual information AMI = (I − E[I]) / (mean(H(a), H(b)) − E[I]), which is
 * about 0 for independent labelings and 1 for identical ones. E[I] is the exact
 * expected MI under the hypergeometric model, computed with log-gamma. Same numbers
 * as `sklearn.metrics.adjusted_mutual_info_score` (1.2.1): 1 when both labelings
 * have a single class, and a denominator within 2.2e-16 of 0 keeps its sign.
 *
 * The degenerate case, all labels distinct (N classes on each side): then I = E[I] =
 * H(a) = H(b) = ln N, and AMI is 0/0 in exact arithmetic; the rounding of I − E[I] and of
 * the denominator (floored at 2.2e-16) decides the value, which carries no information.
 * sklearn 1.2.1 gives 0 for `[0, 1, 2, 3]` against itself and 1 for `[0 … 7]`; mutinfo
 * sums E[I] over distinct cluster sizes (fast, but rounded differently), so there its
 * value can differ from sklearn's (e.g. 1 and 1, or 0.83 at N = 5). Use
 * {@link normalizedMutualInfoScore} (1 for identical labelings) when every label is distinct.
 *
 * Units: none (a ratio, may be negative). Cost: O(N + Σ_ij min(a_i, b_j)).
 * Reference: Vinh, Epps & Bailey, JMLR 11, 2010, eq. 24a; scikit-learn 1.2.1.
 * @throws TypeError if a or b is not an array of labels, or an option is unknown
 * @throws RangeError if a or b is empty, their lengths differ, or averageMethod is unknown
 * @example
 * adjustedMutualInfoScore([0, 0, 1, 1], [1, 1, 0, 0]); // => 1
 * adjustedMutualInfoScore([0, 0, 1, 1], [0, 1, 0, 1]); // => -0.5
 */
export function adjustedMutualInfoScore(
  a: Labels,
  b: Labels,
  options?: AdjustedMutualInfoScoreOptions,
): number {
  const fn = 'adjustedMutualInfoScore';
  const o = checkOptions(fn, options, ['averageMethod', 'backend']);
  const method = averageMethodOption(fn, o.averageMethod);
  checkLabelPair(fn, a, b);
  const k = kernelsFor(fn, o.backend);
  const t = contingency(k, fn, a, b);
  if (t.rows.length === 1 && t.cols.length === 1) return 1;
  const mi = pluginMutualInfoNats(k, t);
  const emi = expectedMutualInfo(t.rows, t.cols, t.n);
  const normalizer = generalizedAverage(pluginEntropyNats(k, t.rows), pluginEntropyNats(k, t.cols), method);
  let denominator = normalizer - emi;
  // sklearn: the normalizer can fall a hair below E[I] in floating point; keep the sign.
  if (denominator < 0) denominator = Math.min(denominator, -Number.EPSILON);
  else denominator = Math.max(denominator, Number.EPSILON);
  return (mi - emi) / denominator;
}
