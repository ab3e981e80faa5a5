// mutualInformationMatrix: the symmetric d × d matrix of pairwise MI.
import { kernelsFor, type BackendOption } from '../backend/select.js';
import { binCountFor, binningOption, binsOption } from '../core/binOptions.js';
import { binColumn, type BinningMethod, type Bins } from '../core/binning.js';
import { encodeLabels, type Labels } from '../core/labels.js';
import { columnsOf, type FeatureMatrix } from '../core/matrix.js';
import { checkOptions, checkSequence, intIn, logBase, oneOf, sameLength, show } from '../core/validate.js';
import { pluginEntropyNats } from '../estimators/discrete.js';
import { discreteMask } from '../estimators/sklearnFeatures.js';
import { readSide } from '../estimators/selectEstimator.js';
import { runAsync, runSync, type TaskSpec } from '../parallel/pool.js';
import { canShare } from './discreteSource.js';
import { pairEstimator, pairValue, type MatrixData, type MatrixPairTask } from './matrixPairs.js';
import { workerCount } from './options.js';

/** Columns given one by one: numbers for continuous data, any labels for discrete data. */
export interface ColumnSet {
  columns: readonly (Labels | ArrayLike<number | null | undefined>)[];
}

/** Options of {@link mutualInformationMatrix}. */
export interface MutualInformationMatrixOptions {
  /**
   * `'auto'` (default): each pair by its columns' kinds, as mutualInformation's 'auto' (plug-in for two
   * label columns, Ross's mixed estimator for one, KSG for none). `'discrete'`: every column as labels.
   * `'binned'`: continuous columns binned as `discretize` does, then plug-in. `'ksg'`: every column continuous.
   */
  estimator?: 'auto' | 'discrete' | 'binned' | 'ksg';
  /** Which columns are labels, for `'auto'` and `'binned'`. Default: the columns `selectEstimator` reads as labels. */
  discreteFeatures?: 'auto' | boolean | readonly boolean[] | readonly number[];
  /** Column names, returned with the matrix. */
  names?: readonly string[];
  /** Neighbours for the k-NN estimators. Default 3. */
  nNeighbors?: number;
  /** Seed of the k-NN estimators' tie-breaking noise. Default 0. */
  seed?: number;
  /** Bins for `'binned'` (a count or a numpy rule; default 10) and their placement. */
  bins?: Bins;
  binning?: BinningMethod;
  /** `'error'` (default): a missing cell (null, undefined, NaN) is an error. `'pairwise'`: rows with one are dropped per pair. */
  missing?: 'error' | 'pairwise';
  /** `'throw'` (default): a pair that cannot be estimated throws. `'record'`: its entry is NaN and `errors` says why. */
  onPairError?: 'throw' | 'record';
  base?: number;
  /** Worker threads for the pairs (where memory can be shared with them). Default 1. */
  workers?: number | 'auto';
  backend?: BackendOption;
}

