// selectFeatures and selectFeaturesAsync: FEAST's greedy criteria on any data type.
import { kernelsFor } from '../backend/select.js';
import { encodeLabels, type Labels } from '../core/labels.js';
import { columnsOf, type FeatureMatrix } from '../core/matrix.js';
import { checkOptions, checkSequence, sameLength, show } from '../core/validate.js';
import { discreteMask } from '../estimators/sklearnFeatures.js';
import { readSide } from '../estimators/selectEstimator.js';
import { runAsync, runSync } from '../parallel/pool.js';
import { criterionOf, type SelectionMethod } from './criteria/index.js';
import { canShare, codeColumns, discreteSource } from './discreteSource.js';
import { greedy, type GreedyResult, type Request } from './greedy.js';
import { knnSource } from './knnSource.js';
import { KEYS, readOptions, type Plan, type SelectFeaturesAsyncOptions, type SelectFeaturesOptions, type SelectionEstimator } from './options.js';
import type { Source } from './source.js';

/** What {@link selectFeatures} returns. */
export interface SelectedFeatures {
  /** Column indices in the order chosen. */
  selected: number[];
  /** The criterion's value for each pick, in the unit of `base` (DISR's after the first: ratios, no unit). */
  scores: Float64Array;
  /** I(Xj; Y) of each pick, in the unit of `base`. */
  relevance: Float64Array;
  method: SelectionMethod;
  estimator: SelectionEstimator;
}

interface Prepared {
  plan: Plan;
  source: Source;
}

/** Validates X, y and the options, and builds the estimator's source. */
function prepare(fn: string, X: unknown, y: unknown, options: unknown, extra: string[] = []): Prepared & { o: Record<string, unknown> } {
  const o = checkOptions(fn, options, [...KEYS, ...extra]);
  const { rows, cols, columns } = columnsOf(fn, X);
  sameLength(fn, 'X rows', rows, 'y', checkSequence(fn, 'y', y));
  const plan = readOptions(fn, o, cols, rows);
  if (plan.estimator === 'discrete' && o.discreteFeatures !== undefined) {
    throw new RangeError(`${fn}: discreteFeatures applies to estimators 'auto' and 'binned'; 'discrete' reads every column as labels`);
  }
  const yCodes = new Int32Array(rows);
  const Ky = encodeLabels(fn, 'y', y as ArrayLike<unknown>, yCodes);
  if (new Set(yCodes).size < 2) throw new RangeError(`${fn}: y has a single class, so every feature's MI is 0; pass a target with at least two classes`);
  const kern = kernelsFor(fn, plan.backend);
  const share = plan.workers > 1 && canShare();
  let source: Source;
  if (plan.estimator === 'discrete' || plan.estimator === 'binned') {
    let binned: boolean[] | undefined;
    if (plan.estimator === 'binned') {
      const mask = o.discreteFeatures === undefined || o.discreteFeatures === 'auto'
        ? columns.map((c) => readSide(c)[0] === 'labels')
        : discreteMask(fn, o.discreteFeatures, cols);
      binned = mask.map((m) => !m);
    }
    const { codes, K } = codeColumns(fn, kern, columns, binned, plan.bins, plan.binning, share);
    source = discreteSource(kern, codes, K, yCodes, Ky, plan.backend);
  } else {
    if (plan.method === 'disr') {
      throw new RangeError(
        `${fn}: method 'disr' needs the joint entropy H(Xj Xs Y), which has no k-NN estimate here; use estimator 'discrete' or 'binned'`,
      );
    }
    const mask = plan.estimator === 'ksg' ? new Array<boolean>(cols).fill(false) : discreteMask(fn, o.discreteFeatures, cols);
    if (plan.estimator === 'ksg' && o.discreteFeatures !== undefined) {
      throw new RangeError(`${fn}: discreteFeatures applies to estimators 'auto' and 'binned'; 'ksg' reads every column as continuous`);
    }
    source = knnSource(fn, kern, columns, mask, yCodes, Ky, plan);
  }
  return { o, plan, source };
}

