import { kernelsFor, type BackendOption } from '../backend/select.js';
import { readCounts } from '../core/counts.js';
import {
  DISCRETE_ESTIMATORS,
  alphabetOption,
  onlyOptions,
  usesAlphabet,
  type DiscreteEntropyEstimator,
} from '../core/estimatorOptions.js';
import { checkOptions, logBase, oneOf } from '../core/validate.js';
import { correctedEntropyNats } from './biasCorrected.js';

/** Options of {@link entropyFromCounts}. */
export interface EntropyFromCountsOptions {
  /** The discrete entropy estimator (see {@link entropy}). Default `'plugin'`. */
  estimator?: DiscreteEntropyEstimator;
  /** Alphabet size for 'shrink', 'jeffreys', 'laplace', 'sg' and 'minimax'. Default: the number of non-zero counts. */
  K?: number;
  /** Logarithm base of the result: e (nats, the default), 2 (bits), or any b > 0, b ≠ 1. */
  base?: number;
  /** Which kernels run the sums. Default `'auto'`. */
  backend?: BackendOption;
}

/**
 * Entropy from class counts made elsewhere (e.g. a SQL `GROUP BY`), with the same
 * estimators as {@link entropy}: the result equals `entropy(labels, options)` for labels
 * with those counts. Zero counts are values never observed: they do not change K
 * unless K is given (pass `K: counts.length` for R entropy's convention).
 *
 * Units: nats unless `base` is given. Cost: O(number of counts).
 * Reference: Hausser & Strimmer, JMLR 10, 2009; R package entropy 1.3.
 * @throws TypeError if counts is not an array of numbers, or an option is unknown
 * @throws RangeError if a count is negative or not an integer, all are 0, the total passes 2^53 − 1, K is below
 *   the number of non-zero counts or given to an estimator that does not use it, or an option value is invalid
 * @example
 * entropyFromCounts([5, 5], { base: 2 }); // => 1.0000000000000004 (1 bit)
 * entropyFromCounts([1, 2, 3], { estimator: 'miller-madow' }); // => 1.1780709313740185 (1.0114042647073518 + 2/12)
 */
export function entropyFromCounts(counts: ArrayLike<number>, options?: EntropyFromCountsOptions): number {
  const fn = 'entropyFromCounts';
  const o = checkOptions(fn, options, ['estimator', 'K', 'base', 'backend']);
  const est = oneOf(fn, 'estimator', o.estimator, DISCRETE_ESTIMATORS, 'plugin');
  onlyOptions(fn, o, est, usesAlphabet(est) ? ['K', 'base', 'backend'] : ['base', 'backend']);
  const div = logBase(fn, o.base);
  const c = readCounts(fn, 'counts', counts);
  const k = kernelsFor(fn, o.backend);
  let m = 0;
  for (const v of c) if (v > 0) m++;
  return correctedEntropyNats(k, c, est, alphabetOption(fn, o.K, m)) / div;
}
