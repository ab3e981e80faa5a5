import type { Labels } from '../core/labels.js';
import { groupEntropy, labelGroup } from './discreteConditional.js';
import type { DiscreteMeasureOptions } from './jointEntropy.js';
import { unwrapArrow } from '../tables/arrow.js';

/**
 * Interaction information I(X;Y;Z) = I(X;Y) − I(X;Y|Z) of three label sequences, in
 * McGill's (1954) sign convention, symmetric in its arguments: positive when the
 * variables share redundant information, negative for synergy (z = x XOR y gives
 * −ln 2). Some authors (e.g. Jakulin & Bratko) use the opposite sign.
 *
 * Units: nats unless `base` is given (may be negative). Cost: O(N) plus the joint cells.
 * Reference: McGill, Psychometrika 19, 1954; Bell, ICA 2003 (co-information).
 * @throws TypeError if x, y or z is not an array of labels, or an option is unknown
 * @throws RangeError if they are empty, their lengths differ, or an option value is invalid
 * @example
 * interactionInformation([0, 0, 1, 1], [0, 1, 0, 1], [0, 1, 1, 0], { base: 2 }); // => -1.0000000000000004 (−1 bit)
 */
export function interactionInformation(x: Labels, y: Labels, z: Labels, options?: DiscreteMeasureOptions): number {
  const fn = 'interactionInformation';
  x = unwrapArrow(fn, 'x', x, 'labels');
  y = unwrapArrow(fn, 'y', y, 'labels');
  z = unwrapArrow(fn, 'z', z, 'labels');
  const g = labelGroup(fn, options, [x, y, z], ['x', 'y', 'z']);
  // I(X;Y) − I(X;Y|Z) expanded into entropies: the same sum whichever variable is conditioned on.
  const h = (...idx: number[]) => groupEntropy(g, idx);
  return (h(0) + h(1) + h(2) - h(0, 1) - h(0, 2) - h(1, 2) + h(0, 1, 2)) / g.div;
}
