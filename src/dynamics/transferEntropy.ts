import type { DynamicsOptions } from './options.js';
import { runMeasure } from './measure.js';
import type { SeriesOrTrials } from './series.js';
import { prepareTE } from './te.js';

/** Options of {@link transferEntropy} and {@link localTransferEntropy}. */
export interface TransferEntropyOptions extends DynamicsOptions {
  /** k: how many past values of the target condition the prediction. Default 1. */
  history?: number;
  /** Spacing of those values; the latest is at t − 1. Default 1. */
  historyTau?: number;
  /** l: how many source values enter. Default 1. */
  sourceHistory?: number;
  /** Spacing of the source values. Default 1. */
  sourceTau?: number;
  /** The latest source value is at t − delay (the source–target interaction lag), an integer ≥ 0. Default 1. */
  delay?: number;
}

/**
 * Transfer entropy from source to target (Schreiber, PRL 85, 461, 2000):
 * TE = I(Y_t ; X_{t−δ}^{(l)} | Y_{t−1}^{(k)}), the information the source's past adds about
 * the target's next value beyond the target's own past. Y_{t−1}^{(k)} = (Y_{t−1},
 * Y_{t−1−τk}, …) holds `history` values spaced `historyTau`; X_{t−δ}^{(l)} = (X_{t−δ},
 * X_{t−δ−τl}, …) holds `sourceHistory` values spaced `sourceTau`. The first usable time is
 * t0 = max((k−1)τk + 1, (l−1)τl + δ).
 *
 * - `'ksg'` (default, k = 4): the Frenzel–Pompe KSG conditional MI in those spaces, JIDT's
 *   TransferEntropyCalculatorKraskov; `'ksg2'`: JIDT's algorithm 2. Each series is scaled
 *   to unit std and noised (1e-10) first unless `normalize: false` / `noise: 0`; JIDT's
 *   numbers are those of `normalize: false, noise: 0`. Raw: may be slightly negative.
 * - `'gaussian'`: ½ ln(det Σ_{YZ} det Σ_{XZ} / (det Σ_Z det Σ_{XYZ})), i.e. half the Granger
 *   causality, JIDT's TransferEntropyCalculatorGaussian.
 * - `'discrete'`: the plug-in conditional MI of the embedded labels,
 *   JIDT's TransferEntropyCalculatorDiscrete (pass `base: 2` for its bits).
 *
 * Several trials: pass `source` and `target` as arrays of series (trial i of one pairs
 * with trial i of the other); the embedded observations are pooled, as JIDT's repeated
 * `addObservations`, and no history reaches across trials.
 *
 * Units: nats unless `base` is given. Cost: O(N log N) for the k-NN estimators in the
 * (1 + k + l)-dimensional joint space; O(N) for 'gaussian' and 'discrete'.
 * Reference: Schreiber (2000); Kraskov et al. (2004); Frenzel & Pompe (2007); Lizier, JIDT (2014).
 * @throws TypeError if a series is not an array, holds a non-number (continuous estimators), or an option is unknown or does not apply
 * @throws RangeError if a series is shorter than the embedding plus k + 1, holds NaN or ±Infinity, the
 *   lengths or trial counts differ, history < 1, delay < 0, or an option value is invalid
 * @example
 * // y copies x one step later: about 1 bit moves from x to y each step
 * const x = [0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1];
 * const y = [0, ...x.slice(0, -1)];
 * transferEntropy(x, y, { estimator: 'discrete', base: 2 }); // => 0.9957728704496842
 */
export function transferEntropy(source: SeriesOrTrials, target: SeriesOrTrials, options?: TransferEntropyOptions): number {
  const { pr } = prepareTE('transferEntropy', source, target, null, options);
  return runMeasure(pr, false).value;
}

/**
 * Local transfer entropy (Lizier, Prokopenko & Zomaya, PRE 77, 026110, 2008): one value
 * per time step t, whose mean over the usable steps is {@link transferEntropy} with the
 * same options. Positions before the first complete history (t < t0, see
 * transferEntropy) hold NaN; JIDT writes 0 there. Negative values mark steps where the
 * source misinforms about the target. A single series gives a Float64Array of its length;
 * trials give one Float64Array per trial.
 *
 * Units, cost, references and errors: as {@link transferEntropy}.
 * @example
 * const x = [0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1];
 * const y = [0, ...x.slice(0, -1)];
 * const local = localTransferEntropy(x, y, { estimator: 'discrete', base: 2 });
 * local[0]; // => NaN
 * local[5].toFixed(4); // => '1.0000'
 */
export function localTransferEntropy(source: SeriesOrTrials, target: SeriesOrTrials, options?: TransferEntropyOptions): Float64Array | Float64Array[] {
  const { pr, trials } = prepareTE('localTransferEntropy', source, target, null, options);
  const local = runMeasure(pr, true).local!;
  return trials ? local : local[0];
}
