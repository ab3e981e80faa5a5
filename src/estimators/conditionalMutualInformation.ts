import { kernelsFor, type BackendOption } from '../backend/select.js';
import type { MutualInformationOptions } from './mutualInformation.js';
import { onlyOptions, type DiscreteEntropyEstimator } from '../core/estimatorOptions.js';
import type { Labels } from '../core/labels.js';
import type { Sample } from '../core/points.js';
import { checkOptions, logBase, oneOf } from '../core/validate.js';
import { discreteConditionalMutualInformation } from './discreteConditional.js';
import { frenzelPompe } from './frenzelPompe.js';
import { knnSplit } from './knnParallel.js';
import { readSide } from './selectEstimator.js';
import { unwrapArrow } from '../tables/arrow.js';
import { kdeConditionalMutualInformation } from './kde.js';
import { gcmiConditionalMutualInformation } from './gcmiConditional.js';

/** Estimators that {@link conditionalMutualInformation} knows. */
export type ConditionalMutualInformationEstimator = 'auto' | 'discrete' | 'ksg' | 'kde' | 'gcmi';

/** Options of {@link conditionalMutualInformation}. */
export interface ConditionalMutualInformationOptions {
  /**
   * `'discrete'`: from the joint counts of labels. `'ksg'`: the Frenzel–Pompe k-NN
   * estimator for continuous x, y, z. `'auto'` (default): `'discrete'` when all three read
   * as labels, `'ksg'` when all three read as continuous (the rule of {@link selectEstimator}).
   */
  estimator?: ConditionalMutualInformationEstimator;
  /** 'discrete': the entropy estimator behind each term (see {@link entropy}). Default `'plugin'`. */
  correction?: DiscreteEntropyEstimator;
  /** 'ksg': the number of neighbours in the joint (x, y, z) space, an integer in [1, N − 1]. Default 3. The cost grows
   * with k, up to O(N²·k) for k near N (see {@link MutualInformationOptions.k}). */
  k?: number;
  /** 'ksg': divide each dimension by its population standard deviation first (a constant column, std 0, is left unscaled). Default true. */
  normalize?: boolean;
  /** 'ksg': relative tie-breaking noise, noise·max(1, mean|x|)·N(0, 1) per value after scaling, noise in [0, 1]; 0 turns it off. Default 1e-10. */
  noise?: number;
  /** 'ksg': seed of the noise, an integer in [0, 2^32 − 1]. Default 0. */
  seed?: number;
  /** 'kde': `'scott'` (default), `'silverman'` or a factor > 0, as `scipy.stats.gaussian_kde`. */
  bandwidth?: 'scott' | 'silverman' | number;
  /** 'kde': drop each sample's own kernel from its densities. Default false. */
  leaveOneOut?: boolean;
  /** 'gcmi': `'z'` when z holds labels (gcmi's `gccmi_ccd`); default `'auto'`, by how z reads. */
  discrete?: 'z' | 'none' | 'auto';
  /** 'gcmi': gcmi's bias correction of each Gaussian entropy. Default true. */
  biasCorrect?: boolean;
  /**
   * 'ksg': worker threads for the k-NN queries, an integer in [1, 1024] or `'auto'` (one per
   * core); at most one thread per core runs. Same bits as 1. Default 1 (Node ≥ 20.16; elsewhere 1).
   * 'kde': threads that share the row blocks of each density's kernel sums; same bits as 1.
   */
  workers?: number | 'auto';
  /** Logarithm base of the result: e (nats, the default), 2 (bits), 10 (hartleys), or any b > 0, b ≠ 1. */
  base?: number;
  /** Which kernels run the computation. Default `'auto'`. */
  backend?: BackendOption;
}

const KSG = ['k', 'normalize', 'noise', 'seed', 'workers', 'base', 'backend'];