function finish(r: GreedyResult, relevance: Float64Array, plan: Plan): SelectedFeatures {
  const unit = plan.logBase;
  const scores = Float64Array.from(r.scores, (v, i) => (plan.method === 'disr' && i > 0 ? v : v / unit));
  const rel = Float64Array.from(r.selected, (j) => relevance[j] / unit);
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) throw new Error(`selectFeatures: the score of pick ${i + 1} is ${scores[i]}; please report this data`);
  }
  return { selected: r.selected, scores, relevance: rel, method: plan.method, estimator: plan.estimator };
}

function criterionMethod(m: SelectionMethod): Exclude<SelectionMethod, 'cmim'> {
  return m === 'cmim' ? 'mim' : m;
}

/**
 * Greedy forward selection of k columns of X by an information-theoretic criterion, as
 * FEAST (Brown, Pocock, Zhao & Luján, "Conditional Likelihood Maximisation", JMLR 13, 2012)
 * computes it: the first pick is the column of highest I(Xj; Y); each later pick maximises
 * the criterion given the columns already chosen; ties go to the lowest column index.
 *
 * Methods: `'mim'` I(Xj;Y); `'mrmr'` I(Xj;Y) − mean_s I(Xj;Xs) (Peng et al. 2005);
 * `'jmi'` Σ_s I(Xj Xs; Y) (Yang & Moody 1999; the best trade-off in Brown et al.);
 * `'cmim'` min_s I(Xj; Y | Xs) (Fleuret 2004, lazily evaluated); `'disr'`
 * Σ_s I(Xj Xs; Y) / H(Xj Xs Y) (Meyer et al. 2008); `'icap'` I(Xj;Y) + Σ_s min(0, I(Xj;Xs|Y) − I(Xj;Xs))
 * (Jakulin 2005); `'betagamma'` I(Xj;Y) − β Σ_s I(Xj;Xs) + γ Σ_s I(Xj;Xs|Y), with `'cife'` (β = γ = 1)
 * and `'mifs'` (γ = 0, β given, Battiti 1994). With `estimator: 'discrete'` and `base: 2` the picks
 * and scores are FEAST's `featureScores`, pick for pick (tested on FEAST's output).
 *
 * Cost (discrete): d joint histograms for the relevance, then one histogram per remaining
 * column per pick (FEAST's k × d cache, one row per step): O(k·d·N), spread over `workers`.
 * CMIM evaluates its terms lazily and usually needs far fewer. `'ksg'`/`'auto'`: the same
 * counts of k-NN estimates, O(N log N) each, 100–1000× slower than discrete; prefer
 * `'binned'` on large continuous data and `'ksg'` when N is small or binning loses structure.
 * @param X rows (number[][]) or `{ data, rows, cols }` (row-major), d ≥ 1 columns
 * @param y class labels of any type, one per row
 * @throws TypeError if X is not numeric, y holds null, undefined or NaN, or an option is unknown
 * @throws RangeError if k is not in [1, d], the method or estimator is unknown, beta or gamma
 *   is given to a method that fixes it, y has a single class, lengths differ, or `'disr'` is
 *   asked of a k-NN estimator
 * @example
 * // y = a XOR b; the third column is (1 − a)·b.
 * const X = [[0, 0, 0], [0, 1, 1], [1, 0, 0], [1, 1, 0], [0, 0, 0], [0, 1, 1], [1, 0, 0], [1, 1, 0]];
 * const y = X.map(([a, b]) => a ^ b);
 * const r = selectFeatures(X, y, { method: 'jmi', k: 3, estimator: 'discrete', base: 2 });
 * r.selected;  // => [2, 0, 1]
 * r.scores;    // => Float64Array [0.3113, 0.5, 1.5]
 * r.relevance; // => Float64Array [0.3113, 0, 0]
 */
