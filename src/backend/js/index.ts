import type { Kernels } from '../kernels.js';
import * as h from './histogram.js';
import { pairTables } from './selection.js';
import * as bn from './binning.js';
import * as en from './entropy.js';
import { sumDigamma, sumLog, digamma } from './digamma.js';
import { argsortF64 } from './radix.js';
import { lineCount, lineKnn } from './line.js';
import { kdBuild } from './kdbuild.js';
import { kdCount } from './kdcount.js';
import { planeCount } from './plane.js';
import { kdKnn } from './kdknn.js';
import { gridBuild } from './gridbuild.js';
import { GRID_K_MAX, gridKnn } from './gridknn.js';
import { neighbourExtent } from './extent.js';
import { kdeBlock } from './kde.js';
import { kdeBlockBounds, mergeKdeBlocks } from '../../core/kdeBlocks.js';
import { copnormF64 } from './copnorm.js';
import { rankCounts } from './rankksg.js';
import { pairCounts, pairMutualInfo } from './pairs.js';
import { compactCodes } from './compact.js';
import { joinInto } from '../../core/points.js';

/** 2-D k-NN on a grid; the points it leaves, or all when the data fit a grid badly, on the kd-tree. */
function knnGrid(points: Float64Array, k: number, dist: Float64Array, idx: Int32Array | null): void {
  const g = gridBuild(points);
  const marks = new Int32Array(dist.length);
  const left = g ? gridKnn(g, k, dist, idx, marks) : dist.length;
  if (left > 0) kdKnn(kdBuild(points, 2), k, dist, idx, g ? marks : null);
}

/** knnGrid for the queries of one share (Kernels.knnMaxNormPart): grid positions [a, b), or indices [a, b) on the tree. */
function knnGridPart(points: Float64Array, k: number, dist: Float64Array, idx: Int32Array | null, a: number, b: number): void {
  const g = gridBuild(points);
  const marks = new Int32Array(dist.length);
  if (!g) marks.fill(1, a, b);
  const left = g ? gridKnn(g, k, dist, idx, marks, undefined, a, b) : b - a;
  if (left > 0) kdKnn(kdBuild(points, 2), k, dist, idx, marks);
}

/** Sorted copy and ranks of 1-D values. */
function line(v: Float64Array): [Float64Array, Int32Array] {
  const sorted = new Float64Array(v.length);
  const perm = new Int32Array(v.length);
  argsortF64(v, sorted, perm);
  return [sorted, perm];
}

/** The pure-TypeScript backend: used where WebAssembly is unavailable or not yet compiled. */
export const jsKernels: Kernels = {
  name: 'js',
  scratchInt32: (lengths) => lengths.map((n) => new Int32Array(n)),
  scratchFloat64: (lengths) => lengths.map((n) => new Float64Array(n)),
  mark: () => 0,
  release: () => {},
  histogram(codes, k) {
    const counts = new Float64Array(k);
    h.histogram(codes, counts);
    return counts;
  },
  jointHistogram(a, b, kb, cells) {
    const counts = new Float64Array(cells);
    h.jointHistogram(a, b, kb, counts);
    return counts;
  },
  pairTables(codes, n, K, s, y, ky, idx, lut) {
    const out = new Float64Array(2 * idx.length);
    pairTables(codes, n, K, s, y, ky, idx, lut, out);
    return out;
  },
  jointHistogram3(a, b, c, kb, kc, cells) {
    const counts = new Float64Array(cells);
    h.jointHistogram3(a, b, c, kb, kc, counts);
    return counts;
  },
  compactCodes,
  pairCounts,
  pairMutualInfo,
  rangeI32: h.rangeI32,
  sumNLogN: h.sumNLogN,
  miSparse: h.miSparse,
  digamma,
  sumDigamma,
  sumLog,
  knnMaxNorm(points, d, k, withIndices) {
    const n = points.length / d;
    const dist = new Float64Array(n);
    const idx = withIndices ? new Int32Array(n * k) : null;
    if (d === 1) {
      const [sorted, perm] = line(points);
      lineKnn(sorted, perm, k, dist, idx);
    } else if (d === 2 && k <= GRID_K_MAX) knnGrid(points, k, dist, idx);
    else kdKnn(kdBuild(points, d), k, dist, idx);
    return { dist, idx };
  },
  knnMaxNormPart(points, d, k, withIndices, part, parts) {
    const n = points.length / d;
    const a = Math.floor((n * part) / parts);
    const b = Math.floor((n * (part + 1)) / parts);
    const dist = new Float64Array(n).fill(-1);
    const idx = withIndices ? new Int32Array(n * k) : null;
    if (d === 1) {
      const [sorted, perm] = line(points);
      lineKnn(sorted, perm, k, dist, idx, a, b);
    } else if (d === 2 && k <= GRID_K_MAX) knnGridPart(points, k, dist, idx, a, b);
    else {
      const marks = new Int32Array(n);
      marks.fill(1, a, b);
      kdKnn(kdBuild(points, d), k, dist, idx, marks);
    }
    return { dist, idx };
  },
  countWithinMaxNorm(points, d, radius, inclusive) {
    const counts = new Int32Array(radius.length);
    if (d === 1) {
      const [sorted, perm] = line(points);
      lineCount(sorted, perm, radius, inclusive, counts);
    } else if (d === 2) planeCount(points, radius, inclusive, counts);
    else kdCount(kdBuild(points, d), radius, inclusive, counts);
    return counts;
  },
  ksgDigammaSums(x, dx, y, dy, k) {
    const n = x.length / dx;
    const joint = joinInto(new Float64Array(n * (dx + dy)), [
      { data: x, n, d: dx },
      { data: y, n, d: dy },
    ]);
    const { dist } = jsKernels.knnMaxNorm(joint, dx + dy, k, false);
    return [sumDigamma(jsKernels.countWithinMaxNorm(x, dx, dist, false), 1), sumDigamma(jsKernels.countWithinMaxNorm(y, dy, dist, false), 1)];
  },
  rankCounts(xs, ys, q, dist) {
    const nx = new Int32Array(xs.length);
    const ny = new Int32Array(xs.length);
    rankCounts(xs, ys, q, dist, nx, ny);
    return { nx, ny };
  },
  neighbourExtent(points, d, from, to, idx, k) {
    const ext = new Float64Array(points.length / d);
    neighbourExtent(points, d, from, to, idx, k, ext);
    return ext;
  },
  argsort(values) {
    const [sorted, perm] = line(values);
    return { sorted, perm };
  },
  copnorm(values) {
    const normal = new Float64Array(values.length);
    const distinct = copnormF64(values, normal);
    return { normal, distinct };
  },
  kdeSums(points, d, leaveOneOut) {
    const n = points.length / d;
    const bounds = kdeBlockBounds(n);
    return mergeKdeBlocks(this.kdeBlocks(points, d, bounds, bounds.slice(1).map((_, t) => t)), n, leaveOneOut);
  },
  kdeBlocks(points, d, bounds, blocks) {
    const n = points.length / d;
    return blocks.map((t) => {
      const sums = new Float64Array(n);
      kdeBlock(points, d, bounds[t], bounds[t + 1], sums);
      return sums;
    });
  },
  binCodes(values, edges) {
    const codes = new Int32Array(values.length);
    bn.binCodes(values, edges, codes);
    return codes;
  },
  sumXLogX: en.sumXLogX,
  chaoShenSum: en.chaoShenSum,
};
