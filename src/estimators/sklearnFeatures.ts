// The shared body of mutualInfoRegression and mutualInfoClassif: sklearn 1.2.1's
// _estimate_mi with its options checked, the columns prepared, and the columns scored
// here or, in batches, on a pool of workers. For the pool, the matrix goes into a
// SharedArrayBuffer (column-major) with numpy's noise stream drawn here (it is one
// sequential stream), and each worker scales and noises its own columns: the serial part
// is the transposition and the normals, both chunked so an Async caller can abort.
import type { BackendOption } from '../backend/select.js';
import { encodeLabels, type Labels } from '../core/labels.js';
import type { FeatureMatrix } from '../core/matrix.js';
import { sklearnAbsMean, sklearnPrepare, sklearnStd, tame } from '../core/sklearnPrep.js';
import { checkOptions, checkSequence, intIn, oneOf, sameLength, show } from '../core/validate.js';
import { LegacyNormal } from '../core/mt19937.js';
import { columnMajor, matrixShape } from '../core/matrix.js';
import { canRunSync, maxPoolThreads, poolAvailable, runAsync, runSync, startSync, type TaskSpec } from '../parallel/pool.js';
import { checkAborted, drain, drainAsync, turn, waitFor, type Pending, type Steps } from '../parallel/steps.js';
import { asyncOptions, workerCount } from '../parallel/options.js';
import { scoreFeature, type FeatureTask } from './featureScore.js';
import { scoreBatch, type FeatureBatch } from './featureBatch.js';
import { arrowTableColumns, isArrowTable, unwrapArrow } from '../tables/arrow.js';

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
  /**
   * Worker threads (Node) or Web Workers for the columns: an integer in [1, 1024], or
   * `'auto'` for one per core. At most one thread per core runs, whatever the count.
   * Default 1. A synchronous call blocks on worker threads only in Node ≥ 20.16
   * (process.getBuiltinModule); elsewhere it runs on the calling thread, with the same result.
   */
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
  /**
   * Called as columns finish with (columns done, total columns); columns run in batches, so
   * `done` may step by more than 1. If it throws, the promise rejects with that error.
   */
  onProgress?: (done: number, total: number) => void;
  /**
   * An AbortSignal (or an object with `aborted`, `reason`, `addEventListener` and
   * `removeEventListener`). Aborting it, even while the input is still being checked and
   * noised, rejects with the signal's reason at the next turn of the event loop (the
   * preparation yields every ~8 ms) and stops handing out columns.
   */
  signal?: AbortSignal;
}

const KEYS = ['discreteFeatures', 'nNeighbors', 'randomState', 'copy', 'workers', 'backend', 'estimator'];

export function discreteMask(fn: string, v: unknown, cols: number): boolean[] {
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

/** Tests turn sharing off to run the copying path that pages without cross-origin isolation take. */
export const sharing = { enabled: true };

/** True where the matrix can be shared with workers rather than copied per task. */
function canShare(): boolean {
  return sharing.enabled && typeof SharedArrayBuffer === 'function' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== false;
}

function sharedF64(n: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(n * 8));
}

/** Normals drawn between two yields of the preparation. */
const NORMALS_STEP = 1 << 16;

interface Plan {
  o: Record<string, unknown>;
  n: number;
  cols: number;
  workers: number;
  mask: boolean[];
  X: Float64Array;
  /** The X noise (n × continuous columns, row-major) when the columns are prepared in the workers. */
  G: Float64Array | null;
  y: Float64Array | Int32Array;
  yClasses: number;
  k: number;
  backend: BackendOption;
  /** Mixed-KSG for every column: scaled as sklearn does, no noise. */
  mixedKsg: boolean;
}

/**
 * Validates everything and prepares the call, yielding between chunks of work. `pooled`:
 * the columns will be scaled and noised by the workers, so only the normals are drawn
 * here (numpy's order is one stream: X's n × n_continuous matrix, then y's n); else the
 * columns are prepared here as sklearnPrepare does.
 */
