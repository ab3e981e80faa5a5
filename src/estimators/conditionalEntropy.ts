import type { Labels } from '../core/labels.js';
import { clipPlugin, groupEntropy, labelGroup } from './discreteConditional.js';
import type { DiscreteMeasureOptions } from './jointEntropy.js';
import { unwrapArrow } from '../tables/arrow.js';

/**
 * Conditional entropy H(X|Y) = H(X,Y) − H(Y): the uncertainty left in x once y is
 * known, from two label sequences. 0 when y determines x; H(X) when they are independent.
 *
 * Units: nats unless `base` is given. Cost: O(N + R·C).
 * Reference: Cover & Thomas, Elements of Information Theory, §2.2.
 * @throws TypeError if x or y is not an array of labels, or an option is unknown
 * @throws RangeError if x or y is empty, their lengths differ, or an option value is invalid
 * @example
 * conditionalEntropy([0, 1, 2, 3], [0, 0, 1, 1], { base: 2 }); // => 1
 */
export function conditionalEntropy(x: Labels, y: Labels, options?: DiscreteMeasureOptions): number {
  const fn = 'conditionalEntropy';
  x = unwrapArrow(fn, 'x', x, 'labels');
  y = unwrapArrow(fn, 'y', y, 'labels');
  const g = labelGroup(fn, options, [x, y], ['x', 'y']);
  return clipPlugin(groupEntropy(g, [0, 1]) - groupEntropy(g, [1]), g) / g.div;
}