export function selectFeatures(X: FeatureMatrix, y: Labels, options?: SelectFeaturesOptions): SelectedFeatures {
  const fn = 'selectFeatures';
  const { plan, source } = prepare(fn, X, y, options);
  try {
    const relevance = source.relevance();
    const crit = criterionOf(criterionMethod(plan.method));
    const params = { beta: plan.beta, gamma: plan.gamma };
    const gen = greedy(plan.method, relevance, plan.k, params);
    let r = gen.next();
    while (!r.done) {
      const q: Request = r.value;
      let answer: unknown;
      if (q.kind === 'row') {
        const par = plan.workers > 1 ? source.rowTasks?.(q.s, q.candidates, criterionMethod(plan.method), params, plan.workers * 2) : undefined;
        answer = par ? par.collect(runSync(par.tasks, plan.workers)) : source.row(q.s, q.candidates, crit, params);
      } else if (q.kind === 'cmi') answer = source.cmi(q.s, q.j);
      r = gen.next(answer);
    }
    return finish(r.value, relevance, plan);
  } finally {
    source.close();
  }
}

/**
 * The asynchronous form of {@link selectFeatures}: the same picks and scores, bit for bit,
 * with progress after each pick and an AbortSignal checked between steps. Each step's
 * per-column work runs on `workers` pool workers where memory can be shared with them
 * (Node; cross-origin-isolated pages), else on this thread between awaits.
 * @throws as {@link selectFeatures}; the promise rejects with the signal's reason when aborted
 * @example
 * const X = [[0, 0, 0], [0, 1, 1], [1, 0, 0], [1, 1, 0], [0, 0, 0], [0, 1, 1], [1, 0, 0], [1, 1, 0]];
 * const y = X.map(([a, b]) => a ^ b);
 * const ctl = new AbortController();
 * const r = await selectFeaturesAsync(X, y, { method: 'jmi', k: 3, estimator: 'discrete', base: 2, signal: ctl.signal, onProgress: (i, k) => {} });
 * r.selected; // => [2, 0, 1]
 */
export async function selectFeaturesAsync(X: FeatureMatrix, y: Labels, options?: SelectFeaturesAsyncOptions): Promise<SelectedFeatures> {
  const fn = 'selectFeaturesAsync';
  const o0 = checkOptions(fn, options, [...KEYS, 'onProgress', 'signal']);
  if (o0.onProgress !== undefined && typeof o0.onProgress !== 'function') {
    throw new TypeError(`${fn}: onProgress must be a function, got ${show(o0.onProgress)}`);
  }
  const signal = o0.signal as AbortSignal | undefined;
  if (signal !== undefined && (signal === null || typeof signal.aborted !== 'boolean')) {
    throw new TypeError(`${fn}: signal must be an AbortSignal, got ${show(signal)}`);
  }
  const onProgress = o0.onProgress as ((done: number, total: number) => void) | undefined;
  const { plan, source } = prepare(fn, X, y, options, ['onProgress', 'signal']);
  const abort = () => {
    if (signal?.aborted) throw signal.reason ?? new Error('aborted');
  };
  try {
    abort();
    const relevance = await source.relevanceAsync?.(plan.workers, signal) ?? source.relevance();
    const crit = criterionOf(criterionMethod(plan.method));
    const params = { beta: plan.beta, gamma: plan.gamma };
    const gen = greedy(plan.method, relevance, plan.k, params);
    let r = gen.next();
    while (!r.done) {
      const q: Request = r.value;
      let answer: unknown;
      if (q.kind === 'row') {
        const par = source.rowTasks?.(q.s, q.candidates, criterionMethod(plan.method), params, plan.workers * 2);
        if (par) answer = par.collect(await runAsync(par.tasks, plan.workers, undefined, signal));
        else answer = source.row(q.s, q.candidates, crit, params);
      } else if (q.kind === 'cmi') answer = source.cmi(q.s, q.j);
      else {
        onProgress?.(q.done, plan.k);
        // Let the event loop deliver an abort (and the page repaint) between steps.
        await new Promise((resolve) => setTimeout(resolve, 0));
        abort();
      }
      r = gen.next(answer);
    }
    return finish(r.value, relevance, plan);
  } finally {
    source.close();
  }
}
