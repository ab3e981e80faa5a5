// A batch of columns of mutualInfoRegression / mutualInfoClassif for one pool worker:
// each continuous column is scaled and noised here (sklearn 1.2.1 _estimate_mi's
// arithmetic, column by column, from normals the caller drew in numpy's order), then
// scored. The matrix and the normals are shared (SharedArrayBuffer) where possible, so a
// batch moves no data; otherwise they are the batch's own copies.
import type { BackendOption } from '../backend/select.js';
import { sklearnAbsMean, sklearnStd, tame } from '../core/sklearnPrep.js';
import { scoreFeature } from './featureScore.js';

const NOISE = 1e-10; // sklearn.feature_selection._mutual_info._estimate_mi
const EPS = 2.220446049250313e-16;

/** Columns [first, first + count) of the call, read from a column-major matrix. */
export interface FeatureBatch {
  /** Column-major values, n per column; column `first + c` of the call is column `xAt + c` here. */
  X: Float64Array;
  xAt: number;
  n: number;
  count: number;
  /** Per column of the batch: true when discrete. */
  discrete: boolean[];
  /** Standard normals, row-major with `gStride` per row; column c of the batch reads column gCol[c] (−1 if discrete). */
  G: Float64Array | null;
  gStride: number;
  gCol: number[];
  y: Float64Array | Int32Array;
  yClasses: number;
  yDiscrete: boolean;
  k: number;
  backend?: BackendOption;
  /** Mixed-KSG: the columns arrive scaled, and get no noise. */
  mixedKsg?: boolean;
}

/**
 * Scales x in place by its population std (a std below 10ε counts as 1, sklearn's
 * _handle_zeros_in_scale) and adds 1e-10·max(1, mean|x|)·G[i·stride + c]: for each value
 * the same operations, in the same order, as sklearnPrepare, its overflow-safe std and mean
 * |x| beyond 2^±500 and its 2^-64 taming included (without them a pooled call scored a
 * column spanning 1e-15 to 1e308 on an erased column, and differently from workers: 1).
 */
export function prepareColumn(x: Float64Array, G: Float64Array, stride: number, c: number): void {
  const n = x.length;
  let s = sklearnStd(x);
  if (s < 10 * EPS) s = 1;
  for (let i = 0; i < n; i++) x[i] = x[i] / s;
  tame(x);
  const amp = NOISE * Math.max(1, sklearnAbsMean(x));
  for (let i = 0, t = c; i < n; i++, t += stride) x[i] += amp * G[t];
}

/** The MI of each column of the batch with the target, in nats, clipped at 0. */
export function scoreBatch(b: FeatureBatch): Float64Array {
  const out = new Float64Array(b.count);
  for (let c = 0; c < b.count; c++) {
    const x = b.X.subarray((b.xAt + c) * b.n, (b.xAt + c + 1) * b.n);
    if (!b.discrete[c] && !b.mixedKsg) prepareColumn(x, b.G!, b.gStride, b.gCol[c]);
    out[c] = scoreFeature({ x, xDiscrete: b.discrete[c], y: b.y, yClasses: b.yClasses, yDiscrete: b.yDiscrete, k: b.k, backend: b.backend, mixedKsg: b.mixedKsg });
  }
  return out;
}
