// The shared body of mutualInfoRegression and mutualInfoClassif: sklearn 1.2.1's
// _estimate_mi with its options checked, the columns prepared, and one task per column
// run here or on a pool of workers.
import type { BackendOption } from '../backend/select.js';
import { encodeLabels, type Labels } from '../core/labels.js';
import { columnsOf, type FeatureMatrix } from '../core/matrix.js';
import { sklearnPrepare } from '../core/sklearnPrep.js';
import { npStd } from '../core/numpyStats.js';
import { checkOptions, checkSequence, intIn, oneOf, sameLength, show } from '../core/validate.js';
import { coreCount, runAsync, runSync, type TaskSpec } from '../parallel/pool.js';
import { scoreFeature, type FeatureTask } from './featureScore.js';

/** Options shared by mutualInfoRegression and mutualInfoClassif (sklearn's, in camelCase). */
export interface FeatureMIOptions {
  /**
   * Which columns are discrete: `'auto'` (default; all continuous for a dense X, as
   * sklearn), a boolean for all, a boolean mask, or a list of column indices
   * (negative indices count from the end, as numpy's).
   */
  discreteFeatures?: 'auto' | boolean | readonly boolean[] | readonly number[];
  /** k for the k-NN estimators. Default 3. */
  nNeighbors?: number;
  /** Seed of the tie-breaking noise, numpy RandomState semantics. Default 0 (sklearn: None). */
  randomState?: number;
  /** Accepted for sklearn compatibility; mutinfo never mutates X or y either way. */
  copy?: boolean;
  /** Worker threads (Node) or Web Workers for the columns: a count, or `'auto'` for one per core. Default 1. */
  workers?: number | 'auto';
  /** Which kernels run the estimators. Default `'auto'`. */
  backend?: BackendOption;
  /**
   * `'auto'` (default): sklearn's estimators (KSG, Ross, plug-in), with its noise.
   * `'mixed-ksg'`: Mixed-KSG (Gao et al. 2017) for every column: continuous columns and a
   * regression target are scaled by their std as sklearn does but get no noise, so the
   * result does not depend on `randomState`; class labels are placed farther apart than any
   * two values of the column (the discrete metric).
   */
  estimator?: 'auto' | 'mixed-ksg';
}

/** Extra options of the Async forms. */
export interface FeatureMIAsyncOptions extends FeatureMIOptions {
  /** Called after each column with (columns done, total columns). */
  onProgress?: (done: number, total: number) => void;
  /** Aborting it stops handing out columns and rejects with the signal's reason. */
  signal?: AbortSignal;
}

const KEYS = ['discreteFeatures', 'nNeighbors', 'randomState', 'copy', 'workers', 'backend', 'estimator'];

function discreteMask(fn: string, v: unknown, cols: number): boolean[] {
  if (v === undefined || v === 'auto') return new Array(cols).fill(false);
  if (typeof v === 'boolean') return new Array(cols).fill(v);
  if (typeof v === 'string') throw new RangeError(`${fn}: discreteFeatures must be 'auto', a boolean, a boolean mask or column indices, got ${show(v)}`);
  if (!Array.isArray(v)) throw new TypeError(`${fn}: discreteFeatures must be 'auto', a boolean, a boolean mask or column indices, got ${show(v)}`);
  if (v.every((b) => typeof b === 'boolean')) {
    if (v.length !== cols) throw new RangeError(`${fn}: discreteFeatures mask must have one entry per column (${cols}), got ${v.length}`);
    return v.slice();
  }
  const mask = new Array(cols).fill(false);
  for (const j of v) {
    if (typeof j !== 'number' || !Number.isInteger(j) || j < -cols || j >= cols) {
      throw new RangeError(`${fn}: discreteFeatures index must be an integer in [-${cols}, ${cols - 1}], got ${show(j)}`);
    }
    mask[j < 0 ? cols + j : j] = true;
  }
  return mask;
}

function workerCount(fn: string, v: unknown): number {
  if (v === undefined) return 1;
  if (v === 'auto') return coreCount();
  return intIn(fn, 'workers', v, 1, 1024, "[1, 1024] or 'auto'");
}

/** sklearn's std scaling of the continuous columns and a regression target, without its noise (for Mixed-KSG). */
function scaleOnly(columns: Float64Array[], mask: boolean[], y: Float64Array | undefined): { columns: Float64Array[]; y: Float64Array | undefined } {
  const scale = (v: Float64Array, zero: number) => {
    let s = npStd(v);
    if (s < zero) s = 1;
    for (let i = 0; i < v.length; i++) v[i] /= s;
    return v;
  };
  columns.forEach((c, j) => mask[j] || scale(c, 10 * Number.EPSILON));
  return { columns, y: y && scale(Float64Array.from(y), Number.MIN_VALUE) };
}

