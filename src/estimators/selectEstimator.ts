// Auto-selection for mutualInformation(x, y) with estimator 'auto'.
import { unwrapArrow } from '../tables/arrow.js';

/** How auto-selection reads one side. */
export type SideKind = 'labels' | 'continuous';

/** The estimator that auto-selection picks, and why. */
export interface EstimatorChoice {
  /**
   * `'discrete'` (both sides labels), `'ksg'` (both continuous) or `'mixed'` (one of each).
   * `'mixed'` is the Ross (2014) estimator, for labels against a continuous sample.
   */
  estimator: 'discrete' | 'ksg' | 'mixed';
  /** How x and y were read. */
  x: SideKind;
  y: SideKind;
  /** One sentence saying which rule decided. */
  reason: string;
}

/**
 * Reads one side: rows (an array whose first element is an array or typed array) are
 * continuous vectors; any value that is not a finite number (string, boolean, bigint,
 * null, NaN, …) makes the side labels; a 1-D numeric side is labels when it has at most
 * max(2, min(⌊N/4⌋, ⌊√N⌋)) distinct values, else continuous. Each label then repeats at
 * least four times on average (ties that KSG's tie-free assumption cannot absorb), and two
 * such sides have a plug-in bias (R − 1)(C − 1)/2N below ½ nat; a column such as age in
 * years (58 levels in 442 rows) stays continuous. Returns the kind and why.
 */
export function readSide(x: unknown): [SideKind, string] {
  // Anything that is not a clean numeric array goes to the labels side, whose
  // validation then names the offending value.
  if (!Array.isArray(x) && !(ArrayBuffer.isView(x) && !(x instanceof DataView))) return ['labels', 'not an array'];
  const a = x as ArrayLike<unknown>;
  const n = a.length;
  if (n > 0 && (Array.isArray(a[0]) || ArrayBuffer.isView(a[0]))) return ['continuous', `rows of ${(a[0] as ArrayLike<unknown>).length} numbers`];
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (typeof v !== 'number') return ['labels', `holds ${v === null ? 'null' : typeof v} values`];
    if (!Number.isFinite(v)) return ['labels', `holds ${v}`];
  }
  const limit = Math.max(2, Math.min(Math.floor(n / 4), Math.floor(Math.sqrt(n))));
  const seen = new Set<unknown>();
  for (let i = 0; i < n; i++) {
    seen.add(a[i]);
    if (seen.size > limit) return ['continuous', `more than max(2, min(N/4, √N)) = ${limit} distinct numbers`];
  }
  return ['labels', `${seen.size} distinct numbers among ${n}, at most max(2, min(N/4, √N)) = ${limit}`];
}

/**
 * Which estimator mutualInformation(x, y) with `estimator: 'auto'` uses, and why.
 * A side is **labels** if it holds any value that is not a finite number (strings,
 * booleans, bigints; null or NaN too, so that the label checks report them), or if it is
 * a 1-D numeric array with at most max(2, min(⌊N/4⌋, ⌊√N⌋)) distinct values; it is **continuous** if
 * it is an array of rows, or a 1-D numeric array with more distinct values than that.
 * Both labels: `'discrete'` (plug-in MI). Both continuous: `'ksg'` (KSG algorithm 1).
 * One of each: `'mixed'`, the Ross (2014) estimator. A labels side whose values are all
 * distinct is flagged in `reason` as suspicious (an identifier, or numbers read as text):
 * plug-in MI with it is H of the other side, whatever the data.
 *
 * Cost: O(N) per side (a Set of the distinct values, stopped early at the limit).
 * @example
 * selectEstimator(['a', 'b', 'a', 'b'], [0, 1, 0, 1]).estimator; // => 'discrete'
 * selectEstimator([0.1, 0.5, 0.2, 0.9], [1.3, 2.2, 0.4, 0.8]).estimator; // => 'ksg'
 */
export function selectEstimator(x: unknown, y: unknown): EstimatorChoice {
  x = unwrapArrow('selectEstimator', 'x', x);
  y = unwrapArrow('selectEstimator', 'y', y);
  const [kx, why] = readSide(x);
  const [ky, whyY] = readSide(y);
  const estimator = kx === ky ? (kx === 'labels' ? 'discrete' : 'ksg') : 'mixed';
  const reason = `x is ${kx} (${why}${allDistinct(kx, x)}) and y is ${ky} (${whyY}${allDistinct(ky, y)})`;
  return { estimator, x: kx, y: ky, reason };
}

/**
 * A warning for a labels side whose N ≥ 3 values are all distinct: an identifier, or numbers
 * read as text (a stray token, decimal commas). Its plug-in MI with anything is then H of
 * the other side, up to ln N, whatever the data: a meaningless number.
 */
function allDistinct(kind: SideKind, x: unknown): string {
  if (kind !== 'labels' || !(Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView)))) return '';
  const a = x as ArrayLike<unknown>;
  if (a.length < 3) return '';
  const seen = new Set<unknown>();
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (seen.has(v) || Array.isArray(v) || ArrayBuffer.isView(v)) return '';
    seen.add(v);
  }
  return `; suspicious: all ${a.length} labels are distinct, as in an identifier or numbers read as text, so MI with them only measures N`;
}
