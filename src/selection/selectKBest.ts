// scikit-learn's SelectKBest(mutual_info_classif, k=…) and SelectPercentile idioms.
import type { Labels } from '../core/labels.js';
import type { FeatureMatrix } from '../core/matrix.js';
import { checkOptions, intIn, oneOf, show } from '../core/validate.js';
import { mutualInfoClassif } from '../estimators/mutualInfoClassif.js';
import { mutualInfoRegression } from '../estimators/mutualInfoRegression.js';
import type { FeatureMIOptions } from '../estimators/sklearnFeatures.js';

/** Options of {@link selectKBest}: the score function's options, plus k and which score. */
export interface SelectKBestOptions extends FeatureMIOptions {
  /** How many columns to keep, or 'all'. Default 10 (sklearn's). */
  k?: number | 'all';
  /** `'classif'` (mutualInfoClassif, default) or `'regression'` (mutualInfoRegression). */
  score?: 'classif' | 'regression';
}

/** Options of {@link selectPercentile}. */
export interface SelectPercentileOptions extends FeatureMIOptions {
  /** Percent of the columns to keep, in [0, 100]. Default 10 (sklearn's). */
  percentile?: number;
  score?: 'classif' | 'regression';
}

/** The kept columns and every column's score. */
export interface SelectedByScore {
  /** Indices of the kept columns, ascending (sklearn's `get_support(indices=True)`). */
  selected: number[];
  /** The score of every column in nats (sklearn's `scores_`). */
  scores: Float64Array;
}

const SCORE_KEYS = ['discreteFeatures', 'nNeighbors', 'randomState', 'copy', 'workers', 'backend'];

function scoresOf(fn: string, X: FeatureMatrix, y: Labels, o: Record<string, unknown>): Float64Array {
  const score = oneOf(fn, 'score', o.score, ['classif', 'regression'], 'classif');
  const opts: Record<string, unknown> = {};
  for (const key of SCORE_KEYS) if (Object.prototype.hasOwnProperty.call(o, key)) opts[key] = o[key];
  try {
    return score === 'classif' ? mutualInfoClassif(X, y, opts) : mutualInfoRegression(X, y as ArrayLike<number>, opts);
  } catch (e) {
    // The score function checks X, y and its options; its messages then name this function.
    if (e instanceof RangeError) throw new RangeError(e.message.replace(/^mutualInfo(Classif|Regression): /, `${fn}: `));
    if (e instanceof TypeError) throw new TypeError(e.message.replace(/^mutualInfo(Classif|Regression): /, `${fn}: `));
    throw e;
  }
}

/** numpy's stable ascending argsort. */
function argsort(s: Float64Array): number[] {
  return Array.from(s.keys()).sort((a, b) => s[a] - s[b] || a - b);
}

/**
 * Keeps the k columns of highest MI with y, as `SelectKBest(mutual_info_classif, k=k)`
 * (or `mutual_info_regression`) in scikit-learn 1.2.1: the same scores (see
 * {@link mutualInfoClassif}) and the same choice among ties (a stable ascending sort, the
 * last k kept, so a tie at the boundary keeps the higher column index).
 *
 * Cost: one {@link mutualInfoClassif} (or Regression) call. Reference: scikit-learn 1.2.1.
 * @throws as mutualInfoClassif / mutualInfoRegression, and RangeError if k is not 'all' or an integer in [0, d]
 * @example
 * const x0 = [0.1, 0.5, 0.9, 1.3, 1.7, 2.0, 2.4, 2.8, 3.3, 3.5, 3.9, 4.2, 4.8, 5.1, 5.5, 6.0];
 * selectKBest(x0.map((v, i) => [i % 3, v]), x0.map((v) => (v < 3 ? 'lo' : 'hi')), { k: 1 }).selected;
 * // => [1]
 */
export function selectKBest(X: FeatureMatrix, y: Labels, options?: SelectKBestOptions): SelectedByScore {
  const fn = 'selectKBest';
  const o = checkOptions(fn, options, ['k', 'score', ...SCORE_KEYS]);
  const scores = scoresOf(fn, X, y, o);
  const d = scores.length;
  let k: number;
  if (o.k === 'all') k = d;
  else if (o.k === undefined) {
    if (d < 10) throw new RangeError(`${fn}: k defaults to 10 (sklearn's) but X has ${d} columns; pass k in [0, ${d}] or 'all'`);
    k = 10;
  } else k = intIn(fn, 'k', o.k, 0, d, `[0, ${d}] or 'all'`);
  const keep = argsort(scores).slice(d - k);
  return { selected: keep.sort((a, b) => a - b), scores };
}

/** numpy.percentile's linear interpolation (1.24), including its two-sided lerp. */
function percentileOf(sorted: number[], q: number): number {
  const pos = (q / 100) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const t = pos - lo;
  const a = sorted[lo];
  const b = sorted[hi];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * Keeps the given percent of the columns of highest MI with y, as
 * `SelectPercentile(mutual_info_classif, percentile=p)` in scikit-learn 1.2.1: columns
 * above numpy's (100 − p)-th percentile of the scores, then ties at it in column order
 * up to ⌊d·p/100⌋ columns.
 *
 * Cost: one {@link mutualInfoClassif} (or Regression) call. Reference: scikit-learn 1.2.1.
 * @throws as mutualInfoClassif / mutualInfoRegression, and RangeError if percentile is not in [0, 100]
 * @example
 * const x0 = [0.1, 0.5, 0.9, 1.3, 1.7, 2.0, 2.4, 2.8, 3.3, 3.5, 3.9, 4.2, 4.8, 5.1, 5.5, 6.0];
 * selectPercentile(x0.map((v, i) => [i % 3, v]), x0.map((v) => (v < 3 ? 'lo' : 'hi')), { percentile: 50 }).selected;
 * // => [1]
 */
export function selectPercentile(X: FeatureMatrix, y: Labels, options?: SelectPercentileOptions): SelectedByScore {
  const fn = 'selectPercentile';
  const o = checkOptions(fn, options, ['percentile', 'score', ...SCORE_KEYS]);
  const p = o.percentile === undefined ? 10 : (o.percentile as number);
  if (typeof p !== 'number' || !(p >= 0 && p <= 100)) throw new RangeError(`${fn}: percentile must be a number in [0, 100], got ${show(o.percentile)}`);
  const scores = scoresOf(fn, X, y, o);
  const d = scores.length;
  if (p === 100) return { selected: Array.from(scores.keys()), scores };
  if (p === 0) return { selected: [], scores };
  const threshold = percentileOf(Array.from(scores).sort((a, b) => a - b), 100 - p);
  const mask = Array.from(scores, (s) => s > threshold);
  const ties = Array.from(scores.keys()).filter((j) => scores[j] === threshold);
  if (ties.length > 0) {
    const room = Math.trunc((d * p) / 100) - mask.filter(Boolean).length;
    // numpy slices ties[: room] from the end when room < 0, and so does slice().
    for (const j of ties.slice(0, room)) mask[j] = true;
  }
  return { selected: mask.flatMap((m, j) => (m ? [j] : [])), scores };
}
