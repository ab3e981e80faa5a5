import type { BackendOption } from '../backend/select.js';
import type { DiscreteEntropyEstimator } from '../core/estimatorOptions.js';
import type { Labels } from '../core/labels.js';
import { checkOptions, oneOf } from '../core/validate.js';
import { discreteConditionalMutualInformation } from './discreteConditional.js';

/** Estimators that {@link conditionalMutualInformation} knows. */
export type ConditionalMutualInformationEstimator = 'auto' | 'discrete';

/** Options of {@link conditionalMutualInformation}. */
export interface ConditionalMutualInformationOptions {
  /** `'discrete'`: from the joint counts of labels. `'auto'` (default) picks it for labels. */
  estimator?: ConditionalMutualInformationEstimator;
  /** The entropy estimator behind each term (see {@link entropy}). Default `'plugin'`. */
  correction?: DiscreteEntropyEstimator;
  /** Logarithm base of the result: e (nats, the default), 2 (bits), or any b > 0, b ≠ 1. */
  base?: number;
  /** Which kernels run the counting. Default `'auto'`. */
  backend?: BackendOption;
}

/**
 * Conditional mutual information I(X;Y|Z): what X tells about Y once Z is known.
 * With `estimator: 'discrete'` it is H(X,Z) + H(Y,Z) − H(X,Y,Z) − H(Z) from the joint
 * counts of three label sequences, each entropy by the chosen `correction`. The
 * plug-in value equals Σ_z p(z)·I(X;Y | Z = z) and is ≥ 0; corrected values may be negative.
 *
 * Units: nats unless `base` is given. Cost: O(N) plus the cells of the joint table.
 * Reference: Cover & Thomas, Elements of Information Theory, eq. 2.60.
 * @throws TypeError if x, y or z is not an array of labels, or an option is unknown
 * @throws RangeError if they are empty, their lengths differ, or an option value is invalid
 * @example
 * // z = x XOR y: x and y are independent, yet given z each determines the other
 * conditionalMutualInformation([0, 0, 1, 1], [0, 1, 0, 1], [0, 1, 1, 0], { base: 2 }); // => 1
 */
export function conditionalMutualInformation(
  x: Labels,
  y: Labels,
  z: Labels,
  options?: ConditionalMutualInformationOptions,
): number {
  const fn = 'conditionalMutualInformation';
  const o = checkOptions(fn, options, ['estimator', 'correction', 'base', 'backend']);
  switch (oneOf(fn, 'estimator', o.estimator, ['auto', 'discrete'], 'auto')) {
    case 'auto':
    case 'discrete':
      return discreteConditionalMutualInformation(fn, x, y, z, o);
  }
}
