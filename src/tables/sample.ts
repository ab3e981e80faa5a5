// Continuous data too large for k-NN: estimate on uniform subsamples, and show the spread of
// the estimate at that sample size (subsampling, Politis & Romano 1994) as an interval.
import { checkOptions, checkSequence, intIn, sameLength, show } from '../core/validate.js';
import { mutualInformationAs, type MutualInformationOptions } from '../estimators/mutualInformation.js';
import { selectEstimator } from '../estimators/selectEstimator.js';
import type { Labels } from '../core/labels.js';
import type { NumericSamples } from '../core/numericSamples.js';
import type { Sample } from '../core/points.js';
import { unwrapArrow } from './arrow.js';
import { gather, subsampleIndices } from '../core/subsample.js';

/** Options of {@link subsampledMutualInformation}: those of {@link mutualInformation}, plus the subsampling. */
export interface SubsampledMutualInformationOptions extends Omit<MutualInformationOptions, 'sample'> {
  /** Rows per subsample (required), an integer in [2, N]. */
  sample: number;
  /** Number of subsamples. Default 10. */
  replicates?: number;
  /** Coverage of the interval, in (0, 1). Default 0.95. */
  level?: number;
}

/** What {@link subsampledMutualInformation} returns. */
export interface SubsampledMutualInformation {
  /** The estimate on the first subsample: `mutualInformation(x, y, { sample, seed })`. */
  estimate: number;
  /** Mean of the replicates. */
  mean: number;
  /** The (1 − level)/2 and (1 + level)/2 quantiles of the replicates (linear, numpy's default). */
  low: number;
  high: number;
  level: number;
  sample: number;
  /** The estimate on each subsample. */
  replicates: Float64Array;
}

function quantileSorted(s: Float64Array, q: number): number {
  const v = (s.length - 1) * q;
  const lo = Math.floor(v);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (s[hi] - s[lo]) * (v - lo);
}

/**
 * I(X; Y) of data too large for a k-NN estimator, from uniform subsamples of `sample` rows:
 * the estimate on each of `replicates` subsamples (drawn without replacement; disjoint when
 * they fit), and the percentile interval of those estimates, which shows how much an estimate
 * from that many rows varies (subsampling; Politis & Romano, Ann. Statist. 22, 1994). A
 * bootstrap with replacement would repeat rows and so put k-NN distances at 0; subsamples do
 * not. The interval is for the size-`sample` estimate: KSG's bias shrinks as the sample grows,
 * so compare sizes before trusting a small one. For labels or binned data, count every row
 * instead (the discrete or binned estimators, {@link ContingencyTable}, DuckDB); for near-
 * Gaussian data, `estimator: 'gaussian'` on all rows is O(N).
 *
 * Units: nats unless `base` is given. Cost: replicates × the estimator on `sample` rows, plus O(N).
 * @throws TypeError / RangeError as {@link mutualInformation}, and for sample outside [2, N],
 *   replicates outside [2, 10000] or level outside (0, 1)
 * @example
 * const x = Array.from({ length: 2000 }, (_, i) => Math.sin(i));
 * const r = subsampledMutualInformation(x, x.map((v) => v * v), { sample: 200, replicates: 5, seed: 1 });
 * r.replicates.length; // => 5 (r.estimate is r.replicates[0]; r.low, r.high their 2.5% and 97.5% quantiles)
 */
export function subsampledMutualInformation(
  x: Labels | NumericSamples | Sample,
  y: Labels | NumericSamples | Sample,
  options: SubsampledMutualInformationOptions,
): SubsampledMutualInformation {
  const fn = 'subsampledMutualInformation';
  if (options === null || typeof options !== 'object') throw new TypeError(`${fn}: options must be an object with sample, got ${show(options)}`);
  const { sample, replicates, level, ...rest } = checkOptions(fn, options, [
    'sample', 'replicates', 'level', 'estimator', 'correction', 'bins', 'binning', 'k', 'normalize', 'noise', 'seed', 'discrete', 'base', 'backend',
  ]) as unknown as SubsampledMutualInformationOptions;
  const xs = unwrapArrow(fn, 'x', x);
  const ys = unwrapArrow(fn, 'y', y);
  const N = checkSequence(fn, 'x', xs);
  sameLength(fn, 'x', N, 'y', checkSequence(fn, 'y', ys));
  const n = intIn(fn, 'sample', sample, 2, N, `[2, N] = [2, ${N}]`);
  const B = replicates === undefined ? 10 : intIn(fn, 'replicates', replicates, 2, 10000, '[2, 10000]');
  const lvl = level === undefined ? 0.95 : level;
  if (typeof lvl !== 'number' || !(lvl > 0 && lvl < 1)) throw new RangeError(`${fn}: level must be a number in (0, 1), got ${show(level)}`);
  const seed = rest.seed === undefined ? 0 : intIn(fn, 'seed', rest.seed, 0, 2 ** 32 - 1, '[0, 2^32 − 1]');
  const values = Float64Array.from(subsampleIndices(N, n, B, seed), (idx) => {
    const gx = gather(xs, idx);
    const gy = gather(ys, idx);
    // The seed drew the rows; only the k-NN estimators also take it (for their noise).
    const est = rest.estimator === undefined || rest.estimator === 'auto' ? selectEstimator(gx, gy).estimator : rest.estimator;
    const o = ['ksg', 'ksg2', 'mixed'].includes(est) ? rest : { ...rest, seed: undefined };
    return mutualInformationAs(fn, gx, gy, o);
  });
  const sorted = values.slice().sort();
  let mean = 0;
  for (const v of values) mean += v / B;
  return {
    estimate: values[0],
    mean,
    low: quantileSorted(sorted, (1 - lvl) / 2),
    high: quantileSorted(sorted, (1 + lvl) / 2),
    level: lvl,
    sample: n,
    replicates: values,
  };
}
