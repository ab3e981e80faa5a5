import { kernelsFor, type BackendOption } from '../backend/select.js';
import { averageMethodOption, generalizedAverage, type AverageMethod } from '../core/average.js';
import { contingency } from '../core/contingency.js';
import { expectedMutualInfo, SKLEARN_ORDER_MAX_PAIRS } from '../core/expectedMutualInfo.js';
import { npSum } from '../core/numpyStats.js';
import type { Contingency } from '../core/contingency.js';
import type { Labels } from '../core/labels.js';
import { checkOptions } from '../core/validate.js';
import { checkLabelPair, pluginEntropyNats, pluginMutualInfoNats } from './discrete.js';
import { unwrapArrow } from '../tables/arrow.js';

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
 * The degenerate case, all labels distinct on one side (N classes): every relabelling then
 * gives I = H(other side), so I = E[I], and with averageMethod 'min' (or all labels distinct
 * on both sides, I = E[I] = H(a) = H(b) = ln N) the denominator is 0 as well: AMI is 0/0 in
 * exact arithmetic, and the rounding of I − E[I] and of the denominator (floored at 2.2e-16)
 * decides the value, which carries no information and need not be symmetric in a and b
 * (sklearn's is not: its sum runs over a's classes, then b's).
 * sklearn 1.2.1 gives 0 for `[0, 1, 2, 3]` against itself and 1 for `[0 … 7]`. Up to 4096
 * cluster pairs (R·C) mutinfo sums I, the entropies and E[I] term by term in sklearn's order,
 * so it rounds as sklearn does and gives the same 0 and 1; beyond, E[I] is summed over
 * distinct cluster sizes (fast, rounded differently), and the degenerate value may differ
 * from sklearn's. Use {@link normalizedMutualInfoScore} (1 for identical labelings) when
 * every label is distinct.
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
  a = unwrapArrow(fn, 'a', a, 'labels');
  b = unwrapArrow(fn, 'b', b, 'labels');
  const o = checkOptions(fn, options, ['averageMethod', 'backend']);
  const method = averageMethodOption(fn, o.averageMethod);
  checkLabelPair(fn, a, b);
  const k = kernelsFor(fn, o.backend);
  const t = contingency(k, fn, a, b);
  if (t.rows.length === 1 && t.cols.length === 1) return 1;
  const small = t.rows.length * t.cols.length <= SKLEARN_ORDER_MAX_PAIRS;
  // Where E[I] is summed in sklearn's order, I and the entropies are too (numpy's pairwise
  // sums), so that the degenerate 0/0 case rounds as sklearn's does.
  const mi = small ? sklearnMutualInfo(t) : pluginMutualInfoNats(k, t);
  const emi = expectedMutualInfo(t.rows, t.cols, t.n);
  const normalizer = small
    ? generalizedAverage(sklearnEntropy(t.rows, t.n), sklearnEntropy(t.cols, t.n), method)
    : generalizedAverage(pluginEntropyNats(k, t.rows), pluginEntropyNats(k, t.cols), method);
  let denominator = normalizer - emi;
  // sklearn: the normalizer can fall a hair below E[I] in floating point; keep the sign.
  if (denominator < 0) denominator = Math.min(denominator, -Number.EPSILON);
  else denominator = Math.max(denominator, Number.EPSILON);
  return (mi - emi) / denominator;
}

/** sklearn.metrics.cluster.entropy (1.2.1): −Σ (c/N)·(ln c − ln N), summed as numpy sums. */
function sklearnEntropy(counts: Float64Array, n: number): number {
  if (counts.length <= 1) return 0;
  const logN = Math.log(n);
  return -npSum(Array.from(counts, (c) => (c / n) * (Math.log(c) - logN)));
}

/** sklearn.metrics.mutual_info_score (1.2.1) from the non-empty cells: terms below ε zeroed, numpy's sum, clipped at 0. */
function sklearnMutualInfo(t: Contingency): number {
  if (t.rows.length === 1 || t.cols.length === 1) return 0;
  const logN = Math.log(t.n);
  const terms = Array.from(t.nij, (v, c) => {
    const p = v / t.n;
    const term = p * (Math.log(v) - logN) + p * (-Math.log(t.rows[t.rowIdx[c]] * t.cols[t.colIdx[c]]) + logN + logN);
    return Math.abs(term) < Number.EPSILON ? 0 : term;
  });
  const mi = npSum(terms);
  return mi > 0 ? mi : 0;
}
