import { readColumns, type NumericSequence } from '../core/numericSamples.js';
import { npMean, npSum } from '../core/numpyStats.js';
import { checkOptions, logBase, oneOf, show } from '../core/validate.js';

/** Spacing estimators of {@link differentialEntropy}, with scipy's names. */
export type SpacingMethod = 'vasicek' | 'van es' | 'ebrahimi' | 'correa' | 'auto';

/** Options of {@link differentialEntropy}. */
export interface DifferentialEntropyOptions {
  /** The estimator. `'auto'` (default): van Es for n ≤ 10, Ebrahimi for n ≤ 1000, Vasicek above, as scipy. */
  method?: SpacingMethod;
  /** The window m (an integer with 2 ≤ 2m < n). Default ⌊√n + ½⌋, as scipy. */
  windowLength?: number;
  /** Logarithm base of the result: e (nats, the default), 2 (bits), or any b > 0, b ≠ 1. */
  base?: number;
}

const METHODS: readonly SpacingMethod[] = ['vasicek', 'van es', 'ebrahimi', 'correa', 'auto'];

/** The sorted sample padded with m copies of its first and last values (scipy's _pad_along_last_axis). */
function padded(s: Float64Array, m: number): Float64Array {
  const n = s.length;
  const out = new Float64Array(n + 2 * m);
  for (let j = 0; j < out.length; j++) out[j] = s[Math.min(n - 1, Math.max(0, j - m))];
  return out;
}

function vasicek(s: Float64Array, m: number): number {
  const n = s.length;
  const X = padded(s, m);
  const logs = new Float64Array(n);
  for (let i = 0; i < n; i++) logs[i] = Math.log((n / (2 * m)) * (X[i + 2 * m] - X[i]));
  return npMean(logs);
}

function vanEs(s: Float64Array, m: number): number {
  const n = s.length;
  const logs = new Float64Array(n - m);
  for (let i = 0; i < n - m; i++) logs[i] = Math.log(((n + 1) / m) * (s[i + m] - s[i]));
  const harmonic = new Float64Array(n - m + 1);
  for (let k = m; k <= n; k++) harmonic[k - m] = 1 / k;
  return (1 / (n - m)) * npSum(logs) + npSum(harmonic) + Math.log(m) - Math.log(n + 1);
}

function ebrahimi(s: Float64Array, m: number): number {
  const n = s.length;
  const X = padded(s, m);
  const logs = new Float64Array(n);
  for (let i = 1; i <= n; i++) {
    const ci = i <= m ? 1 + (i - 1) / m : i >= n - m + 1 ? 1 + (n - i) / m : 2;
    logs[i - 1] = Math.log((n * (X[i - 1 + 2 * m] - X[i - 1])) / (ci * m));
  }
  return npMean(logs);
}

function correa(s: Float64Array, m: number): number {
  const n = s.length;
  const X = padded(s, m);
  const logs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // the window X[i .. i + 2m] of the padded array, centred on sample i; offsets dj = −m..m
    let mean = 0;
    for (let j = 0; j <= 2 * m; j++) mean += X[i + j];
    mean /= 2 * m + 1;
    let num = 0;
    let den = 0;
    for (let j = 0; j <= 2 * m; j++) {
      const diff = X[i + j] - mean;
      num += diff * (j - m);
      den += diff * diff;
    }
    logs[i] = Math.log(num / (n * den));
  }
  return -npMean(logs);
}

/**
 * Differential entropy of a 1-D continuous sample from its spacings (m-spacing
 * estimators), with the definitions, window rule and method names of
 * `scipy.stats.differential_entropy` (1.10): Vasicek (1976), van Es (1992),
 * Ebrahimi, Pflughoeft & Soofi (1994) and Correa (1995).
 *
 * Units: nats unless `base` is given (a differential entropy may be negative).
 * Cost: O(n log n) for the sort; Correa adds O(n·m). Reference: scipy 1.10
 * `differential_entropy`; Noughabi & Noughabi, Stat. Papers 54, 2013.
 * @throws TypeError if x is not a 1-D array of numbers, or an option is unknown
 * @throws RangeError if x holds NaN or ±Infinity, the method or base is invalid, the
 *   window fails 2 ≤ 2·windowLength < n, or ties make a spacing 0 (the estimate is −∞)
 * @example
 * differentialEntropy([0.1, 0.5, 0.3, 0.9, 0.7, 0.2, 0.8, 0.4, 0.6]); // => 0.12499544964231735 (van Es, m = 3; scipy 0.12499544964231779)
 * differentialEntropy(x, { method: 'vasicek', base: 2 }); // bits
 */
export function differentialEntropy(x: NumericSequence, options?: DifferentialEntropyOptions): number {
  const fn = 'differentialEntropy';
  const o = checkOptions(fn, options, ['method', 'windowLength', 'base']);
  let method = oneOf(fn, 'method', o.method, METHODS, 'auto');
  const div = logBase(fn, o.base);
  if (Array.isArray(x) && x.length > 0 && typeof x[0] === 'object') {
    throw new TypeError(`${fn}: x must be 1-D (an array of numbers or a typed array), got rows`);
  }
  const s = readColumns(fn, 'x', x).columns[0].sort();
  const n = s.length;
  // H(2^e·x) = H(x) + e ln 2: far from 1 the spacings are taken of x times a power of two
  // (exact), so that n·(x_(i+m) − x_(i−m)) neither overflows near 1.8e308 nor loses its
  // digits among the subnormals; e ln 2 is taken back off.
  const big = Math.max(Math.abs(s[0]), Math.abs(s[n - 1]));
  let e = 0;
  if (big > 2 ** 900 || (big > 0 && big < 2 ** -900)) {
    e = -Math.floor(Math.log2(big));
    const half = 2 ** Math.trunc(e / 2);
    const rest = 2 ** (e - Math.trunc(e / 2));
    for (let i = 0; i < n; i++) s[i] = s[i] * half * rest;
  }
  const m: unknown = o.windowLength === undefined ? Math.floor(Math.sqrt(n) + 0.5) : o.windowLength;
  if (o.windowLength === undefined && !(2 * (m as number) < n)) {
    throw new RangeError(`${fn}: x needs at least 5 values for the default window ⌊√n + ½⌋ = ${m} (2 ≤ 2m < n), got n = ${n}`);
  }
  if (typeof m !== 'number' || !Number.isInteger(m) || !(2 <= 2 * m && 2 * m < n)) {
    throw new RangeError(`${fn}: windowLength must be an integer with 2 ≤ 2·windowLength < n (n = ${n}), got ${show(m)}`);
  }
  if (method === 'auto') method = n <= 10 ? 'van es' : n <= 1000 ? 'ebrahimi' : 'vasicek';
  const h =
    method === 'vasicek' ? vasicek(s, m) : method === 'van es' ? vanEs(s, m) : method === 'ebrahimi' ? ebrahimi(s, m) : correa(s, m);
  if (!Number.isFinite(h)) {
    // after the scaling above no spacing overflows: only a spacing of 0 (ties) is left
    throw new RangeError(`${fn}: ties in x make a spacing 0 for window ${m}, so the '${method}' estimate is -Infinity; use a smaller windowLength or de-duplicate`);
  }
  return (h - e * Math.LN2) / div;
}
