import type { Kernels } from '../backend/kernels.js';
import { encodeLabels } from './labels.js';

/** A contingency table in sparse form: non-empty marginals and non-empty cells only. */
export interface Contingency {
  /** Number of samples. */
  n: number;
  /** Counts of each class of a that occurs (length R). */
  rows: Float64Array;
  /** Counts of each class of b that occurs (length C). */
  cols: Float64Array;
  /** Row index, column index and count of each non-empty cell. */
  rowIdx: Int32Array;
  colIdx: Int32Array;
  nij: Float64Array;
}

/** Above this many cells the joint histogram is built by sorting instead. */
const MAX_DENSE_CELLS = 1 << 22;

/** The sparse form of a dense ka × kb table of counts (row-major), dropping empty rows, columns and cells. */
export function fromDense(joint: Float64Array, ka: number, kb: number, n: number): Contingency {
  const rowSum = new Float64Array(ka);
  const colSum = new Float64Array(kb);
  let m = 0;
  for (let i = 0, t = 0; i < ka; i++) {
    for (let j = 0; j < kb; j++, t++) {
      const v = joint[t];
      if (v > 0) {
        rowSum[i] += v;
        colSum[j] += v;
        m++;
      }
    }
  }
  const rowMap = new Int32Array(ka);
  const colMap = new Int32Array(kb);
  const rows = squeeze(rowSum, rowMap);
  const cols = squeeze(colSum, colMap);
  const rowIdx = new Int32Array(m);
  const colIdx = new Int32Array(m);
  const nij = new Float64Array(m);
  for (let i = 0, t = 0, c = 0; i < ka; i++) {
    for (let j = 0; j < kb; j++, t++) {
      if (joint[t] > 0) {
        rowIdx[c] = rowMap[i];
        colIdx[c] = colMap[j];
        nij[c++] = joint[t];
      }
    }
  }
  return { n, rows, cols, rowIdx, colIdx, nij };
}

/** Drops empty entries; map[old] = new index. */
function squeeze(sums: Float64Array, map: Int32Array): Float64Array {
  let k = 0;
  for (let i = 0; i < sums.length; i++) if (sums[i] > 0) map[i] = k++;
  const out = new Float64Array(k);
  for (let i = 0; i < sums.length; i++) if (sums[i] > 0) out[map[i]] = sums[i];
  return out;
}

/** For alphabets too large for a dense table: the backend's sparse pair count (a counting sort by row). */
function fromPairs(k: Kernels, a: Int32Array, b: Int32Array, n: number, ka: number, kb: number): Contingency {
  const { rows, cols, rowIdx, colIdx, nij } = k.pairCounts(a, b, ka, kb);
  return { n, rows, cols, rowIdx, colIdx, nij };
}

/**
 * The two label sequences as codes in backend scratch (both views placed before either is
 * filled, and nothing allocates until both are filled), compacted to the labels that occur
 * when the product of the alphabets passes the dense limit. The compaction is a kernel and
 * may allocate: from then on the views only go to kernels, which find them by identity on
 * wasm even if memory growth detached them; JS never reads them. Call between k.mark() and
 * k.release().
 */
function encodePair(k: Kernels, fn: string, a: ArrayLike<unknown>, b: ArrayLike<unknown>, names: string[]) {
  const n = a.length;
  const [ca, cb] = k.scratchInt32([n, n]);
  let ka = encodeLabels(fn, names[0], a, ca, k.rangeI32);
  let kb = encodeLabels(fn, names[1], b, cb, k.rangeI32);
  const limit = Math.min(Math.max(n, 1 << 16), MAX_DENSE_CELLS);
  if (ka * kb > limit) {
    ka = k.compactCodes(ca, ka);
    kb = k.compactCodes(cb, kb);
  }
  return { n, ca, cb, ka, kb, dense: ka * kb <= limit };
}

/**
 * Encodes two label sequences (already checked to be non-empty and of equal length)
 * and counts their contingency table with the given kernels. Scratch memory is
 * released before returning.
 */
export function contingency(k: Kernels, fn: string, a: ArrayLike<unknown>, b: ArrayLike<unknown>, names = ['a', 'b']): Contingency {
  const mark = k.mark();
  try {
    const { n, ca, cb, ka, kb, dense } = encodePair(k, fn, a, b, names);
    if (dense) return fromDense(k.jointHistogram(ca, cb, kb, ka * kb), ka, kb, n);
    return fromPairs(k, ca, cb, n, ka, kb);
  } finally {
    k.release(mark);
  }
}

/**
 * Plug-in I(a; b) in nats, as pluginMutualInfoNats(k, contingency(…)) gives it bit for bit,
 * but for alphabets too large for a dense table the cells stay in the backend between the
 * pair count and the MI sum (no copy of up to N cells out and back in).
 */
export function pairMutualInfoNats(k: Kernels, fn: string, a: ArrayLike<unknown>, b: ArrayLike<unknown>, names = ['a', 'b']): Contingency | number {
  const mark = k.mark();
  try {
    const { n, ca, cb, ka, kb, dense } = encodePair(k, fn, a, b, names);
    if (dense) return fromDense(k.jointHistogram(ca, cb, kb, ka * kb), ka, kb, n);
    if (ka === 1 || kb === 1) return 0;
    return k.pairMutualInfo(ca, cb, ka, kb);
  } finally {
    k.release(mark);
  }
}

/** Counts of each class of one label sequence (empty classes dropped). */
export function classCounts(k: Kernels, fn: string, x: ArrayLike<unknown>, name = 'x'): Float64Array {
  const mark = k.mark();
  try {
    const [codes] = k.scratchInt32([x.length]);
    const kx = encodeLabels(fn, name, x, codes, k.rangeI32);
    const counts = k.histogram(codes, kx);
    return squeeze(counts, new Int32Array(kx));
  } finally {
    k.release(mark);
  }
}
