// The public option and data types of ContingencyTable (contingencyTable.ts).
import type { BackendOption } from '../backend/select.js';
import type { AverageMethod } from '../core/average.js';
import type { DiscreteEntropyEstimator } from '../core/estimatorOptions.js';
import type { Label } from '../core/labels.js';
// for the {@link} targets of the docs below
import type { ContingencyTable } from './contingencyTable.js';

/** A group of the table's variables: one of them, or several jointly. */
export type TableVariables = 'x' | 'y' | 'z' | 'xy' | 'xz' | 'yz' | 'xyz';

/** One cell of a GROUP BY result: `[x, y, n]`, `[x, y, z, n]`, or `{ x, y, z?, n }`. */
export type CountRow = readonly [Label, Label, number] | readonly [Label, Label, Label, number] | { x: Label; y: Label; z?: Label; n: number | bigint };

/** Options of the MI-like measures of a {@link ContingencyTable}. */
export interface TableMeasureOptions {
  /** Entropy estimator behind the sum of entropies. Default `'plugin'`. */
  correction?: DiscreteEntropyEstimator;
  /** Logarithm base: e (nats, default), 2 (bits), or any b > 0, b ≠ 1. */
  base?: number;
  /** Which kernels run the sums. Default `'auto'`. */
  backend?: BackendOption;
}

/** Options of {@link ContingencyTable.entropy}. */
export interface TableEntropyOptions {
  /** The discrete entropy estimator. Default `'plugin'`. */
  estimator?: DiscreteEntropyEstimator;
  /** Alphabet size for the estimators that use one. Default: the product of the observed alphabets. */
  K?: number;
  base?: number;
  backend?: BackendOption;
}

/** Options of the normalized and adjusted scores of a {@link ContingencyTable}. */
export interface TableScoreOptions {
  /** How the two entropies are averaged. Default `'arithmetic'` (sklearn). */
  averageMethod?: AverageMethod;
  backend?: BackendOption;
}

/** The JSON form of a {@link ContingencyTable} (`toJSON()`); bigint labels are `{ bigint: "…" }`. */
export interface ContingencyTableJSON {
  format: 'mutinfo.ContingencyTable';
  version: 1;
  dimensions: 2 | 3;
  labels: unknown[][];
  /** `[i, j, n]` or `[i, j, k, n]`: indices into labels, and the count. */
  cells: number[][];
}
