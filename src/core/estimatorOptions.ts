// Option checks shared by the estimator families: which options an estimator takes,
// the `correction` option, and the alphabet size K.
import { oneOf, show } from './validate.js';

/** The discrete entropy estimators. */
export type DiscreteEntropyEstimator =
  | 'plugin'
  | 'miller-madow'
  | 'chao-shen'
  | 'shrink'
  | 'jeffreys'
  | 'laplace'
  | 'sg'
  | 'minimax';

export const DISCRETE_ESTIMATORS: readonly DiscreteEntropyEstimator[] = [
  'plugin', 'miller-madow', 'chao-shen', 'shrink', 'jeffreys', 'laplace', 'sg', 'minimax',
];

/** The estimators that depend on the alphabet size K (a pseudo-count or shrinkage target per cell). */
export const USES_ALPHABET: readonly DiscreteEntropyEstimator[] = ['shrink', 'jeffreys', 'laplace', 'sg', 'minimax'];

/**
 * Throws a TypeError for an option (set to anything but undefined) that the chosen
 * estimator does not take, rather than ignoring it silently.
 */
export function onlyOptions(fn: string, o: Record<string, unknown>, estimator: string, takes: readonly string[]): void {
  for (const key of Object.keys(o)) {
    if (key !== 'estimator' && o[key] !== undefined && !takes.includes(key)) {
      throw new TypeError(
        `${fn}: option ${JSON.stringify(key)} does not apply to estimator '${estimator}' (it takes: ${takes.join(', ')})`,
      );
    }
  }
}

/** The `correction` option: a discrete entropy estimator, default 'plugin'. */
export function correctionOption(fn: string, v: unknown): DiscreteEntropyEstimator {
  return oneOf(fn, 'correction', v, DISCRETE_ESTIMATORS, 'plugin');
}

/** Whether an estimator takes the alphabet size K. */
export function usesAlphabet(est: DiscreteEntropyEstimator): boolean {
  return USES_ALPHABET.includes(est);
}

/** Validates K against the m observed values; undefined means K = m. */
export function alphabetOption(fn: string, v: unknown, m: number): number {
  if (v === undefined) return m;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < m) {
    throw new RangeError(`${fn}: K must be an integer ≥ the number of observed values (${m}), got ${show(v)}`);
  }
  return v;
}
