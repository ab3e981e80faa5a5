import { kernelsFor, type BackendOption } from '../backend/select.js';
import type { BinningMethod, Bins } from '../core/binning.js';
import { onlyOptions, type DiscreteEntropyEstimator } from '../core/estimatorOptions.js';
import type { Labels } from '../core/labels.js';
import type { NumericSamples } from '../core/numericSamples.js';
import type { Sample } from '../core/points.js';
import { checkOptions, checkSequence, intIn, logBase, oneOf, sameLength } from '../core/validate.js';
import { gather, subsampleIndices } from '../core/subsample.js';
import { binnedMutualInformation } from './binned.js';
import { discreteMutualInformation } from './discreteMutualInformation.js';
import { gaussianMutualInformation } from './gaussian.js';
import { ksgMutualInformation } from './ksg.js';
import { knnSplit } from './knnParallel.js';
import { mixedMutualInformation } from './mixed.js';
import { mixedKsgMutualInformation } from './mixedKsg.js';
import { boxKernelMutualInformation } from './boxKernel.js';
import { gcmiMutualInformation } from './gcmiMutualInformation.js';
import { kdeMutualInformation } from './kde.js';
import { selectEstimator } from './selectEstimator.js';
import { unwrapArrow } from '../tables/arrow.js';
import { shuffleCorrectedValue } from '../significance/shuffleCorrected.js';

/** Estimators that {@link mutualInformation} knows. */
export type MutualInformationEstimator =
  | 'auto' | 'discrete' | 'ksg' | 'ksg2' | 'mixed' | 'binned' | 'gaussian'
  | 'mixed-ksg' | 'kde' | 'kernel' | 'gcmi' | 'gcmi-mixture';

