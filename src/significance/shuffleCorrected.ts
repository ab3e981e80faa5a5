// mutualInformation(x, y, { shuffleCorrected }): the estimate minus its permutation null mean.
import { logBase, show } from '../core/validate.js';
import { meanStd, nullChunk } from './nulls.js';
import { statisticSpec } from './spec.js';
import type { GenericEstimate } from './statistic.js';
import { estimatorOptions, seedOption } from './testOptions.js';

/**
 * I(X; Y) − mean of P permuted estimates, in the units of o.base. `estimate` is
 * mutualInformation itself (validating x, y and o, and naming fn in its errors).
 */
export function shuffleCorrectedValue(fn: string, x: unknown, y: unknown, o: Record<string, unknown>, setting: unknown, estimate: GenericEstimate): number {
  let permutations = 100;
  if (typeof setting === 'number') {
    if (!Number.isInteger(setting) || setting < 1 || setting > 1e8) {
      throw new RangeError(`${fn}: shuffleCorrected must be a boolean or an integer in [1, 1e8] (the number of shuffles), got ${show(setting)}`);
    }
    permutations = setting;
  } else if (setting !== true) {
    throw new TypeError(`${fn}: shuffleCorrected must be a boolean or an integer in [1, 1e8] (the number of shuffles), got ${show(setting)}`);
  }
  const seed = seedOption(fn, o.seed);
  const miOpts = estimatorOptions(x, y, o, ['seed']);
  const value = estimate(x, y, miOpts);
  const spec = statisticSpec(fn, x, y, miOpts);
  const nulls = nullChunk({ spec, seed, from: 0, to: permutations }, (a, b, opts) => estimate(a, b, opts));
  return value - meanStd(nulls)[0] / logBase(fn, o.base);
}
