import { kernelsFor, type BackendOption } from '../backend/select.js';
import { binColumn, type BinningMethod, type Bins } from '../core/binning.js';
import { binCountFor, binningOption, binsOption } from '../core/binOptions.js';
import { readColumns, type NumericSequence } from '../core/numericSamples.js';
import { checkOptions } from '../core/validate.js';
import { unwrapArrow } from '../tables/arrow.js';

/** Options of {@link discretize}. */
export interface DiscretizeOptions {
  /** `'equal-width'` (default) bins over the range, or `'equal-frequency'` bins cut at the quantiles. */
  method?: BinningMethod;
  /** A number of bins, or numpy's rule: 'sqrt', 'sturges', 'rice', 'scott', 'fd', 'doane' or 'auto'. Default 10, as numpy. */
  bins?: Bins;
  /** Which kernels assign the bins. Default `'auto'`. */
  backend?: BackendOption;
}

/** Bin codes and edges of 1-D data. */
export interface Discretized {
  /** codes[i] is the bin of x[i], in [0, edges.length − 1). */
  codes: Int32Array;
  /** The bin edges, ascending; bin j is [edges[j], edges[j+1]), the last one closed. */
  edges: Float64Array;
}

/** Bin codes and edges of vector data, one entry per dimension (column). */
export interface DiscretizedColumns {
  /** codes[d][i] is the bin of dimension d of sample i. */
  codes: Int32Array[];
  /** edges[d] are the edges of dimension d. */
  edges: Float64Array[];
}

/**
 * Discretizes continuous data into bins, each dimension on its own. Equal-width bins
 * span [min, max] exactly as `numpy.histogram_bin_edges` (1.24), including its rules
 * for the number of bins ('sqrt' ⌈√n⌉, 'sturges' ⌈log2 n⌉ + 1, 'rice' ⌈2n^⅓⌉, 'scott',
 * 'fd' (Freedman–Diaconis), 'doane', 'auto' = the narrower of fd and sturges) and its
 * convention that a constant column gets the range [v − ½, v + ½]. A value on an edge
 * goes to the bin on its right; the maximum goes to the last bin, as in
 * `numpy.histogram`. Equal-frequency bins cut at `np.quantile(x, linspace(0, 1, bins + 1))`;
 * edges repeated by ties are merged, so there may be fewer bins than asked.
 *
 * Cost: O(n log n) per dimension (a sort for the range and quantiles, then a binary
 * search per value in the binning kernel). Reference: numpy 1.24 `histogram_bin_edges`;
 * Freedman & Diaconis 1981; Scott 1979; Doane 1976; Sturges 1926.
 * @throws TypeError if x is not numeric data, or an option is unknown
 * @throws RangeError if x is empty, holds NaN or ±Infinity, has ragged rows, bins is
 *   not a positive integer or a known rule (or a rule asks for more than 2^24 bins), or the method is unknown
 * @example
 * discretize([1, 2, 3, 4, 10], { bins: 3 });
 * // => { codes: Int32Array [0, 0, 0, 1, 2], edges: Float64Array [1, 4, 7, 10] }
 * discretize([[0, 5], [1, 5], [2, 6]], { bins: 2 }).codes;
 * // => [Int32Array [0, 1, 1], Int32Array [0, 0, 1]]
 */
export function discretize(x: NumericSequence, options?: DiscretizeOptions): Discretized;
export function discretize(x: ReadonlyArray<ArrayLike<number>>, options?: DiscretizeOptions): DiscretizedColumns;
export function discretize(
  x: NumericSequence | ReadonlyArray<ArrayLike<number>>,
  options?: DiscretizeOptions,
): Discretized | DiscretizedColumns {
  const fn = 'discretize';
  x = unwrapArrow(fn, 'x', x, 'auto');
  const o = checkOptions(fn, options, ['method', 'bins', 'backend']);
  const method = binningOption(fn, 'method', o.method);
  const nBinsFor = binCountFor(fn, binsOption(fn, o.bins));
  const k = kernelsFor(fn, o.backend);
  const rows = Array.isArray(x) && x.length > 0 && typeof x[0] === 'object';
  const { columns } = readColumns(fn, 'x', x);
  const binned = columns.map((c) => binColumn(k, c, nBinsFor, method));
  if (!rows) return binned[0];
  return { codes: binned.map((b) => b.codes), edges: binned.map((b) => b.edges) };
}
