// The options of selectFeatures, checked once at the public edge.
import type { BackendOption } from '../backend/select.js';
import { binningOption, binsOption } from '../core/binOptions.js';
import type { BinningMethod, Bins } from '../core/binning.js';
import { checkOptions, intIn, logBase, oneOf, show } from '../core/validate.js';
import { coreCount } from '../parallel/pool.js';
import { METHODS, type SelectionMethod } from './criteria/index.js';

/**
 * How the information terms are estimated. `'discrete'`: every column and y as labels
 * (FEAST). `'binned'`: continuous columns binned as `discretize` does, then as discrete.
 * `'ksg'`: every column continuous (KSG, Frenzel–Pompe by the chain rule, Ross's mixed
 * estimator against the class). `'auto'`: each column read as `mutualInfoClassif` reads it
 * (continuous unless `discreteFeatures` says otherwise).
 */
export type SelectionEstimator = 'auto' | 'discrete' | 'binned' | 'ksg';

export const ESTIMATORS: readonly SelectionEstimator[] = ['auto', 'discrete', 'binned', 'ksg'];

/** Options of {@link selectFeatures}. */
export interface SelectFeaturesOptions {
  /** The criterion. Default `'jmi'` (Brown et al. 2012's recommended trade-off). */
  method?: SelectionMethod;
  /** How many columns to select, in [1, d]. Default min(10, d). */
  k?: number;
  /** Default `'auto'`. */
  estimator?: SelectionEstimator;
  /** Weight of Σ I(Xj;Xs): for `'betagamma'` (default 1) and `'mifs'` (default 1) only. */
  beta?: number;
  /** Weight of Σ I(Xj;Xs|Y): for `'betagamma'` only (default 1). */
  gamma?: number;
  /** Unit of the scores: nats by default, 2 for bits (FEAST's unit). DISR's ratios have none. */
  base?: number;
  /**
   * Which columns are discrete for `'auto'` and `'binned'`: a boolean for all, a boolean
   * mask, or column indices. Default: none for `'auto'` (as mutualInfoClassif), and for
   * `'binned'` the columns `selectEstimator` reads as labels (few distinct values).
   */
  discreteFeatures?: 'auto' | boolean | readonly boolean[] | readonly number[];
  /** Neighbours for the k-NN estimators. Default 3, as sklearn. */
  nNeighbors?: number;
  /** Seed of the tie-breaking noise of `'ksg'` and `'auto'` (numpy RandomState, as mutualInfoClassif). Default 0. */
  randomState?: number;
  /** Bins for `'binned'`: a count or a numpy rule. Default 10. */
  bins?: Bins;
  /** `'equal-width'` (default) or `'equal-frequency'` bins for `'binned'`. */
  binning?: BinningMethod;
  /** Worker threads for the per-column work of each step: a count or `'auto'` (one per core). Default 1. */
  workers?: number | 'auto';
  /** Which kernels run the estimators. Default `'auto'`. */
  backend?: BackendOption;
}

/** Extra options of {@link selectFeaturesAsync}. */
export interface SelectFeaturesAsyncOptions extends SelectFeaturesOptions {
  /** Called after each pick with (picks made, k). */
  onProgress?: (done: number, total: number) => void;
  /** Aborting it stops between steps and rejects with the signal's reason. */
  signal?: AbortSignal;
}

export const KEYS = [
  'method', 'k', 'estimator', 'beta', 'gamma', 'base', 'discreteFeatures', 'nNeighbors', 'randomState', 'bins', 'binning',
  'workers', 'backend',
];

export interface Plan {
  method: SelectionMethod;
  k: number;
  estimator: SelectionEstimator;
  beta: number;
  gamma: number;
  logBase: number;
  nNeighbors: number;
  seed: number;
  bins: Bins;
  binning: BinningMethod;
  workers: number;
  backend: BackendOption;
}

function weight(fn: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${fn}: ${name} must be a finite number, got ${show(v)}`);
  return v;
}

export function workerCount(fn: string, v: unknown): number {
  if (v === undefined) return 1;
  if (v === 'auto') return coreCount();
  return intIn(fn, 'workers', v, 1, 1024, "[1, 1024] or 'auto'");
}

/** Checks the options that do not depend on the data's values; d is the number of columns, rows the samples. */
export function readOptions(fn: string, o: Record<string, unknown>, d: number, rows: number): Plan {
  const method = oneOf(fn, 'method', o.method, METHODS, 'jmi');
  const k = o.k === undefined ? Math.min(10, d) : intIn(fn, 'k', o.k, 1, d, `[1, ${d}] (the number of columns)`);
  const estimator = oneOf(fn, 'estimator', o.estimator, ESTIMATORS, 'auto');
  let beta = 1;
  let gamma = 1;
  if (method === 'mifs') gamma = 0;
  if (o.beta !== undefined) {
    if (method !== 'betagamma' && method !== 'mifs') {
      throw new RangeError(`${fn}: beta applies to methods 'betagamma' and 'mifs' only; method '${method}' fixes it`);
    }
    beta = weight(fn, 'beta', o.beta);
  }
  if (o.gamma !== undefined) {
    if (method !== 'betagamma') throw new RangeError(`${fn}: gamma applies to method 'betagamma' only; method '${method}' fixes it`);
    gamma = weight(fn, 'gamma', o.gamma);
  }
  const nNeighbors =
    o.nNeighbors === undefined ? 3 : intIn(fn, 'nNeighbors', o.nNeighbors, 1, Math.max(1, rows - 1), `[1, n_samples-1] = [1, ${rows - 1}]`);
  const seed = o.randomState === undefined ? 0 : intIn(fn, 'randomState', o.randomState, 0, 2 ** 32 - 1, '[0, 2^32-1]');
  return {
    method,
    k,
    estimator,
    beta,
    gamma,
    logBase: logBase(fn, o.base),
    nNeighbors,
    seed,
    bins: binsOption(fn, o.bins),
    binning: binningOption(fn, 'binning', o.binning),
    workers: workerCount(fn, o.workers),
    backend: oneOf(fn, 'backend', o.backend, ['wasm', 'js', 'auto'], 'auto'),
  };
}

export { checkOptions };