/** Options of {@link mutualInformation}. */
export interface MutualInformationOptions {
  /**
   * `'discrete'`: MI of labels. `'ksg'` / `'ksg2'`: Kraskov–Stögbauer–Grassberger
   * algorithm 1 / 2 for continuous samples. `'mixed'`: Ross (2014) for labels against a
   * continuous sample. `'binned'`: MI of discretized continuous data. `'gaussian'`: the
   * parametric MI of a fitted normal. `'mixed-ksg'`: Gao et al.'s KSG for data with ties.
   * `'kde'`: Gaussian kernel densities (scipy's `gaussian_kde`). `'kernel'`: JIDT's box
   * kernel. `'gcmi'` / `'gcmi-mixture'`: Gaussian-copula MI (gcmi). `'auto'` (default)
   * picks by {@link selectEstimator}.
   */
  estimator?: MutualInformationEstimator;
  /** 'discrete' and 'binned': the entropy estimator behind H(X) + H(Y) − H(X,Y). Default `'plugin'` (sklearn's number). */
  correction?: DiscreteEntropyEstimator;
  /** 'binned': a number of bins or numpy's rule ('sqrt', 'sturges', 'rice', 'scott', 'fd', 'doane', 'auto'). Default 10. */
  bins?: Bins;
  /** 'binned': `'equal-width'` (default) or `'equal-frequency'`. */
  binning?: BinningMethod;
  /** k-NN estimators (and 'mixed-ksg'): the number of neighbours, an integer in [1, N − 1]. Default 3. The cost grows with k: each
   * query keeps its k best candidates, so a k near N (legal) costs up to O(N²·k), seconds
   * at N = 3000; keep k small (3–10, as KSG advise) for large N. */
  k?: number;
  /**
   * k-NN estimators and 'mixed-ksg': divide each continuous dimension by its population std
   * first, as sklearn (a constant column, std 0, is left unscaled). 'kernel': divide by the
   * sample std (ddof 1), JIDT's NORMALISE. Default true.
   */
  normalize?: boolean;
  /** k-NN estimators: relative tie-breaking noise, noise·max(1, mean|x|)·N(0, 1) after scaling, noise in [0, 1]; 0 turns it off. Default 1e-10. */
  noise?: number;
  /** k-NN estimators: seed of the noise (an integer in [0, 2^32 − 1]); the same seed gives the same bits on both backends. Default 0. */
  seed?: number;
  /**
   * 'ksg' and 'ksg2': worker threads for the k-NN queries, an integer in [1, 1024] or
   * `'auto'` (one per core); each builds its own copy of the search structure and answers a
   * share of the queries, and at most one thread per core runs. The result is bit-identical
   * to 1. Default 1. Needs Node ≥ 20.16 (process.getBuiltinModule); elsewhere the call runs
   * on one thread. Pays from N ≈ 1e5. 'kde': the threads share the fixed row blocks of each
   * density's kernel sums, added in block order: bit-identical to 1.
   */
  workers?: number | 'auto';
  /**
   * 'mixed', 'gcmi', 'gcmi-mixture': which side holds the labels. Default `'auto'`: the side
   * that auto-selection reads as labels ('gcmi' with two continuous sides is `gcmi_cc`).
   */
  discrete?: 'x' | 'y' | 'auto';
  /** 'kernel': the half-width of JIDT's box kernel, in the max norm (in std units when `normalize`). Default 0.25, as JIDT. */
  width?: number;
  /** 'kde': `'scott'` (default), `'silverman'` or a number, the factor that multiplies the sample covariance's square root, as `scipy.stats.gaussian_kde`'s `bw_method`. */
  bandwidth?: 'scott' | 'silverman' | number;
  /** 'kde': drop each sample's own kernel from the density at that sample (and divide by N − 1). Default false (scipy's resubstitution). */
  leaveOneOut?: boolean;
  /** 'gaussian' and 'gcmi': gcmi's analytic bias correction of each Gaussian entropy (Ince et al. 2017). Default false for 'gaussian', true for 'gcmi'. */
  biasCorrect?: boolean;
  /** Logarithm base of the result: e (nats, the default), 2 (bits), 10 (hartleys), or any b > 0, b ≠ 1. */
  base?: number;
  /** Which kernels run the computation. Default `'auto'`. */
  backend?: BackendOption;
  /**
   * Subtract the mean of the permutation null: I(X; Y) − mean over P shuffles of y of
   * I(X; Y_shuffled), the "shuffle-corrected" (bias-corrected) MI of the neuroscience
   * literature (e.g. Panzeri et al., J Neurophysiol 98, 2007). It removes the estimator's
   * bias at independence (the plug-in's (R − 1)(C − 1)/2N, KSG's small-sample offset), so it
   * may be negative. `true` uses P = 100 shuffles, a number uses that many; the shuffles come
   * from `seed` (default 0). Cost: P + 1 estimates (reusing what shuffling leaves unchanged).
   * For a p-value as well use {@link mutualInformationTest}. Default false.
   */
  shuffleCorrected?: boolean | number;
  /**
   * Estimate on a uniform subsample of this many rows (without replacement, drawn with `seed`),
   * for data too large for a k-NN estimator; see {@link subsampledMutualInformation} for an interval.
   */
  sample?: number;
}

const COMMON = ['base', 'backend'];
/** Options of the kde, kernel, gcmi and gaussian estimators. */
const NEW_OPTIONS = ['width', 'bandwidth', 'leaveOneOut', 'biasCorrect'];
const KNN = ['k', 'normalize', 'noise', 'seed', ...COMMON];
const TAKES: Record<string, string[]> = {
  discrete: [...COMMON, 'correction'],
  binned: [...COMMON, 'correction', 'bins', 'binning'],
  gaussian: ['biasCorrect', ...COMMON],
  kde: ['bandwidth', 'leaveOneOut', 'workers', ...COMMON],
  gcmi: ['discrete', 'biasCorrect', ...COMMON],
  'gcmi-mixture': ['discrete', ...COMMON],
  ksg: [...KNN, 'workers'],
  ksg2: [...KNN, 'workers'],
  mixed: ['discrete', ...KNN],
  'mixed-ksg': ['k', 'normalize', ...COMMON],
  kernel: ['width', 'normalize', ...COMMON],
};
const ESTIMATORS = ['auto', 'discrete', 'ksg', 'ksg2', 'mixed', 'binned', 'gaussian', 'mixed-ksg', 'kde', 'kernel', 'gcmi', 'gcmi-mixture'] as const;