function* planSteps(fn: string, X: unknown, y: unknown, discreteTarget: boolean, options: unknown, async: boolean): Steps<Plan> {
  X = fromArrowTable(fn, X);
  y = unwrapArrow(fn, 'y', y, discreteTarget ? 'labels' : 'numbers');
  const o = checkOptions(fn, options, async ? [...KEYS, 'onProgress', 'signal'] : KEYS);
  const { signal } = async ? asyncOptions(fn, o) : { signal: undefined };
  const seed = o.randomState === undefined ? 0 : intIn(fn, 'randomState', o.randomState, 0, 2 ** 32 - 1, '[0, 2^32-1]');
  if (o.copy !== undefined && typeof o.copy !== 'boolean') throw new TypeError(`${fn}: copy must be a boolean, got ${show(o.copy)}`);
  let workers = workerCount(fn, o.workers);
  const backend = oneOf(fn, 'backend', o.backend, ['wasm', 'js', 'auto'], 'auto');
  // Without worker_threads (Node < 20.16, or a browser's synchronous call) the columns run here.
  if (!async && !canRunSync()) workers = 1;
  const pooled = async || workers > 1;
  const share = pooled && canShare();
  const { rows, cols } = matrixShape(fn, X);
  sameLength(fn, 'X rows', rows, 'y', checkSequence(fn, 'y', y));
  const mask = discreteMask(fn, o.discreteFeatures, cols);
  const k = o.nNeighbors === undefined ? 3 : intIn(fn, 'nNeighbors', o.nNeighbors, 1, rows - 1, `[1, n_samples-1] = [1, ${rows - 1}]`);
  // numpy's noise is one sequential stream (X's n × n_continuous matrix, then y's n), so it
  // cannot be split; a worker draws it while this thread checks and transposes X.
  const ncont = mask.filter((d) => !d).length;
  const gLength = rows * ncont + (discreteTarget ? 0 : rows);
  const normals = pooled && gLength > 0 && poolAvailable() ? drawNormals(seed, gLength, share, async, signal) : undefined;
  const { data } = yield* columnMajor(fn, X, share ? sharedF64 : undefined);
  let target: Float64Array | Int32Array;
  let yClasses = 0;
  if (discreteTarget) {
    target = share ? new Int32Array(new SharedArrayBuffer(rows * 4)) : new Int32Array(rows);
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
  const mixedKsg = oneOf(fn, 'estimator', o.estimator, ['auto', 'mixed-ksg'], 'auto') === 'mixed-ksg';
  const plan: Plan = { o, n: rows, cols, workers, mask, X: data, G: null, y: target, yClasses, k, backend, mixedKsg };
  if (!pooled || mixedKsg) {
    // The columns are views of this call's own copy, so they are scaled (and noised) in place;
    // Mixed-KSG draws no noise, so its columns are ready here even for the pool.
    const columns = Array.from({ length: cols }, (_, j) => data.subarray(j * rows, (j + 1) * rows));
    const yy = discreteTarget ? undefined : (target as Float64Array);
    const prep = mixedKsg ? scaleOnly(columns, mask, yy) : sklearnPrepare(columns, mask, yy, seed, true);
    if (prep.y) plan.y = prep.y;
    return plan;
  }
  let G: Float64Array;
  if (normals) G = yield* waitFor(normals);
  else {
    // no threads at all: drawn here, in slices
    G = new Float64Array(gLength);
    const rng = new LegacyNormal(seed);
    for (let t = 0; t < gLength; t += NORMALS_STEP) {
      rng.fill(G, t, Math.min(gLength, t + NORMALS_STEP));
      yield;
    }
  }
  if (ncont > 0) plan.G = G;
  if (!discreteTarget) plan.y = prepareTarget(target as Float64Array, G.subarray(rows * ncont), share);
  return plan;
}

/** sklearn's std scaling of the continuous columns and a regression target, without its noise (for Mixed-KSG). */
function scaleOnly(columns: Float64Array[], mask: boolean[], y: Float64Array | undefined): { columns: Float64Array[]; y: Float64Array | undefined } {
  const scale = (v: Float64Array, zero: number) => {
    let s = sklearnStd(v);
    if (s < zero) s = 1;
    for (let i = 0; i < v.length; i++) v[i] /= s;
    tame(v);
    return v;
  };
  columns.forEach((c, j) => mask[j] || scale(c, 10 * Number.EPSILON));
  return { columns, y: y && scale(Float64Array.from(y), Number.MIN_VALUE) };
}

/**
 * The call prepared on this thread as one featureMI task per column (sklearn's scaling and
 * noise applied here), with the worker count asked for: featureTests builds its
 * permutation nulls on these columns.
 */
export function plan(fn: string, X: unknown, y: unknown, discreteTarget: boolean, options: unknown, extra: string[] = []) {
  const o = checkOptions(fn, options, [...KEYS, ...extra]);
  const local: Record<string, unknown> = {};
  for (const key of Object.keys(o)) if (!['workers', ...extra].includes(key)) local[key] = o[key];
  const workers = workerCount(fn, o.workers);
  const p = drain(planSteps(fn, X, y, discreteTarget, local, false));
  const tasks: TaskSpec[] = Array.from({ length: p.cols }, (_, j) => ({
    name: 'featureMI',
    payload: {
      x: p.X.slice(j * p.n, (j + 1) * p.n), xDiscrete: p.mask[j], y: p.y, yClasses: p.yClasses,
      yDiscrete: discreteTarget, k: p.k, backend: p.backend, mixedKsg: p.mixedKsg,
    } satisfies FeatureTask,
  }));
  return { o, tasks, workers };
}

/** An Arrow Table as a row-major matrix (one copy: the call scales and noises its own copy anyway); anything else as is. */
function fromArrowTable(fn: string, X: unknown): unknown {
  if (!isArrowTable(X)) return X;
  const { columns } = arrowTableColumns(fn, 'X', X);
  const cols = columns.length;
  const rows = cols > 0 ? columns[0].length : 0;
  const data = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) data[i * cols + j] = columns[j][i];
  return { data, rows, cols };
}