/**
 * Conditional mutual information I(X;Y|Z): what X tells about Y once Z is known.
 * - `'discrete'`: H(X,Z) + H(Y,Z) − H(X,Y,Z) − H(Z) from the joint counts of three label
 *   sequences, each entropy by the chosen `correction`. The plug-in value equals
 *   Σ_z p(z)·I(X;Y | Z = z) and is ≥ 0; corrected values may be negative.
 * - `'kde'`: the resubstitution estimate mean ln f̂_XYZ f̂_Z / (f̂_XZ f̂_YZ), four
 *   `scipy.stats.gaussian_kde` densities; O(N²·d).
 * - `'gcmi'`: gcmi's `gccmi_ccc` (continuous z) or `gccmi_ccd` (labels z, `discrete: 'z'`),
 *   Ince et al. 2017, bias-corrected; O(N log N).
 * - `'ksg'`: the Frenzel–Pompe estimator for continuous samples (each a 1-D numeric
 *   array or an array of rows): KSG algorithm 1 in the joint (x, y, z) space,
 *   I = ψ(k) − ⟨ψ(n_xz + 1) + ψ(n_yz + 1) − ψ(n_z + 1)⟩, raw (it may be slightly negative).
 *   Same numbers as NPEET's `cmi` with `normalize: false`.
 *
 * Units: nats unless `base` is given. Cost: O(N) plus the joint table's cells for labels;
 * O(N log N) for 'ksg' on low-dimensional data.
 * Reference: Cover & Thomas, eq. 2.60; Frenzel & Pompe, PRL 99, 204101 (2007).
 * @throws TypeError if x, y or z is not an array of the kind the estimator takes, or an option
 *   is unknown or does not apply to the estimator
 * @throws RangeError if they are empty, their lengths differ, a continuous value is NaN or
 *   ±Infinity, rows are ragged, k is not in [1, N − 1], or an option value is invalid
 * @throws RangeError if (k-NN estimators) `workers` is not an integer in [1, 1024] or 'auto'
 * @example
 * // z = x XOR y: x and y are independent, yet given z each determines the other
 * conditionalMutualInformation([0, 0, 1, 1], [0, 1, 0, 1], [0, 1, 1, 0], { base: 2 }); // => 1
 * // y = x + small noise, z unrelated: nearly all of I(X; Y) survives conditioning on z
 * conditionalMutualInformation([1, 2, 3, 4, 5, 6], [1.1, 2.3, 2.9, 4.2, 4.8, 6.1], [3, 1, 4, 1.5, 9, 2.6], { estimator: 'ksg', k: 2 });
 * // => 0.43055555555555575
 */
export function conditionalMutualInformation(
  x: Labels | Sample,
  y: Labels | Sample,
  z: Labels | Sample,
  options?: ConditionalMutualInformationOptions,
): number {
  return conditionalMutualInformationAs('conditionalMutualInformation', x, y, z, options);
}

/** conditionalMutualInformation with errors named after `fn` (the significance tests call it so). */
export function conditionalMutualInformationAs(fn: string, x: unknown, y: unknown, z: unknown, options?: unknown): number {
  x = unwrapArrow(fn, 'x', x, 'auto');
  y = unwrapArrow(fn, 'y', y, 'auto');
  z = unwrapArrow(fn, 'z', z, 'auto');
  const o = checkOptions(fn, options, ['estimator', 'correction', ...KSG, 'bandwidth', 'leaveOneOut', 'discrete', 'biasCorrect']);
  let est = oneOf(fn, 'estimator', o.estimator, ['auto', 'discrete', 'ksg', 'kde', 'gcmi'], 'auto');
  if (est === 'auto') {
    // All three labels: 'discrete'; otherwise 'ksg', whose checks name any value that is not a finite number.
    est = [x, y, z].every((s) => readSide(s)[0] === 'labels') ? 'discrete' : 'ksg';
  }
  if (est === 'discrete') return discreteConditionalMutualInformation(fn, x as Labels, y as Labels, z as Labels, o);
  if (est === 'kde') {
    onlyOptions(fn, o, 'kde', ['bandwidth', 'leaveOneOut', 'workers', 'base', 'backend']);
    return kdeConditionalMutualInformation(fn, kernelsFor(fn, o.backend), x, y, z, o) / logBase(fn, o.base);
  }
  if (est === 'gcmi') {
    onlyOptions(fn, o, 'gcmi', ['discrete', 'biasCorrect', 'base', 'backend']);
    return gcmiConditionalMutualInformation(fn, kernelsFor(fn, o.backend), x, y, z, o) / logBase(fn, o.base);
  }
  onlyOptions(fn, o, 'ksg', KSG);
  const K = kernelsFor(fn, o.backend);
  return frenzelPompe(fn, K, x, y, z, o, knnSplit(fn, K, o.workers)) / logBase(fn, o.base);
}
