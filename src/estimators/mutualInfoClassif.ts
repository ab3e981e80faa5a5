import type { Labels } from '../core/labels.js';
import type { FeatureMatrix } from '../core/matrix.js';
import { estimateMI, estimateMIAsync, type FeatureMIAsyncOptions, type FeatureMIOptions } from './sklearnFeatures.js';

/**
 * MI between each feature (column of X) and a class label, the same numbers as
 * `sklearn.feature_selection.mutual_info_classif` (1.2.1) for the same arguments.
 * Continuous columns are divided by their std and get 1e-10-relative noise from numpy's
 * RandomState(randomState) stream, reproduced bit for bit; the labels get none.
 * Continuous features use the Ross (2014) estimator, discrete ones the plug-in MI;
 * negative estimates are clipped to 0.
 *
 * Units: nats. Cost: O(cols · N log N), spread over `workers` threads.
 * Reference: Ross, PLoS ONE 9(2), e87357 (2014); scikit-learn 1.2.1.
 * @param X rows (number[][]) or `{ data: Float64Array, rows, cols }` (row-major)
 * @param y labels of any type (numbers, strings, booleans, bigints), one per row
 * @throws TypeError if X is not numeric, y holds null, undefined or NaN, or an option is unknown
 * @throws RangeError if X is ragged or empty, lengths differ, values are NaN or ±Infinity,
 *   nNeighbors is not in [1, n−1], a discreteFeatures index or mask is out of range, or y has a
 *   single class (sklearn returns zeros there; mutinfo says so instead)
 * @example
 * const x0 = [0.1, 0.5, 0.9, 1.3, 1.7, 2.0, 2.4, 2.8, 3.3, 3.5, 3.9, 4.2, 4.8, 5.1, 5.5, 6.0];
 * const X = x0.map((v, i) => [v, (i % 3) + 1]);
 * mutualInfoClassif(X, x0.map((v) => (v < 3 ? 'lo' : 'hi')));
 * // => Float64Array [0.6347468503718512, 0] (sklearn 1.2.1: [0.63474685, 0.])
 */
export function mutualInfoClassif(X: FeatureMatrix, y: Labels, options?: FeatureMIOptions): Float64Array {
  return estimateMI('mutualInfoClassif', X, y, true, options);
}

/**
 * The asynchronous form of {@link mutualInfoClassif}: off the caller's thread on a pool
 * of workers, with per-column progress and an AbortSignal. Same numbers, bit for bit.
 * @throws as {@link mutualInfoClassif} (as a rejection); a TypeError if `signal` is not an AbortSignal
 *   or `onProgress` not a function. The promise rejects with the signal's reason when aborted
 *   (within one ~8 ms slice of preparation), with onProgress's own error if it throws, and
 *   with an Error saying so if a worker dies mid-call (the pool replaces it)
 * @example
 * const ctl = new AbortController();
 * await mutualInfoClassifAsync(X, y, { workers: 2, signal: ctl.signal });
 */
export function mutualInfoClassifAsync(X: FeatureMatrix, y: Labels, options?: FeatureMIAsyncOptions): Promise<Float64Array> {
  return estimateMIAsync('mutualInfoClassifAsync', X, y, true, options);
}
