import type { Labels } from '../core/labels.js';
import { clipPlugin, groupEntropy, labelGroup, variableList } from './discreteConditional.js';
import type { DiscreteMeasureOptions } from './jointEntropy.js';
import { unwrapArrowList } from '../tables/arrow.js';

/**
 * Total correlation (multi-information) C(X1, …, Xn) = Σ H(Xi) − H(X1, …, Xn): how far
 * the joint distribution of n label sequences is from independence. For two variables
 * it is their mutual information.
 *
 * Units: nats unless `base` is given. Cost: O(n·N) plus the cells of the joint histogram.
 * Reference: Watanabe, IBM J. Res. Dev. 4, 1960.
 * @throws TypeError if variables is not an array of label sequences, or an option is unknown
 * @throws RangeError if it holds fewer than 2 sequences, one is empty, lengths differ, or an option value is invalid
 * @example
 * totalCorrelation([[0, 0, 1, 1], [0, 1, 0, 1], [0, 1, 1, 0]], { base: 2 }); // => 0.9999999999999999 (1 bit: x, y, x XOR y)
 */
export function totalCorrelation(variables: readonly Labels[], options?: DiscreteMeasureOptions): number {
  const fn = 'totalCorrelation';
  variables = unwrapArrowList(fn, 'variables', variables);
  const vs = variableList(fn, variables, 2);
  const g = labelGroup(fn, options, vs, vs.map((_, i) => `variables[${i}]`));
  let sum = 0;
  for (let i = 0; i < vs.length; i++) sum += groupEntropy(g, [i]);
  return clipPlugin(sum - groupEntropy(g, vs.map((_, i) => i)), g) / g.div;
}