/** Starts a pool task that draws `length` normals of RandomState(seed) (into shared memory where possible). */
function drawNormals(seed: number, length: number, share: boolean, async: boolean, signal?: AbortSignal): Pending<Float64Array> {
  const G = share ? sharedF64(length) : undefined;
  const task: TaskSpec[] = [{ name: 'legacyNormals', payload: { seed, length, G } }];
  const pick = (r: (number | Float64Array)[]) => G ?? (r[0] as Float64Array);
  if (!async) {
    const run = startSync<number | Float64Array>(task, 1);
    return { block: () => pick(run.wait()), promise: () => Promise.resolve(pick(run.wait())) };
  }
  const p = runAsync<number | Float64Array>(task, 1, undefined, signal).then(pick);
  p.catch(() => {}); // if the call fails before it waits, the rejection is not unhandled
  return { block: () => { throw new Error('drawNormals: an async draw cannot block'); }, promise: () => p };
}

/**
 * sklearn's scaling and noise of a regression target with its n normals given: the same
 * arithmetic as sklearnPrepare (its overflow-safe std beyond 2^±500 and its taming included).
 */
function prepareTarget(y: Float64Array, g: Float64Array, share: boolean): Float64Array {
  const n = y.length;
  let s = sklearnStd(y);
  if (s === 0) s = 1; // a scalar scale is replaced only when exactly 0
  const ys = share ? sharedF64(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) ys[i] = y[i] / s;
  tame(ys);
  const amp = 1e-10 * Math.max(1, sklearnAbsMean(ys));
  for (let i = 0; i < n; i++) ys[i] += amp * g[i];
  return ys;
}

/**
 * Splits the columns into batches by guided self-scheduling: each batch takes 1/(2W) of
 * the columns left, so the first are large (few messages) and the last single columns
 * (no long task at the end while other workers idle).
 */
export function batchSizes(cols: number, workers: number): number[] {
  const out: number[] = [];
  for (let left = cols; left > 0; ) {
    const b = Math.max(1, Math.ceil(left / (2 * workers)));
    out.push(b);
    left -= b;
  }
  return out;
}

