// JIDT's box-kernel mutual information (MutualInfoCalculatorMultiVariateKernel): a step
// kernel of half-width `width` in the max norm, counted in the x, y and joint spaces.
import type { Kernels } from '../backend/kernels.js';
import { joinColumns, toPoints, type Points } from '../core/points.js';
import { sameLength, show } from '../core/validate.js';

/**
 * Local box-kernel MI in nats: ln(N·c_xy,i / (c_x,i·c_y,i)), where c counts the samples j
 * (i itself included) with |v_j − v_i| ≤ width in every coordinate of that space. The
 * kernel volumes cancel, so this is JIDT's log p_xy / (p_x p_y). Its mean is the estimate.
 */
export function boxKernelLocal(K: Kernels, x: Points, y: Points, width: number): Float64Array {
  const n = x.n;
  const radius = new Float64Array(n).fill(width);
  const joint = joinColumns([x, y]);
  const cx = K.countWithinMaxNorm(x.data, x.d, radius, true);
  const cy = K.countWithinMaxNorm(y.data, y.d, radius, true);
  const cxy = K.countWithinMaxNorm(joint.data, joint.d, radius, true);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.log((n * (cxy[i] + 1)) / ((cx[i] + 1) * (cy[i] + 1)));
  return out;
}

/**
 * Divides each column by its sample standard deviation (ddof = 1), in place: JIDT's
 * NORMALISE, which scales the kernel width by each dimension's std instead. A constant
 * column is left as it is.
 */
function scaleBySampleStd(p: Points): void {
  const { data, n, d } = p;
  for (let c = 0; c < d; c++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data[i * d + c];
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (data[i * d + c] - mean) ** 2;
    const sd = Math.sqrt(ss / (n - 1));
    if (sd > 0) for (let i = 0; i < n; i++) data[i * d + c] /= sd;
  }
}

/**
 * The public path of mutualInformation(x, y, { estimator: 'kernel', width, normalize }):
 * validates, scales (default normalize true, as JIDT) and returns the mean local value, nats.
 */
export function boxKernelMutualInformation(fn: string, K: Kernels, xs: unknown, ys: unknown, o: Record<string, unknown>): number {
  const width = o.width === undefined ? 0.25 : o.width;
  if (typeof width !== 'number' || !Number.isFinite(width) || width <= 0) {
    throw new RangeError(`${fn}: width must be a finite number > 0, got ${show(width)}`);
  }
  const normalize = o.normalize === undefined ? true : o.normalize;
  if (typeof normalize !== 'boolean') throw new TypeError(`${fn}: normalize must be a boolean, got ${show(normalize)}`);
  const x = toPoints(fn, 'x', xs);
  const y = toPoints(fn, 'y', ys);
  sameLength(fn, 'x', x.n, 'y', y.n);
  if (normalize && x.n > 1) {
    scaleBySampleStd(x);
    scaleBySampleStd(y);
  }
  const local = boxKernelLocal(K, x, y, width);
  let s = 0;
  for (let i = 0; i < local.length; i++) s += local[i];
  return s / local.length;
}