/** Validates everything and builds one task per column. */
function plan(fn: string, X: unknown, y: unknown, discreteTarget: boolean, options: unknown, extra: string[] = []) {
  const o = checkOptions(fn, options, [...KEYS, ...extra]);
  const { rows, cols, columns } = columnsOf(fn, X);
  sameLength(fn, 'X rows', rows, 'y', checkSequence(fn, 'y', y));
  const mask = discreteMask(fn, o.discreteFeatures, cols);
  const k = o.nNeighbors === undefined ? 3 : intIn(fn, 'nNeighbors', o.nNeighbors, 1, rows - 1, `[1, n_samples-1] = [1, ${rows - 1}]`);
  const seed = o.randomState === undefined ? 0 : intIn(fn, 'randomState', o.randomState, 0, 2 ** 32 - 1, '[0, 2^32-1]');
  if (o.copy !== undefined && typeof o.copy !== 'boolean') throw new TypeError(`${fn}: copy must be a boolean, got ${show(o.copy)}`);
  const workers = workerCount(fn, o.workers);
  const backend = oneOf(fn, 'backend', o.backend, ['wasm', 'js', 'auto'], 'auto');
  let target: Float64Array | Int32Array;
  let yClasses = 0;
  if (discreteTarget) {
    target = new Int32Array(rows);
    yClasses = encodeLabels(fn, 'y', y as ArrayLike<unknown>, target);
    if (new Set(target).size < 2) {
      throw new RangeError(`${fn}: y has a single class, so every feature's MI is 0 (sklearn returns zeros); pass a target with at least two classes`);
    }
  } else {
    target = Float64Array.from(y as ArrayLike<number>, (v, i) => {
      if (typeof v !== 'number') throw new TypeError(`${fn}: y must hold numbers, got ${show(v)} at index ${i}`);
      if (!Number.isFinite(v)) throw new RangeError(`${fn}: y must not contain NaN or ±Infinity, got ${v} at index ${i}`);
      return v;
    });
  }
  const estimator = oneOf(fn, 'estimator', o.estimator, ['auto', 'mixed-ksg'], 'auto');
  // columnsOf made the columns for this call, so they can be scaled and noised in place.
  const prep =
    estimator === 'mixed-ksg'
      ? scaleOnly(columns, mask, discreteTarget ? undefined : (target as Float64Array))
      : sklearnPrepare(columns, mask, discreteTarget ? undefined : (target as Float64Array), seed, true);
  const yy = prep.y ?? target;
  const tasks: TaskSpec[] = prep.columns.map((x, j) => ({
    name: 'featureMI',
    payload: { x, xDiscrete: mask[j], y: yy, yClasses, yDiscrete: discreteTarget, k, backend, mixedKsg: estimator === 'mixed-ksg' } satisfies FeatureTask,
  }));
  return { o, tasks, workers };
}

/** The synchronous form: on this thread, or blocking on worker threads (Node) when workers > 1. */
export function estimateMI(fn: string, X: FeatureMatrix, y: Labels, discreteTarget: boolean, options?: FeatureMIOptions): Float64Array {
  const { tasks, workers } = plan(fn, X, y, discreteTarget, options);
  if (workers <= 1) return Float64Array.from(tasks, (t) => scoreFeature(t.payload as FeatureTask));
  return Float64Array.from(runSync(tasks, workers));
}

/** The asynchronous form: always off the caller's thread, with progress and cancellation. */
export async function estimateMIAsync(
  fn: string,
  X: FeatureMatrix,
  y: Labels,
  discreteTarget: boolean,
  options?: FeatureMIAsyncOptions,
): Promise<Float64Array> {
  const { o, tasks, workers } = plan(fn, X, y, discreteTarget, options, ['onProgress', 'signal']);
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') {
    throw new TypeError(`${fn}: onProgress must be a function, got ${show(o.onProgress)}`);
  }
  const signal = o.signal as AbortSignal | undefined;
  if (signal !== undefined && (signal === null || typeof signal.aborted !== 'boolean')) {
    throw new TypeError(`${fn}: signal must be an AbortSignal, got ${show(signal)}`);
  }
  const onProgress = o.onProgress as ((done: number, total: number) => void) | undefined;
  return Float64Array.from(await runAsync(tasks, workers, onProgress, signal));
}
