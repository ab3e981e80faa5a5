import { kernelsFor, type BackendOption } from '../backend/select.js';
import type { Sample } from '../core/points.js';
import { checkOptions, logBase, oneOf } from '../core/validate.js';
import { frenzelPompe } from './frenzelPompe.js';

/** Estimators that {@link conditionalMutualInformation} knows. */
export type ConditionalMutualInformationEstimator = 'auto' | 'ksg';

/** Options of {@link conditionalMutualInformation}. */
export interface ConditionalMutualInformationOptions {
  /** `'ksg'`: the Frenzel–Pompe k-NN estimator for continuous x, y, z. `'auto'` (default) is `'ksg'`. */
  estimator?: ConditionalMutualInformationEstimator;
  /** The number of neighbours in the joint (x, y, z) space, an integer in [1, N − 1]. Default 3. */
  k?: number;
  /** Divide each dimension by its population standard deviation first (a constant column, std 0, is left unscaled). Default true. */
  normalize?: boolean;
  /** Relative tie-breaking noise, noise·max(1, mean|x|)·N(0, 1) per value after scaling; 0 turns it off. Default 1e-10. */
  noise?: number;
  /** Seed of the noise, an integer in [0, 2^32 − 1]. Default 0. */
  seed?: number;
  /** Logarithm base of the result: e (nats, the default), 2 (bits), 10 (hartleys), or any b > 0, b ≠ 1. */
  base?: number;
  /** Which kernels run the computation. Default `'auto'`. */
  backend?: BackendOption;
}

const OPTIONS = ['estimator', 'k', 'normalize', 'noise', 'seed', 'base', 'backend'];

/**
 * Conditional mutual information I(X; Y | Z) of continuous samples (each a 1-D numeric
 * array or an array of rows), with the Frenzel–Pompe estimator: KSG algorithm 1 in the
 * joint (x, y, z) space, I = ψ(k) − ⟨ψ(n_xz + 1) + ψ(n_yz + 1) − ψ(n_z + 1)⟩. The value is
 * raw (it may be slightly negative when X and Y are independent given Z). Same numbers as
 * NPEET's `cmi` with `normalize: false`.
 *
 * Units: nats unless `base` is given. Cost: O(N log N) for low-dimensional data.
 * Reference: Frenzel & Pompe, PRL 99, 204101 (2007); Kraskov et al., PRE 69, 066138 (2004).
 * @throws TypeError if x, y or z is not an array of numbers or rows, or an option is unknown
 * @throws RangeError if a sample is empty, lengths differ, a value is NaN or ±Infinity,
 *   rows are ragged, k is not an integer in [1, N − 1], or an option value is invalid
 * @example
 * // y = x + small noise, z unrelated: nearly all of I(X; Y) survives conditioning on z
 * conditionalMutualInformation([1, 2, 3, 4, 5, 6], [1.1, 2.3, 2.9, 4.2, 4.8, 6.1], [3, 1, 4, 1.5, 9, 2.6], { k: 2 }); // => 0.43055555555555575
 */
export function conditionalMutualInformation(
  x: Sample,
  y: Sample,
  z: Sample,
  options?: ConditionalMutualInformationOptions,
): number {
  const fn = 'conditionalMutualInformation';
  const o = checkOptions(fn, options, OPTIONS);
  oneOf(fn, 'estimator', o.estimator, ['auto', 'ksg'], 'auto');
  const div = logBase(fn, o.base);
  return frenzelPompe(fn, kernelsFor(fn, o.backend), x, y, z, o) / div;
}
