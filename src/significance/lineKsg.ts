// KSG algorithm 1 of 1-D x against 1-D y under permutations of y: both sides are sorted
// once, and each permutation costs the joint k-NN search (the 2-D grid) and two sets of
// exponential searches on the fixed sorted values (Kernels.rankCounts), with no sort.
import type { Kernels } from '../backend/kernels.js';
import type { Statistic } from './statistic.js';

/** Sample indices in ascending order of the values. */
function order(v: Float64Array): Int32Array {
  const idx = new Int32Array(v.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => v[a] - v[b]);
}

/**
 * The statistic perm ↦ KSG algorithm 1 of (x_i, y_perm[i]) in nats, for prepared (scaled,
 * noised) 1-D samples: bit for bit what ksgNats returns on the reordered data, since the
 * distances are the same floating-point numbers and the digamma sums run in sample order.
 */
export function lineKsgStatistic(K: Kernels, x: Float64Array, y: Float64Array, k: number): Statistic {
  const n = x.length;
  const px = order(x);
  const py = order(y);
  const xs = Float64Array.from(px, (i) => x[i]);
  const ys = Float64Array.from(py, (i) => y[i]);
  const ry = new Int32Array(n);
  for (let r = 0; r < n; r++) ry[py[r]] = r;
  const q = new Int32Array(n);
  const pts = new Float64Array(2 * n);
  for (let r = 0; r < n; r++) pts[2 * r] = xs[r];
  const cx = new Int32Array(n);
  const cy = new Int32Array(n);
  const head = K.digamma(k) + K.digamma(n);
  return (perm) => {
    for (let r = 0; r < n; r++) pts[2 * r + 1] = ys[(q[r] = ry[perm ? perm[px[r]] : px[r]])];
    const { dist } = K.knnMaxNorm(pts, 2, k, false);
    const { nx, ny } = K.rankCounts(xs, ys, q, dist);
    for (let r = 0; r < n; r++) {
      cx[px[r]] = nx[r];
      cy[px[r]] = ny[r];
    }
    return head - (K.sumDigamma(cx, 1) + K.sumDigamma(cy, 1)) / n;
  };
}
