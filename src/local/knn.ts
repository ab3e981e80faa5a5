// KSG mutual information and conditional MI, average and local (per-point) values, with an
// optional Theiler window: the k-NN engine of the local and time-series measures.
import type { Kernels } from '../backend/kernels.js';
import { joinColumns, type Points } from '../core/points.js';
import { countWithinBox } from './boxCount.js';
import { dropExcluded, dropExcludedBox, knnExcluded, type Exclusion } from './exclusion.js';

/** An average in nats and, when asked for, one local value per point whose mean it is. */
export interface Estimate {
  value: number;
  local: Float64Array | null;
}

/** ψ at the integers 0..max through the backend (ψ(0) is never asked for). */
function psiTable(K: Kernels, max: number): Float64Array {
  const t = new Float64Array(max + 1);
  for (let i = 1; i <= max; i++) t[i] = K.digamma(i);
  return t;
}

function maxOf(...arrays: Int32Array[]): number {
  let m = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
  return m;
}

/**
 * KSG I(X;Y) in nats (Kraskov et al. 2004; JIDT's MutualInfoCalculatorMultiVariateKraskov1/2):
 * algorithm 1 local_i = ψ(k) + ψ(N) − ψ(n_x + 1) − ψ(n_y + 1) with strict counts;
 * algorithm 2 local_i = ψ(k) − 1/k + ψ(N) − ψ(n_x) − ψ(n_y) with counts ≤ the marginal
 * extents of the k joint neighbours. The average uses the kernels' digamma sums, the
 * numbers of mutualInformation.
 */
export function ksgEstimate(K: Kernels, x: Points, y: Points, k: number, algorithm: 1 | 2, ex: Exclusion | null, locals: boolean): Estimate {
  const n = x.n;
  const joint = joinColumns([x, y]);
  const nb = knnExcluded(K, joint, k, ex, algorithm === 2);
  let nx: Int32Array;
  let ny: Int32Array;
  let shift: number;
  let c0: number;
  if (algorithm === 1) {
    nx = dropExcluded(K.countWithinMaxNorm(x.data, x.d, nb.dist, false), x, nb.dist, false, ex);
    ny = dropExcluded(K.countWithinMaxNorm(y.data, y.d, nb.dist, false), y, nb.dist, false, ex);
    shift = 1;
    c0 = K.digamma(k) + K.digamma(n);
  } else {
    const exX = K.neighbourExtent(joint.data, joint.d, 0, x.d, nb.idx!, k);
    const exY = K.neighbourExtent(joint.data, joint.d, x.d, joint.d, nb.idx!, k);
    nx = dropExcluded(K.countWithinMaxNorm(x.data, x.d, exX, true), x, exX, true, ex);
    ny = dropExcluded(K.countWithinMaxNorm(y.data, y.d, exY, true), y, exY, true, ex);
    shift = 0;
    c0 = K.digamma(k) - 1 / k + K.digamma(n);
  }
  const value = c0 - (K.sumDigamma(nx, shift) + K.sumDigamma(ny, shift)) / n;
  if (!locals) return { value, local: null };
  const psi = psiTable(K, maxOf(nx, ny) + shift);
  const local = new Float64Array(n);
  for (let i = 0; i < n; i++) local[i] = c0 - psi[nx[i] + shift] - psi[ny[i] + shift];
  return { value, local };
}

/**
 * KSG I(X;Y|Z) in nats. Algorithm 1 is Frenzel & Pompe (PRL 99, 204101, 2007):
 * local_i = ψ(k) − ψ(n_xz + 1) − ψ(n_yz + 1) + ψ(n_z + 1), strict counts within the joint
 * k-NN distance. Algorithm 2 is JIDT's ConditionalMutualInfoCalculatorMultiVariateKraskov2
 * (after Wibral et al. 2014): ε_x, ε_y, ε_z are the largest distances in each subspace among
 * the k joint neighbours; n_z counts z within ≤ ε_z, n_xz counts x ≤ ε_x and z ≤ ε_z (n_yz
 * likewise), and local_i = ψ(k) − 2/k + ψ(n_z) − ψ(n_xz) − ψ(n_yz) + 1/n_xz + 1/n_yz.
 */
export function cmiEstimate(K: Kernels, x: Points, y: Points, z: Points, k: number, algorithm: 1 | 2, ex: Exclusion | null, locals: boolean): Estimate {
  const n = x.n;
  const joint = joinColumns([x, y, z]);
  const xz = joinColumns([x, z]);
  const yz = joinColumns([y, z]);
  const nb = knnExcluded(K, joint, k, ex, algorithm === 2);
  const psiK = K.digamma(k);
  if (algorithm === 1) {
    const r = nb.dist;
    const nxz = dropExcluded(K.countWithinMaxNorm(xz.data, xz.d, r, false), xz, r, false, ex);
    const nyz = dropExcluded(K.countWithinMaxNorm(yz.data, yz.d, r, false), yz, r, false, ex);
    const nz = dropExcluded(K.countWithinMaxNorm(z.data, z.d, r, false), z, r, false, ex);
    const value = psiK - (K.sumDigamma(nxz, 1) + K.sumDigamma(nyz, 1) - K.sumDigamma(nz, 1)) / n;
    if (!locals) return { value, local: null };
    const psi = psiTable(K, maxOf(nxz, nyz, nz) + 1);
    const local = new Float64Array(n);
    for (let i = 0; i < n; i++) local[i] = psiK - psi[nxz[i] + 1] - psi[nyz[i] + 1] + psi[nz[i] + 1];
    return { value, local };
  }
  const idx = nb.idx!;
  const dx = x.d;
  const dy = y.d;
  const ex_ = K.neighbourExtent(joint.data, joint.d, 0, dx, idx, k);
  const ey = K.neighbourExtent(joint.data, joint.d, dx, dx + dy, idx, k);
  const ez = K.neighbourExtent(joint.data, joint.d, dx + dy, joint.d, idx, k);
  const nz = dropExcluded(K.countWithinMaxNorm(z.data, z.d, ez, true), z, ez, true, ex);
  const box = (p: Points, ea: Float64Array, da: number): Int32Array => {
    const half = new Float64Array(n * p.d);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < p.d; c++) half[i * p.d + c] = c < da ? ea[i] : ez[i];
    }
    return dropExcludedBox(countWithinBox(p.data, p.d, half), p.data, p.d, half, ex);
  };
  const nxz = box(xz, ex_, dx);
  const nyz = box(yz, ey, dy);
  let inv = 0;
  for (let i = 0; i < n; i++) inv += 1 / nxz[i] + 1 / nyz[i];
  const c0 = psiK - 2 / k;
  const value = c0 + (K.sumDigamma(nz, 0) - K.sumDigamma(nxz, 0) - K.sumDigamma(nyz, 0) + inv) / n;
  if (!locals) return { value, local: null };
  const psi = psiTable(K, maxOf(nxz, nyz, nz));
  const local = new Float64Array(n);
  for (let i = 0; i < n; i++) local[i] = c0 + psi[nz[i]] - psi[nxz[i]] - psi[nyz[i]] + 1 / nxz[i] + 1 / nyz[i];
  return { value, local };
}
