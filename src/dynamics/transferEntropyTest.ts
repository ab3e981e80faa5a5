import { checkOptions, intIn } from '../core/validate.js';
import { DYNAMICS_KEYS } from './options.js';
import { runMeasure } from './measure.js';
import type { SeriesOrTrials } from './series.js';
import { prepareTE, TE_KEYS } from './te.js';
import type { TransferEntropyOptions } from './transferEntropy.js';
import { permutationPValue } from '../significance/nulls.js';

/** Options of {@link transferEntropyTest}: those of transferEntropy plus the surrogates'. */
export interface TransferEntropyTestOptions extends TransferEntropyOptions {
  /** Number of surrogates, an integer ≥ 1. Default 999. */
  permutations?: number;
  /** Seed of the permutations (and, for the k-NN estimators, of the noise), an integer in [0, 2^32 − 1]. Default 0. */
  seed?: number;
}

/** What {@link transferEntropyTest} returns. */
export interface TransferEntropyTestResult {
  /** The transfer entropy of the data, as transferEntropy returns it. */
  value: number;
  /** (1 + #{surrogates ≥ value − tol}) / (1 + permutations), tol = 1e-10·max(1, |value|): never 0. */
  pValue: number;
  /** Mean of the surrogate values. */
  nullMean: number;
  /** Standard deviation of the surrogate values (divisor permutations − 1; 0 for one surrogate). */
  nullStd: number;
  permutations: number;
  method: 'permutation';
}

/** A 32-bit mix of (seed, index) (the splitmix32 finaliser on a golden-ratio step): one stream per surrogate. */
function streamSeed(seed: number, index: number): number {
  let z = (seed + Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A seeded Fisher–Yates permutation of 0..n−1 from a mulberry32 stream. */
export function permutation(n: number, seed: number): Int32Array {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

/**
 * Is the transfer entropy from source to target real? A permutation test with JIDT's
 * surrogates (`computeSignificance`): the embedded source vectors X_{t−δ}^{(l)} are shuffled
 * across the observations (across trials too), which keeps the target's next value and
 * history together, and so their own dependence, and the source's own embedding, and
 * destroys only the source–target relation. Each surrogate's permutation comes from its
 * own stream seeded by (seed, index), so a result never depends on the order of work.
 * The p-value is (1 + #{null ≥ value − tol}) / (1 + permutations), with
 * tol = 1e-10·max(1, |value|), so that a null tied with the value up to rounding counts, on both backends alike.
 *
 * Units: those of transferEntropy (`base`). Cost: (permutations + 1) × one transferEntropy.
 * Reference: Lizier, JIDT (2014); Vicente et al., J. Comput. Neurosci. 30, 45 (2011).
 * @throws TypeError, RangeError as transferEntropy, and a RangeError when permutations is not an integer ≥ 1
 * @example
 * const x = [0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 0];
 * const y = [0, ...x.slice(0, -1)];
 * transferEntropyTest(x, y, { estimator: 'discrete', permutations: 99 }).pValue; // => 0.01
 */
export function transferEntropyTest(source: SeriesOrTrials, target: SeriesOrTrials, options?: TransferEntropyTestOptions): TransferEntropyTestResult {
  const fn = 'transferEntropyTest';
  // The seed drives the permutations for every estimator, and the noise for the k-NN ones.
  const o = checkOptions(fn, options, [...TE_KEYS, ...DYNAMICS_KEYS, 'permutations']);
  const { permutations: perms, ...rest } = o;
  const knn = rest.estimator === undefined || rest.estimator === 'ksg' || rest.estimator === 'ksg2';
  const seed = rest.seed === undefined ? 0 : intIn(fn, 'seed', rest.seed, 0, 2 ** 32 - 1, '[0, 2^32 - 1]');
  if (!knn) delete rest.seed;
  const permutations = perms === undefined ? 999 : intIn(fn, 'permutations', perms, 1, 2 ** 31 - 1, '[1, 2^31 - 1]');
  const { pr } = prepareTE(fn, source, target, null, rest);
  const value = runMeasure(pr, false).value;
  let sum = 0;
  let sum2 = 0;
  const nullValues = new Float64Array(permutations);
  for (let i = 0; i < permutations; i++) {
    const v = runMeasure(pr, false, permutation(pr.lay.n, streamSeed(seed, i))).value;
    nullValues[i] = v;
    sum += v;
  }
  const nullMean = sum / permutations;
  for (let i = 0; i < permutations; i++) sum2 += (nullValues[i] - nullMean) ** 2;
  return {
    value,
    pValue: permutationPValue(value, nullValues),
    nullMean,
    nullStd: permutations > 1 ? Math.sqrt(sum2 / (permutations - 1)) : 0,
    permutations,
    method: 'permutation',
  };
}
