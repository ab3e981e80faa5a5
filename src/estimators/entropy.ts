import type { BackendOption } from '../backend/select.js';
import type { BinningMethod, Bins } from '../core/binning.js';
import { DISCRETE_ESTIMATORS, type DiscreteEntropyEstimator } from '../core/estimatorOptions.js';
import type { Labels } from '../core/labels.js';
import type { NumericSamples } from '../core/numericSamples.js';
import { onlyOptions } from '../core/estimatorOptions.js';
import type { Sample } from '../core/points.js';
import { checkOptions, logBase, oneOf } from '../core/validate.js';
import { kernelsFor } from '../backend/select.js';
import { binnedEntropy } from './binned.js';
import { discreteEntropy } from './discreteEntropy.js';
import { kozachenkoLeonenko } from './kozachenkoLeonenko.js';
import { gaussianEntropyNats } from './entropyGaussian.js';
import { kdeEntropy } from './kde.js';
import { knnSplit } from './knnParallel.js';
import { unwrapArrow } from '../tables/arrow.js';

/** Entropy estimators that {@link entropy} knows. */
export type EntropyEstimator = 'auto' | DiscreteEntropyEstimator | 'binned' | 'kl' | 'kde' | 'gaussian';

const ESTIMATORS: readonly EntropyEstimator[] = ['auto', ...DISCRETE_ESTIMATORS, 'binned', 'kl', 'kde', 'gaussian'];
const KNN = ['k', 'normalize', 'noise', 'seed', 'workers', 'base', 'backend'];

/** Rows, or numbers with a fractional part: a continuous sample for 'auto'. */
function isContinuous(x: unknown): boolean {
  if (!Array.isArray(x) && !(ArrayBuffer.isView(x) && !(x instanceof DataView))) return false;
  const a = x as ArrayLike<unknown>;
  if (a.length > 0 && (Array.isArray(a[0]) || ArrayBuffer.isView(a[0]))) return true;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== 'number') return false;
    if (Number.isFinite(v) && !Number.isInteger(v)) return true;
  }
  return false;
}

