import type { DynamicsOptions } from './options.js';
import { runMeasure } from './measure.js';
import type { SeriesOrTrials } from './series.js';
import { prepareTE } from './te.js';

/** Options of {@link activeInformationStorage}. */
export interface ActiveInformationStorageOptions extends DynamicsOptions {
  /** k: how many past values form the history. Default 1. */
  history?: number;
  /** Their spacing; the latest is at t − 1. Default 1. */
  historyTau?: number;
}

/**
 * Active information storage A = I(Y_t ; Y_{t−1}^{(k)}) (Lizier, Prokopenko & Zomaya,
 * Information Sciences 208, 39, 2012): how much of a process's next value its own past
 * predicts, i.e. how much it remembers. The history holds `history` values spaced
 * `historyTau`; the first usable time is (k−1)τ + 1.
 * - `'ksg'` / `'ksg2'` (k = 4): KSG MI between next value and history, JIDT's
 *   ActiveInfoStorageCalculatorKraskov; `'gaussian'`: the log-determinant MI;
 *   `'discrete'`: the plug-in MI of the embedded labels (JIDT's ActiveInformationCalculatorDiscrete).
 * Trials, normalisation, noise and units as {@link transferEntropy}.
 *
 * Cost: O(N log N) for k-NN in 1 + k dimensions; O(N) otherwise.
 * @throws TypeError, RangeError as transferEntropy (the series is named `series`)
 * @example
 * // a period-2 sequence: the last value tells the next one, all of its entropy (9 observations)
 * activeInformationStorage([0, 1, 0, 1, 0, 1, 0, 1, 0, 1], { estimator: 'discrete', base: 2 }); // => 0.9910760598382218
 */
export function activeInformationStorage(series: SeriesOrTrials, options?: ActiveInformationStorageOptions): number {
  const { pr } = prepareTE('activeInformationStorage', null, series, null, options);
  return runMeasure(pr, false).value;
}

/**
 * Local active information storage, one value per time step: NaN before the first
 * complete history (JIDT writes 0), whose mean over the rest is
 * {@link activeInformationStorage}. A Float64Array for one series, one per trial for trials.
 * @throws as activeInformationStorage
 * @example
 * Array.from(localActiveInformationStorage([0, 1, 0, 1, 0, 1], { estimator: 'discrete', base: 2 }), (v) => v.toFixed(3));
 * // => ['NaN', '0.737', '1.322', '0.737', '1.322', '0.737']
 */
export function localActiveInformationStorage(series: SeriesOrTrials, options?: ActiveInformationStorageOptions): Float64Array | Float64Array[] {
  const { pr, trials } = prepareTE('localActiveInformationStorage', null, series, null, options);
  const local = runMeasure(pr, true).local!;
  return trials ? local : local[0];
}
