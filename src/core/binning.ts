// Bin edges with numpy's (1.24) histogram_bin_edges rules, and equal-frequency cuts.
import type { Kernels } from '../backend/kernels.js';
import { npLinspace, npMean, npQuantileSorted, npStd } from './numpyStats.js';

/** The automatic bin-count rules of numpy.histogram_bin_edges. */
export type BinRule = 'sqrt' | 'sturges' | 'rice' | 'scott' | 'fd' | 'doane' | 'auto';
/** Equal-width bins over the data's range, or equal-frequency bins cut at its quantiles. */
export type BinningMethod = 'equal-width' | 'equal-frequency';
/** A number of bins, or a rule that picks it. */
export type Bins = number | BinRule;

export const BIN_RULES: readonly BinRule[] = ['sqrt', 'sturges', 'rice', 'scott', 'fd', 'doane', 'auto'];
export const BINNING_METHODS: readonly BinningMethod[] = ['equal-width', 'equal-frequency'];
/** Above this many bins the edges alone would take 128 MB: a rule asking for more is refused. */
export const MAX_BINS = 1 << 24;

/** One column with its range; the sorted copy is made only for the rules and cuts that need quantiles. */
export class Column {
  readonly min: number;
  readonly max: number;
  private s: Float64Array | undefined;
  constructor(readonly x: Float64Array) {
    let lo = x[0];
    let hi = x[0];
    for (let i = 1; i < x.length; i++) {
      const v = x[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    this.min = lo;
    this.max = hi;
  }
  get sorted(): Float64Array {
    return (this.s ??= this.x.slice().sort());
  }
}

/** numpy's _hist_bin_fd: 2·IQR·n^(−1/3), the IQR from np.percentile (linear). */
function fdWidth(sorted: Float64Array): number {
  const iqr = npQuantileSorted(sorted, 0.75) - npQuantileSorted(sorted, 0.25);
  return 2.0 * iqr * Math.pow(sorted.length, -1.0 / 3.0);
}

/** numpy's _hist_bin_doane: Sturges corrected by the sample skewness g1. */
function doaneWidth(x: Float64Array, ptp: number): number {
  const n = x.length;
  if (n <= 2) return 0;
  const sg1 = Math.sqrt((6.0 * (n - 2)) / ((n + 1.0) * (n + 3)));
  const sigma = npStd(x);
  if (!(sigma > 0)) return 0;
  const mean = npMean(x);
  const cubes = new Float64Array(n);
  for (let i = 0; i < n; i++) cubes[i] = Math.pow((x[i] - mean) / sigma, 3);
  const g1 = npMean(cubes);
  return ptp / (1.0 + Math.log2(n) + Math.log2(1.0 + Math.abs(g1) / sg1));
}

/** The bin width a rule asks for; 0 means "one bin" (e.g. fd with a zero IQR), as in numpy. */
function ruleWidth(rule: BinRule, c: Column): number {
  const x = c.x;
  const n = x.length;
  const ptp = c.max - c.min;
  switch (rule) {
    case 'sqrt':
      return ptp / Math.sqrt(n);
    case 'sturges':
      return ptp / (Math.log2(n) + 1.0);
    case 'rice':
      return ptp / (2.0 * Math.pow(n, 1.0 / 3));
    case 'scott':
      return Math.pow((24.0 * Math.pow(Math.PI, 0.5)) / n, 1.0 / 3.0) * npStd(x);
    case 'fd':
      return fdWidth(c.sorted);
    case 'doane':
      return doaneWidth(x, ptp);
    case 'auto': {
      const fd = fdWidth(c.sorted);
      const sturges = ptp / (Math.log2(n) + 1.0);
      return fd ? Math.min(fd, sturges) : sturges;
    }
  }
}

/** numpy's _get_outer_edges: the data range, widened by ½ on each side when it is a single value. */
function outerEdges(c: Column): [number, number] {
  return c.min === c.max ? [c.min - 0.5, c.max + 0.5] : [c.min, c.max];
}

/** The number of equal-width bins numpy would use: the given number, or ⌈range / width⌉ for a rule. */
export function binCount(bins: Bins, c: Column): number {
  if (typeof bins === 'number') return bins;
  const [first, last] = outerEdges(c);
  const width = ruleWidth(bins, c);
  return width ? Math.ceil((last - first) / width) : 1;
}

/**
 * Bin edges for one column. Equal-width: numpy.histogram_bin_edges(x, bins).
 * Equal-frequency: np.quantile(x, np.linspace(0, 1, bins + 1)) with repeated edges
 * (from ties) merged, so a bin is never empty by construction.
 */
export function binEdges(c: Column, nBins: number, method: BinningMethod): Float64Array {
  if (method === 'equal-width') {
    const [first, last] = outerEdges(c);
    return npLinspace(first, last, nBins + 1);
  }
  const sorted = c.sorted;
  const q = npLinspace(0, 1, nBins + 1);
  const edges: number[] = [];
  for (let i = 0; i <= nBins; i++) {
    const e = npQuantileSorted(sorted, q[i]);
    if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
  }
  if (edges.length === 1) return Float64Array.of(edges[0] - 0.5, edges[0] + 0.5);
  return Float64Array.from(edges);
}

/** Bins one column: its edges, and each value's bin code from the binning kernel. */
export function binColumn(
  k: Kernels,
  x: Float64Array,
  nBinsFor: (c: Column) => number,
  method: BinningMethod,
): { codes: Int32Array; edges: Float64Array } {
  const c = new Column(x);
  const edges = binEdges(c, nBinsFor(c), method);
  return { codes: k.binCodes(x, edges), edges };
}