/**
 * Mutual information I(X; Y), the general entry point.
 * - `'discrete'`: labels. The plug-in value is `sklearn.metrics.mutual_info_score`
 *   (clipped at 0); with a `correction` it is H(X) + H(Y) − H(X,Y), each entropy by that
 *   estimator, unclipped. Cost O(N + R·C).
 * - `'ksg'` / `'ksg2'`: KSG algorithm 1 / 2 (Kraskov, Stögbauer & Grassberger, PRE 69,
 *   066138, 2004) with max-norm k-NN, for x and y each a 1-D numeric array or an array of
 *   rows. Raw: it may be slightly negative near independence. Algorithm 1 gives NPEET's
 *   `mi`, and sklearn's `mutual_info_regression` after its clipping. Cost O(N log N).
 * - `'mixed'`: Ross (PLoS ONE 9(2), 2014), sklearn's `_compute_mi_cd`, for labels on one
 *   side and a continuous sample (1-D or rows) on the other; raw. Cost O(N log N).
 * - `'binned'`: each dimension binned as {@link discretize} does, then the discrete MI of
 *   the (joint) bin codes. `'gaussian'`: ½ ln(det Σ_X det Σ_Y / det Σ_XY).
 * - `'mixed-ksg'`: Mixed-KSG (Gao, Kannan, Oh & Viswanath, NeurIPS 2017) for samples that
 *   mix discrete and continuous values: ρ_i the k-th joint neighbour distance; if ρ_i = 0,
 *   k_i, n_x, n_y count the points tied with i, else k_i = k and n_x, n_y count points
 *   strictly closer than ρ_i (both up to the authors' 1e-15); I = ⟨ψ(k_i) + ln N − ψ(n_x) −
 *   ψ(n_y)⟩. No noise is added, so it is deterministic. Raw. O(N log N).
 * - `'kde'`: mean_i ln f̂_XY/(f̂_X f̂_Y) at the samples, one `scipy.stats.gaussian_kde` per
 *   space (kernel covariance = sample covariance × factor², `bandwidth` 'scott', 'silverman'
 *   or the factor; `leaveOneOut` drops each sample's own kernel). Moon, Rajagopalan & Lall,
 *   PRE 52 (1995). Exact, O(N²·d), in a SIMD WASM kernel.
 * - `'kernel'`: JIDT's box-kernel MI (MutualInfoCalculatorMultiVariateKernel): counts of the
 *   samples within `width` of each sample in every coordinate (|Δ| ≤ width, itself included),
 *   mean of ln(N·c_xy/(c_x c_y)). O(N log N).
 * - `'gcmi'`: Gaussian-copula MI (Ince et al., Human Brain Mapping 38, 2017; gcmi 0.5.0):
 *   every dimension copula-normalised ({@link copulaNormalize}), then the Gaussian MI with
 *   gcmi's bias correction (`biasCorrect`, default true) — `gcmi_cc`; with a labels side,
 *   gcmi's model-based `gcmi_model_cd`. `'gcmi-mixture'`: `gcmi_mixture_cd`. A lower bound
 *   on the MI for 1-D sides; raw (may be < 0). O(N) radix sorts plus N quantiles.
 * - `'gaussian'` with `biasCorrect: true`: gcmi's `mi_gg` bias correction, raw.
 * - `'auto'`: {@link selectEstimator} reads each side as labels or continuous and picks
 *   `'discrete'`, `'ksg'` or `'mixed'`; the k-NN options then apply where they can.
 *
 * Ties and sample order (k-NN estimators): the tie-breaking noise (default 1e-10) is drawn
 * from the seeded stream sample by sample, as sklearn draws its own, so on data with ties
 * the estimate depends on the order of the samples and on which side is x (by up to tens
 * of percent with heavy ties); on tie-free data it does not, beyond the noise's 1e-10
 * level. With `noise: 0` 'ksg' is exactly symmetric and order-free (the scaling is summed
 * in sorted order, and the k-th distance and the strict counts depend only on the point
 * set), and 'ksg2' refuses a tied k-th neighbour, whose choice would be a tie-break.
 *
 * Units: nats unless `base` is given.
 * Reference: Cover & Thomas, Elements of Information Theory, ch. 2 and 8; the papers above.
 * @throws TypeError if x or y is not an array of the kind the estimator takes, holds a value of
 *   the wrong type, or an option is unknown or does not apply to the estimator
 * @throws RangeError if x or y is empty, lengths differ, a continuous value is NaN or ±Infinity,
 *   rows are ragged, k is not an integer in [1, N − 1], an option value is invalid, or
 *   (Gaussian, kde, gcmi) the covariance is singular (the message suggests `estimator: 'ksg'`),
 *   a bandwidth or width is ≤ 0, gcmi has fewer samples than dimensions + 2, or k ≥ N,
 *   ('ksg2' with noise 0) more than k points tie at some point's k-th neighbour distance
 * @throws RangeError if (k-NN estimators) `workers` is not an integer in [1, 1024] or 'auto'
 * @example
 * mutualInformation(['a', 'a', 'b', 'b'], [0, 0, 1, 1], { base: 2 }); // => 1
 * mutualInformation([1, 2, 3, 4, 5, 6], [1, 4, 9, 16, 25, 36], { estimator: 'ksg', k: 2 }); // => 0.7833333333333339
 * mutualInformation(['lo', 'lo', 'lo', 'hi', 'hi', 'hi'], [0.1, 0.3, 0.2, 2.1, 2.4, 2.2], { estimator: 'mixed', k: 1 });
 * // => 0.7833333333333337
 * mutualInformation([0, 0, 0, 1, 1, 1, 2, 2], [0.1, 0.1, 0.3, 1.2, 1.2, 1.4, 2.2, 2.5], { estimator: 'mixed-ksg', k: 2 });
 * // => 1.333740539914702
 * const u = [1.2, -0.3, 0.8, 2.1, -1.5, 0.1, 0.9, -0.7, 1.6, -0.2];
 * const v = [1.0, 0.1, 0.5, 1.7, -1.1, -0.4, 1.2, -0.5, 1.1, 0.3];
 * mutualInformation(u, v, { estimator: 'gcmi' });                  // => 0.9561840494073184
 * mutualInformation(u, v, { estimator: 'kde' });                   // => 1.2210746918542104
 * mutualInformation(u, v, { estimator: 'kernel', width: 0.5 });    // => 0.8573992140459632
 * mutualInformation(u, v, { estimator: 'gaussian', biasCorrect: true }); // => 1.0331
 */
