import type { BackendOption } from '../backend/select.js';
import type { BinningMethod, Bins } from '../core/binning.js';
import { DISCRETE_ESTIMATORS, type DiscreteEntropyEstimator } from '../core/estimatorOptions.js';
import type { Labels } from '../core/labels.js';
import type { NumericSamples } from '../core/numericSamples.js';
import { checkOptions, oneOf } from '../core/validate.js';
import { binnedEntropy } from './binned.js';
import { discreteEntropy } from './discreteEntropy.js';

/** Entropy estimators that {@link entropy} knows. */
export type EntropyEstimator = 'auto' | DiscreteEntropyEstimator | 'binned';

const ESTIMATORS: readonly EntropyEstimator[] = ['auto', ...DISCRETE_ESTIMATORS, 'binned'];

/** Options of {@link entropy}. */
export interface EntropyOptions {
  /**
   * For labels: `'plugin'` (maximum likelihood), `'miller-madow'`, `'chao-shen'`,
   * `'shrink'` (James–Stein), or the Dirichlet family `'jeffreys'` (a = ½), `'laplace'`
   * (a = 1), `'sg'` (Schürmann–Grassberger, a = 1/K), `'minimax'` (a = √N/K).
   * For continuous data: `'binned'`. `'auto'` (default) picks `'plugin'` for labels.
   */
  estimator?: EntropyEstimator;
  /** Alphabet size for 'shrink' and the Dirichlet family. Default: the number of observed values. */
  K?: number;
  /** 'binned': a number of bins or numpy's rule ('sqrt', 'sturges', 'rice', 'scott', 'fd', 'doane', 'auto'). Default 10. */
  bins?: Bins;
  /** 'binned': `'equal-width'` (default) or `'equal-frequency'`. */
  binning?: BinningMethod;
  /** 'binned': the discrete estimator applied to the bin counts. Default `'plugin'`. */
  correction?: DiscreteEntropyEstimator;
  /** Logarithm base of the result: e (nats, the default), 2 (bits), 10 (hartleys), or any b > 0, b ≠ 1. */
  base?: number;
  /** Which kernels run the counting. Default `'auto'`. */
  backend?: BackendOption;
}

/**
 * Shannon entropy of a sample. For labels it is H = −Σ p_i ln p_i over the classes,
 * estimated by the chosen `estimator`: `'plugin'` uses p_i = n_i/N (as
 * `sklearn.metrics.cluster.entropy` and `scipy.stats.entropy` of the counts); the others
 * correct its downward bias as the R package `entropy` does (formulas in Hausser &
 * Strimmer 2009). With `'binned'` the continuous data (1-D or rows) are discretized as
 * {@link discretize} does and the result is the discrete entropy of the bins, which
 * depends on the bin width; for a differential entropy use {@link differentialEntropy}.
 *
 * Units: nats unless `base` is given. Cost: O(N + K) for K classes; 'binned' adds O(N log N).
 * Reference: Shannon 1948; Miller 1955; Chao & Shen 2003; Hausser & Strimmer, JMLR 10, 2009.
 * @throws TypeError if x is not an array of labels (or numbers for 'binned'), holds null,
 *   undefined or NaN, or an option is unknown or does not apply to the estimator
 * @throws RangeError if x is empty, or the estimator, K, bins, binning, correction or base is invalid
 * @example
 * entropy(['a', 'b', 'a', 'b']); // => 0.6931471805599453 (ln 2)
 * entropy([0, 1, 2, 3], { base: 2 }); // => 2
 * entropy([0, 0, 1, 1, 1, 2], { estimator: 'miller-madow' }); // => 1.1780709313740185
 */
export function entropy(x: Labels | NumericSamples, options?: EntropyOptions): number {
  const fn = 'entropy';
  const o = checkOptions(fn, options, ['estimator', 'K', 'bins', 'binning', 'correction', 'base', 'backend']);
  const est = oneOf(fn, 'estimator', o.estimator, ESTIMATORS, 'auto');
  switch (est) {
    case 'auto':
      return discreteEntropy(fn, x as Labels, o, 'plugin');
    case 'binned':
      return binnedEntropy(fn, x, o);
    default:
      return discreteEntropy(fn, x as Labels, o, est);
  }
}
