import type { BackendOption } from '../backend/select.js';
import type { DiscreteEntropyEstimator } from '../core/estimatorOptions.js';
import type { Labels } from '../core/labels.js';
import { groupEntropy, labelGroup, variableList } from './discreteConditional.js';
import { unwrapArrowList } from '../tables/arrow.js';

/** Options of {@link jointEntropy} and the other discrete multivariate measures. */
export interface DiscreteMeasureOptions {
  /** The entropy estimator behind each term (see {@link entropy}). Default `'plugin'`. */
  correction?: DiscreteEntropyEstimator;
  /** Logarithm base of the result: e (nats, the default), 2 (bits), or any b > 0, b ≠ 1. */
  base?: number;
  /** Which kernels run the counting. Default `'auto'`. */
  backend?: BackendOption;
}

/**
 * Joint entropy H(X1, …, Xn) of label sequences of equal length: the entropy of the
 * tuples (x1[i], …, xn[i]). With a `correction` that takes an alphabet size, the
 * joint alphabet is the product of the numbers of observed values.
 *
 * Units: nats unless `base` is given. Cost: O(n·N) plus the cells of the joint histogram.
 * Reference: Cover & Thomas, Elements of Information Theory, §2.2.
 * @throws TypeError if variables is not an array of label sequences, or an option is unknown
 * @throws RangeError if it is empty, a sequence is empty, lengths differ, or an option value is invalid
 * @example
 * jointEntropy([[0, 0, 1, 1], ['a', 'b', 'a', 'b']], { base: 2 }); // => 2
 */
export function jointEntropy(variables: readonly Labels[], options?: DiscreteMeasureOptions): number {
  const fn = 'jointEntropy';
  variables = unwrapArrowList(fn, 'variables', variables);
  const vs = variableList(fn, variables, 1);
  const g = labelGroup(fn, options, vs, vs.map((_, i) => `variables[${i}]`));
  return groupEntropy(g, vs.map((_, i) => i)) / g.div;
}