export function mutualInformation(
  x: Labels | NumericSamples | Sample,
  y: Labels | NumericSamples | Sample,
  options?: MutualInformationOptions,
): number {
  const fn = 'mutualInformation';
  x = unwrapArrow(fn, 'x', x, 'auto');
  y = unwrapArrow(fn, 'y', y, 'auto');
  const { shuffleCorrected, sample, ...rest } = checkOptions(fn, options, ['shuffleCorrected', 'sample', 'estimator', 'correction', 'bins', 'binning', 'discrete', 'workers', ...KNN, ...NEW_OPTIONS]);
  if (sample !== undefined) {
    const N = checkSequence(fn, 'x', x);
    sameLength(fn, 'x', N, 'y', checkSequence(fn, 'y', y));
    const n = intIn(fn, 'sample', sample, 2, N, `[2, N] = [2, ${N}]`);
    const seed = rest.seed === undefined ? 0 : intIn(fn, 'seed', rest.seed, 0, 2 ** 32 - 1, '[0, 2^32 − 1]');
    const [idx] = subsampleIndices(N, n, 1, seed);
    x = gather(x, idx);
    y = gather(y, idx);
    // The seed drew the rows: an estimator without noise (or shuffles) takes it too.
    const est = rest.estimator === undefined || rest.estimator === 'auto' ? selectEstimator(x, y).estimator : String(rest.estimator);
    if (shuffleCorrected === undefined || shuffleCorrected === false) {
      if (!(TAKES[est] ?? []).includes('seed')) rest.seed = undefined;
    }
  }
  if (shuffleCorrected === undefined || shuffleCorrected === false) return mutualInformationAs(fn, x, y, rest);
  return shuffleCorrectedValue(fn, x, y, rest, shuffleCorrected, (a, b, o) => mutualInformationAs(fn, a, b, o));
}

