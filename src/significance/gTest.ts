// The G-test of independence (the likelihood-ratio χ² test) for labels or a contingency
// table: G = 2N·I(X;Y) in nats, plug-in, against χ² with (R − 1)(C − 1) degrees of freedom.
import type { Kernels } from '../backend/kernels.js';
import { kernelsFor, type BackendOption } from '../backend/select.js';
import { contingency, fromDense, type Contingency } from '../core/contingency.js';
import { readTable, type CountTable } from '../core/counts.js';
import { chiSquareSurvival } from '../core/gammaInc.js';
import type { Labels } from '../core/labels.js';
import { checkOptions, logBase } from '../core/validate.js';
import { checkLabelPair, pluginMutualInfoNats } from '../estimators/discrete.js';

/** Options of {@link gTest} and {@link gTestFromCounts}. */
export interface GTestOptions {
  /** Logarithm base of `value` (the statistic and p-value do not depend on it). Default e (nats). */
  base?: number;
  /** Which kernels count and sum. Default `'auto'`. */
  backend?: BackendOption;
}

/** What {@link gTest} and {@link gTestFromCounts} return. */
export interface GTestResult {
  /** The plug-in mutual information, in the units of `base`. */
  value: number;
  /** G = 2N·I in nats: scipy's `chi2_contingency(..., lambda_='log-likelihood')` statistic. */
  statistic: number;
  /** (R − 1)(C − 1), over the classes that occur. */
  dof: number;
  /** Pr[χ²_dof ≥ G]; 1 when dof is 0 (a side with one class). */
  pValue: number;
}

/** G, its degrees of freedom and p-value from a contingency table (no validation). */
export function gTestNats(k: Kernels, t: Contingency): { mi: number; statistic: number; dof: number; pValue: number } {
  const dof = (t.rows.length - 1) * (t.cols.length - 1);
  const mi = pluginMutualInfoNats(k, t);
  const statistic = 2 * t.n * mi;
  return { mi, statistic, dof, pValue: dof === 0 ? 1 : chiSquareSurvival(statistic, dof) };
}

function result(k: Kernels, t: Contingency, div: number): GTestResult {
  const r = gTestNats(k, t);
  return { value: r.mi / div, statistic: r.statistic, dof: r.dof, pValue: r.pValue };
}

/**
 * The G-test of independence of two label sequences: G = 2N·I(X;Y) with I the plug-in MI in
 * nats, referred to χ² with (R − 1)(C − 1) degrees of freedom (R, C: the classes observed).
 * Analytic and valid for large counts (rule of thumb: expected cell counts ≥ 5); for small
 * samples prefer `mutualInformationTest(x, y, { method: 'permutation' })`.
 *
 * Cost: O(N + R·C). Reference: Sokal & Rohlf, Biometry, ch. 17; the same statistic and
 * p-value as scipy.stats.chi2_contingency(table, correction=False, lambda_='log-likelihood').
 * @throws TypeError if x or y is not an array of labels, or an option is unknown
 * @throws RangeError if they are empty, of different lengths, or hold NaN or ±Infinity
 * @example
 * gTest([0, 0, 0, 1, 1, 1, 0, 1], [0, 0, 1, 1, 1, 1, 0, 0]);
 * // => { value: 0.13081203594113666, statistic: 2.0929925750581866, dof: 1, pValue: 0.14797595938502753 }
 */
export function gTest(x: Labels, y: Labels, options?: GTestOptions): GTestResult {
  const fn = 'gTest';
  const o = checkOptions(fn, options, ['base', 'backend']);
  const div = logBase(fn, o.base);
  checkLabelPair(fn, x, y, ['x', 'y']);
  const k = kernelsFor(fn, o.backend);
  return result(k, contingency(k, fn, x as ArrayLike<unknown>, y as ArrayLike<unknown>, ['x', 'y']), div);
}

/**
 * The G-test of independence from a contingency table made elsewhere (rows of counts, or
 * `{ data, rows, cols }` row-major), e.g. a SQL `GROUP BY x, y`. Empty rows and columns are
 * values never observed and do not count towards the degrees of freedom.
 *
 * Cost: O(rows·cols). Reference: as {@link gTest}.
 * @throws TypeError if the table is not rows of numbers or { data, rows, cols }, or an option is unknown
 * @throws RangeError if a count is negative or not an integer, all are 0, or rows are ragged
 * @example
 * gTestFromCounts([[10, 2], [3, 9]]).pValue; // => 0.0030210823182699902
 */
export function gTestFromCounts(table: CountTable, options?: GTestOptions): GTestResult {
  const fn = 'gTestFromCounts';
  const o = checkOptions(fn, options, ['base', 'backend']);
  const div = logBase(fn, o.base);
  const t = readTable(fn, table);
  const k = kernelsFor(fn, o.backend);
  return result(k, fromDense(t.data, t.rows, t.cols, t.total), div);
}
