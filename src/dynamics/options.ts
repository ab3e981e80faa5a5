// The options shared by the time-series measures, validated once at the public edge.
import type { Kernels } from '../backend/kernels.js';
import { kernelsFor, type BackendOption } from '../backend/select.js';
import { checkOptions, intIn, logBase, oneOf, show } from '../core/validate.js';

/** Estimators of the time-series measures. */
export type DynamicsEstimator = 'ksg' | 'ksg2' | 'gaussian' | 'discrete';

/** Options every time-series measure takes. */
export interface DynamicsOptions {
  /**
   * `'ksg'` (default): KSG algorithm 1 (Frenzel–Pompe for the conditional forms); `'ksg2'`:
   * KSG algorithm 2 (JIDT's conditional variant); `'gaussian'`: the linear-Gaussian
   * (log-determinant) form, which for TE is Granger causality / 2; `'discrete'`: plug-in
   * counts of the embedded labels.
   */
  estimator?: DynamicsEstimator;
  /** k-NN estimators: the number of neighbours in the joint space. Default 4, as JIDT. */
  k?: number;
  /** k-NN estimators: divide each series by its population standard deviation (pooled over trials) first. Default true. */
  normalize?: boolean;
  /** k-NN estimators: relative tie-breaking noise added to each series, noise·max(1, mean|x|)·N(0, 1), in [0, 1]; 0 turns it off. Default 1e-10. */
  noise?: number;
  /** k-NN estimators: seed of the noise, an integer in [0, 2^32 − 1]. Default 0. */
  seed?: number;
  /**
   * k-NN estimators: the dynamic-correlation exclusion (Theiler) window w, JIDT's
   * DYN_CORR_EXCL: an observation is neither a neighbour of, nor counted around, another
   * from the same trial less than or exactly w time steps away. 0 (default) excludes only
   * the point itself.
   */
  theiler?: number;
  /** Logarithm base of the result: e (nats, the default), 2 (bits), or any b > 0, b ≠ 1. */
  base?: number;
  /** Which kernels run the computation. Default `'auto'`. */
  backend?: BackendOption;
}

/** Validated common settings. */
export interface Settings {
  fn: string;
  estimator: DynamicsEstimator;
  k: number;
  normalize: boolean;
  noise: number;
  seed: number;
  theiler: number;
  div: number;
  K: Kernels;
}

const KNN_KEYS = ['k', 'normalize', 'noise', 'seed', 'theiler'];
const COMMON_KEYS = ['estimator', 'base', 'backend'];
/** Every option key the measures share. */
export const DYNAMICS_KEYS = [...COMMON_KEYS, ...KNN_KEYS];

/**
 * Checks the options against the keys the measure takes (`embedding` lists its own) and
 * returns the settings; k-NN options given to 'gaussian' or 'discrete' are an error.
 */
export function settings(fn: string, options: unknown, embedding: readonly string[], extra: readonly string[] = []): { s: Settings; o: Record<string, unknown> } {
  const o = checkOptions(fn, options, [...COMMON_KEYS, ...KNN_KEYS, ...embedding, ...extra]);
  const estimator = oneOf(fn, 'estimator', o.estimator, ['ksg', 'ksg2', 'gaussian', 'discrete'], 'ksg');
  const knn = estimator === 'ksg' || estimator === 'ksg2';
  if (!knn) {
    for (const key of KNN_KEYS) {
      if (Object.prototype.hasOwnProperty.call(o, key) && o[key] !== undefined) {
        throw new TypeError(`${fn}: option ${JSON.stringify(key)} does not apply to estimator '${estimator}'`);
      }
    }
  }
  const k = o.k === undefined ? 4 : intIn(fn, 'k', o.k, 1, 2 ** 31 - 1, '[1, N - 1]');
  const normalize = o.normalize === undefined ? true : o.normalize;
  if (typeof normalize !== 'boolean') throw new TypeError(`${fn}: normalize must be a boolean, got ${show(normalize)}`);
  const noise = o.noise === undefined ? 1e-10 : o.noise;
  // As the general k-NN API: relative noise above 1 drowns the data and, times values near
  // 1e308, overflows (fuzz seed 42: noise 1e308 crashed transferEntropy, AIS gave Infinity).
  if (typeof noise !== 'number' || !(noise >= 0 && noise <= 1)) {
    throw new RangeError(`${fn}: noise must be a number in [0, 1], got ${show(noise)}`);
  }
  const seed = o.seed === undefined ? 0 : intIn(fn, 'seed', o.seed, 0, 2 ** 32 - 1, '[0, 2^32 - 1]');
  const theiler = o.theiler === undefined ? 0 : intIn(fn, 'theiler', o.theiler, 0, 2 ** 31 - 1, '[0, 2^31 - 1]');
  const div = logBase(fn, o.base);
  const K = kernelsFor(fn, o.backend);
  return { s: { fn, estimator, k, normalize, noise, seed, theiler, div, K }, o };
}

/** An embedding size (history length): an integer ≥ 1. */
export function size(fn: string, name: string, v: unknown, dflt: number): number {
  if (v === undefined) return dflt;
  // The upper bound only keeps an absurd value from reaching an allocation; the series-length
  // check that follows is the real limit.
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 2 ** 24) {
    throw new RangeError(`${fn}: ${name} must be an integer in [1, 16777216], got ${show(v)}`);
  }
  return v;
}

/** A delay: an integer ≥ 0. */
export function delayOf(fn: string, name: string, v: unknown, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new RangeError(`${fn}: ${name} must be an integer ≥ 0, got ${show(v)}`);
  return v;
}