/** Extra options of {@link mutualInformationMatrixAsync}. */
export interface MutualInformationMatrixAsyncOptions extends MutualInformationMatrixOptions {
  /** Called after each pair with (pairs done, d(d − 1)/2). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** What {@link mutualInformationMatrix} returns. */
export interface MutualInformationMatrix {
  /** Row-major d × d, symmetric. Off the diagonal I(Xi; Xj) in the unit of `base`; on it H(Xi) for a label column, NaN for a continuous one (I(X; X) is infinite). */
  matrix: Float64Array;
  size: number;
  names?: string[];
  /** The estimator of each entry ('discrete', 'mixed' or 'ksg'; '' on the diagonal), row-major. */
  estimators: string[];
  /** Rows dropped for each pair (missing: 'pairwise'), row-major. */
  dropped: Int32Array;
  /** With onPairError 'record': why an entry is NaN ('' where it is not), row-major. */
  errors?: string[];
}

const KEYS = ['estimator', 'discreteFeatures', 'names', 'nNeighbors', 'seed', 'bins', 'binning', 'missing', 'onPairError', 'base', 'workers', 'backend'];

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

interface Planned {
  data: MatrixData;
  names?: string[];
  record: boolean;
  unit: number;
  workers: number;
}

function plan(fn: string, X: unknown, options: unknown, extra: string[] = []): Planned & { o: Record<string, unknown> } {
  const o = checkOptions(fn, options, [...KEYS, ...extra]);
  const estimator = oneOf(fn, 'estimator', o.estimator, ['auto', 'discrete', 'binned', 'ksg'], 'auto');
  const pairwise = oneOf(fn, 'missing', o.missing, ['error', 'pairwise'], 'error') === 'pairwise';
  const record = oneOf(fn, 'onPairError', o.onPairError, ['throw', 'record'], 'throw') === 'record';
  let raw: ArrayLike<unknown>[];
  if (X !== null && typeof X === 'object' && 'columns' in X && !('data' in X)) {
    const cs = (X as ColumnSet).columns;
    if (!Array.isArray(cs) || cs.length === 0) throw new TypeError(`${fn}: X.columns must be a non-empty array of columns, got ${show(cs)}`);
    raw = cs.map((c, j) => {
      checkSequence(fn, `X.columns[${j}]`, c);
      return c as ArrayLike<unknown>;
    });
    raw.forEach((c, j) => sameLength(fn, 'X.columns[0]', raw[0].length, `X.columns[${j}]`, c.length));
  } else {
    if (pairwise && Array.isArray(X)) {
      throw new RangeError(`${fn}: missing: 'pairwise' needs X as { columns }, where a missing cell can be null`);
    }
    raw = columnsOf(fn, X).columns;
  }
  const d = raw.length;
  const n = raw[0].length;
  let names: string[] | undefined;
  if (o.names !== undefined) {
    if (!Array.isArray(o.names) || o.names.length !== d || !o.names.every((s) => typeof s === 'string')) {
      throw new RangeError(`${fn}: names must be ${d} strings (one per column), got ${show(o.names)}`);
    }
    names = o.names.slice();
  }
  const k = o.nNeighbors === undefined ? 3 : intIn(fn, 'nNeighbors', o.nNeighbors, 1, Math.max(1, n - 1), `[1, ${n - 1}]`);
  const seed = o.seed === undefined ? 0 : intIn(fn, 'seed', o.seed, 0, 2 ** 32 - 1, '[0, 2^32 - 1]');
  const backend = oneOf(fn, 'backend', o.backend, ['wasm', 'js', 'auto'], 'auto');
  if (estimator === 'discrete' || estimator === 'ksg') {
    if (o.discreteFeatures !== undefined) throw new RangeError(`${fn}: discreteFeatures applies to estimators 'auto' and 'binned'`);
  }
  const complete = (c: ArrayLike<unknown>) => (pairwise ? Array.from(c).filter((v) => !isMissing(v)) : c);
  let discrete: boolean[] =
    estimator === 'discrete'
      ? new Array(d).fill(true)
      : estimator === 'ksg'
        ? new Array(d).fill(false)
        : o.discreteFeatures === undefined || o.discreteFeatures === 'auto'
          ? raw.map((c) => readSide(complete(c))[0] === 'labels')
          : discreteMask(fn, o.discreteFeatures, d);
  const kern = kernelsFor(fn, backend);
  const share = canShare();
  const values = share ? new Float64Array(new SharedArrayBuffer(n * d * 8)) : new Float64Array(n * d);
  const bins = binsOption(fn, o.bins);
  const method = binningOption(fn, 'binning', o.binning);
  raw.forEach((c, j) => {
    const out = values.subarray(j * n, j * n + n);
    const name = `X column ${names?.[j] ?? j}`;
    const keep: number[] = [];
    if (pairwise) for (let i = 0; i < n; i++) if (!isMissing(c[i])) keep.push(i);
    const sub = pairwise ? keep.map((i) => c[i]) : c;
    if (discrete[j]) {
      const codes = new Int32Array(sub.length);
      encodeLabels(fn, name, sub, codes);
      out.fill(-1);
      codes.forEach((v, t) => (out[pairwise ? keep[t] : t] = v));
    } else {
      const nums = new Float64Array(sub.length);
      for (let t = 0; t < sub.length; t++) {
        const v = sub[t];
        if (typeof v !== 'number') throw new TypeError(`${fn}: ${name} is continuous and must hold numbers, got ${show(v)} at row ${pairwise ? keep[t] : t}`);
        if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name} must not contain NaN or ±Infinity, got ${v} at row ${t}`);
        nums[t] = v;
      }
      if (estimator === 'binned') {
        const codes = binColumn(kern, nums, binCountFor(fn, bins), method).codes;
        out.fill(-1);
        codes.forEach((v, t) => (out[pairwise ? keep[t] : t] = v));
      } else {
        out.fill(Number.NaN);
        nums.forEach((v, t) => (out[pairwise ? keep[t] : t] = v));
      }
    }
  });
  if (estimator === 'binned') discrete = new Array(d).fill(true);
  const data: MatrixData = { n, d, values, discrete, pairwise, k, seed, backend, fn };
  return { o, data, names, record, unit: logBase(fn, o.base), workers: workerCount(fn, o.workers) };
}

function pairsOf(d: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) out.push([i, j]);
  return out;
}

function diagonal(p: Planned, j: number): number {
  const { n, values, discrete } = p.data;
  if (!discrete[j]) return Number.NaN;
  const col = values.subarray(j * n, j * n + n);
  let hi = 0;
  for (const v of col) if (v > hi) hi = v;
  const counts = new Float64Array(hi + 1);
  for (const v of col) if (v >= 0) counts[v]++;
  return pluginEntropyNats(kernelsFor('mutualInformationMatrix', p.data.backend), counts) / p.unit;
}

function dropped(data: MatrixData, i: number, j: number): number {
  if (!data.pairwise) return 0;
  const { n, values, discrete } = data;
  let m = 0;
  for (let t = 0; t < n; t++) {
    const a = values[i * n + t];
    const b = values[j * n + t];
    if ((discrete[i] ? a < 0 : Number.isNaN(a)) || (discrete[j] ? b < 0 : Number.isNaN(b))) m++;
  }
  return m;
}

/** Fills the result from per-pair values (nats, NaN for a failed pair). */
function assemble(fn: string, p: Planned, pairs: [number, number][], nats: number[]): MutualInformationMatrix {
  const d = p.data.d;
  const matrix = new Float64Array(d * d);
  const estimators = new Array<string>(d * d).fill('');
  const drop = new Int32Array(d * d);
  const errors = p.record ? new Array<string>(d * d).fill('') : undefined;
  for (let j = 0; j < d; j++) matrix[j * d + j] = diagonal(p, j);
  pairs.forEach(([i, j], t) => {
    let v = nats[t];
    if (Number.isNaN(v)) {
      // Ask again here for the message (a worker reports only that the pair failed).
      try {
        v = pairValue(p.data, i, j)[0];
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        if (!errors) throw e instanceof Error ? e : new Error(msg);
        errors[i * d + j] = errors[j * d + i] = msg;
      }
    }
    matrix[i * d + j] = matrix[j * d + i] = v / p.unit;
    estimators[i * d + j] = estimators[j * d + i] = pairEstimator(p.data, i, j);
    drop[i * d + j] = drop[j * d + i] = dropped(p.data, i, j);
  });
  void fn;
  return { matrix, size: d, ...(p.names ? { names: p.names } : {}), estimators, dropped: drop, ...(errors ? { errors } : {}) };
}

function local(p: Planned, i: number, j: number): number {
  try {
    return pairValue(p.data, i, j)[0];
  } catch (e) {
    if (p.record) return Number.NaN;
    throw e;
  }
}

function tasksOf(p: Planned, pairs: [number, number][]): TaskSpec[] {
  return pairs.map(([i, j]) => ({ name: 'matrixPair', payload: { data: p.data, i, j, quiet: p.record } satisfies MatrixPairTask }));
}

/**
 * The symmetric matrix of pairwise mutual information between the columns of X, each pair
 * estimated as {@link mutualInformation} would estimate it for the pair's kinds (so every
 * entry equals that call's value): the plug-in MI for two label columns, Ross's mixed
 * estimator (2014) for a label column and a continuous one, KSG algorithm 1 (Kraskov et al.
 * 2004) for two continuous columns.
 *
 * Units: nats, or `base`. Cost: d(d − 1)/2 pair estimates, O(N) each for labels and
 * O(N log N) for the k-NN estimators, spread over `workers`.
 * @param X rows (number[][]), `{ data, rows, cols }`, or `{ columns }` (one array per column, labels allowed)
 * @throws TypeError if X is malformed, a continuous column holds a non-number, or an option is unknown
 * @throws RangeError if columns differ in length, a value is NaN or ±Infinity (unless missing: 'pairwise'),
 *   an option value is invalid, or (onPairError 'throw') a pair cannot be estimated
 * @example
 * const m = mutualInformationMatrix({ columns: [[0, 0, 1, 1], [0, 0, 1, 1], [0, 1, 0, 1]] }, { base: 2 });
 * Array.from(m.matrix); // => [1, 1, 0, 1, 1, 0, 0, 0, 1]
 */
export function mutualInformationMatrix(X: FeatureMatrix | ColumnSet, options?: MutualInformationMatrixOptions): MutualInformationMatrix {
  const fn = 'mutualInformationMatrix';
  const p = plan(fn, X, options);
  const pairs = pairsOf(p.data.d);
  if (p.workers > 1 && canShare() && pairs.length > 1) return assemble(fn, p, pairs, runSync(tasksOf(p, pairs), p.workers));
  return assemble(fn, p, pairs, pairs.map(([i, j]) => local(p, i, j)));
}

/**
 * The asynchronous form of {@link mutualInformationMatrix}: the same entries, with progress
 * after each pair and an AbortSignal; pairs run on `workers` pool workers where memory can be
 * shared with them, else on this thread between awaits.
 * @throws as {@link mutualInformationMatrix}; rejects with the signal's reason when aborted
 * @example
 * const m = await mutualInformationMatrixAsync({ columns: [[0, 0, 1, 1], [0, 1, 0, 1]] }, { base: 2, onProgress: (done, total) => {} });
 * Array.from(m.matrix); // => [1, 0, 0, 1]
 */
export async function mutualInformationMatrixAsync(
  X: FeatureMatrix | ColumnSet,
  options?: MutualInformationMatrixAsyncOptions,
): Promise<MutualInformationMatrix> {
  const fn = 'mutualInformationMatrixAsync';
  const p = plan(fn, X, options, ['onProgress', 'signal']);
  const { onProgress, signal } = p.o as { onProgress?: unknown; signal?: AbortSignal };
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new TypeError(`${fn}: onProgress must be a function, got ${show(onProgress)}`);
  if (signal !== undefined && (signal === null || typeof signal.aborted !== 'boolean')) throw new TypeError(`${fn}: signal must be an AbortSignal, got ${show(signal)}`);
  const progress = onProgress as ((done: number, total: number) => void) | undefined;
  const pairs = pairsOf(p.data.d);
  if (p.workers > 1 && canShare() && pairs.length > 1) {
    return assemble(fn, p, pairs, await runAsync(tasksOf(p, pairs), p.workers, progress, signal));
  }
  const out: number[] = [];
  let last = Date.now();
  for (const [i, j] of pairs) {
    if (signal?.aborted) throw signal.reason ?? new Error('aborted');
    out.push(local(p, i, j));
    progress?.(out.length, pairs.length);
    // Yield now and then so that an abort (and a page's repaint) gets through.
    if (Date.now() - last > 30) {
      await new Promise((r) => setTimeout(r, 0));
      last = Date.now();
    }
  }
  if (signal?.aborted) throw signal.reason ?? new Error('aborted');
  return assemble(fn, p, pairs, out);
}
