import type { Labels } from '../core/labels.js';
import { clipPlugin, groupEntropy, labelGroup } from './discreteConditional.js';
import type { DiscreteMeasureOptions } from './jointEntropy.js';
import { unwrapArrow } from '../tables/arrow.js';

/**
 * Variation of information VI(A, B) = H(A) + H(B) − 2·I(A;B) = 2H(A,B) − H(A) − H(B),
 * a metric between two clusterings: 0 when they are the same partition (up to
 * relabelling), at most ln N.
 *
 * Units: nats unless `base` is given. Cost: O(N + R·C).
 * Reference: Meilă, J. Multivariate Anal. 98, 2007.
 * @throws TypeError if a or b is not an array of labels, or an option is unknown
 * @throws RangeError if a or b is empty, their lengths differ, or an option value is invalid
 * @example
 * variationOfInformation([0, 0, 1, 1], ['b', 'b', 'a', 'a']); // => 0
 * variationOfInformation([0, 0, 1, 1], [0, 1, 0, 1], { base: 2 }); // => 1.9999999999999998 (2 bits)
 */
export function variationOfInformation(a: Labels, b: Labels, options?: DiscreteMeasureOptions): number {
  const fn = 'variationOfInformation';
  a = unwrapArrow(fn, 'a', a, 'labels');
  b = unwrapArrow(fn, 'b', b, 'labels');
  const g = labelGroup(fn, options, [a, b], ['a', 'b']);
  return clipPlugin(2 * groupEntropy(g, [0, 1]) - groupEntropy(g, [0]) - groupEntropy(g, [1]), g) / g.div;
}