/** One featureBatch task per batch: shared arrays as they are, or the batch's own copies. */
function batchTasks(p: Plan, discreteTarget: boolean): { tasks: TaskSpec[]; firsts: number[]; sizes: number[] } {
  const { n, mask, X, G } = p;
  const shared = X.buffer instanceof ArrayBuffer === false;
  const contIndex: number[] = [];
  let c = 0;
  for (const d of mask) contIndex.push(d ? -1 : c++);
  const stride = c;
  const sizes = batchSizes(p.cols, Math.min(p.workers, maxPoolThreads()));
  const tasks: TaskSpec[] = [];
  const firsts: number[] = [];
  let first = 0;
  for (const count of sizes) {
    const discrete = mask.slice(first, first + count);
    let gCol = contIndex.slice(first, first + count);
    let Xb = X;
    let xAt = first;
    let Gb = G;
    let gStride = stride;
    if (!shared) {
      Xb = X.slice(first * n, (first + count) * n);
      xAt = 0;
      const mine = gCol.filter((g) => g >= 0);
      gStride = mine.length;
      Gb = gStride > 0 && G ? new Float64Array(n * gStride) : null; // Mixed-KSG: no noise, no G
      for (let i = 0; i < n && Gb; i++) for (let m = 0; m < gStride; m++) Gb[i * gStride + m] = G![i * stride + mine[m]];
      let m = 0;
      gCol = gCol.map((g) => (g >= 0 ? m++ : -1));
    }
    const payload: FeatureBatch = {
      X: Xb, xAt, n, count, discrete, G: Gb, gStride, gCol,
      y: p.y, yClasses: p.yClasses, yDiscrete: discreteTarget, k: p.k, backend: p.backend, mixedKsg: p.mixedKsg,
    };
    tasks.push({ name: 'featureBatch', payload });
    firsts.push(first);
    first += count;
  }
  return { tasks, firsts, sizes };
}

function gather(p: Plan, parts: Float64Array[], firsts: number[]): Float64Array {
  const out = new Float64Array(p.cols);
  parts.forEach((r, b) => out.set(r, firsts[b]));
  return out;
}

/** The synchronous form: on this thread, or blocking on worker threads (Node) when workers > 1. */
export function estimateMI(fn: string, X: FeatureMatrix, y: Labels, discreteTarget: boolean, options?: FeatureMIOptions): Float64Array {
  const p = drain(planSteps(fn, X, y, discreteTarget, options, false));
  if (p.G === null && p.workers <= 1) {
    const out = new Float64Array(p.cols);
    for (let j = 0; j < p.cols; j++) {
      const x = p.X.subarray(j * p.n, (j + 1) * p.n);
      out[j] = scoreFeature({ x, xDiscrete: p.mask[j], y: p.y, yClasses: p.yClasses, yDiscrete: discreteTarget, k: p.k, backend: p.backend, mixedKsg: p.mixedKsg });
    }
    return out;
  }
  const { tasks, firsts } = batchTasks(p, discreteTarget);
  return gather(p, runSync<Float64Array>(tasks, p.workers), firsts);
}

/** The asynchronous form: always off the caller's thread, with progress and cancellation. */
export async function estimateMIAsync(
  fn: string,
  X: FeatureMatrix,
  y: Labels,
  discreteTarget: boolean,
  options?: FeatureMIAsyncOptions,
): Promise<Float64Array> {
  const { onProgress, signal } = asyncOptions(fn, checkOptions(fn, options, [...KEYS, 'onProgress', 'signal']));
  // The preparation gives the event loop a turn every few ms, so an abort is seen at once.
  const p = await drainAsync(planSteps(fn, X, y, discreteTarget, options, true), signal, prepTurns);
  checkAborted(signal);
  const { tasks, firsts, sizes } = batchTasks(p, discreteTarget);
  let done = 0;
  if (!poolAvailable()) {
    // No threads here (Node < 20.16 has no process.getBuiltinModule): the batches run on this
    // thread, with a turn of the event loop between them for progress and abort.
    const parts: Float64Array[] = [];
    for (let b = 0; b < tasks.length; b++) {
      await turn();
      checkAborted(signal);
      parts.push(scoreBatch(tasks[b].payload as FeatureBatch));
      onProgress?.((done += sizes[b]), p.cols);
    }
    return gather(p, parts, firsts);
  }
  const progress = onProgress && ((_: number, __: number, b: number) => onProgress((done += sizes[b]), p.cols));
  return gather(p, await runAsync<Float64Array>(tasks, p.workers, progress, signal), firsts);
}

/** Event-loop turns the Async forms' preparation has taken so far (for tests of its chunking). */
export const prepTurns = { turns: 0 };
