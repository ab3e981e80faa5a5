import { kernelsFor, type BackendOption } from '../backend/select.js';
import { fromDense } from '../core/contingency.js';
import { readTable, type CountTable } from '../core/counts.js';
import { correctionOption, type DiscreteEntropyEstimator } from '../core/estimatorOptions.js';
import { checkOptions, logBase } from '../core/validate.js';
import { correctedMutualInfoNats } from './biasCorrected.js';

/** Options of {@link mutualInformationFromCounts}. */
export interface MutualInformationFromCountsOptions {
  /** The entropy estimator behind H(X) + H(Y) − H(X,Y) (see {@link entropy}). Default `'plugin'` (sklearn's number). */
  correction?: DiscreteEntropyEstimator;
  /** Logarithm base of the result: e (nats, the default), 2 (bits), or any b > 0, b ≠ 1. */
  base?: number;
  /** Which kernels run the sums. Default `'auto'`. */
  backend?: BackendOption;
}

/**
 * Mutual information from a contingency table made elsewhere, e.g. a SQL
 * `GROUP BY x, y` over a billion rows, without the raw data. The table is rows of
 * counts (number[][]) or `{ data, rows, cols }` in row-major order. The result equals
 * `mutualInformation(x, y, { estimator: 'discrete', correction })` on labels with these
 * counts: empty rows and columns are values never observed and are dropped.
 *
 * Units: nats unless `base` is given. Cost: O(rows·cols).
 * Reference: Cover & Thomas, ch. 2; sklearn `mutual_info_score(contingency=…)` for the plug-in value.
 * @throws TypeError if the table is not rows of numbers or { data, rows, cols }, or an option is unknown
 * @throws RangeError if a count is negative or not an integer, all are 0, the total passes 2^53 − 1, rows are ragged,
 *   data does not hold rows·cols counts, or an option value is invalid
 * @example
 * mutualInformationFromCounts([[10, 0], [0, 10]], { base: 2 }); // => 0.9999999999999996 (1 bit)
 * mutualInformationFromCounts({ data: [5, 5, 5, 5], rows: 2, cols: 2 }); // => 0
 */
export function mutualInformationFromCounts(table: CountTable, options?: MutualInformationFromCountsOptions): number {
  const fn = 'mutualInformationFromCounts';
  const o = checkOptions(fn, options, ['correction', 'base', 'backend']);
  const est = correctionOption(fn, o.correction);
  const div = logBase(fn, o.base);
  const t = readTable(fn, table);
  const k = kernelsFor(fn, o.backend);
  return correctedMutualInfoNats(k, fromDense(t.data, t.rows, t.cols, t.total), est) / div;
}
