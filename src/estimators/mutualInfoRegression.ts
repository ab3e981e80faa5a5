import type { FeatureMatrix } from '../core/matrix.js';
import { estimateMI, estimateMIAsync, type FeatureMIAsyncOptions, type FeatureMIOptions } from './sklearnFeatures.js';

/**
 * MI between each feature (column of X) and a continuous target, the same numbers as
 * `sklearn.feature_selection.mutual_info_regression` (1.2.1) for the same arguments.
 * Continuous columns and y are divided by their std and get 1e-10-relative noise from
 * numpy's RandomState(randomState) stream, reproduced bit for bit, so even data with
 * ties give sklearn's values. Continuous features use KSG algorithm 1 (Kraskov et al.
 * 2004), discrete ones the Ross (2014) estimator; negative estimates are clipped to 0.
 *
 * Units: nats. Cost: O(cols · N log N), spread over `workers` threads.
 * Reference: Kraskov, Stögbauer & Grassberger, PRE 69, 066138 (2004); Ross, PLoS ONE 9(2), 2014; scikit-learn 1.2.1.
 * @param X rows (number[][]) or `{ data: Float64Array, rows, cols }` (row-major, no copy needed)
 * @param y one number per row
 * @throws TypeError if X or y is not numeric, or an option is unknown
 * @throws RangeError if X is ragged or empty, lengths differ, values are NaN or ±Infinity,
 *   nNeighbors is not in [1, n−1], or a discreteFeatures index or mask is out of range
 * @example
 * const X = [[1, 0], [2, 1], [3, 0], [4, 1], [5, 0], [6, 1]];
 * mutualInfoRegression(X, [1.1, 2.1, 2.9, 4.2, 5.1, 5.8], { nNeighbors: 2 });
 * // => Float64Array [0.7833333333333338, 0] (sklearn 1.2.1 with a float X: [0.78333333, 0.])
 */
export function mutualInfoRegression(X: FeatureMatrix, y: ArrayLike<number>, options?: FeatureMIOptions): Float64Array {
  return estimateMI('mutualInfoRegression', X, y, false, options);
}

/**
 * The asynchronous form of {@link mutualInfoRegression}: it never blocks the caller's
 * thread (the columns run on a pool of worker threads or Web Workers, one by default),
 * reports progress per column, and stops on an AbortSignal. Same numbers, bit for bit.
 * @throws as {@link mutualInfoRegression} (as a rejection); a TypeError if `signal` is not an AbortSignal
 *   or `onProgress` not a function. The promise rejects with the signal's reason when aborted
 *   (within one ~8 ms slice of preparation), with onProgress's own error if it throws, and
 *   with an Error saying so if a worker dies mid-call (the pool replaces it)
 * @example
 * await mutualInfoRegressionAsync(X, y, { workers: 'auto', onProgress: (d, t) => console.log(`${d}/${t}`) });
 */
export function mutualInfoRegressionAsync(
  X: FeatureMatrix,
  y: ArrayLike<number>,
  options?: FeatureMIAsyncOptions,
): Promise<Float64Array> {
  return estimateMIAsync('mutualInfoRegressionAsync', X, y, false, options);
}
