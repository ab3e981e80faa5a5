import { runMeasure } from './measure.js';
import type { SeriesOrTrials } from './series.js';
import { prepareTE } from './te.js';
import type { TransferEntropyOptions } from './transferEntropy.js';

/** Options of {@link conditionalTransferEntropy}: those of transferEntropy plus the conditions' embedding. */
export interface ConditionalTransferEntropyOptions extends TransferEntropyOptions {
  /** Values per condition (one number for all, or one per condition). Default 1. */
  conditionHistory?: number | number[];
  /** Their spacing. Default 1. */
  conditionTau?: number | number[];
  /** The latest condition value is at t − conditionDelay, an integer ≥ 0. Default 1. */
  conditionDelay?: number | number[];
}

/** A condition: one series, several, or (with trials) per trial one series or several. */
export type ConditionSeries = SeriesOrTrials | readonly SeriesOrTrials[];

/**
 * Conditional transfer entropy I(Y_t ; X_{t−δ}^{(l)} | Y_{t−1}^{(k)}, Z_{t−δz}^{(m)}, …):
 * transfer entropy from source to target once the conditions' pasts are also known, which
 * removes what a common driver or an intermediate pathway explains (Lizier, Prokopenko &
 * Zomaya, Chaos 20, 037109, 2010). Each condition Z is embedded with `conditionHistory`
 * values spaced `conditionTau`, the latest at t − `conditionDelay` (each a number for all
 * conditions or an array with one per condition). `condition` is one series or an array
 * of series; with trials, an array with per trial one series or an array of series.
 * Estimators, units and options otherwise as {@link transferEntropy} (JIDT's
 * ConditionalTransferEntropyCalculatorKraskov for 'ksg').
 *
 * Cost: as transferEntropy, in a joint space larger by the condition dimensions.
 * @throws TypeError, RangeError as transferEntropy, and when a condition's length or trial count differs
 * @example
 * // z drives both x (lag 1) and y (lag 2); given z's past, x tells y nothing new
 * const z = [0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1];
 * const x = [0, ...z.slice(0, -1)];
 * const y = [0, 0, ...z.slice(0, -2)];
 * conditionalTransferEntropy(x, y, z, { estimator: 'discrete', conditionDelay: 2 }); // => 0
 */
export function conditionalTransferEntropy(
  source: SeriesOrTrials,
  target: SeriesOrTrials,
  condition: ConditionSeries,
  options?: ConditionalTransferEntropyOptions,
): number {
  const { pr } = prepareTE('conditionalTransferEntropy', source, target, condition, options);
  return runMeasure(pr, false).value;
}

/**
 * Local conditional transfer entropy: one value per time step, NaN before the first
 * complete history (JIDT writes 0), whose mean is {@link conditionalTransferEntropy}.
 * A Float64Array for single series, one per trial for trials.
 * @throws as conditionalTransferEntropy
 * @example
 * const z = [0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1];
 * const x = [0, ...z.slice(0, -1)];
 * const y = [0, 0, ...z.slice(0, -2)];
 * localConditionalTransferEntropy(x, y, z, { estimator: 'discrete', conditionDelay: 2 })[3]; // => 0
 */
export function localConditionalTransferEntropy(
  source: SeriesOrTrials,
  target: SeriesOrTrials,
  condition: ConditionSeries,
  options?: ConditionalTransferEntropyOptions,
): Float64Array | Float64Array[] {
  const { pr, trials } = prepareTE('localConditionalTransferEntropy', source, target, condition, options);
  const local = runMeasure(pr, true).local!;
  return trials ? local : local[0];
}
