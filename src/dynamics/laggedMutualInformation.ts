import type { Labels } from '../core/labels.js';
import { checkOptions, checkSequence, sameLength, show } from '../core/validate.js';
import { mutualInformationAs, type MutualInformationOptions } from '../estimators/mutualInformation.js';

/** Options of {@link laggedMutualInformation}: the lags, plus any option of mutualInformation. */
export interface LaggedMutualInformationOptions extends MutualInformationOptions {
  /** The lags to try: an array of integers (negative lags pair x_t with earlier y), or a number L for 0, 1, …, L; |lag| ≤ n − 1. Default 10 (n − 1 for shorter series). */
  lags?: number | readonly number[];
}

/** What {@link laggedMutualInformation} returns. */
export interface LaggedMutualInformation {
  lags: number[];
  /** values[i] = I(x_t ; y_{t+lags[i]}). */
  values: Float64Array;
  /** The lag of the largest value: where the two series are most related (the first in the order given among values within 1e-10·max(1, |v|) of it, so rounding does not decide). */
  best: number;
  /**
   * Among the lags in increasing order, the first whose value is below both neighbours'
   * by more than 1e-10·max(1, |value|) (Fraser & Swinney's choice of embedding delay for the
   * auto-MI, x = y), or null: a dip of rounding size is not a minimum.
   */
  firstMinimum: number | null;
}

/**
 * Differences up to 1e-10·max(1, |v|) are rounding, not structure: on independent data the
 * estimates are 0 give or take a few ulps (1e-16 to 1e-15), and the wasm and js backends
 * round them differently, so comparing them exactly made `best` and `firstMinimum` differ
 * between backends (fuzz seed 42: firstMinimum 8 on js, 9 on wasm). The same scale as the
 * permutation tests' tie tolerance.
 */
const ROUNDING = 1e-10;
const roundingOf = (v: number) => ROUNDING * Math.max(1, Math.abs(v));

/**
 * Lagged mutual information I(x_t ; y_{t+lag}) for each lag: at which lag are two series
 * related? With y = x it is the auto-MI, whose first minimum is the usual embedding delay
 * (Fraser & Swinney, Phys. Rev. A 33, 1134, 1986). Each lag uses the N − |lag| pairs that
 * both series cover and any estimator of {@link mutualInformation} (default `'auto'`), with
 * its options.
 *
 * Units: those of mutualInformation (`base`). Cost: one mutualInformation per lag.
 * @throws TypeError, RangeError as mutualInformation, and a RangeError when a lag is not an
 *   integer or leaves fewer than 2 pairs, or x and y differ in length
 * @example
 * const x = [0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1];
 * const y = [0, 0, ...x.slice(0, -2)];
 * laggedMutualInformation(x, y, { lags: 3, base: 2 }).best; // => 2
 */
export function laggedMutualInformation(x: Labels | ArrayLike<number>, y: Labels | ArrayLike<number>, options?: LaggedMutualInformationOptions): LaggedMutualInformation {
  const fn = 'laggedMutualInformation';
  const { lags: lagOpt, ...rest } = checkOptions(fn, options, [
    'lags', 'estimator', 'correction', 'bins', 'binning', 'discrete', 'k', 'normalize', 'noise', 'seed', 'base', 'backend',
  ]);
  const n = checkSequence(fn, 'x', x);
  sameLength(fn, 'x', n, 'y', checkSequence(fn, 'y', y));
  let lags: number[];
  if (lagOpt === undefined || typeof lagOpt === 'number') {
    const L = lagOpt ?? Math.min(10, Math.max(0, n - 1));
    if (!Number.isInteger(L) || (L as number) < 0) throw new RangeError(`${fn}: lags must be an integer ≥ 0 or an array of integers, got ${show(L)}`);
    // a lag of n or more leaves no pair (fuzz seed 42: lags 1e308 asked for an array of 1e308 lags)
    if ((L as number) > n - 1) throw new RangeError(`${fn}: lags must be at most n − 1 = ${n - 1}, got ${show(L)}`);
    lags = Array.from({ length: (L as number) + 1 }, (_, i) => i);
  } else if (Array.isArray(lagOpt) && lagOpt.length > 0) {
    lags = lagOpt.map((l, i) => {
      if (typeof l !== 'number' || !Number.isInteger(l)) throw new RangeError(`${fn}: lags[${i}] must be an integer, got ${show(l)}`);
      if (Math.abs(l) > n - 1) throw new RangeError(`${fn}: lags[${i}] must be in [−(n − 1), n − 1] = [${1 - n}, ${n - 1}], got ${show(l)}`);
      return l;
    });
  } else throw new RangeError(`${fn}: lags must be an integer ≥ 0 or a non-empty array of integers, got ${show(lagOpt)}`);
  const xs = Array.prototype.slice.call(x) as unknown[];
  const ys = Array.prototype.slice.call(y) as unknown[];
  const values = new Float64Array(lags.length);
  lags.forEach((lag, i) => {
    if (n - Math.abs(lag) < 2) throw new RangeError(`${fn}: lag ${lag} leaves ${Math.max(0, n - Math.abs(lag))} pairs of ${n} samples, fewer than 2`);
    const a = lag >= 0 ? xs.slice(0, n - lag) : xs.slice(-lag);
    const b = lag >= 0 ? ys.slice(lag) : ys.slice(0, n + lag);
    // Errors of the inner estimate carry this function's name.
    values[i] = mutualInformationAs(fn, a as Labels, b as Labels, rest as MutualInformationOptions);
  });
  // best: the first lag (in the order given) within rounding of the largest value
  let top = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[top]) top = i;
  let best = 0;
  while (values[best] < values[top] - roundingOf(values[top])) best++;
  const order = lags.map((_, i) => i).sort((p, q) => lags[p] - lags[q]);
  let firstMinimum: number | null = null;
  for (let s = 1; s + 1 < order.length; s++) {
    const v = values[order[s]];
    const tol = roundingOf(v);
    if (v < values[order[s - 1]] - tol && v < values[order[s + 1]] - tol) {
      firstMinimum = lags[order[s]];
      break;
    }
  }
  return { lags, values, best: lags[best], firstMinimum };
}
