// Mixed-KSG (Gao, Kannan, Oh & Viswanath, NeurIPS 2017): KSG made consistent on data with
// ties, where discrete and continuous values mix. No noise is added: ties are the point.
import type { Kernels } from '../backend/kernels.js';
import { knnSettings } from '../core/knnOptions.js';
import { joinColumns, prepare, toPoints, type Points } from '../core/points.js';
import { sameLength } from '../core/validate.js';

/** The per-sample counts of Mixed-KSG: k_i, n_x,i and n_y,i (each including the point itself). */
export interface MixedKsgCounts {
  kc: Int32Array;
  nx: Int32Array;
  ny: Int32Array;
}

/** The authors' tolerance: distances within 1e-15 of each other count as equal (float rounding of gridded data). */
const TIE = 1e-15;

/**
 * ρ_i is the max-norm distance to the k-th joint neighbour. If ρ_i = 0, k_i, n_x,i and
 * n_y,i count the points within 1e-15 (the ties); otherwise k_i = k and n_x,i, n_y,i count
 * the points within ρ_i − 1e-15, i.e. strictly closer up to rounding; the point itself is
 * counted in every case. This is the authors' code (Gao et al. 2017, wgao9/mixed_KSG, whose
 * cKDTree queries use these 1e-15 margins): on rounded data a difference such as 0.3 − 0.1
 * and 0.4 − 0.2 differ in the last bit, and only the margin reads them as one distance.
 */
export function mixedKsgCounts(K: Kernels, x: Points, y: Points, k: number): MixedKsgCounts {
  const n = x.n;
  const joint = joinColumns([x, y]);
  const rho = K.knnMaxNorm(joint.data, joint.d, k, false).dist;
  const radius = new Float64Array(n);
  let anyZero = false;
  for (let i = 0; i < n; i++) {
    const r = rho[i];
    if (r === 0) anyZero = true;
    radius[i] = r === 0 ? TIE : Math.max(0, r - TIE);
  }
  const nx = K.countWithinMaxNorm(x.data, x.d, radius, true);
  const ny = K.countWithinMaxNorm(y.data, y.d, radius, true);
  const kc = anyZero ? K.countWithinMaxNorm(joint.data, joint.d, radius, true) : new Int32Array(n);
  for (let i = 0; i < n; i++) {
    nx[i] += 1;
    ny[i] += 1;
    kc[i] = rho[i] === 0 ? kc[i] + 1 : k;
  }
  return { kc, nx, ny };
}

/** I = mean_i [ψ(k_i) + ln N − ψ(n_x,i) − ψ(n_y,i)] in nats. */
export function mixedKsgNats(K: Kernels, x: Points, y: Points, k: number): number {
  const n = x.n;
  const c = mixedKsgCounts(K, x, y, k);
  return (K.sumDigamma(c.kc, 0) - K.sumDigamma(c.nx, 0) - K.sumDigamma(c.ny, 0)) / n + Math.log(n);
}

/** The per-sample terms ψ(k_i) + ln N − ψ(n_x,i) − ψ(n_y,i), whose mean is {@link mixedKsgNats}: local MI in nats. */
export function mixedKsgLocal(K: Kernels, x: Points, y: Points, k: number): Float64Array {
  const n = x.n;
  const c = mixedKsgCounts(K, x, y, k);
  const lnN = Math.log(n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = K.digamma(c.kc[i]) + lnN - K.digamma(c.nx[i]) - K.digamma(c.ny[i]);
  return out;
}

/**
 * The public path of mutualInformation(x, y, { estimator: 'mixed-ksg' }): validates the
 * samples and k (k ≥ N is a RangeError), divides each dimension by its population std when
 * `normalize` (default true; ties stay ties), adds no noise, and returns nats, raw.
 */
export function mixedKsgMutualInformation(fn: string, K: Kernels, xs: unknown, ys: unknown, o: Record<string, unknown>): number {
  const x = toPoints(fn, 'x', xs);
  const y = toPoints(fn, 'y', ys);
  sameLength(fn, 'x', x.n, 'y', y.n);
  const s = knnSettings(fn, o, x.n, { normalize: true, noise: 0 });
  prepare([x, y], s.normalize, 0, 0);
  return mixedKsgNats(K, x, y, s.k);
}
