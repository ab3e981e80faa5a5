import { kernelsFor, type BackendOption } from '../backend/select.js';
import { classCounts } from '../core/contingency.js';
import { readCounts } from '../core/counts.js';
import { alphabetOption } from '../core/estimatorOptions.js';
import type { Labels } from '../core/labels.js';
import { checkOptions, checkSequence, logBase } from '../core/validate.js';
import { correctedEntropyNats, shrinkageLambda } from './biasCorrected.js';

/** Options of {@link shrinkageEntropy}. */
export interface ShrinkageEntropyOptions {
  /** Alphabet size: the target is uniform over K cells. Default: the number of observed values. */
  K?: number;
  /** Logarithm base of the entropy: e (nats, the default), 2 (bits), or any b > 0, b ≠ 1. */
  base?: number;
  /** Which kernels run the counting. Default `'auto'`. */
  backend?: BackendOption;
}

/** The James–Stein shrinkage entropy and the shrinkage intensity behind it. */
export interface ShrinkageEntropy {
  /** The entropy, as `entropy(x, { estimator: 'shrink' })`. */
  entropy: number;
  /** The shrinkage intensity λ in [0, 1]: 0 keeps the observed frequencies, 1 is the uniform target. */
  lambda: number;
}

function shrink(fn: string, counts: Float64Array, o: Record<string, unknown>, div: number): ShrinkageEntropy {
  const k = kernelsFor(fn, o.backend);
  let m = 0;
  for (const c of counts) if (c > 0) m++;
  const K = alphabetOption(fn, o.K, m);
  return { entropy: correctedEntropyNats(k, counts, 'shrink', K) / div, lambda: shrinkageLambda(counts, K) };
}

/**
 * James–Stein shrinkage entropy of labels, with the shrinkage intensity λ it used:
 * the frequencies are pulled toward the uniform 1/K by λ = (1 − Σ p̂²) / ((N − 1) Σ (1/K − p̂)²),
 * clipped to [0, 1], and the plug-in entropy is taken of λ/K + (1 − λ)p̂.
 *
 * Units: nats unless `base` is given (λ has none). Cost: O(N + K).
 * Reference: Hausser & Strimmer, JMLR 10, 2009, eq. 8; R entropy `entropy.shrink`.
 * @throws TypeError if x is not an array of labels, or an option is unknown
 * @throws RangeError if x is empty, K is below the number of observed values, or an option value is invalid
 * @example
 * shrinkageEntropy([0, 0, 0, 0, 0, 0, 0, 1, 1, 2]);
 * // => { entropy: 0.93255496915411, lambda: 0.2473118279569893 } (λ = 23/93)
 */
export function shrinkageEntropy(x: Labels, options?: ShrinkageEntropyOptions): ShrinkageEntropy {
  const fn = 'shrinkageEntropy';
  const o = checkOptions(fn, options, ['K', 'base', 'backend']);
  const div = logBase(fn, o.base);
  checkSequence(fn, 'x', x);
  return shrink(fn, classCounts(kernelsFor(fn, o.backend), fn, x), o, div);
}

/**
 * {@link shrinkageEntropy} from class counts made elsewhere; zero counts are values
 * never observed (they count toward K only when K is given).
 *
 * Units: nats unless `base` is given (λ has none). Cost: O(number of counts).
 * Reference: Hausser & Strimmer, JMLR 10, 2009, eq. 8; R entropy `freqs.shrink`.
 * @throws TypeError if counts is not an array of numbers, or an option is unknown
 * @throws RangeError if a count is negative or not an integer, all are 0, the total passes 2^53 − 1, or K is below the number of non-zero counts
 * @example
 * shrinkageEntropyFromCounts([7, 2, 1]).lambda; // => 0.2473118279569893 (23/93)
 */
export function shrinkageEntropyFromCounts(counts: ArrayLike<number>, options?: ShrinkageEntropyOptions): ShrinkageEntropy {
  const fn = 'shrinkageEntropyFromCounts';
  const o = checkOptions(fn, options, ['K', 'base', 'backend']);
  const div = logBase(fn, o.base);
  return shrink(fn, readCounts(fn, 'counts', counts), o, div);
}