/** Options of {@link entropy}. */
export interface EntropyOptions {
  /**
   * For labels: `'plugin'` (maximum likelihood), `'miller-madow'`, `'chao-shen'`,
   * `'shrink'` (James–Stein), or the Dirichlet family `'jeffreys'` (a = ½), `'laplace'`
   * (a = 1), `'sg'` (Schürmann–Grassberger, a = 1/K), `'minimax'` (a = √N/K).
   * For continuous data: `'kl'` (Kozachenko–Leonenko k-NN differential entropy), `'kde'`
   * (−mean ln f̂(x_i) with scipy's `gaussian_kde`), `'gaussian'` (½ ln det(2πe Σ), Σ with
   * ddof 1, gcmi's `ent_g`) or `'binned'`. `'auto'` (default) picks `'kl'` for rows of numbers or a 1-D array with a
   * non-integer number in it, and `'plugin'` for anything else (integers, strings, booleans).
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
  /** `'kl'`: the number of neighbours, an integer in [1, N − 1]. Default 3. The cost grows with k: each
   * query keeps its k best candidates, so a k near N (legal) costs up to O(N²·k), seconds
   * at N = 3000; keep k small (3–10, as KSG advise) for large N. */
  k?: number;
  /** `'kl'`: search on each dimension divided by its std, then add Σ ln σ back (same units). Default false. */
  normalize?: boolean;
  /** `'kl'`: relative noise noise·max(1, mean|x|)·N(0, 1) added before the search, noise in [0, 1]. Default 0 (it moves ln ε). */
  noise?: number;
  /** `'kl'`: seed of the noise, an integer in [0, 2^32 − 1]. Default 0. */
  seed?: number;
  /** `'kde'`: `'scott'` (default), `'silverman'` or a factor > 0, as `scipy.stats.gaussian_kde`'s `bw_method`. */
  bandwidth?: 'scott' | 'silverman' | number;
  /** `'kde'`: drop each sample's own kernel from its density. Default false. */
  leaveOneOut?: boolean;
  /** `'gaussian'`: subtract gcmi's analytic bias of the Gaussian entropy (Ince et al. 2017, `ent_g`). Default false. */
  biasCorrect?: boolean;
  /**
   * `'kl'`: worker threads for the k-NN queries, an integer in [1, 1024] or `'auto'` (one per
   * core); at most one thread per core runs. Same bits as 1. Default 1 (Node ≥ 20.16; elsewhere 1).
   * `'kde'`: threads that share the row blocks of the kernel sums; same bits as 1.
   */
  workers?: number | 'auto';
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
 * depends on the bin width. With `'kl'` it is the Kozachenko–Leonenko differential
 * entropy of a continuous sample (1-D or rows) with the max norm,
 * H = ψ(N) − ψ(k) + d ln 2 + (d/N) Σ ln ε_i, NPEET's `entropy`; it may be negative.
 * With `'kde'` it is −mean ln f̂(x_i), f̂ scipy's `gaussian_kde` (O(N²·d)); with `'gaussian'`
 * it is ½ ln det(2πe Σ), Σ the sample covariance (ddof 1), as gcmi's `ent_g`, optionally
 * bias-corrected (`biasCorrect`). For 1-D spacing estimators see {@link differentialEntropy}.
 *
 * Units: nats unless `base` is given. Cost: O(N + K) for K classes; 'binned' adds O(N log N);
 * 'kl' is O(N log N) on low-dimensional data.
 * Reference: Shannon 1948; Miller 1955; Chao & Shen 2003; Hausser & Strimmer, JMLR 10, 2009;
 * Kozachenko & Leonenko 1987; Kraskov, Stögbauer & Grassberger 2004, eq. 20.
 * @throws TypeError if x is not an array of labels (or numbers for 'binned'), holds null,
 *   undefined or NaN, or an option is unknown or does not apply to the estimator
 * @throws RangeError if x is empty, or the estimator, K, bins, binning, correction or base is
 *   invalid; for 'kl', if a value is NaN or ±Infinity, rows are ragged, k is not in [1, N − 1],
 *   or k + 1 points coincide
 * @throws RangeError if (k-NN estimators) `workers` is not an integer in [1, 1024] or 'auto'
 * @example
 * entropy(['a', 'b', 'a', 'b']); // => 0.6931471805599453 (ln 2)
 * entropy([0, 1, 2, 3], { base: 2 }); // => 2
 * entropy([0, 0, 1, 1, 1, 2], { estimator: 'miller-madow' }); // => 1.1780709313740185
 * entropy([0.1, 0.4, 0.35, 0.8, 0.55], { estimator: 'kl', k: 1 }); // => 0.6442458630465495
 * const u = [1.2, -0.3, 0.8, 2.1, -1.5, 0.1, 0.9, -0.7, 1.6, -0.2];
 * entropy(u, { estimator: 'kde' });      // => 1.4917
 * entropy(u, { estimator: 'gaussian' }); // => 1.525597361786132
 */
export function entropy(x: Labels | NumericSamples | Sample, options?: EntropyOptions): number {
  const fn = 'entropy';
  x = unwrapArrow(fn, 'x', x, 'auto');
  const o = checkOptions(fn, options, ['estimator', 'K', 'bins', 'binning', 'correction', ...KNN, 'bandwidth', 'leaveOneOut', 'biasCorrect']);
  let est = oneOf(fn, 'estimator', o.estimator, ESTIMATORS, 'auto');
  if (est === 'auto') est = isContinuous(x) ? 'kl' : 'plugin';
  switch (est) {
    case 'kl': {
      onlyOptions(fn, o, 'kl', KNN);
      const K = kernelsFor(fn, o.backend);
      return kozachenkoLeonenko(fn, K, x, o, knnSplit(fn, K, o.workers)) / logBase(fn, o.base);
    }
    case 'kde':
      onlyOptions(fn, o, 'kde', ['bandwidth', 'leaveOneOut', 'workers', 'base', 'backend']);
      return kdeEntropy(fn, kernelsFor(fn, o.backend), x, o) / logBase(fn, o.base);
    case 'gaussian':
      onlyOptions(fn, o, 'gaussian', ['biasCorrect', 'base', 'backend']);
      kernelsFor(fn, o.backend);
      return gaussianEntropyNats(fn, x, o) / logBase(fn, o.base);
    case 'binned':
      return binnedEntropy(fn, x, o);
    default:
      return discreteEntropy(fn, x as Labels, o, est);
  }
}
