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

/** The next double above v (v finite); +Infinity above the largest. */
function nextUp(v: number): number {
  if (v === 0) return Number.MIN_VALUE;
  const b = new Float64Array([v]);
  const u = new BigInt64Array(b.buffer);
  u[0] += v > 0 ? 1n : -1n;
  return b[0];
}

/** The next double below v. */
function nextDown(v: number): number {
  return -nextUp(-v);
}

/**
 * The range [v − ½, v + ½] that numpy gives a single value, kept a real interval where ½
 * is below v's resolution (|v| ≥ 2^53): the neighbouring doubles instead, and v itself as
 * the top at the largest double.
 */
function aroundValue(v: number): [number, number] {
  let lo = v - 0.5;
  let hi = v + 0.5;
  if (lo === v) lo = nextDown(v);
  if (hi === v) hi = nextUp(v);
  if (!Number.isFinite(hi)) hi = v;
  if (!Number.isFinite(lo)) lo = v;
  return [lo, hi];
}

/** numpy's _get_outer_edges: the data range, widened by ½ on each side when it is a single value. */
function outerEdges(c: Column): [number, number] {
  return c.min === c.max ? aroundValue(c.min) : [c.min, c.max];
}

/**
 * numpy.linspace(first, last, n), exactly, when last − first is finite; else (a range
 * past the largest double, e.g. [−1e308, 1e308]) first·(1 − t) + last·t with t = i/(n − 1),
 * which never overflows.
 */
function linspaceSafe(first: number, last: number, num: number): Float64Array {
  if (Number.isFinite(last - first)) return npLinspace(first, last, num);
  const out = new Float64Array(num);
  for (let i = 0; i < num; i++) {
    const t = i / (num - 1);
    out[i] = first * (1 - t) + last * t;
  }
  out[0] = first;
  out[num - 1] = last;
  return out;
}

/**
 * Edges with repeats removed: bins narrower than the data's resolution (a range of a few
 * ulps, e.g. [2^53, 2^53 + 2] in 10 bins, or subnormals) round to repeated edges, and an
 * empty bin of width 0 would break "edges strictly ascending". The merged edges give
 * fewer bins than asked; numpy keeps the repeats (and its zero-width bins).
 */
function strictlyAscending(edges: Float64Array): Float64Array {
  let m = 1;
  for (let i = 1; i < edges.length; i++) if (edges[i] > edges[m - 1]) edges[m++] = edges[i];
  return m === edges.length ? edges : edges.slice(0, m);
}

/** The number of equal-width bins numpy would use: the given number, or ⌈range / width⌉ for a rule. */
export function binCount(bins: Bins, c: Column): number {
  if (typeof bins === 'number') return bins;
  const m = Math.max(Math.abs(c.min), Math.abs(c.max));
  // The rules' ranges, squares and IQRs over- or underflow far from 1; each rule's width
  // scales with the data, so the count is that of the data times a power of two (exact,
  // bar values pushed into the subnormals). Between 2^-500 and 2^500 this is numpy's arithmetic.
  if (m > 2 ** 500 || (m > 0 && m < 2 ** -500)) {
    const e = -Math.floor(Math.log2(m));
    const half = 2 ** Math.trunc(e / 2);
    const rest = 2 ** (e - Math.trunc(e / 2));
    return binCount(bins, new Column(c.x.map((v) => v * half * rest)));
  }
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
    return strictlyAscending(linspaceSafe(first, last, nBins + 1));
  }
  const sorted = c.sorted;
  const q = npLinspace(0, 1, nBins + 1);
  const edges: number[] = [];
  for (let i = 0; i <= nBins; i++) {
    const e = npQuantileSorted(sorted, q[i]);
    if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
  }
  if (edges.length === 1) return Float64Array.from(aroundValue(edges[0]));
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