/**
 * With estimator 'auto' (or none), clears the options the picked estimator `est` ignores, in
 * place: the k-NN options given for data that turn out to be labels, and `workers` (which
 * splits KSG's and KDE's queries; for the other picks it is only a hint, not an error).
 */
function dropIgnoredByAuto(o: Record<string, unknown>, est: string): void {
  if (o.estimator !== undefined && o.estimator !== 'auto') return;
  if (est === 'discrete') for (const key of ['k', 'normalize', 'noise', 'seed']) o[key] = undefined;
  if (est !== 'ksg' && est !== 'kde') o.workers = undefined;
}

/**
 * The options of an accepted mutualInformationAs(fn, x, y, o) call as they are sent to worker
 * threads: the keys 'auto' ignores for these data are left out. They were never checked (an
 * ignored `k` may be anything, a function included), and a value structured clone refuses
 * would fail the post of the task instead of the call.
 */
export function appliedOptions(x: unknown, y: unknown, o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...o };
  const est = o.estimator === undefined || o.estimator === 'auto' ? selectEstimator(x, y).estimator : String(o.estimator);
  dropIgnoredByAuto(out, est);
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

/** mutualInformation with errors named after `fn` (the significance tests call it so); no shuffleCorrected. */
export function mutualInformationAs(fn: string, x: unknown, y: unknown, options?: unknown): number {
  const o = { ...checkOptions(fn, options, ['estimator', 'correction', 'bins', 'binning', 'discrete', 'workers', ...KNN, ...NEW_OPTIONS]) };
  const est: string = oneOf(fn, 'estimator', o.estimator, ESTIMATORS, 'auto') === 'auto' ? selectEstimator(x, y).estimator : String(o.estimator);
  dropIgnoredByAuto(o, est);
  onlyOptions(fn, o, est, TAKES[est]);
  switch (est) {
    case 'discrete':
      return discreteMutualInformation(fn, x as Labels, y as Labels, o);
    case 'binned':
      return binnedMutualInformation(fn, x, y, o);
    case 'gaussian':
      return gaussianMutualInformation(fn, x, y, o);
    case 'kde':
      return kdeMutualInformation(fn, kernelsFor(fn, o.backend), x, y, o) / logBase(fn, o.base);
    case 'gcmi':
    case 'gcmi-mixture':
      return gcmiMutualInformation(fn, kernelsFor(fn, o.backend), x, y, o, est === 'gcmi-mixture') / logBase(fn, o.base);
    case 'kernel':
      return boxKernelMutualInformation(fn, kernelsFor(fn, o.backend), x, y, o) / logBase(fn, o.base);
    case 'mixed-ksg':
      return mixedKsgMutualInformation(fn, kernelsFor(fn, o.backend), x, y, o) / logBase(fn, o.base);
    case 'mixed':
      return mixedMutualInformation(fn, kernelsFor(fn, o.backend), x, y, o) / logBase(fn, o.base);
    default: {
      const K = kernelsFor(fn, o.backend);
      return ksgMutualInformation(fn, K, x, y, o, est === 'ksg' ? 1 : 2, knnSplit(fn, K, o.workers)) / logBase(fn, o.base);
    }
  }
}
